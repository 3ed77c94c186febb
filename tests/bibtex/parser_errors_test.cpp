// Bad input: every problem is a diagnostic with its position and a message pinned verbatim
// here; the parse always goes on, and the entries around a broken one are read.

#include "bibtex/parser_test_helpers.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <random>

namespace litrev::bibtex {
namespace {

using test::field;
using test::field_names;
using test::parse;
using test::shown;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> keys(const test::Parsed& r) {
  std::vector<std::string> out;
  for (const auto& e : r.entries) out.push_back(e.key);
  return out;
}

TEST(ParserErrors, UnbalancedBraceStopsAtTheNextEntryAndTheNextEntryIsRead) {
  const auto r = parse(
      "@article{a,\n"
      "  title = {Unclosed {brace}\n"
      "\n"
      "@article{b, title = {fine}}\n");
  EXPECT_THAT(keys(r), ElementsAre("a", "b"));
  EXPECT_FALSE(r.entries[0].complete);
  EXPECT_TRUE(r.entries[0].fields.empty());
  EXPECT_TRUE(r.entries[1].complete);
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("2:11: error: unbalanced braces in field 'title' of entry 'a': '{' is not closed before the "
                          "next entry (line 4); rest of the entry skipped"));
  EXPECT_EQ(r.diagnostics[0].field, "title");
  EXPECT_EQ(r.stats.incomplete_entries, 1u);
}

TEST(ParserErrors, UnbalancedBraceThatRunsIntoTheNextFieldLosesOnlyThatField) {
  const auto r = parse(
      "@article{a,\n"
      "  publisher = {Taylor {{\\&} Francis},\n"
      "  doi = {10.1080/x},\n"
      "  year = {2009}\n"
      "}\n"
      "@article{b, title = {fine}}\n");
  EXPECT_THAT(keys(r), ElementsAre("a", "b"));
  EXPECT_THAT(field_names(r.entries[0]), ElementsAre("doi", "year"));
  EXPECT_FALSE(r.entries[0].complete);
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("2:15: error: unbalanced braces in field 'publisher' of entry 'a': the value runs into the "
                          "next field (line 3); skipped to the next field"));
}

TEST(ParserErrors, ValueClosedOnlyByTheEntrysBraceIsDropped) {
  const auto r = parse(
      "@article{a,\n"
      "  year = 2001,\n"
      "  title = {Unclosed {brace}\n"
      "}\n"
      "\n"
      "@article{b, title = {fine}}\n");
  EXPECT_THAT(keys(r), ElementsAre("a", "b"));
  EXPECT_THAT(field_names(r.entries[0]), ElementsAre("year"));
  EXPECT_FALSE(r.entries[0].complete);
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("3:11: error: unbalanced braces in field 'title' of entry 'a': the value is closed only by "
                          "the entry's closing brace (line 4); rest of the entry skipped"));
}

TEST(ParserErrors, UnbalancedBraceBeforeEndOfFileKeepsTheFieldsAfterIt) {
  const auto r = parse(
      "@article{a,\n"
      "  keywords = {x, {y, z},\n"
      "  title = {T}\n"
      "}\n");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_THAT(field_names(r.entries[0]), ElementsAre("title"));
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("2:14: error: unbalanced braces in field 'keywords' of entry 'a': the value runs into the "
                          "next field (line 3); skipped to the next field"));
}

TEST(ParserErrors, UnbalancedBraceAtEndOfFile) {
  const auto r = parse("@misc{a, title = {x}}\n@article{b,\n  title = {never closed\n");
  EXPECT_THAT(keys(r), ElementsAre("a", "b"));
  EXPECT_FALSE(r.entries[1].complete);
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("3:11: error: unbalanced braces in field 'title' of entry 'b': '{' is not closed at the end "
                          "of the file; rest of the entry skipped"));
}

