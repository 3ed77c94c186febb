// Hostile and odd input (issue 11's catalogue for the BibTeX path): each gives a clear error
// naming the line and the limit, or is read faithfully -- never a crash, a hang or unbounded
// memory. Also the Web of Science forms that used to be errors or warnings on every record.

#include "bibtex/parser_test_helpers.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "importers/bibtex/bib_text.hpp"
#include "importers/bibtex/bibtex_import.hpp"
#include "support/test_support.hpp"

namespace litrev::bibtex {
namespace {

using test::field;
using test::field_names;
using test::parse;
using test::shown;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string test_field(const SourceRecord& s, std::string_view name) {
  for (const auto& f : s.fields)
    if (f.name == name) return f.value;
  return "<none>";
}

// @string a0 = 16 bytes, a(n) = a(n-1) # a(n-1): a(n) holds 16 * 2^n bytes.
std::string macro_bomb(int depth) {
  std::string text = "@string{a0 = \"0123456789abcdef\"}\n";
  for (int i = 1; i <= depth; ++i) text += fmt::format("@string{{a{} = a{} # a{}}}\n", i, i - 1, i - 1);
  return text;
}

TEST(HostileInput, AMacroBombStopsAtTheLimitPerValueWithAClearError) {
  // Depth 20 would be 16 MiB per value and 32 MiB in all; the limit is 1 MiB per value.
  const auto r = parse(macro_bomb(20) + "@misc{k, title = a20, note = {kept}}\n");
  ASSERT_EQ(r.entries.size(), 1u);
  // a0..a16 (1 MiB) are defined, a17 (2 MiB) is not; a18 = a17 # a17 then reads an unknown
  // macro, kept as its name as BibTeX does ("a17a17"), and a19, a20 double that.
  ASSERT_EQ(r.macros.size(), 20u);
  EXPECT_EQ(r.macros[16].name, "a16");
  EXPECT_EQ(r.macros[17].name, "a18");
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("18:21: error: @string macros expand @string 'a17' to more than 1 MiB (limit: 1 MiB per "
                          "value); macro left undefined",
                          "19:15: warning: unknown macro 'a17' in @string 'a18'; kept as text (reported once per macro)"));
  std::string a20;
  for (int i = 0; i < 8; ++i) a20 += "a17";
  EXPECT_EQ(field(r.entries[0], "title"), a20);
  EXPECT_EQ(field(r.entries[0], "note"), "kept");
  EXPECT_LT(r.stats.macro_bytes, std::size_t{4} << 20);
}

TEST(HostileInput, AMacroUsedInEveryEntryStopsAtTheLimitPerFile) {
  ParseOptions options;
  options.max_macro_bytes_per_file = 1000;
  std::string text = "@string{big = \"" + std::string(300, 'x') + "\"}\n";
  for (int i = 0; i < 5; ++i) text += fmt::format("@misc{{k{}, title = big, year = 2020}}\n", i);
  const auto r = parse(text, options);
  ASSERT_EQ(r.entries.size(), 5u);
  EXPECT_EQ(field(r.entries[2], "title").size(), 300u);
  EXPECT_TRUE(r.entries[2].complete);
  EXPECT_THAT(field_names(r.entries[3]), ElementsAre("year")) << "over the limit: the field is dropped, not cut";
  EXPECT_FALSE(r.entries[3].complete);
  EXPECT_EQ(test::show(r.diagnostics[0]),
            "5:19: error: @string macros have added more than 1000 bytes to the values of this file; field dropped");
  EXPECT_EQ(r.diagnostics[0].field, "title");
  EXPECT_EQ(r.stats.errors, 2u);
}

TEST(HostileInput, SelfReferringMacrosDoNotLoop) {
  const auto r = parse("@string{a = a # \"x\"}\n@string{a = a # a}\n@misc{k, title = a}\n");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(field(r.entries[0], "title"), "axax");
}

TEST(HostileInput, BracesNestedTooDeepAreAnErrorAndTheEntryIsReadOn) {
  const std::string deep = std::string(100000, '{') + "x" + std::string(100000, '}');
  const auto r = parse("@misc{k,\n  title = " + deep + ",\n  year = 2020\n}\n@misc{next, title = {ok}}\n");
  ASSERT_EQ(r.entries.size(), 2u);
  EXPECT_THAT(field_names(r.entries[0]), ElementsAre("year"));
  EXPECT_FALSE(r.entries[0].complete);
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("2:11: error: braces in field 'title' of entry 'k' are nested 99999 levels deep (limit: 100); "
                          "field dropped"));
  EXPECT_EQ(field(r.entries[1], "title"), "ok");
  // 100 levels inside the value are still read.
  const std::string fine = std::string(101, '{') + "x" + std::string(101, '}');
  EXPECT_THAT(parse("@misc{k, title = " + fine + "}").diagnostics, IsEmpty());
}

