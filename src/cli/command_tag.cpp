// litrev tag / untag KEY TAG...: the two are one command with opposite directions.
#include <fmt/format.h>

#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"

namespace litrev::cli {
namespace {

class TagCommand final : public Command {
 public:
  explicit TagCommand(bool add) : add_(add) {}

  void setup(CLI::App& sub) override {
    sub.add_option("key", key_, "Key of the work")->required();
    sub.add_option("tags", tags_, "Tags")->required()->expected(1, -1);
    sub.add_flag("--json", json_, "Print the work's key and the tags changed as JSON");
  }

  int run(Context& ctx) override {
    for (const auto& t : tags_)
      if (t.empty() || t.find_first_of(",\n") != std::string::npos) throw UsageError(fmt::format("invalid tag '{}'", t));
    auto& store = ctx.store();
    const auto changed = add_ ? store.tag(key_, tags_) : store.untag(key_, tags_);
    if (json_) ctx.print_json({{"key", key_}, {add_ ? "added" : "removed", changed}});
    else
      ctx.summary(fmt::format("{}: {} {}", key_, add_ ? "tagged" : "untagged",
                              changed.empty() ? "(no change)" : fmt::format("{}", fmt::join(changed, ", "))));
    return kOk;
  }

 private:
  bool add_;
  std::string key_;
  std::vector<std::string> tags_;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_tag_command() { return std::make_unique<TagCommand>(true); }
std::unique_ptr<Command> make_untag_command() { return std::make_unique<TagCommand>(false); }

}  // namespace litrev::cli