TEST(ParserErrors, UnterminatedQuotedValue) {
  const auto r = parse("@misc{a, title = \"open\n}\n@misc{b}\n");
  EXPECT_THAT(keys(r), ElementsAre("a", "b"));
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("1:18: error: unterminated quoted value in field 'title' of entry 'a': '\"' is not closed "
                          "before the next entry (line 3); rest of the entry skipped"));
}

TEST(ParserErrors, MissingCommaBeforeAFieldIsRecoveredWithAWarning) {
  const auto r = parse(
      "@article{a,\n"
      "  title = {T}\n"
      "  year = {2001}\n"
      "}\n");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_TRUE(r.entries[0].complete);
  EXPECT_THAT(field_names(r.entries[0]), ElementsAre("title", "year"));
  EXPECT_THAT(shown(r.diagnostics), ElementsAre("3:3: warning: missing ',' before field 'year' in entry 'a'"));
}

TEST(ParserErrors, MissingCommaAfterTheKeyIsRecoveredWithAWarning) {
  const auto r = parse("@article{a\n  title = {T}}\n");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(r.entries[0].key, "a");
  EXPECT_EQ(field(r.entries[0], "title"), "T");
  EXPECT_THAT(shown(r.diagnostics), ElementsAre("2:3: warning: missing ',' after the key of entry 'a'"));
}

TEST(ParserErrors, JunkAfterAValueSkipsToTheNextField) {
  const auto r = parse(
      "@article{a,\n"
      "  title = {T} junk here,\n"
      "  year = {2001}\n"
      "}\n");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_FALSE(r.entries[0].complete);
  EXPECT_THAT(field_names(r.entries[0]), ElementsAre("title", "year"));
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("2:15: error: expected ',' or '}' after the value of field 'title' in entry 'a', found 'j'; "
                          "skipped to the next field"));
}

TEST(ParserErrors, EscapedBraceThatBibTeXWouldCountIsReadAsLaTeXWithAWarning) {
  const auto r = parse("@article{test,\n  publisher =  { D{\\u{o}}\\}\\\"ead Po$_{eee}$t Society},\n  year = 1}\n");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_TRUE(r.entries[0].complete);
  EXPECT_EQ(field(r.entries[0], "publisher"), "D{\\u{o}}\\}\\\"ead Po$_{eee}$t Society");
  EXPECT_EQ(field(r.entries[0], "year"), "1");
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("2:16: warning: braces in field 'publisher' of entry 'test' balance only if '\\{' and "
                          "'\\}' are escaped braces; read so"));
}

TEST(ParserErrors, MissingEqualsSkipsTheFieldAndKeepsTheOthers) {
  const auto r = parse(
      "@inproceedings{conigliocorbalan,\n"
      "  author    💯 {Marcelo Coniglio},\n"
      "  title     = {Sequent Calculi},\n"
      "  year      = {2012}\n"
      "}\n"
      "@misc{next}\n");
  EXPECT_THAT(keys(r), ElementsAre("conigliocorbalan", "next"));
  EXPECT_THAT(field_names(r.entries[0]), ElementsAre("title", "year"));
  EXPECT_FALSE(r.entries[0].complete);
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("2:13: error: expected '=' after field name 'author' in entry 'conigliocorbalan', found "
                          "'💯'; skipped to the next field"));
  EXPECT_EQ(r.diagnostics[0].field, "author");
}

TEST(ParserErrors, MissingEqualsOnTheLastFieldEndsTheEntryAtItsClosingLine) {
  const auto r = parse("@misc{a,\n  title = {T},\n  year 2001\n}\n@misc{b}\n");
  EXPECT_THAT(keys(r), ElementsAre("a", "b"));
  EXPECT_THAT(field_names(r.entries[0]), ElementsAre("title"));
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("3:8: error: expected '=' after field name 'year' in entry 'a', found '2'; skipped to the "
                          "next field"));
}

