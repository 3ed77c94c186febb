// litrev export annotated end to end on the sample library: notes, tags and clusters under
// each formatted reference; the documents opened by the tools people use (pandoc reads the
// docx and odt, LibreOffice converts them, pdflatex compiles the LaTeX).
#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace litrev::test {
namespace {

namespace fs = std::filesystem;

bool has(const char* tool) { return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0; }

class Annotated : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists("/usr/share/citation-style-language/styles/apa.csl"))
      GTEST_SKIP() << "citation-style-language-styles not installed";
    ASSERT_EQ(run({"import", "bibtex", (fs::path(LITREV_SOURCE_DIR) / "bib" / "responsible-ai.bib").string()}).exit_code, 0);
    ASSERT_EQ(run({"note", "lascoumes2004", "Instruments are **institutions**: <script>x</script> 50% & $1."}).exit_code, 0);
    ASSERT_EQ(run({"note", "lascoumes2004", "- policy tools\n- public action"}).exit_code, 0);
    ASSERT_EQ(run({"tag", "lascoumes2004", "public action"}).exit_code, 0);
    ASSERT_EQ(run({"note", "dimaggio1983", "Isomorphism: *coercive*, mimetic, normative."}).exit_code, 0);
  }
  RunResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", (dir_ / "lib.db").string(), "-q"});
    return run_litrev(args);
  }
  TempDir dir_;
};

