// The error model seen from the command line: one exit code per kind of failure, messages that
// say what to do (closest commands, options and keys; readable bounds), -q, and text for people
// that cannot drive the terminal.
#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <string_view>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

namespace litrev::test {
namespace {

using nlohmann::json;

// Written for these tests.
constexpr const char* kTwoWorks = R"(@article{dimaggio1983,
  author = {DiMaggio, Paul J. and Powell, Walter W.},
  title = {The Iron Cage Revisited},
  journal = {American Sociological Review},
  year = 1983, volume = 48, pages = {147--160}
}
@book{power1997,
  author = {Power, Michael},
  title = {The Audit Society: Rituals of Verification},
  publisher = {Oxford University Press},
  year = {1997}
}
)";

class ErrorModel : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(tmp_ / "lib.bib", kTwoWorks);
    const auto r = run({"import", "bibtex", (tmp_ / "lib.bib").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  RunResult run(std::vector<std::string> args, const std::string& input = {}) {
    args.insert(args.begin(), {"--db", db()});
    return run_litrev(args, input);
  }
  std::string db() const { return (tmp_ / "lib.db").string(); }
  TempDir tmp_;
};

TEST(CommandLine, AMistypedCommandNamesTheClosestOne) {
  auto r = run_litrev({"imprt"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown command 'imprt'; did you mean 'import'?"), std::string::npos) << r.err;
  r = run_litrev({"import", "bibtx", "x.bib"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown command 'bibtx' for 'litrev import'; did you mean 'bibtex'?"), std::string::npos)
      << r.err;
  r = run_litrev({"list", "--limt", "3"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown option '--limt' for 'litrev list'; did you mean '--limit'?"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("Run 'litrev list --help' for usage."), std::string::npos) << r.err;
}

TEST(CommandLine, OutOfRangeValuesAreUsageErrorsWithReadableBounds) {
  auto r = run_litrev({"list", "--limit", "0"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--limit: must be at least 1, not 0"), std::string::npos) << r.err;
  EXPECT_LT(r.err.size(), 200u) << r.err;  // no 300-digit bound
  r = run_litrev({"graph", "rank", "--damping", "1"});
  EXPECT_EQ(r.exit_code, 2) << r.err;  // was "internal error", exit 70
  EXPECT_NE(r.err.find("--damping: must be in [0, 1), not 1"), std::string::npos) << r.err;
  r = run_litrev({"graph", "cluster", "--resolution", "-1"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("--resolution: must be at least 0, not -1"), std::string::npos) << r.err;
}

TEST_F(ErrorModel, DbIsAcceptedAfterTheSubcommandAsTheReadmeShows) {
  const auto r = run_litrev({"list", "--db", db(), "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("dimaggio1983"), std::string::npos) << r.out;
  const auto g = run_litrev({"graph", "rank", "--db", db(), "--json"});
  EXPECT_EQ(g.exit_code, 0) << g.err;
}

TEST_F(ErrorModel, AnUnknownKeyIsExitFourWithTheClosestKeysForEveryCommand) {
  const std::vector<std::vector<std::string>> commands = {
      {"show", "dimagio1983"},
      {"note", "dimagio1983", "text"},
      {"tag", "dimagio1983", "x"},
      {"untag", "dimagio1983", "x"},
      {"merge", "dimagio1983", "power1997"},
      {"merge", "power1997", "dimagio1983"},
  };
  for (const auto& args : commands) {
    const auto r = run(args);
    EXPECT_EQ(r.exit_code, 4) << args[0] << ": " << r.err;
    EXPECT_NE(r.err.find("no work with key 'dimagio1983'"), std::string::npos) << args[0] << ": " << r.err;
    EXPECT_NE(r.err.find("did you mean 'dimaggio1983'?"), std::string::npos) << args[0] << ": " << r.err;
  }
  EXPECT_EQ(json::parse(run({"stats", "--json"}).out)["works"], 2);
}

TEST_F(ErrorModel, ImportingTheSameFileAgainSaysSoInOneLine) {
  const auto r = run({"import", "bibtex", (tmp_ / "lib.bib").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("merged 'dimaggio1983'"), std::string::npos) << r.err;  // was one line per record
  EXPECT_EQ(r.err.find("same same"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("0 new, 2 merged (2 by same source)"), std::string::npos) << r.err;
}

TEST_F(ErrorModel, QuietKeepsErrorsAndDropsWarningsAndSummaries) {
  // An entry with a syntax error (an error), one with an unknown type (a warning).
  write_file(tmp_ / "mixed.bib", "@article{broken, title = {No end\n\n@unknowntype{odd, title = {Odd}, year = 2001}\n");
  const auto loud = run({"import", "bibtex", (tmp_ / "mixed.bib").string()});
  const auto quiet = run({"-q", "import", "bibtex", (tmp_ / "mixed.bib").string()});
  EXPECT_EQ(loud.exit_code, quiet.exit_code);
  EXPECT_NE(loud.err.find("warning"), std::string::npos) << loud.err;
  EXPECT_NE(loud.err.find("entries read"), std::string::npos) << loud.err;
  EXPECT_NE(quiet.err.find("error"), std::string::npos) << quiet.err;
  EXPECT_EQ(quiet.err.find("warning"), std::string::npos) << quiet.err;
  EXPECT_EQ(quiet.err.find("entries read"), std::string::npos) << quiet.err;
  const auto note = run({"note", "power1997", "quiet please", "-q"});
  EXPECT_EQ(note.exit_code, 0);
  EXPECT_EQ(note.err, "");
}

TEST_F(ErrorModel, EscapeSequencesInTitlesCannotDriveTheTerminal) {
  // ESC ] 0 ; ... BEL retitles a terminal window, ESC [ 2 J clears it; a note keeps U+009B,
  // C1's one-character CSI, and a carriage return that would overwrite the line.
  write_file(tmp_ / "evil.bib",
             "@article{evil, author = {Doe, Jane}, title = {Evil \x1b]0;pwned\x07 title \x1b[2J end}, year = 2020}\n");
  ASSERT_EQ(run({"import", "bibtex", (tmp_ / "evil.bib").string()}).exit_code, 0);
  const std::string note = "red \xC2\x9B" "31m text\rover";
  ASSERT_EQ(run({"note", "evil", note}).exit_code, 0);
  for (const auto& args : std::vector<std::vector<std::string>>{{"list"}, {"show", "evil"}, {"search", "evil"}}) {
    const auto r = run(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << args[0];
    EXPECT_EQ(r.out.find('\x07'), std::string::npos) << args[0];
    EXPECT_EQ(r.out.find('\r'), std::string::npos) << args[0];
    EXPECT_EQ(r.out.find("\xC2\x9B"), std::string::npos) << args[0];
    EXPECT_NE(r.out.find("Evil \xEF\xBF\xBD]0;pwned\xEF\xBF\xBD title"), std::string::npos) << args[0] << ": " << r.out;
  }
  // JSON keeps the values, escaped: the same strings for a script, inert on a terminal.
  const auto j = run({"show", "evil", "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  EXPECT_EQ(j.out.find('\x1b'), std::string::npos);
  EXPECT_EQ(j.out.find("\xC2\x9B"), std::string::npos);
  EXPECT_NE(j.out.find("\\u009b"), std::string::npos) << j.out;
  const json shown = json::parse(j.out);
  EXPECT_EQ(shown["title"], "Evil \x1b]0;pwned\x07 title \x1b[2J end");
  EXPECT_EQ(shown["notes"][0]["text"], note);
}

// "  130  meaning" (help) or "| 130 | meaning |" (README) split into code and meaning; no
// std::regex: g++ 12 warns inside <regex> under the sanitizer build, which treats warnings as
// errors.
std::optional<std::pair<int, std::string>> exit_code_row(std::string_view line, std::string_view lead,
                                                         std::string_view separator, std::string_view tail) {
  if (!line.starts_with(lead) || !line.ends_with(tail)) return std::nullopt;
  line.remove_prefix(lead.size());
  line.remove_suffix(tail.size());
  const auto end = line.find_first_not_of("0123456789");
  if (end == 0 || end == std::string_view::npos || line.substr(end, separator.size()) != separator)
    return std::nullopt;
  std::string_view meaning = line.substr(end + separator.size());
  while (meaning.starts_with(' ')) meaning.remove_prefix(1);
  return std::pair{std::stoi(std::string(line.substr(0, end))), std::string(meaning)};
}

// README.md's exit-code table says what `litrev --help` says: one source (exit_codes.hpp).
TEST(ExitCodes, TheReadmeTableIsTheHelpTable) {
  const auto help = run_litrev({"--help"});
  ASSERT_EQ(help.exit_code, 0);
  std::vector<std::pair<int, std::string>> from_help;
  {
    std::istringstream in(help.out.substr(help.out.find("Exit codes:")));
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
      if (auto row = exit_code_row(line, "  ", " ", "")) from_help.push_back(*row);
      else if (line.starts_with("       ") && !from_help.empty()) from_help.back().second += " " + line.substr(7);
      else break;
    }
  }
  std::vector<std::pair<int, std::string>> from_readme;
  {
    std::ifstream in(std::string(LITREV_SOURCE_DIR) + "/README.md");
    std::string line;
    while (std::getline(in, line) && line != "## Exit codes") {
    }
    while (std::getline(in, line) && !line.starts_with("## "))
      if (auto row = exit_code_row(line, "| ", " | ", " |")) from_readme.push_back(*row);
  }
  EXPECT_GE(from_help.size(), 8u);
  EXPECT_EQ(from_readme, from_help);
}

}  // namespace
}  // namespace litrev::test
