// litrev: the thin executable. Parses the command line, runs one subcommand, maps errors to
// the documented exit codes (exit_codes.hpp, the one place where that happens).

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "src/cli/command.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/parse_errors.hpp"

namespace {

constexpr const char* kFooterHead = R"(Library: --db PATH, else $LITREV_DB, else ./litrev.db (created on first use).
Global options (--db, -q) may come before or after the command.
Each command has --help; --json makes listing commands print JSON for scripts.
-q keeps errors and drops warnings, summaries and progress.)";

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto end = path.find(' ', start);
    parts.emplace_back(path.substr(start, end == std::string_view::npos ? path.npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace litrev::cli;

  CLI::App app{"litrev: a fast, local literature-review manager (BibTeX, Crossref, HAL, citation graph)", "litrev"};
  app.set_version_flag("--version", std::string("litrev ") + LITREV_VERSION);
  app.footer(std::string(kFooterHead) + "\n\n" + exit_code_help());
  app.require_subcommand(1);
  // Subcommands inherit this: an option a subcommand does not know is tried on its parents, so
  // `litrev list --db lib.db` works as the README shows.
  app.fallthrough();
  GlobalOptions options;
  app.add_option("--db", options.db, "Library file (default: $LITREV_DB, else ./litrev.db)");
  app.add_flag("-q,--quiet", options.quiet, "Errors only: no warnings, summaries or progress on stderr");

  // Build the command tree from the flat registry: "graph rank" -> graph -> rank.
  std::map<std::string, CLI::App*> groups;
  std::vector<std::pair<CLI::App*, std::unique_ptr<Command>>> commands;
  for (const auto& spec : all_commands()) {
    const auto parts = split_path(spec.path);
    CLI::App* parent = &app;
    std::string prefix;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
      prefix += parts[i] + " ";
      auto& group = groups[prefix];
      if (!group) {
        group = parent->add_subcommand(parts[i], fmt::format("{} commands (see litrev {}--help)", parts[i], prefix));
        group->require_subcommand(1);
      }
      parent = group;
    }
    CLI::App* sub = parent->add_subcommand(parts.back(), std::string(spec.summary));
    // A command may also hold commands: `import FILE` beside `import ris FILE`.
    groups[prefix + parts.back() + " "] = sub;
    auto command = spec.make();
    command->setup(*sub);
    commands.emplace_back(sub, std::move(command));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::cerr << describe_parse_error(app, e) << std::flush;
    return kUsage;
  }

  // The registry lists a command before the commands it holds, so the last parsed is the one
  // named: `import ris` rather than `import`.
  Command* selected = nullptr;
  for (auto& [sub, command] : commands)
    if (sub->parsed()) selected = command.get();
  if (!selected) return kUsage;

  install_interrupt_handler();
  Context ctx(options, std::cout, std::cerr);
  try {
    // The command's own code: an import that committed before a late Ctrl-C says so and exits
    // 0 or 1; only work actually cut short ends in Cancelled, hence 130.
    const int code = selected->run(ctx);
    ctx.out().flush();
    if (code != kInterrupted && interrupted())
      ctx.error("interrupt received after the command had completed: what it reported above is done");
    return code;
  } catch (...) {
    std::string message;
    const ExitCode code = exit_code_of_current_exception(message);
    ctx.end_progress();
    ctx.error(message.empty() ? "interrupted" : message);
    return code;
  }
}
