// litrev merge KEEP OTHER: merges two works by hand; OTHER's values stay in its source records.
#include <fmt/format.h>

#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"

namespace litrev::cli {
namespace {

class MergeCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("keep", keep_, "Key of the work that stays")->required();
    sub.add_option("other", other_, "Key of the work merged into it (it disappears)")->required();
    sub.add_flag("--json", json_, "Print the result as JSON");
  }

  int run(Context& ctx) override {
    if (keep_ == other_) throw UsageError("cannot merge a work with itself");
    ctx.store().merge(keep_, other_);
    if (json_) ctx.print_json({{"kept", keep_}, {"merged", other_}});
    else ctx.summary(fmt::format("merged {} into {} (its fields stay in its source records)", other_, keep_));
    return kOk;
  }

 private:
  std::string keep_, other_;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_merge_command() { return std::make_unique<MergeCommand>(); }

}  // namespace litrev::cli
