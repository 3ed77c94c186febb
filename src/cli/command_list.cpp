// litrev list: the works of the library, one per line or as a JSON array.
#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/work_view.hpp"
#include "src/cli/option_checks.hpp"

namespace litrev::cli {
namespace {

class ListCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_flag("--json", json_, "Print a JSON array of works (key, type, title, year, doi, authors, fields...)");
    sub.add_option("--tag", tag_, "Only works with this tag");
    sub.add_option("--limit", limit_, "At most N works")->check(at_least(1));
  }

  int run(Context& ctx) override {
    ListFilter filter;
    if (!tag_.empty()) filter.tag = tag_;
    if (limit_ > 0) filter.limit = limit_;
    if (json_) {
      // Streamed as one array so a large library is never held twice in memory.
      auto& out = ctx.raw_out();
      out << '[';
      bool first = true;
      ctx.store().for_each_work(filter, [&](const StoredWork& w) {
        throw_if_cancelled();
        out << (first ? "\n" : ",\n") << Context::json_text(work_summary_json(w));
        first = false;
      });
      out << (first ? "]\n" : "\n]\n");
      return kOk;
    }
    ctx.store().for_each_work(filter, [&](const StoredWork& w) {
      throw_if_cancelled();
      ctx.out() << work_line(w) << '\n';
    });
    return kOk;
  }

 private:
  bool json_ = false;
  std::string tag_;
  std::int64_t limit_ = 0;
};

}  // namespace

std::unique_ptr<Command> make_list_command() { return std::make_unique<ListCommand>(); }

}  // namespace litrev::cli
