// litrev show KEY: one work with its identifiers, references, notes, tags and provenance.
#include <fmt/format.h>

#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/work_view.hpp"

namespace litrev::cli {
namespace {

class ShowCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("key", key_, "Key of the work")->required();
    sub.add_flag("--json", json_, "Print one JSON object");
    sub.add_flag("--sources", sources_, "Also print every source record with its original fields");
  }

  int run(Context& ctx) override {
    const StoredWork work = ctx.store().work(key_);
    if (json_) ctx.print_json(work_detail_json(work, sources_));
    else ctx.out() << work_page(work, sources_);
    return kOk;
  }

 private:
  std::string key_;
  bool json_ = false;
  bool sources_ = false;
};

}  // namespace

std::unique_ptr<Command> make_show_command() { return std::make_unique<ShowCommand>(); }

}  // namespace litrev::cli
