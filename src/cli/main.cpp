// litrev: the thin executable. Parses the command line, runs one subcommand, maps the few
// exception types to the documented exit codes.

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "src/cli/command.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"

namespace {

constexpr const char* kFooter = R"(Library: --db PATH, else $LITREV_DB, else ./litrev.db (created on first use).
Each command has --help; --json makes listing commands print JSON for scripts.

Exit codes:
  0    success
  1    partial: some entries were skipped or some lookups failed; every good record is stored
  2    usage error (unknown command or option, bad value)
  3    nothing could be read: input file missing or not BibTeX at all, or no answer from the API
  4    a key given on the command line is not in the library
  5    the library file, or an output file (--out), cannot be opened, migrated or written
  70   internal error (a bug: please report it)
  130  interrupted (Ctrl-C): the input being imported was rolled back, earlier inputs are kept;
       an export leaves its output file as it was)";

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
  app.footer(kFooter);
  app.require_subcommand(1);
  GlobalOptions options;
  app.add_option("--db", options.db, "Library file (default: $LITREV_DB, else ./litrev.db)");
  app.add_flag("-q,--quiet", options.quiet, "No progress or summary lines on stderr");

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
    auto command = spec.make();
    command->setup(*sub);
    commands.emplace_back(sub, std::move(command));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kOk : kUsage;
  }

  Command* selected = nullptr;
  for (auto& [sub, command] : commands)
    if (sub->parsed()) selected = command.get();
  if (!selected) return kUsage;

  install_interrupt_handler();
  Context ctx(options, std::cout, std::cerr);
  try {
    const int code = selected->run(ctx);
    std::cout.flush();
    return interrupted() ? kInterrupted : code;
  } catch (const UsageError& e) {
    ctx.warn(e.what());
    return kUsage;
  } catch (const NotFoundError& e) {
    ctx.warn(e.what());
    return kNotFound;
  } catch (const UnreadableError& e) {
    ctx.warn(e.what());
    return kUnreadable;
  } catch (const litrev::StoreError& e) {
    ctx.warn(e.what());
    return kLibraryError;
  } catch (const OutputFileError& e) {
    ctx.warn(e.what());
    return kLibraryError;
  } catch (const InterruptedError& e) {
    ctx.warn(e.what());
    return kInterrupted;
  } catch (const std::exception& e) {
    ctx.warn(fmt::format("internal error: {}", e.what()));
    return 70;
  }
}
