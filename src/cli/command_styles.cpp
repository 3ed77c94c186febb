// litrev styles: the citation styles litrev can use (the official CSL repository as Debian
// installs it, or $LITREV_CSL_DIR), found by words of their name or title.
#include <fmt/format.h>

#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/csl/catalog.hpp"

namespace litrev::cli {
namespace {

class StylesCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("--search", search_, "Words that the style's name or title must contain (accents and case ignored)");
    sub.add_flag("--aliases", aliases_, "List the short names (asa, chicago...) instead");
    sub.add_flag("--json", json_, "One JSON array: name, title, dependent, path");
  }

  int run(Context& ctx) override {
    const auto catalog = csl::StyleCatalog::from_environment();
    if (aliases_) {
      for (const auto& [alias, name] : csl::style_aliases()) ctx.out() << fmt::format("{:<12} {}\n", alias, name);
      return kOk;
    }
    const auto found = catalog.search(search_);
    if (json_) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& f : found)
        arr.push_back({{"name", f.name}, {"title", f.title}, {"dependent", f.dependent}, {"path", f.path.string()}});
      ctx.print_json(arr);
      return kOk;
    }
    for (const auto& f : found)
      ctx.out() << fmt::format("{}  {}{}\n", f.name, f.title, f.dependent ? "  (dependent)" : "");
    if (!ctx.quiet()) {
      if (found.empty())
        ctx.err() << fmt::format("no style matches \"{}\" in {}\n", search_,
                                 catalog.style_dirs().empty() ? "" : catalog.style_dirs().front().string());
      else
        ctx.err() << fmt::format("{} styles{}\n", found.size(), search_.empty() ? " (independent; --search WORD finds dependent ones too)" : "");
    }
    return kOk;
  }

 private:
  std::string search_;
  bool aliases_ = false;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_styles_command() { return std::make_unique<StylesCommand>(); }

}  // namespace litrev::cli
