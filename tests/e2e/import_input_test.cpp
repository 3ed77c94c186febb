// `import bibtex` given what is not BibTeX, or hostile BibTeX: exit 3 with what the file looks
// like and nothing stored, or a clear error and everything else stored; never a crash, a hang or
// unbounded memory. And a normal Web of Science export reads without a warning per record.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "support/test_support.hpp"

namespace litrev::test {
namespace {

using nlohmann::json;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

class ImportInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(tmp_ / "one.bib", "@article{kept, title = {Already here}, year = 2001, author = {Doe, Jane}}\n");
    ASSERT_EQ(run({"import", "bibtex", (tmp_ / "one.bib").string()}).exit_code, 0);
  }
  RunResult run(std::vector<std::string> args, const std::string& input = {}) {
    args.insert(args.begin(), {"--db", (tmp_ / "lib.db").string()});
    return run_litrev(args, input);
  }
  int works() { return json::parse(run({"stats", "--json"}).out)["works"].get<int>(); }
  // Imports `path` and expects a refusal naming it and what it looks like, with nothing stored.
  // A format litrev reads otherwise (readable_by_import) gets the command that reads it.
  void expect_refused(const std::filesystem::path& path, const std::string& looks_like, bool readable_by_import = false) {
    const auto r = run({"import", "bibtex", path.string()});
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_EQ(r.err, path.string() + ": error: this looks like " + looks_like + ", not BibTeX; nothing imported" +
                         (readable_by_import ? " (`litrev import " + path.string() + "` reads it)" : "") + "\n");
    EXPECT_EQ(works(), 1) << path;
  }
  std::filesystem::path write(const std::string& name, const std::string& content) {
    write_file(tmp_ / name, content);
    return tmp_ / name;
  }
  TempDir tmp_;
};

TEST_F(ImportInputTest, TablesAndOtherBibliographicFormatsAreRefusedWithTheirName) {
  expect_refused(write("scopus.csv", "Authors,Title,Year,DOI\n\"Doe J.\",\"A title\",2020,10.1/x\n"), "a CSV table");
  expect_refused(write("refs.ris", "TY  - JOUR\nAU  - Doe, J.\nTI  - A title\nER  - \n"), "a RIS export",
                 true);
  expect_refused(write("refs.json", R"([{"id": "a", "type": "book", "title": "T"}])"), "a CSL-JSON file", true);
}

TEST_F(ImportInputTest, WebOfScienceTextExportsAreRefusedWithTheirName) {
  LITREV_REQUIRE_SHARED(shared);
  expect_refused(shared / "corpus/citations/ai_generative_ai/savedrecs.txt", "a Web of Science plain-text export", true);
  expect_refused(shared / "corpus/citations/sts_science_technology_studies/savedrecs_30.txt",
                 "a Web of Science tab-delimited export", true);
}

TEST_F(ImportInputTest, PdfProgramsAndLibrariesAreRefused) {
  expect_refused(write("paper.bib", "%PDF-1.5\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
                 "a PDF document");
  expect_refused(LITREV_BINARY, "an executable program (ELF)");
  expect_refused(tmp_ / "lib.db", "an SQLite database (such as a litrev library)");
}

TEST_F(ImportInputTest, DevZeroEndsAtOnce) {
  const auto started = std::chrono::steady_clock::now();
  const auto r = run({"import", "bibtex", "/dev/zero"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "/dev/zero: error: this looks like binary data, not BibTeX; nothing imported\n");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(30));
}

TEST_F(ImportInputTest, DirectoriesAndEmptyFilesAreErrors) {
  auto r = run({"import", "bibtex", tmp_.path().string()});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, tmp_.path().string() + ": error: cannot read: Is a directory\n");
  const auto empty = write("empty.bib", "  \n\n");
  r = run({"import", "bibtex", empty.string()});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, empty.string() + ": error: the file is empty; nothing imported\n");
  r = run({"import", "bibtex", "--json", empty.string()});
  EXPECT_EQ(json::parse(r.out)["format"], "empty");
  EXPECT_EQ(works(), 1);
}

TEST_F(ImportInputTest, TextWithoutAnEntryIsRefused) {
  const auto notes = write("notes.bib", "Dear colleague,\nhere are the references you asked for.\n");
  const auto r = run({"import", "bibtex", notes.string()});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr("no BibTeX entry found: this looks like text in none of the bibliographic formats"));
}

TEST_F(ImportInputTest, AFifoIsImportedFromItsWriter) {
  const auto fifo = tmp_ / "refs.fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::thread writer([&] {
    if (std::FILE* f = std::fopen(fifo.c_str(), "w")) {
      std::fputs("@misc{piped, title = {Through a FIFO}, year = 2020}\n", f);
      std::fclose(f);
    }
  });
  const auto r = run({"import", "bibtex", fifo.string()});
  writer.join();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(works(), 2);
}

