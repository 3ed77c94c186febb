#pragma once
// Command-line mistakes explained: a mistyped command or option gets the closest names ("unknown
// command 'imprt'; did you mean 'import'?"), and every message ends with where to find help.

#include <CLI/CLI.hpp>

#include <string>

namespace litrev::cli {

// The text to print on stderr for a parse error of app (which has been parsed, so its chain of
// selected subcommands tells which command the mistake belongs to).
std::string describe_parse_error(CLI::App& app, const CLI::ParseError& error);

}  // namespace litrev::cli