TEST(ParserErrors, MissingValue) {
  const auto r = parse("@misc{a, title = , year = }\n@misc{b, note = # {x}}\n");
  ASSERT_EQ(r.entries.size(), 2u);
  EXPECT_EQ(field(r.entries[0], "title"), "");
  EXPECT_EQ(field(r.entries[0], "year"), "");
  EXPECT_TRUE(r.entries[0].complete);
  EXPECT_FALSE(r.entries[1].complete);
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("1:18: warning: field 'title' of entry 'a' has no value; read as empty",
                          "1:27: warning: field 'year' of entry 'a' has no value; read as empty",
                          "2:17: error: expected a value for field 'note' of entry 'b', found '#'; skipped to the next "
                          "field"));
}

TEST(ParserErrors, TruncatedFileAfterAField) {
  const auto r = parse("@misc{ok}\n@article{cut,\n  title = {T},\n");
  EXPECT_THAT(keys(r), ElementsAre("ok", "cut"));
  EXPECT_FALSE(r.entries[1].complete);
  EXPECT_EQ(field(r.entries[1], "title"), "T");
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("4:1: error: end of file inside entry 'cut' (a truncated file?); rest of the entry skipped"));
}

TEST(ParserErrors, TruncatedFileInsideAFieldName) {
  const auto r = parse("@article{cut, tit");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_THAT(
      shown(r.diagnostics),
      ElementsAre("1:18: error: end of file inside entry 'cut' (a truncated file?); rest of the entry skipped"));
}

TEST(ParserErrors, EntryNotClosedBeforeTheNextEntryKeepsItsFields) {
  const auto r = parse("@misc{a,\n  title = {T}\n\n@misc{b, title = {U}}\n");
  EXPECT_THAT(keys(r), ElementsAre("a", "b"));
  EXPECT_TRUE(r.entries[0].complete);
  EXPECT_EQ(field(r.entries[0], "title"), "T");
  EXPECT_THAT(
      shown(r.diagnostics),
      ElementsAre("4:1: warning: entry 'a' (line 1) has no closing '}' before the next entry; read up to here"));
}

TEST(ParserErrors, AtWordWithoutDelimiterAtLineStartIsReportedAndSkipped) {
  const auto r = parse("@article title = {x}\n@misc{b}\n");
  EXPECT_THAT(keys(r), ElementsAre("b"));
  EXPECT_EQ(r.stats.skipped_entries, 1u);
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("1:1: error: expected '{' or '(' after '@article', found 't'; entry skipped"));
}

TEST(ParserErrors, BadFieldNameSkipsToTheNextField) {
  const auto r = parse("@misc{a,\n  {title} = {T},\n  year = 1\n}");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_THAT(field_names(r.entries[0]), ElementsAre("year"));
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("2:3: error: expected a field name in entry 'a', found '{'; skipped to the next field"));
}

TEST(ParserErrors, EntryHeaderInMidLineIsNeverAFieldName) {
  // Found by fuzzing: written back at the start of a line, "@misc(publisher" would start
  // an entry, so it must not be read as a field name in the first place.
  const auto r = parse("@inproceedings{x,\nbooktitle = latin02, @misc(publisher = lncs2286, year = 2002}\n");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_THAT(field_names(r.entries[0]), ElementsAre("booktitle"));
  EXPECT_FALSE(r.entries[0].complete);
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("2:13: warning: unknown macro 'latin02' in field 'booktitle' of entry 'x'; kept as text "
                          "(reported once per macro)",
                          "2:22: error: expected a field name in entry 'x', found '@'; skipped to the next field"));
}

TEST(ParserErrors, BrokenStringIsSkippedAndItsMacroStaysUnknown) {
  const auto r = parse("@string{x \"y\"}\n@misc{a, t = x}\n");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(field(r.entries[0], "t"), "x");
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("1:11: error: expected '=' after the macro name in @string, found '\"'; @string skipped",
                          "2:14: warning: unknown macro 'x' in field 't' of entry 'a'; kept as text (reported once per "
                          "macro)"));
}

