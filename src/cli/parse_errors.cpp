#include "src/cli/parse_errors.hpp"

#include <fmt/format.h>

#include <vector>

#include "src/core/suggest.hpp"

namespace litrev::cli {
namespace {

// The innermost command the user got to: litrev -> import -> bibtex.
CLI::App* innermost_command(CLI::App& app) {
  CLI::App* current = &app;
  for (;;) {
    const auto selected = current->get_subcommands();
    if (selected.empty()) return current;
    current = selected.front();
  }
}

std::string command_path(const CLI::App* command) {
  std::string path;
  for (const CLI::App* a = command; a; a = a->get_parent()) path = a->get_name() + (path.empty() ? "" : " " + path);
  return path;
}

std::vector<std::string> subcommand_names(CLI::App* command) {
  std::vector<std::string> names;
  for (const CLI::App* sub : command->get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

// Long and short names of the options of command and of its parents (fallthrough).
std::vector<std::string> option_names(const CLI::App* command) {
  std::vector<std::string> names;
  for (const CLI::App* a = command; a; a = a->get_parent())
    for (const CLI::Option* option : a->get_options()) {
      for (const auto& n : option->get_lnames()) names.push_back("--" + n);
      for (const auto& n : option->get_snames()) names.push_back("-" + n);
    }
  return names;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  const auto near = closest_matches(word, candidates);
  return near.empty() ? std::string{} : "; did you mean " + quoted_alternatives(near) + "?";
}

}  // namespace

std::string describe_parse_error(CLI::App& app, const CLI::ParseError& error) {
  CLI::App* command = innermost_command(app);
  const std::string path = command_path(command);
  std::string message = error.what();
  const auto extras = app.remaining(true);
  if (!extras.empty()) {
    const std::string& word = extras.front();
    if (word.size() > 1 && word.front() == '-') {
      std::string name = word.substr(0, word.find('='));
      message = fmt::format("unknown option '{}' for '{}'{}", name, path, did_you_mean(name, option_names(command)));
    } else if (!command->get_subcommands({}).empty()) {
      message = fmt::format("unknown command '{}'{}{}", word, command == &app ? "" : " for '" + path + "'",
                            did_you_mean(word, subcommand_names(command)));
    } else {
      message = fmt::format("unexpected argument '{}' for '{}'", word, path);
    }
  }
  return fmt::format("litrev: {}\nRun '{} --help' for usage.\n", message, path);
}

}  // namespace litrev::cli
