// The import pipeline: parse -> records -> sink, streaming, with duplicate keys, inheritance
// resolved after the whole input, encodings through BibText.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "importers/bibtex/bib_text.hpp"
#include "importers/bibtex/bibtex_import.hpp"

namespace litrev::bibtex {
namespace {

std::vector<std::string> keys(const std::vector<ImportRecord>& records) {
  std::vector<std::string> out;
  for (const auto& r : records) out.push_back(r.work.key);
  return out;
}

TEST(ImportStream, RecordsComeInFileOrderAndInheritingOnesAfterTheWholeInput) {
  const std::string text =
      "@inproceedings{child, title = {Paper}, crossref = {proc}}\n"
      "@article{plain, title = {Plain}}\n"
      "@proceedings{proc, title = {Proceedings}, year = 2020}\n";
  std::vector<Diagnostic> diagnostics;
  std::vector<ImportRecord> records;
  const ImportStats stats =
      import_bibtex_string(text, "t.bib", [&](ImportRecord&& r) { records.push_back(std::move(r)); }, diagnostics);
  EXPECT_EQ(keys(records), (std::vector<std::string>{"plain", "proc", "child"}));
  EXPECT_EQ(records[2].work.container, "Proceedings");
  EXPECT_EQ(records[2].work.year, 2020);
  EXPECT_EQ(records[2].source.line, 1u) << "positions of a re-read entry are those of the file";
  EXPECT_EQ(stats.read, 3u);
  EXPECT_EQ(stats.records, 3u);
  EXPECT_EQ(stats.inheriting, 1u);
  EXPECT_TRUE(diagnostics.empty());
}

TEST(ImportStream, ParentsAreReadWithTheMacrosOfTheFileAndMatchedIgnoringCase) {
  const std::string text =
      "@string{acm = {Association for Computing Machinery}}\n"
      "@proceedings{Proc-2020, title = {Proceedings}, publisher = acm # { Press}}\n"
      "\n"
      "   @inproceedings{child, title = {Paper}, crossref = {proc-2020}, month = jan}\n";
  std::vector<Diagnostic> diagnostics;
  const auto records = import_bibtex_records(text, "t.bib", diagnostics);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].work.key, "child");
  EXPECT_EQ(records[1].work.publisher, "Association for Computing Machinery Press");
  ASSERT_EQ(records[1].source.fields.size(), 3u);
  EXPECT_EQ(records[1].source.fields[2].value, "January");
  EXPECT_EQ(records[1].source.line, 4u);
  EXPECT_TRUE(diagnostics.empty());
}

TEST(ImportStream, DuplicateKeysAreKeptAndFlagged) {
  const std::string text =
      "@article{same, title = {First}}\n"
      "@article{other, title = {Other}}\n"
      "@book{same, title = {Second}}\n"
      "@misc{, title = {No key}}\n"
      "@misc{, title = {No key either}}\n";
  std::vector<Diagnostic> diagnostics;
  std::vector<ImportRecord> records;
  const ImportStats stats =
      import_bibtex_string(text, "t.bib", [&](ImportRecord&& r) { records.push_back(std::move(r)); }, diagnostics);
  ASSERT_EQ(records.size(), 5u);
  EXPECT_FALSE(records[0].duplicate_key);
  EXPECT_TRUE(records[2].duplicate_key);
  EXPECT_FALSE(records[4].duplicate_key) << "empty keys are no keys";
  EXPECT_EQ(stats.duplicate_keys, 1u);
  ASSERT_EQ(records[2].warnings.size(), 1u);
  EXPECT_EQ(records[2].warnings[0].message, "duplicate key 'same': the entry on line 1 has it too; both are kept");
  EXPECT_EQ(records[2].warnings[0].line, 3u);
}

TEST(ImportStream, MissingParentsAndCyclesAreWarningsOnTheRecord) {
  const std::string text =
      "@article{a, crossref = {b}, title = {A}}\n"
      "@article{b, crossref = {a}, year = 1999}\n"
      "@article{c, xdata = {gone}, title = {C}}\n";
  std::vector<Diagnostic> diagnostics;
  const auto records = import_bibtex_records(text, "t.bib", diagnostics);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].work.year, 1999);
  ASSERT_EQ(records[0].warnings.size(), 1u);
  EXPECT_EQ(records[0].warnings[0].message, "crossref cycle: a -> b -> a; inheritance stops there");
  ASSERT_EQ(records[2].warnings.size(), 1u);
  EXPECT_EQ(records[2].warnings[0].message, "xdata 'gone' of entry 'c' is not in this input; nothing inherited from it");
  EXPECT_EQ(records[2].warnings[0].line, 3u);
}