TEST(HostileInput, AHundredThousandAuthorsAndTenMegabyteFieldsAreReadWhole) {
  std::string authors;
  for (int i = 0; i < 100000; ++i) authors += fmt::format("{}Author{}, A.", i ? " and " : "", i);
  const std::string big(10 << 20, 'y');
  std::vector<Diagnostic> diagnostics;
  const auto records =
      import_bibtex_records("@misc{k, author = {" + authors + "}, abstract = {" + big + "}}\n", "t.bib", diagnostics);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].work.contributors.size(), 100000u);
  EXPECT_EQ(records[0].work.contributors.back().person.family, "Author99999");
  EXPECT_EQ(records[0].work.abstract_text.size(), big.size());
  EXPECT_THAT(diagnostics, IsEmpty());
}

TEST(HostileInput, ControlCharactersAndInvalidUtf8AreKeptAndNulBytesReplaced) {
  constexpr char kBytes[] = "@misc{k, title = {a\x01\x1b[31mb\xff c}, note = {x\0y}}\n";
  const BibText text = decode_bib_bytes(std::string(kBytes, sizeof kBytes - 1), "c.bib");
  std::vector<Diagnostic> diagnostics;
  const auto records = import_bibtex_records(text.text, text.source, diagnostics);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].work.title, "a\x01\x1b[31mbÿ c") << "invalid UTF-8 read as Windows-1252";
  EXPECT_EQ(test_field(records[0].source, "note"), "x\xEF\xBF\xBDy");
  ASSERT_EQ(text.warnings.size(), 2u);
  EXPECT_EQ(text.warnings[1].message, "1 NUL byte (binary data in a text file?) replaced by U+FFFD");
}

TEST(WebOfScience, FieldNamesWithSpacesAreFields) {
  const auto r = parse(
      "@article{ WOS:000444488888888,\n"
      "Author = {Articlewriter, Julian},\n"
      "Early Access Date = {FEB 2022},\n"
      "Early  Access\tIcon = {Yes},\n"
      "Year = {2022},\n"
      "}\n");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_THAT(r.diagnostics, IsEmpty());
  EXPECT_THAT(field_names(r.entries[0]), ElementsAre("author", "early access date", "early access icon", "year"));
  EXPECT_EQ(field(r.entries[0], "early access date"), "FEB 2022");
  EXPECT_EQ(r.entries[0].fields[1].line, 3u);
}

TEST(WebOfScience, WordsWithoutAnEqualsSignAreStillAnError) {
  const auto r = parse("@misc{k, title = {x}, some words here\n  year = 2020}\n");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_THAT(field_names(r.entries[0]), ElementsAre("title", "year"));
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_THAT(test::show(r.diagnostics[0]), HasSubstr("expected '=' after field name 'some'"));
}

TEST(WebOfScience, TheGenerativeAiExportImportsWithoutAWarning) {
  LITREV_REQUIRE_SHARED(shared);
  const auto path = shared / "corpus/citations/ai_generative_ai/savedrecs.bib";
  auto text = read_bib_file(path.string());
  ASSERT_TRUE(text);
  std::vector<Diagnostic> diagnostics;
  std::size_t dated = 0;
  const ImportStats stats = import_bibtex(*text, [&](ImportRecord&& r) {
    for (auto& w : r.warnings) diagnostics.push_back(std::move(w));
    dated += r.work.date.size() >= 7;  // a month at least
  }, diagnostics);
  EXPECT_EQ(stats.records, 469u);
  EXPECT_THAT(shown(diagnostics), IsEmpty());
  EXPECT_GT(dated, 400u);
}

TEST(DuplicateKeys, KeysThatDifferOnlyInCaseAreDuplicates) {
  std::vector<Diagnostic> diagnostics;
  const auto records = import_bibtex_records(
      "@misc{dup, title = {First}}\n@misc{DUP, title = {Second}}\n@misc{dup, title = {Third}}\n", "d.bib", diagnostics);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_FALSE(records[0].duplicate_key);
  EXPECT_TRUE(records[1].duplicate_key);
  EXPECT_TRUE(records[2].duplicate_key);
  ASSERT_EQ(records[1].warnings.size(), 1u);
  EXPECT_EQ(records[1].warnings[0].message,
            "duplicate key 'DUP': the entry on line 1 has it as 'dup' (BibTeX ignores case in keys); both are kept");
  EXPECT_EQ(records[2].warnings[0].message, "duplicate key 'dup': the entry on line 1 has it too; both are kept");
}

}  // namespace
}  // namespace litrev::bibtex
