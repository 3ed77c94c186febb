// litrev stats: what the library holds.
#include <fmt/format.h>

#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"

namespace litrev::cli {
namespace {

class StatsCommand final : public Command {
 public:
  void setup(CLI::App& sub) override { sub.add_flag("--json", json_, "Print one JSON object"); }

  int run(Context& ctx) override {
    const LibraryStats s = ctx.store().stats();
    if (json_) {
      ctx.print_json({{"works", s.works},
                      {"people", s.people},
                      {"references", s.references},
                      {"citations", s.citations},
                      {"notes", s.notes},
                      {"tags", s.tags},
                      {"sources", s.sources},
                      {"identifiers", s.identifiers},
                      {"library", ctx.db_path().string()}});
      return kOk;
    }
    ctx.out() << fmt::format(
        "library     {}\nworks       {}\npeople      {}\nreferences  {} ({} resolved to works in the library)\n"
        "notes       {}\ntags        {}\nsources     {}\n",
        ctx.db_path().string(), s.works, s.people, s.references, s.citations, s.notes, s.tags, s.sources);
    return kOk;
  }

 private:
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_stats_command() { return std::make_unique<StatsCommand>(); }

}  // namespace litrev::cli
