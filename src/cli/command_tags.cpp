// litrev tags: every tag with how many works carry it, most used first.
#include <fmt/format.h>

#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"

namespace litrev::cli {
namespace {

class TagsCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_flag("--json", json_, "Print a JSON array of {tag, works}");
  }

  int run(Context& ctx) override {
    const auto tags = ctx.store().tag_counts();
    if (json_) {
      auto arr = nlohmann::json::array();
      for (const auto& t : tags) arr.push_back({{"tag", t.name}, {"works", t.works}});
      ctx.print_json(arr);
      return kOk;
    }
    if (tags.empty()) ctx.summary("no tags yet (litrev tag KEY TAG...)");
    for (const auto& t : tags) ctx.out() << fmt::format("{:>6}  {}\n", t.works, t.name);
    return kOk;
  }

 private:
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_tags_command() { return std::make_unique<TagsCommand>(); }

}  // namespace litrev::cli
