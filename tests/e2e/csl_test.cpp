// The CSL commands end to end: export csl-json (read back by pandoc), export bibliography in
// every format, litrev styles, the errors a user can meet, and the sample library's
// bibliography against citeproc-js.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/citeproc_js.hpp"
#include "support/test_support.hpp"

namespace litrev::test {
namespace {

namespace fs = std::filesystem;

class CslCommands : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto r = run({"import", "bibtex", (fs::path(LITREV_SOURCE_DIR) / "bib" / "responsible-ai.bib").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  RunResult run(std::vector<std::string> args, const std::vector<std::string>& env = {}) {
    args.insert(args.begin(), {"--db", (dir_ / "lib.db").string(), "-q"});
    return run_litrev(args, {}, env);
  }
  static bool system_styles() { return fs::exists("/usr/share/citation-style-language/styles/apa.csl"); }
  TempDir dir_;
};

TEST_F(CslCommands, ExportCslJsonMapsEveryWork) {
  ASSERT_EQ(run({"note", "lascoumes2004", "Key text on *policy instruments*."}).exit_code, 0);
  const auto r = run({"export", "csl-json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto items = nlohmann::json::parse(r.out);
  ASSERT_EQ(items.size(), 115u);
  const nlohmann::json* dimaggio = nullptr;
  const nlohmann::json* lascoumes = nullptr;
  for (const auto& it : items) {
    if (it["id"] == "dimaggio1983") dimaggio = &it;
    if (it["id"] == "lascoumes2004") lascoumes = &it;
  }
  ASSERT_NE(dimaggio, nullptr);
  EXPECT_EQ((*dimaggio)["type"], "article-journal");
  EXPECT_EQ((*dimaggio)["DOI"], "10.2307/2095101");
  EXPECT_EQ((*dimaggio)["issued"]["date-parts"][0][0], 1983);
  EXPECT_EQ((*dimaggio)["author"][0]["family"], "DiMaggio");
  EXPECT_EQ((*dimaggio)["language"], "en");
  ASSERT_NE(lascoumes, nullptr);
  // "Gouverner par les instruments": French, guessed from its words, so styles do not title-case it.
  EXPECT_EQ((*lascoumes)["language"], "fr");
  EXPECT_EQ((*lascoumes)["note"], "Key text on *policy instruments*.");
  const auto no_notes = run({"export", "csl-json", "--no-notes", "lascoumes2004"});
  EXPECT_FALSE(nlohmann::json::parse(no_notes.out)[0].contains("note"));
}

TEST_F(CslCommands, PandocReadsTheCslJsonExport) {
  if (std::system("command -v pandoc >/dev/null 2>&1") != 0) GTEST_SKIP() << "pandoc not installed";
  const auto json = dir_ / "lib.json";
  ASSERT_EQ(run({"export", "csl-json", "-o", json.string()}).exit_code, 0);
  write_file(dir_ / "doc.md", "---\nnocite: '@*'\n---\n");
  const std::string cmd = "pandoc --citeproc --bibliography " + json.string() + " -t plain " + (dir_ / "doc.md").string() +
                          " > " + (dir_ / "out.txt").string() + " 2> " + (dir_ / "err.txt").string();
  ASSERT_EQ(std::system(cmd.c_str()), 0) << read_file(dir_ / "err.txt");
  EXPECT_EQ(read_file(dir_ / "err.txt"), "");
  const auto out = read_file(dir_ / "out.txt");
  EXPECT_NE(out.find("DiMaggio"), std::string::npos);
  EXPECT_NE(out.find("Gouverner par les instruments"), std::string::npos);
}

TEST_F(CslCommands, BibliographyInEveryFormat) {
  if (!system_styles()) GTEST_SKIP() << "citation-style-language-styles not installed";
  const auto text = run({"export", "bibliography", "--style", "apa", "meyer1977", "lascoumes2004"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out,
            "Lascoumes, P., & Le Galès, P. (2004). Gouverner par les instruments. Presses de Sciences Po.\n"
            "Meyer, J. W., & Rowan, B. (1977). Institutionalized Organizations: Formal Structure as Myth and Ceremony. "
            "American Journal of Sociology, 83(2), 340–363. https://doi.org/10.1086/226550\n");
  const auto html = run({"export", "bibliography", "--style", "apa", "--format", "html", "lascoumes2004"});
  EXPECT_NE(html.out.find("<div class=\"csl-entry\">Lascoumes, P., &#38; Le Galès, P. (2004). <i>Gouverner par les "
                          "instruments</i>. Presses de Sciences Po.</div>"),
            std::string::npos)
      << html.out;
  const auto md = run({"export", "bibliography", "--style", "apa", "--format", "markdown", "lascoumes2004"});
  EXPECT_EQ(md.out, "Lascoumes, P., \\& Le Galès, P. (2004). *Gouverner par les instruments*. Presses de Sciences Po.\n");
  const auto tex = run({"export", "bibliography", "--style", "apa", "--format", "latex", "lascoumes2004"});
  EXPECT_NE(tex.out.find("Lascoumes, P., \\& Le Galès, P. (2004). \\textit{Gouverner par les instruments}."),
            std::string::npos)
      << tex.out;
}

TEST_F(CslCommands, BibliographyAsJsonAndInAFrenchStyle) {
  if (!system_styles()) GTEST_SKIP() << "citation-style-language-styles not installed";
  const auto r = run({"export", "bibliography", "--style", "rfs", "--json", "lascoumes2004"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto arr = nlohmann::json::parse(r.out);
  ASSERT_EQ(arr.size(), 1u);
  EXPECT_EQ(arr[0]["key"], "lascoumes2004");
  EXPECT_NE(arr[0]["entry"].get<std::string>().find("Gouverner par les instruments"), std::string::npos);
}

TEST_F(CslCommands, StandaloneLatexCompiles) {
  if (!system_styles()) GTEST_SKIP() << "citation-style-language-styles not installed";
  if (std::system("command -v pdflatex >/dev/null 2>&1") != 0) GTEST_SKIP() << "pdflatex not installed";
  const auto tex = dir_ / "bib.tex";
  ASSERT_EQ(run({"export", "bibliography", "--style", "chicago", "--format", "latex", "--standalone", "-o", tex.string()}).exit_code, 0);
  const std::string cmd = "cd " + dir_.path().string() + " && pdflatex -interaction=nonstopmode -halt-on-error bib.tex > latex.log 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << read_file(dir_ / "latex.log").substr(0, 3000);
  EXPECT_TRUE(fs::exists(dir_ / "bib.pdf"));
}

TEST_F(CslCommands, UnknownStyleIsAUsageErrorWithTheClosestNames) {
  if (!system_styles()) GTEST_SKIP() << "citation-style-language-styles not installed";
  const auto r = run({"export", "bibliography", "--style", "american-sociologicl-association"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("closest: american-sociological-association"), std::string::npos) << r.err;
}

TEST_F(CslCommands, BrokenStyleFilesAreUnreadableWithLineAndElement) {
  write_file(dir_ / "notxml.csl", "<style>\n<bibliography>\n</style>\n");
  auto r = run({"export", "bibliography", "--style", (dir_ / "notxml.csl").string()});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("notxml.csl:3"), std::string::npos) << r.err;
  write_file(dir_ / "cycle.csl",
             "<?xml version=\"1.0\"?>\n<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\">\n"
             "<info><title>c</title><id>c</id></info>\n<macro name=\"m\">\n<text macro=\"m\"/>\n</macro>\n"
             "<citation><layout><text macro=\"m\"/></layout></citation>\n"
             "<bibliography><layout><text macro=\"m\"/></layout></bibliography>\n</style>\n");
  r = run({"export", "bibliography", "--style", (dir_ / "cycle.csl").string()});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("cycle.csl:5: <text>: macro \"m\" calls itself"), std::string::npos) << r.err;
  write_file(dir_ / "future.csl",
             "<?xml version=\"1.0\"?>\n<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\">\n"
             "<info><title>f</title><id>f</id></info>\n<citation><layout><text variable=\"title\"/></layout></citation>\n"
             "<bibliography><layout>\n<conditions/>\n</layout></bibliography>\n</style>\n");
  r = run({"export", "bibliography", "--style", (dir_ / "future.csl").string()});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("future.csl:6: <conditions>"), std::string::npos) << r.err;
}

TEST_F(CslCommands, MissingLocaleIsUnreadable) {
  if (!system_styles()) GTEST_SKIP() << "citation-style-language-styles not installed";
  const auto r = run({"export", "bibliography", "--style", "apa", "--locale", "xx-YY"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("no locale file for \"xx-YY\""), std::string::npos) << r.err;
}

TEST_F(CslCommands, StylesSearchFindsByTitleWords) {
  if (!system_styles()) GTEST_SKIP() << "citation-style-language-styles not installed";
  const auto r = run({"styles", "--search", "française sociologie"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("revue-francaise-de-sociologie  Revue française de sociologie"), std::string::npos) << r.out;
  const auto aliases = run({"styles", "--aliases"});
  EXPECT_NE(aliases.out.find("asa"), std::string::npos);
}

TEST_F(CslCommands, CslDirEnvironmentReplacesTheSystemStyles) {
  fs::create_directories(dir_ / "styles");
  write_file(dir_ / "styles" / "mine.csl",
             "<?xml version=\"1.0\"?>\n<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\">"
             "<info><title>Mine</title><id>mine</id></info><citation><layout><text variable=\"title\"/></layout></citation>"
             "<bibliography><layout><text value=\"MINE: \"/><text variable=\"title\"/></layout></bibliography></style>");
  fs::create_directories(dir_ / "locales");
  const auto r = run({"export", "bibliography", "--style", "mine", "meyer1977"}, {"LITREV_CSL_DIR=" + dir_.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "MINE: Institutionalized Organizations: Formal Structure as Myth and Ceremony\n");
}

// The sample library through litrev's own CSL-JSON export, formatted by citeproc-js and by
// litrev: the agreement measure on the team's real data.
TEST_F(CslCommands, SampleLibraryAgreesWithCiteprocJs) {
  if (shared_dir().empty()) GTEST_SKIP() << "../shared is absent (set LITREV_SHARED_DIR): skipped";
  std::string why;
  const auto prefix = citeproc_js_prefix(why);
  if (prefix.empty()) GTEST_SKIP() << "citeproc-js unavailable: " << why;
  const auto json = dir_ / "lib.json";
  ASSERT_EQ(run({"export", "csl-json", "--no-notes", "-o", json.string()}).exit_code, 0);
  const fs::path csl = shared_dir() / "csl";
  for (const char* name : {"american-sociological-association", "apa", "chicago-author-date", "harvard-cite-them-right",
                           "modern-language-association", "revue-francaise-de-sociologie",
                           "revue-francaise-d-administration-publique", "sciences-po-ecole-doctorale-author-date"}) {
    const fs::path style = csl / (std::string(name) + ".csl");
    const auto reference = citeproc_js_bibliography(prefix, style, json, csl);
    const auto r = run({"export", "bibliography", "--style", style.string(), "--format", "html", "--json"},
                       {"LITREV_CSL_DIR=" + csl.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    Bib ours;
    for (const auto& e : nlohmann::json::parse(r.out)) {
      ours.ids.push_back(e["key"]);
      ours.entries[e["key"]] = canonical_entry(e["entry"]);
    }
    const auto a = compare_bibliographies(reference, ours);
    std::cout << name << ": " << a.same << "/" << a.total << "\n";
    EXPECT_GE(a.percent(), 95.0) << name << "\n" << a.report;
    EXPECT_TRUE(a.order_same) << name;
  }
}

}  // namespace
}  // namespace litrev::test
