// The command-line contract on a small library: import, list, show, search, notes, tags,
// duplicates, merge, stats and export, with their exit codes and JSON shapes.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

namespace litrev::test {
namespace {

using nlohmann::json;

// Written for these tests (metadata of real works, checked against the reading list).
constexpr const char* kLibrary = R"(@article{meyer1977,
  author = {Meyer, John W. and Rowan, Brian},
  title = {Institutionalized Organizations: Formal Structure as Myth and Ceremony},
  journal = {American Journal of Sociology},
  year = {1977}, volume = {83}, number = {2}, pages = {340--363},
  doi = {10.1086/226550}
}
@article{dimaggio1983,
  author = {DiMaggio, Paul J. and Powell, Walter W.},
  title = {The Iron Cage Revisited: Institutional Isomorphism and Collective Rationality in Organizational Fields},
  journal = {American Sociological Review},
  year = 1983, volume = 48, number = 2, pages = {147--160},
  doi = {10.2307/2095101},
  cites = {meyer1977}
}
@book{lascoumes2004,
  author = {Lascoumes, Pierre and Le Gal{\`e}s, Patrick},
  title = {Gouverner par les instruments},
  publisher = {Presses de Sciences Po},
  address = {Paris},
  year = {2004}
}
)";

class LibraryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    bib_ = tmp_ / "library.bib";
    write_file(bib_, kLibrary);
    const auto r = run({"import", "bibtex", bib_.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  RunResult run(std::vector<std::string> args, const std::string& input = {}) {
    args.insert(args.begin(), {"--db", (tmp_ / "lib.db").string()});
    return run_litrev(args, input);
  }
  TempDir tmp_;
  std::filesystem::path bib_;
};

TEST_F(LibraryTest, StatsJsonCountsEverything) {
  const auto r = run({"stats", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto s = json::parse(r.out);
  EXPECT_EQ(s["works"], 3);
  EXPECT_EQ(s["people"], 6);
  EXPECT_EQ(s["references"], 1);
  EXPECT_EQ(s["citations"], 1);
  EXPECT_EQ(s["notes"], 0);
  EXPECT_EQ(s["tags"], 0);
}

TEST_F(LibraryTest, ListJsonHasTheContractFields) {
  const auto r = run({"list", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto works = json::parse(r.out);
  ASSERT_EQ(works.size(), 3u);
  json meyer;
  for (const auto& w : works)
    if (w["key"] == "meyer1977") meyer = w;
  ASSERT_FALSE(meyer.is_null());
  EXPECT_EQ(meyer["type"], "article");
  EXPECT_EQ(meyer["title"], "Institutionalized Organizations: Formal Structure as Myth and Ceremony");
  EXPECT_EQ(meyer["year"], 1977);
  EXPECT_EQ(meyer["doi"], "10.1086/226550");
  ASSERT_EQ(meyer["authors"].size(), 2u);
  EXPECT_EQ(meyer["authors"][0]["family"], "Meyer");
  EXPECT_EQ(meyer["authors"][0]["given"], "John W.");
  EXPECT_EQ(meyer["fields"]["pages"], "340--363");
  EXPECT_EQ(meyer["fields"]["journal"], "American Journal of Sociology");
}

TEST_F(LibraryTest, LatexIsDecodedForReadingAndKeptForExport) {
  const auto shown = json::parse(run({"show", "lascoumes2004", "--json"}).out);
  EXPECT_EQ(shown["authors"][1]["family"], "Le Galès");
  EXPECT_EQ(shown["fields"]["author"], "Lascoumes, Pierre and Le Gal{\\`e}s, Patrick");
  EXPECT_EQ(shown["place"], "Paris");
}

TEST_F(LibraryTest, ImportJsonReportsPerFileCounts) {
  const auto again = tmp_ / "again.bib";
  write_file(again, std::string(kLibrary) + "@misc{broken, title = {Unclosed\n@misc{fine, title = {Fine}}\n");
  const auto r = run({"import", "bibtex", "--json", again.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // one entry skipped
  const auto report = json::parse(r.out);
  EXPECT_EQ(report["file"], again.string());
  EXPECT_EQ(report["read"], 5);
  EXPECT_EQ(report["new"], 1);     // fine
  EXPECT_EQ(report["merged"], 3);  // the three works already there
  ASSERT_EQ(report["merges"].size(), 3u);
  EXPECT_EQ(report["merges"][1], (json{{"key", "dimaggio1983"}, {"line", 8}, {"into", "dimaggio1983"}, {"rule", "doi"}}));
  EXPECT_EQ(report["skipped"], 1);
  ASSERT_EQ(report["errors"].size(), 1u);
  EXPECT_EQ(report["errors"][0]["line"], 23);
  // FILE:LINE:COL: error: on stderr
  EXPECT_NE(r.err.find(again.string() + ":23:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(": error: "), std::string::npos) << r.err;
}

TEST_F(LibraryTest, ImportingTheSameFileAgainChangesNothing) {
  const auto before = json::parse(run({"stats", "--json"}).out);
  const auto r = run({"import", "bibtex", "--json", bib_.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto report = json::parse(r.out);
  EXPECT_EQ(report["new"], 0);
  EXPECT_EQ(report["merged"], 3);     // every record went into its work...
  EXPECT_EQ(report["unchanged"], 3);  // ...and changed nothing there
  EXPECT_EQ(report["merges"][0]["rule"], "same source");
  EXPECT_EQ(json::parse(run({"stats", "--json"}).out), before);
}

TEST_F(LibraryTest, PreamblesAreKeptOnceAndExportedBeforeTheEntries) {
  const auto file = tmp_ / "sorted.bib";
  write_file(file, "@preamble{ \"\\newcommand{\\noopsort}[1]{}\" }\n"
                   "@book{sorted, title = {{\\noopsort{b}}Second}, author = {Z}, year = 2001}\n");
  ASSERT_EQ(run({"import", "bibtex", file.string()}).exit_code, 0);
  ASSERT_EQ(run({"import", "bibtex", file.string()}).exit_code, 0);
  const auto r = run({"export", "bibtex"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto at = r.out.find("@preamble{{\\newcommand{\\noopsort}[1]{}}}");
  ASSERT_NE(at, std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("@preamble", at + 1), std::string::npos) << "written twice";
  EXPECT_LT(at, r.out.find("@article{meyer1977"));
}

TEST_F(LibraryTest, MissingFileIsExitCodeThree) {
  const auto r = run({"import", "bibtex", (tmp_ / "nope.bib").string()});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("nope.bib"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("No such file"), std::string::npos) << r.err;
}

TEST_F(LibraryTest, BinaryGarbageIsExitCodeThreeAndLeavesTheLibraryAsItWas) {
  const auto garbage = tmp_ / "garbage.bib";
  std::string bytes = "\x89PNG\r\n\x1a\n";
  for (int i = 0; i < 4096; ++i) bytes.push_back(static_cast<char>((i * 7919) & 0xff));
  write_file(garbage, bytes);
  const auto r = run({"import", "bibtex", garbage.string()});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ(json::parse(run({"stats", "--json"}).out)["works"], 3);
}

TEST_F(LibraryTest, StdinImport) {
  const auto r = run({"import", "bibtex", "--json", "-"}, "@misc{stdin1, title = {From a pipe}, year = 2020}\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["new"], 1);
}

TEST_F(LibraryTest, NotesTagsAndSearch) {
  EXPECT_EQ(run({"note", "meyer1977", "Myth", "and", "ceremony:", "*decoupling*"}).exit_code, 0);
  EXPECT_EQ(run({"note", "meyer1977", "-"}, "A second note\nfrom stdin\n").exit_code, 0);
  EXPECT_EQ(run({"tag", "meyer1977", "institutions", "classic"}).exit_code, 0);
  EXPECT_EQ(run({"tag", "dimaggio1983", "institutions"}).exit_code, 0);
  EXPECT_EQ(run({"untag", "meyer1977", "classic"}).exit_code, 0);

  const auto shown = json::parse(run({"show", "meyer1977", "--json"}).out);
  ASSERT_EQ(shown["notes"].size(), 2u);
  EXPECT_EQ(shown["notes"][1]["text"], "A second note\nfrom stdin");
  EXPECT_EQ(shown["tags"], json::array({"institutions"}));

  const auto stats = json::parse(run({"stats", "--json"}).out);
  EXPECT_EQ(stats["notes"], 2);
  EXPECT_EQ(stats["tags"], 1);

  const auto hits = json::parse(run({"search", "--json", "decoupling"}).out);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["key"], "meyer1977");

  const auto tagged = json::parse(run({"list", "--json", "--tag", "institutions"}).out);
  EXPECT_EQ(tagged.size(), 2u);
}

TEST_F(LibraryTest, SearchRanksAndSurvivesFtsSyntax) {
  auto r = run({"search", "--json", "institutional"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GE(json::parse(r.out).size(), 1u);
  r = run({"search", "AI: \"ethics"});  // not valid FTS5 syntax
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(LibraryTest, UnknownKeyIsExitCodeFour) {
  EXPECT_EQ(run({"show", "nobody2000"}).exit_code, 4);
  EXPECT_EQ(run({"note", "nobody2000", "text"}).exit_code, 4);
  EXPECT_EQ(run({"tag", "nobody2000", "x"}).exit_code, 4);
  EXPECT_EQ(run({"merge", "meyer1977", "nobody2000"}).exit_code, 4);
}

TEST_F(LibraryTest, MergeByHandKeepsTheOtherWorksFields) {
  const auto dup = tmp_ / "dup.bib";
  write_file(dup, "@article{meyer-rowan, author = {Meyer, J. W. and Rowan, B.},\n"
                  "title = {Institutionalized organizations: formal structure as myth and ceremonial},\n"
                  "journal = {Am. J. Sociol.}, year = 1977, note = {Kept after merge}}\n");
  ASSERT_EQ(run({"import", "bibtex", dup.string()}).exit_code, 0);
  const auto pairs = json::parse(run({"duplicates", "--json"}).out);
  ASSERT_GE(pairs.size(), 1u);
  EXPECT_TRUE((pairs[0]["a"] == "meyer1977" && pairs[0]["b"] == "meyer-rowan") ||
              (pairs[0]["b"] == "meyer1977" && pairs[0]["a"] == "meyer-rowan"));
  ASSERT_EQ(run({"merge", "meyer1977", "meyer-rowan"}).exit_code, 0);
  EXPECT_EQ(run({"show", "meyer-rowan"}).exit_code, 4);
  const auto shown = json::parse(run({"show", "meyer1977", "--json", "--sources"}).out);
  EXPECT_EQ(shown["sources"].size(), 2u);
  EXPECT_EQ(shown["fields"]["note"], "Kept after merge");
  EXPECT_EQ(shown["fields"]["journal"], "American Journal of Sociology");
}

TEST_F(LibraryTest, ExportWritesBibtexWithNotesAndTags) {
  run({"note", "dimaggio1983", "Isomorphism: coercive, mimetic, normative."});
  run({"tag", "dimaggio1983", "organizations"});
  const auto r = run({"export", "bibtex"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("@article{dimaggio1983,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Isomorphism: coercive, mimetic, normative."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("organizations"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Le Gal{\\`e}s"), std::string::npos) << r.out;

  const auto only = run({"export", "biblatex", "--tag", "organizations"});
  ASSERT_EQ(only.exit_code, 0) << only.err;
  EXPECT_NE(only.out.find("journaltitle"), std::string::npos) << only.out;
  EXPECT_EQ(only.out.find("@article{meyer1977"), std::string::npos) << only.out;
}

TEST_F(LibraryTest, DatabaseFromEnvironment) {
  const auto db = tmp_ / "env.db";
  const auto r = run_litrev({"stats", "--json"}, {}, {"LITREV_DB=" + db.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(db));
}

}  // namespace
}  // namespace litrev::test
