// litrev search QUERY: full-text search over titles, abstracts, keywords, people and notes.
#include <fmt/format.h>

#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/work_view.hpp"
#include "src/cli/option_checks.hpp"

namespace litrev::cli {
namespace {

class SearchCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("query", query_, "Words, \"a phrase\", prefix*, AND/OR/NOT (SQLite FTS5 syntax)")
        ->required()
        ->expected(1, -1);
    sub.add_option("-n,--limit", limit_, "At most N results")->check(at_least(1));
    sub.add_flag("--json", json_, "Print a JSON array of {key, title, year, snippet, score}");
  }

  int run(Context& ctx) override {
    std::string query;
    for (const auto& part : query_) query += (query.empty() ? "" : " ") + part;
    const auto hits = ctx.store().search(query, limit_);
    if (json_) {
      auto array = nlohmann::json::array();
      for (const auto& h : hits)
        array.push_back({{"key", h.key},
                         {"title", h.title},
                         {"year", h.year ? nlohmann::json(*h.year) : nlohmann::json(nullptr)},
                         {"snippet", h.snippet},
                         {"score", -h.rank}});
      ctx.print_json(array);
      return kOk;
    }
    if (hits.empty()) ctx.summary(fmt::format("no match for '{}'", query));
    for (const auto& h : hits) {
      throw_if_cancelled();  // a long listing into a slow pipe stops on Ctrl-C too
      ctx.out() << fmt::format("{}  ({}) {}\n    {}\n", h.key, year_text(h.year), h.title, h.snippet);
    }
    return kOk;
  }

 private:
  std::vector<std::string> query_;
  int limit_ = 20;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_search_command() { return std::make_unique<SearchCommand>(); }

}  // namespace litrev::cli
