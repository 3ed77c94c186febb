// litrev init: creates the library file now (every other command also creates it on first use).
#include <fmt/format.h>

#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"

namespace litrev::cli {
namespace {

class InitCommand final : public Command {
 public:
  void setup(CLI::App&) override {}
  int run(Context& ctx) override {
    ctx.store();
    if (!ctx.quiet()) ctx.err() << fmt::format("library {} ready (schema version {})\n", ctx.db_path().string(), Store::schema_version());
    return kOk;
  }
};

}  // namespace

std::unique_ptr<Command> make_init_command() { return std::make_unique<InitCommand>(); }

}  // namespace litrev::cli
