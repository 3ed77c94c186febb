// `litrev import FILE` on every format it reads: the format is guessed from the content and
// named, forced with `import ris|wos|scopus|bibtex`, refused when it cannot be told; the real
// Web of Science exports of ../shared arrive whole; RIS and BibTeX survive import -> export ->
// import with their notes; `export table` writes what spreadsheets read.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>

#include "support/test_support.hpp"

namespace litrev::test {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
namespace fs = std::filesystem;

class ImportFormatsTest : public ::testing::Test {
 protected:
  RunResult run(std::vector<std::string> args, const fs::path& db) {
    args.insert(args.begin(), {"--db", db.string()});
    return run_litrev(args);
  }
  RunResult run(std::vector<std::string> args) { return run(std::move(args), tmp_ / "lib.db"); }
  json stats(const fs::path& db) { return json::parse(run({"stats", "--json"}, db).out); }
  fs::path write(const std::string& name, const std::string& content) {
    write_file(tmp_ / name, content);
    return tmp_ / name;
  }
  TempDir tmp_;
};

TEST_F(ImportFormatsTest, EachFormatIsGuessedFromItsContentAndNamed) {
  const std::vector<std::pair<std::string, std::string>> files = {
      {"ris/golden/zotero.ris", "a RIS export"},
      {"wos/golden/plain.txt", "a Web of Science plain-text export"},
      {"wos/golden/tab_utf16le.txt", "a Web of Science tab-delimited export"},
      {"scopus/golden/scopus.csv", "a Scopus CSV export"},
      {"bibtex/golden/latex_and_names.bib", "a BibTeX file"},
  };
  for (const auto& [file, described] : files) {
    SCOPED_TRACE(file);
    // Copied under a name that says nothing: the content decides.
    const fs::path anonymous = write("export.dat", read_file(test_data(file)));
    const auto r = run({"import", anonymous.string()});
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
    EXPECT_THAT(r.err, HasSubstr(anonymous.string() + ": " + described + ", ")) << r.err;
  }
  EXPECT_GE(stats(tmp_ / "lib.db")["works"].get<int>(), 14);
}

TEST_F(ImportFormatsTest, JsonSaysWhatTheFileLooksLikeAndHowItWasRead) {
  const auto r = run({"import", "--json", test_data("ris/golden/mendeley.ris").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["format"], "ris");
  EXPECT_EQ(j["read_as"], "ris");
  EXPECT_EQ(j["read"], 3);
  EXPECT_EQ(j["new"], 3);
  EXPECT_EQ(j["stored"], true);
}

TEST_F(ImportFormatsTest, AFileWhoseFormatCannotBeToldIsRefusedWithTheWayToNameIt) {
  const fs::path notes = write("notes.txt", "Some notes about the literature.\nNothing bibliographic here.\n");
  auto r = run({"import", notes.string()});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, notes.string() +
                       ": error: cannot tell which bibliographic format this is (text in none of the bibliographic "
                       "formats litrev knows); nothing imported. If you know, name it: litrev import bibtex|ris|wos|scopus " +
                       notes.string() + "\n");
  const fs::path pdf = write("paper.pdf", "%PDF-1.5\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< >>\nendobj\n");
  r = run({"import", pdf.string()});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr("this looks like a PDF document, which litrev does not import; nothing imported"));
  EXPECT_EQ(stats(tmp_ / "lib.db")["works"], 0);
  r = run({"import"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(ImportFormatsTest, AForcedFormatReadsWhatDetectionCannotAndRefusesAnother) {
  // A RIS file whose first 64 KiB are a preamble: not recognisable from its head.
  std::string long_preamble;
  while (long_preamble.size() < 70000) long_preamble += "Exported from a library catalogue, page header line.\n";
  const fs::path hidden = write("hidden.ris", long_preamble + "TY  - BOOK\nTI  - Found anyway\nAU  - Doe, J.\nER  - \n");
  EXPECT_EQ(run({"import", hidden.string()}).exit_code, 3);
  const auto r = run({"import", "ris", hidden.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("1 records read, 1 new"));
  // A Web of Science export given as RIS: refused, with the command that reads it.
  const auto wos = test_data("wos/golden/plain.txt").string();
  const auto refused = run({"import", "ris", wos});
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_EQ(refused.err, wos + ": error: this looks like a Web of Science plain-text export, not RIS; nothing imported "
                               "(`litrev import " + wos + "` reads it)\n");
}

TEST_F(ImportFormatsTest, ImportingTheSameExportAgainChangesNothing) {
  for (const std::string file : {"ris/golden/zotero.ris", "wos/golden/plain.txt", "scopus/golden/scopus.csv"}) {
    SCOPED_TRACE(file);
    TempDir dir;
    const auto db = dir / "lib.db";
    ASSERT_LE(run({"import", "-q", test_data(file).string()}, db).exit_code, 1);
    const json before = stats(db);
    const auto again = run({"import", "--json", test_data(file).string()}, db);
    const json j = json::parse(again.out);
    EXPECT_EQ(j["new"], 0);
    EXPECT_EQ(j["unchanged"], j["read"].get<int>() - j["skipped"].get<int>());
    EXPECT_EQ(stats(db), before);
  }
}

TEST_F(ImportFormatsTest, OneWosRecordInTwoFormatsIsOneWork) {
  // The tab-delimited export in UTF-8 and in UTF-16LE: the same records, found again by UT.
  ASSERT_EQ(run({"import", test_data("wos/golden/tab_utf8_bom.txt").string()}).exit_code, 0);
  const auto r = run({"import", "--json", test_data("wos/golden/tab_utf16le.txt").string()});
  const json j = json::parse(r.out);
  EXPECT_EQ(j["encoding"], "utf-16le");
  EXPECT_EQ(j["new"], 0);
  EXPECT_EQ(j["merged"], 2);
  // Records of these formats have no key of their own: the merge line names the work they
  // went into, not an empty key ("merged '' into ...").
  const auto other = tmp_ / "other.db";
  ASSERT_EQ(run({"import", test_data("wos/golden/tab_utf8_bom.txt").string()}, other).exit_code, 0);
  const auto text = run({"import", test_data("wos/golden/tab_utf16le.txt").string()}, other);
  EXPECT_THAT(text.err, ::testing::ContainsRegex("tab_utf16le.txt:[0-9]+: merged into '[^']+' \\(same wos accession number\\)"));
  EXPECT_THAT(text.err, ::testing::Not(HasSubstr("merged ''")));
}

TEST_F(ImportFormatsTest, RisNotesBecomeLitrevNotes) {
  ASSERT_LE(run({"import", test_data("ris/golden/zotero.ris").string()}).exit_code, 1);
  const json list = json::parse(run({"list", "--json"}).out);
  std::string key;
  for (const auto& w : list)
    if (w["doi"] == "10.2307/2095101") key = w["key"];
  ASSERT_FALSE(key.empty());
  const json work = json::parse(run({"show", key, "--json"}).out);
  ASSERT_EQ(work["notes"].size(), 2u);
  EXPECT_EQ(work["notes"][0]["text"],
            "Coercive, *mimetic* & **normative** isomorphism.\n\nSee also [Meyer & Rowan](https://doi.org/10.1086/226550).");
  const auto hits = run({"search", "mimetic"});
  EXPECT_THAT(hits.out, HasSubstr(key));
}

TEST_F(ImportFormatsTest, TheRealWebOfScienceExportsArriveWhole) {
  LITREV_REQUIRE_SHARED(shared);
  const fs::path dir = shared / "corpus/citations";
  // Records per file, from corpus/citations/README.md (425 despite two "nullPT J" artefacts).
  const std::map<std::string, int> expected = {
      {"policy_transformative_innovation/savedrecs.txt", 425},
      {"ai_generative_ai/savedrecs.txt", 469},
      {"sts_science_technology_studies/savedrecs_29.txt", 500},
      {"sts_science_technology_studies/savedrecs_30.txt", 500},
      {"sustainable_development_sdg/savedrecs_3.txt", 500},
      {"organizations_nonhuman_agency/20221111-analysis-corpus-web-of-science-export-full-records.txt", 105},
  };
  for (const auto& [file, records] : expected) {
    SCOPED_TRACE(file);
    const auto r = run({"import", "--json", (dir / file).string()});
    EXPECT_EQ(r.exit_code, 0) << r.err.substr(0, 2000);
    const json j = json::parse(r.out);
    EXPECT_EQ(j["read"], records);
    EXPECT_EQ(j["skipped"], 0);
    EXPECT_EQ(j["errors"].size(), 0u);
  }
  const json s = stats(tmp_ / "lib.db");
  EXPECT_GE(s["works"].get<int>(), 2490);
  EXPECT_GT(s["references"].get<int>(), 100000);
}

// show --json of every work, by key, without what differs between two imports (dates, origins).
std::map<std::string, json> works_in(const fs::path& db) {
  std::map<std::string, json> out;
  for (const auto& w : json::parse(run_litrev({"--db", db.string(), "list", "--json"}).out)) {
    json d = json::parse(run_litrev({"--db", db.string(), "show", w["key"].get<std::string>(), "--json"}).out);
    for (auto& n : d["notes"]) n = n["text"];
    d.erase("fields");
    d.erase("references");
    d.erase("tags");  // exported as keywords: they come back as keywords
    d.erase("keywords");
    out[w["key"].get<std::string>()] = d;
  }
  return out;
}

TEST_F(ImportFormatsTest, RisRoundTripKeepsWorksFieldsAndNotes) {
  const auto first = tmp_ / "first.db", second = tmp_ / "second.db", out = tmp_ / "out.ris";
  for (const std::string f : {"zotero.ris", "endnote_crlf.ris", "mendeley.ris", "latin1.ris", "bom_cr.ris"})
    ASSERT_LE(run({"import", "-q", test_data("ris/golden/" + f).string()}, first).exit_code, 1);
  const json list = json::parse(run({"list", "--json"}, first).out);
  ASSERT_GE(list.size(), 12u);
  const std::string key = list[0]["key"];
  ASSERT_EQ(run({"note", key, "A note *added* in litrev."}, first).exit_code, 0);
  ASSERT_EQ(run({"tag", key, "to-read"}, first).exit_code, 0);
  ASSERT_EQ(run({"export", "ris", "--out", out.string()}, first).exit_code, 0);
  const auto again = run({"import", "--json", out.string()}, second);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  // The one warning of the second import is the first's: a TY no one knows is written back as
  // it was (not as GEN), so it is still unknown.
  const json warnings = json::parse(again.out)["warnings"];
  ASSERT_EQ(warnings.size(), 1u) << again.out;
  EXPECT_THAT(warnings[0].dump(), HasSubstr("type 'XYZW' is not one litrev knows"));
  const auto a = works_in(first), b = works_in(second);
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [k, work] : a) {
    ASSERT_TRUE(b.contains(k)) << k;
    EXPECT_EQ(work.dump(1), b.at(k).dump(1));
  }
  // Tags travel as keywords.
  const json tagged = json::parse(run({"show", key, "--json"}, second).out);
  EXPECT_THAT(tagged["keywords"].dump(), HasSubstr("to-read"));
}

TEST_F(ImportFormatsTest, BibtexRoundTripKeepsNotes) {
  const auto first = tmp_ / "first.db", second = tmp_ / "second.db", out = tmp_ / "out.bib";
  const fs::path bib = write("a.bib",
                             "@article{a, title = {One}, author = {Doe, Jane}, year = 2001,\n"
                             "  annote = {Read for chapter 2.\n\n  Second paragraph.}}\n"
                             "@book{b, title = {Two}, author = {Roe, Rick}, year = 2002}\n");
  ASSERT_EQ(run({"import", bib.string()}, first).exit_code, 0);
  ASSERT_EQ(run({"note", "b", "Important: *read* first."}, first).exit_code, 0);
  ASSERT_EQ(run({"export", "bibtex", "--out", out.string()}, first).exit_code, 0);
  // The annotation imported as a note is written once, not twice.
  EXPECT_EQ(read_file(out).find("Read for chapter 2.", read_file(out).find("Read for chapter 2.") + 1),
            std::string::npos);
  ASSERT_EQ(run({"import", out.string()}, second).exit_code, 0);
  const auto a = works_in(first), b = works_in(second);
  ASSERT_EQ(a.size(), 2u);
  for (const auto& [k, work] : a) EXPECT_EQ(work["notes"], b.at(k)["notes"]) << k;
  EXPECT_EQ(a.at("a")["notes"][0], "Read for chapter 2.\n\nSecond paragraph.");
}

TEST_F(ImportFormatsTest, ExportTableWritesCsvAndTsvWithTheColumnsAsked) {
  ASSERT_LE(run({"import", "-q", test_data("scopus/golden/scopus.csv").string()}).exit_code, 1);
  ASSERT_EQ(run({"tag", json::parse(run({"list", "--json"}).out)[0]["key"], "core"}).exit_code, 0);
  auto r = run({"export", "table", "--columns", "key,year,title,authors,doi,tags,citations,pagerank,cluster"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("key,year,title,authors,doi,tags,citations,pagerank,cluster\r\n")) << r.out;
  // Quoted only where RFC 4180 needs it (a comma in the authors).
  EXPECT_THAT(r.out, HasSubstr(",1983,The iron cage revisited: Institutional isomorphism and collective rationality "
                               "in organizational fields,\"DiMaggio, Paul J.; Powell, Walter W.\",10.2307/2095101,"
                               "core,0,"));
  r = run({"export", "table", "--format", "tsv", "--columns", "key,title"});
  EXPECT_THAT(r.out, HasSubstr("\tThe global landscape of AI ethics guidelines\n"));
  r = run({"export", "table", "--columns", "key,dio"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown column 'dio'"));
}

}  // namespace
}  // namespace litrev::test
