// Every subcommand answers --help with its usage and exit code 0; the top-level help lists
// the exit codes. The list below must name every command `litrev --help` shows.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "support/test_support.hpp"

namespace litrev::test {
namespace {

// Subcommand lines of a CLI11 help page: indented "name  description" under "Subcommands:".
std::set<std::string> subcommands_in_help(const std::string& help) {
  std::set<std::string> names;
  std::istringstream in(help);
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.starts_with("Subcommands:")) {
      inside = true;
      continue;
    }
    if (!inside) continue;
    if (line.empty() || line[0] != ' ') break;
    std::istringstream words(line);
    std::string name;
    words >> name;
    names.insert(name);
  }
  return names;
}

const std::vector<std::string> kCommands = {
    "init", "list", "show", "search", "note", "tag", "untag", "tags", "set", "unset", "duplicates", "merge", "stats", "export bibtex",
    "export biblatex", "export csl-json", "export bibliography", "export annotated", "styles", "import bibtex", "import crossref", "import hal", "import openalex", "config", "graph rank", "graph authors",
    "graph cluster", "graph missing", "graph export", "people list", "people show", "people merge", "people split",
};

class HelpTest : public ::testing::TestWithParam<std::string> {};

TEST_P(HelpTest, PrintsUsageAndExitsZero) {
  std::vector<std::string> args;
  std::istringstream words(GetParam());
  for (std::string w; words >> w;) args.push_back(w);
  args.push_back("--help");
  const auto r = run_litrev(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Usage:"), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;
}

std::string test_name(const ::testing::TestParamInfo<std::string>& param) {
  std::string name = param.param;
  for (auto& c : name)
    if (c == ' ' || c == '-') c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(EveryCommand, HelpTest, ::testing::ValuesIn(kCommands), test_name);

TEST(Help, TopLevelListsEveryTestedCommandAndTheExitCodes) {
  const auto r = run_litrev({"--help"});
  ASSERT_EQ(r.exit_code, 0);
  for (const auto& name : subcommands_in_help(r.out)) {
    bool covered = false;
    for (const auto& c : kCommands) covered |= c == name || c.starts_with(name + " ");
    EXPECT_TRUE(covered) << "command '" << name << "' has no --help test: add it to kCommands";
  }
  EXPECT_NE(r.out.find("Exit codes:"), std::string::npos);
  EXPECT_NE(r.out.find("130"), std::string::npos);
}

TEST(Help, UnknownCommandIsAUsageError) {
  const auto r = run_litrev({"frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(Help, MissingArgumentIsAUsageError) {
  const auto r = run_litrev({"show"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("key"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace litrev::test