TEST(ImportStream, IncompleteEntriesAreKeptOrCountedAsSkipped) {
  const std::string text =
      "@article{good, title = {Good}}\n"
      "@article{broken, title = {Broken}, year = {2001\n"
      "@article{after, title = {After}}\n";
  std::vector<Diagnostic> diagnostics;
  std::vector<ImportRecord> kept;
  const ImportStats with =
      import_bibtex_string(text, "t.bib", [&](ImportRecord&& r) { kept.push_back(std::move(r)); }, diagnostics);
  EXPECT_EQ(keys(kept), (std::vector<std::string>{"good", "broken", "after"}));
  EXPECT_EQ(kept[1].work.title, "Broken");
  EXPECT_EQ(with.incomplete, 1u);
  EXPECT_GE(with.errors, 1u);
  EXPECT_FALSE(diagnostics.empty());

  ImportOptions strict;
  strict.keep_incomplete_entries = false;
  std::vector<ImportRecord> dropped;
  diagnostics.clear();
  const ImportStats without = import_bibtex_string(
      text, "t.bib", [&](ImportRecord&& r) { dropped.push_back(std::move(r)); }, diagnostics, strict);
  EXPECT_EQ(keys(dropped), (std::vector<std::string>{"good", "after"}));
  EXPECT_EQ(without.skipped, 1u);
}

TEST(ImportStream, AnEntryCutShortBeforeItsFirstFieldIsSkippedNotKeptAsAKeyAlone) {
  const std::string text =
      "@article{empty, title = {Never closed\n"
      "@article{after, title = {After}}\n";
  std::vector<Diagnostic> diagnostics;
  std::vector<ImportRecord> kept;
  const ImportStats stats =
      import_bibtex_string(text, "t.bib", [&](ImportRecord&& r) { kept.push_back(std::move(r)); }, diagnostics);
  EXPECT_EQ(keys(kept), (std::vector<std::string>{"after"}));
  EXPECT_EQ(stats.read, 2u);
  EXPECT_EQ(stats.skipped, 1u);
  EXPECT_EQ(stats.incomplete, 0u);
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_EQ(diagnostics[0].line, 1u);
}

TEST(ImportStream, ReadsWhatBibTextDecodedAndReportsItsEncodingWarning) {
  const BibText latin1 = decode_bib_bytes("@book{k, author = {M\xFCller, J\xFCrgen}, title = {Caf\xE9}}\n", "l1.bib");
  std::vector<Diagnostic> diagnostics;
  std::vector<ImportRecord> records;
  const ImportStats stats =
      import_bibtex(latin1, [&](ImportRecord&& r) { records.push_back(std::move(r)); }, diagnostics);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].work.title, "Café");
  EXPECT_EQ(records[0].work.contributors.at(0).person.family, "Müller");
  EXPECT_EQ(stats.encoding, latin1.encoding);
  EXPECT_EQ(diagnostics.size(), latin1.warnings.size());
  EXPECT_FALSE(diagnostics.empty());

  std::string utf16 = "\xFF\xFE";  // UTF-16LE with BOM
  for (char c : std::string("@misc{u, title = {UTF-16}}\n")) utf16 += std::string{c, '\0'};
  const BibText wide = decode_bib_bytes(utf16, "wide.bib");
  diagnostics.clear();
  records.clear();
  import_bibtex(wide, [&](ImportRecord&& r) { records.push_back(std::move(r)); }, diagnostics);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].work.title, "UTF-16");
}

TEST(ImportStream, NothingToReadIsNoRecord) {
  std::vector<Diagnostic> diagnostics;
  EXPECT_TRUE(import_bibtex_records("", "empty.bib", diagnostics).empty());
  EXPECT_TRUE(import_bibtex_records("just text, no entries", "t.bib", diagnostics).empty());
  static constexpr char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR@@@{{{";
  const std::string garbage(kPng, sizeof kPng - 1);
  EXPECT_NO_THROW(import_bibtex_records(garbage, "png.bib", diagnostics));
}

}  // namespace
}  // namespace litrev::bibtex
