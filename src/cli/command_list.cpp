// litrev list: the works of the library, one per line or as a JSON array; filters (--tag,
// --year, --type, --author) combine, --sort orders them (the store does both).
#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/work_view.hpp"
#include "src/cli/option_checks.hpp"
#include "src/core/text.hpp"
#include "src/core/data_model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace litrev::cli {
namespace {

class ListCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_flag("--json", json_, "Print a JSON array of works (key, type, title, year, doi, authors, fields...)");
    sub.add_option("--tag", tag_, "Only works with this tag");
    sub.add_option("--year", year_, "Only works of this year (2010) or years (2010-2015, 2010-, -1999)");
    sub.add_option("--type", type_, "Only works of this type (article, book, incollection, thesis...)");
    sub.add_option("--author", author_, "Only works with an author whose name has these words (latour, \"le gales\")");
    sub.add_option("--sort", sort_, "Order: added (default), year, title, author, citations (most cited in the library first)")
        ->check(CLI::IsMember({"added", "year", "title", "author", "citations"}));
    sub.add_flag("--reverse", reverse_, "Reverse the order (works missing the sort value stay last)");
    sub.add_option("--limit", limit_, "At most N works (after sorting)")->check(at_least(1));
  }

  int run(Context& ctx) override {
    ListFilter filter;
    if (!tag_.empty()) filter.tag = tag_;
    if (!year_.empty()) std::tie(filter.year_from, filter.year_to) = year_range(year_);
    if (!type_.empty()) {
      const std::string type = ascii_lower(type_);
      const std::string_view mapped = is_store_type(type) ? std::string_view(type) : store_type_from(TypeVocabulary::bibtex, type);
      if (mapped == "misc" && type != "misc")
        throw UsageError(fmt::format("--type: '{}' is not a work type (article, book, incollection, inproceedings, "
                                     "thesis, report, online, misc...)", type_));
      filter.type = std::string(mapped);
    }
    if (!author_.empty()) {
      if (words(author_).empty()) throw UsageError("--author: give a name (letters or digits)");
      filter.author = author_;
    }
    filter.sort = sort_ == "year"        ? ListSort::year
                  : sort_ == "title"     ? ListSort::title
                  : sort_ == "author"    ? ListSort::author
                  : sort_ == "citations" ? ListSort::citations
                                         : ListSort::added;
    filter.reverse = reverse_;
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
  // "2010", "2010-2015", "2010-" or "-1999" -> inclusive bounds.
  static std::pair<std::optional<int>, std::optional<int>> year_range(const std::string& text) {
    auto year = [&](std::string_view y) -> std::optional<int> {
      if (y.empty()) return std::nullopt;
      if (y.size() != 4 || !std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw UsageError(fmt::format("--year: '{}' is not a year or a range of years (2010, 2010-2015, 2010-, -1999)", text));
      return std::stoi(std::string(y));
    };
    const std::string_view t = trim(text);
    const auto dash = t.find('-');
    if (dash == std::string_view::npos) {
      const auto y = year(t);
      return {y, y};
    }
    const auto from = year(t.substr(0, dash)), to = year(t.substr(dash + 1));
    if (!from && !to) year("-");
    if (from && to && *from > *to)
      throw UsageError(fmt::format("--year: the range {} ends before it begins", text));
    return {from, to};
  }

  bool json_ = false;
  std::string tag_, year_, type_, author_, sort_ = "added";
  bool reverse_ = false;
  std::int64_t limit_ = 0;
};

}  // namespace

std::unique_ptr<Command> make_list_command() { return std::make_unique<ListCommand>(); }

}  // namespace litrev::cli