TEST_F(Annotated, HtmlHasNotesAndTagsUnderEachReference) {
  const auto r = run({"export", "annotated", "--style", "apa", "--format", "html", "lascoumes2004", "meyer1977"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto& html = r.out;
  EXPECT_NE(html.find("<!DOCTYPE html>"), std::string::npos);
  const auto lascoumes = html.find("Lascoumes, P., &#38; Le Galès, P. (2004). <i>Gouverner par les instruments</i>");
  const auto note = html.find("Instruments are <strong>institutions</strong>");
  const auto meyer = html.find("Meyer, J. W.");
  ASSERT_NE(lascoumes, std::string::npos) << html;
  ASSERT_NE(note, std::string::npos);
  EXPECT_LT(lascoumes, note);
  EXPECT_LT(note, meyer);  // APA order: Lascoumes, then Meyer; the note under its own entry
  EXPECT_NE(html.find("<li>policy tools</li>"), std::string::npos);
  EXPECT_NE(html.find("Tags: public action"), std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
}

TEST_F(Annotated, OnlyAnnotatedSearchAndTagSelect) {
  const auto noted = run({"export", "annotated", "--style", "apa", "--only-annotated"});
  ASSERT_EQ(noted.exit_code, 0) << noted.err;
  EXPECT_NE(noted.out.find("DiMaggio"), std::string::npos);
  EXPECT_NE(noted.out.find("Lascoumes"), std::string::npos);
  EXPECT_NE(noted.out.find("2 works"), std::string::npos) << noted.out;
  const auto tagged = run({"export", "annotated", "--style", "apa", "--tag", "public action"});
  EXPECT_NE(tagged.out.find("1 work ·"), std::string::npos) << tagged.out;
  const auto found = run({"export", "annotated", "--style", "apa", "--search", "isomorphism"});
  EXPECT_NE(found.out.find("DiMaggio"), std::string::npos) << found.out;
  EXPECT_EQ(found.out.find("Lascoumes"), std::string::npos);
}

TEST_F(Annotated, GroupsByTheSavedClustersWithRanks) {
  EXPECT_EQ(run({"export", "annotated", "--style", "apa", "--group-by", "cluster"}).exit_code, 2);  // no run yet
  ASSERT_EQ(run({"graph", "cluster", "--network", "coupling", "--seed", "1"}).exit_code, 0);
  const auto r = run({"export", "annotated", "--style", "asa", "--format", "markdown"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\n## Cluster 1: "), std::string::npos) << r.out.substr(0, 2000);
  EXPECT_NE(r.out.find("*Key terms: "), std::string::npos);
  EXPECT_NE(r.out.find("PageRank rank 1"), std::string::npos);
  EXPECT_NE(r.out.find("works of the library"), std::string::npos);
  const auto one = run({"export", "annotated", "--style", "asa", "--cluster", "1", "--group-by", "none", "--sort", "citations"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out.find("Cluster 2"), std::string::npos);
  EXPECT_EQ(run({"export", "annotated", "--style", "asa", "--cluster", "999"}).exit_code, 2);
}

TEST_F(Annotated, DocxAndOdtOpenInPandocAndLibreOffice) {
  EXPECT_EQ(run({"export", "annotated", "--style", "apa", "--format", "docx"}).exit_code, 2);  // needs --out
  const auto docx = dir_ / "review.docx";
  const auto odt = dir_ / "notes.odt";
  ASSERT_EQ(run({"export", "annotated", "--style", "apa", "--only-annotated", "-o", docx.string()}).exit_code, 0);
  ASSERT_EQ(run({"export", "annotated", "--style", "apa", "--only-annotated", "-o", odt.string()}).exit_code, 0);
  ASSERT_EQ(read_file(docx).substr(0, 2), "PK");
  if (!has("pandoc")) GTEST_SKIP() << "pandoc not installed";
  for (const auto& [file, from] : {std::pair{docx, "docx"}, std::pair{odt, "odt"}}) {
    const auto txt = dir_ / (std::string(from) + ".txt");
    const std::string cmd = "pandoc -f " + std::string(from) + " -t plain --wrap=none " + file.string() + " -o " + txt.string();
    ASSERT_EQ(std::system(cmd.c_str()), 0) << from;
    const auto text = read_file(txt);
    EXPECT_NE(text.find("Lascoumes, P., & Le Galès, P. (2004). Gouverner par les instruments. Presses de Sciences Po."),
              std::string::npos)
        << from << ":\n" << text;
    EXPECT_NE(text.find("Instruments are institutions: x 50% & $1."), std::string::npos) << from;
    EXPECT_NE(text.find("Isomorphism: coercive, mimetic, normative."), std::string::npos) << from;
    EXPECT_NE(text.find("Tags: public action"), std::string::npos) << from;
  }
  if (!has("soffice")) GTEST_SKIP() << "LibreOffice not installed";
  const std::string cmd = "cd " + dir_.path().string() + " && HOME=" + dir_.path().string() +
                          " soffice --headless --convert-to txt:Text --outdir lo review.docx notes.odt >lo.log 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << read_file(dir_ / "lo.log");
  for (const char* name : {"lo/review.txt", "lo/notes.txt"}) {
    const auto text = read_file(dir_ / name);
    EXPECT_NE(text.find("Gouverner par les instruments"), std::string::npos) << text;
    EXPECT_NE(text.find("Isomorphism: coercive, mimetic, normative."), std::string::npos) << text;
  }
}

TEST_F(Annotated, LatexCompilesWithCharactersPdflatexCannotPrint) {
  ASSERT_EQ(run({"note", "lascoumes2004", "CO₂ labels; 日本; x² – “quoted” – 50% & #1 \\emph{raw}"}).exit_code, 0);
  const auto tex = dir_ / "review.tex";
  ASSERT_EQ(run({"export", "annotated", "--style", "rfs", "--group-by", "tag", "-o", tex.string()}).exit_code, 0);
  EXPECT_NE(read_file(tex).find("\\section*{public action}"), std::string::npos);
  if (!has("pdflatex")) GTEST_SKIP() << "pdflatex not installed";
  const std::string cmd = "cd " + dir_.path().string() + " && pdflatex -interaction=nonstopmode -halt-on-error review.tex >latex.log 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << read_file(dir_ / "latex.log").substr(0, 4000);
}

}  // namespace
}  // namespace litrev::test
