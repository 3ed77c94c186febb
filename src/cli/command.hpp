#pragma once
// One subcommand = one file: an options struct, setup() that only declares options (it opens
// nothing), run() that does the work and returns an exit code. commands.cpp lists them all.

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <span>
#include <string_view>

namespace litrev::cli {

class Context;

class Command {
 public:
  virtual ~Command() = default;
  virtual void setup(CLI::App& sub) = 0;
  virtual int run(Context& ctx) = 0;
};

struct CommandSpec {
  std::string_view path;     // "stats", "import bibtex", "graph rank"
  std::string_view summary;  // one line for `litrev --help`
  std::function<std::unique_ptr<Command>()> make;
};

// The flat registry, in the order `litrev --help` lists them.
std::span<const CommandSpec> all_commands();

}  // namespace litrev::cli
