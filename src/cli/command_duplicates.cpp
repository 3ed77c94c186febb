// litrev duplicates: probable duplicates the import rules did not merge, with scores.
#include <fmt/format.h>

#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/option_checks.hpp"

namespace litrev::cli {
namespace {

class DuplicatesCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("--min-score", min_score_, "Smallest similarity shown, 0..1")->check(in_range(0, 1));
    sub.add_flag("--json", json_, "Print a JSON array of {a, b, score, reason}");
  }

  int run(Context& ctx) override {
    const auto pairs = ctx.store().find_duplicates(min_score_);
    if (json_) {
      auto array = nlohmann::json::array();
      for (const auto& p : pairs) array.push_back({{"a", p.key_a}, {"b", p.key_b}, {"score", p.score}, {"reason", p.reason}});
      ctx.print_json(array);
      return kOk;
    }
    for (const auto& p : pairs) ctx.out() << fmt::format("{:.2f}  {}  {}  ({})\n", p.score, p.key_a, p.key_b, p.reason);
    if (!ctx.quiet())
      ctx.err() << fmt::format("{} probable duplicate pair(s); merge one with: litrev merge KEEP OTHER\n", pairs.size());
    return kOk;
  }

 private:
  double min_score_ = 0.85;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_duplicates_command() { return std::make_unique<DuplicatesCommand>(); }

}  // namespace litrev::cli