TEST_F(ImportInputTest, BibtexWithGarbageAroundImports) {
  const auto bib = write("messy.bib", std::string("Exported 2024-01-01 by a tool\n\x01\x02\n@misc{messy, title = {Still "
                                                  "read}, year = 2020}\ntrailing words\n"));
  const auto r = run({"import", "bibtex", bib.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(works(), 2);
}

// A file of a few hundred bytes whose @strings double 20 times would hold 16 MiB per value (12
// doublings took 2.6 GB of memory): it stops at 1 MiB per value with an error naming the line
// and the limit, and the entries are stored. (The limit per file is tested in tests/bibtex.)
TEST_F(ImportInputTest, AMacroBombIsStoppedAtTheLimit) {
  std::string text = "@string{a0 = \"0123456789abcdef\"}\n";
  for (int i = 1; i <= 20; ++i)
    text += "@string{a" + std::to_string(i) + " = a" + std::to_string(i - 1) + " # a" + std::to_string(i - 1) + "}\n";
  for (int i = 0; i < 3; ++i) text += "@misc{bomb" + std::to_string(i) + ", title = a10, note = a20, year = 2020}\n";
  const auto bib = write("bomb.bib", text);
  const auto r = run({"import", "bibtex", bib.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.err, HasSubstr(bib.string() + ":18:21: error: @string macros expand @string 'a17' to more than 1 MiB "
                                              "(limit: 1 MiB per value); macro left undefined\n"));
  EXPECT_LT(std::filesystem::file_size(tmp_ / "lib.db"), std::uintmax_t{20} << 20);
  EXPECT_EQ(works(), 4);
  EXPECT_EQ(json::parse(run({"show", "--json", "bomb0"}).out)["title"].get<std::string>().size(), 16u << 10);
}

// Web of Science BibTeX: months such as "2024 MAR 4", "FEB 9", "WIN" are dates, and field names
// with spaces are fields; a normal export gives no warning per record.
TEST_F(ImportInputTest, WebOfScienceMonthsAndSpacedFieldNamesGiveNoWarnings) {
  std::string text;
  const char* months[] = {"2024 MAR 4", "FEB 9", "WIN", "SUM", "MAR-APR", "DEC"};
  for (int i = 0; i < 6; ++i)
    text += "@article{ WOS:00000000000000" + std::to_string(i) + ",\nAuthor = {Writer, Ann},\nTitle = {Paper " +
            std::to_string(i) + "},\nYear = {2024},\nMonth = {" + months[i] +
            "},\nEarly Access Date = {JAN 2024},\nUnique-ID = {WOS:00000000000000" + std::to_string(i) + "},\n}\n\n";
  const auto bib = write("savedrecs.bib", "\xEF\xBB\xBF\n" + text);
  const auto r = run({"import", "bibtex", bib.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, AllOf(HasSubstr("6 entries read"), HasSubstr(" 0 warnings"), Not(HasSubstr("warning:"))));
  const auto first = json::parse(run({"show", "--json", "WOS:000000000000000"}).out);
  EXPECT_EQ(first["date"], "2024-03-04");
  EXPECT_EQ(first["fields"]["early access date"], "JAN 2024");
  EXPECT_EQ(json::parse(run({"show", "--json", "WOS:000000000000002"}).out)["date"], "2024-24");
}

TEST_F(ImportInputTest, RepeatedWarningsAreOneLineWithACount) {
  std::string text;
  for (int i = 0; i < 8; ++i)
    text += "@article{a" + std::to_string(i) + ", title = {Paper " + std::to_string(i) + "}, year = 2020, issn = {1234-567" +
            std::to_string(i) + "}}\n";
  text += "@article{b, title = {Other}, year = 2020, doi = {not a doi}}\n";
  const auto bib = write("issn.bib", text);
  const auto r = run({"import", "bibtex", bib.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string expected = bib.string() +
                               ":1:46: warning: field 'issn': issn '1234-5670' is not a valid ISSN; kept in the fields "
                               "(entry 'a0') (and 7 more like it: lines 2, 3, 4, 5, 6...; --json lists them all)\n";
  EXPECT_THAT(r.err, HasSubstr(expected));
  EXPECT_THAT(r.err, HasSubstr("doi 'not a doi' is not a DOI"));
  EXPECT_THAT(r.err, HasSubstr("9 entries read, 9 new, 0 merged, 0 skipped, 9 warnings"));
  const auto j = json::parse(run({"import", "bibtex", "--json", bib.string()}).out);
  EXPECT_EQ(j["warnings"].size(), 9u);
}

TEST_F(ImportInputTest, KeysThatDifferOnlyInCaseAreOneKey) {
  const auto bib = write("dup.bib", "@misc{Doe2001, title = {Another paper}, year = 2002, author = {Doe, Jane}}\n"
                                    "@misc{doe2001, title = {A third paper}, year = 2003, author = {Doe, Jane}}\n");
  const auto r = run({"import", "bibtex", bib.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr(bib.string() + ":2:1: warning: duplicate key 'doe2001': the entry on line 1 has it as "
                               "'Doe2001' (BibTeX ignores case in keys); both are kept; this one is stored as "
                               "'doe2001-2'"));
  EXPECT_EQ(json::parse(run({"show", "--json", "doe2001-2"}).out)["title"], "A third paper");
  EXPECT_EQ(json::parse(run({"show", "--json", "DOE2001"}).out)["title"], "Another paper") << "any case finds it";
  EXPECT_EQ(json::parse(run({"show", "--json", "KEPT"}).out)["title"], "Already here");
}

}  // namespace
}  // namespace litrev::test