TEST(ParserErrors, IncompleteEntriesAreSkippedWhenAskedTo) {
  ParseOptions options;
  options.keep_incomplete_entries = false;
  const auto r = parse("@misc{a, title = {x} junk}\n@misc{b}\n", options);
  EXPECT_THAT(keys(r), ElementsAre("b"));
  EXPECT_EQ(r.stats.skipped_entries, 1u);
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("1:22: error: expected ',' or '}' after the value of field 'title' in entry 'a', found 'j'; "
                          "entry skipped"));
}

TEST(ParserErrors, DiagnosticsBeyondTheLimitAreCountedNotStored) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "@misc{k" + std::to_string(i) + ", t = {x} junk}\n";
  ParseOptions options;
  options.max_diagnostics = 10;
  const auto r = parse(text, options);
  EXPECT_EQ(r.entries.size(), 50u);
  EXPECT_EQ(r.stats.errors, 50u);
  ASSERT_EQ(r.diagnostics.size(), 11u);
  EXPECT_EQ(test::show(r.diagnostics.back()), "0:0: warning: 40 more problems not shown");
}

TEST(ParserErrors, BinaryGarbageNeverCrashesAndTheEntriesAroundItAreRead) {
  std::mt19937 rng(20240229);
  std::string garbage;
  for (int i = 0; i < 200000; ++i) {
    // Bytes biased towards the characters the grammar cares about.
    static constexpr char kSpecial[] = "@{}()\"#%=,\n \\";
    const auto r = rng();
    garbage.push_back(r % 3 == 0 ? kSpecial[r / 3 % (sizeof kSpecial - 1)] : static_cast<char>(r >> 8));
  }
  const std::string text = "@misc{before, t = {1}}\n" + garbage + "\n}}}}\"\n@misc{after, t = {2}}\n";
  const auto r = parse(text);
  ASSERT_GE(r.entries.size(), 1u);
  EXPECT_EQ(r.entries.front().key, "before");
  EXPECT_EQ(r.entries.back().key, "after");
  EXPECT_EQ(field(r.entries.back(), "t"), "2");
  EXPECT_EQ(r.stats.end_offset, text.size());
  for (const auto& d : r.diagnostics) EXPECT_GT(d.line, 0u) << d.message;
}

// Broken input must cost linear time: a value or comment that never closes is scanned to
// the end of the file once, not once per entry. (Quadratic behaviour would take minutes
// here; linear takes milliseconds.)
TEST(ParserErrors, UnclosedValuesAndCommentsEverywhereStayLinear) {
  std::string values, comments, mixed;
  for (int i = 0; i < 40000; ++i) {
    values += "@@ x @a{k" + std::to_string(i) + ", t = {never closed\n";
    comments += "@comment{ never closed\n";
    mixed += i % 2 ? "@@ @b{k, t = \"open\n" : "@comment( x\n";
  }
  for (const std::string* text : {&values, &comments, &mixed}) {
    const auto start = std::chrono::steady_clock::now();
    const auto r = parse(*text);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 5.0) << text->size() << " bytes";
    EXPECT_EQ(r.stats.end_offset, text->size());
  }
}

TEST(ParserErrors, MessagesShowOnlyTheStartOfAHugeKey) {
  const std::string key(5000, 'k');
  const auto r = parse("@misc{" + key + ", title = {x} junk}");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "expected ',' or '}' after the value of field 'title' in entry '" +
                                          std::string(100, 'k') + "', found 'j'; skipped to the next field");
  EXPECT_EQ(r.entries.at(0).key, key);
}

TEST(ParserErrors, EveryPrefixOfAnEntryParsesWithoutCrashing) {
  const std::string text =
      "@string{s = \"S\" # {T}}\n@preamble{\"p\"}\n@comment{c}\n"
      "@Article{key,\n  title = {A {B} \"C\"},\n  author = \"D {\\\"E}\" # s,\n  year = 2001,\n}\n";
  for (std::size_t n = 0; n <= text.size(); ++n) {
    const auto r = parse(std::string_view(text).substr(0, n));
    EXPECT_LE(r.entries.size(), 1u);
    EXPECT_EQ(r.stats.end_offset, n);
  }
}

}  // namespace
}  // namespace litrev::bibtex
