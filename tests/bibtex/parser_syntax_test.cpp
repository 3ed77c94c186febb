// The BibTeX constructs the parser reads, one behaviour per test.

#include "bibtex/parser_test_helpers.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace litrev::bibtex {
namespace {

using test::field;
using test::field_names;
using test::parse;
using test::shown;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(ParserSyntax, ReadsBraceEntryWithCaseInsensitiveTypeAndFieldNames) {
  const auto r = parse("@Article{Smith2001,\n  Title = {The {SQL} Book},\n  YEAR = 2001\n}\n");
  ASSERT_EQ(r.entries.size(), 1u);
  const auto& e = r.entries[0];
  EXPECT_EQ(e.type, "article");
  EXPECT_EQ(e.key, "Smith2001");
  EXPECT_THAT(field_names(e), ElementsAre("title", "year"));
  EXPECT_EQ(field(e, "title"), "The {SQL} Book");
  EXPECT_EQ(field(e, "year"), "2001");
  EXPECT_TRUE(e.complete);
  EXPECT_THAT(r.diagnostics, IsEmpty());
}

TEST(ParserSyntax, ReadsParenthesisedEntry) {
  const auto r = parse("@book(knuth84, title = \"The {\\TeX}book\", note = {a (b) c})");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(r.entries[0].key, "knuth84");
  EXPECT_EQ(field(r.entries[0], "title"), "The {\\TeX}book");
  EXPECT_EQ(field(r.entries[0], "note"), "a (b) c");
}

TEST(ParserSyntax, AllowsWhitespaceBetweenAtAndTypeAndDelimiter) {
  const auto r = parse("@ ARTICLE \n { k , title = {x} }");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(r.entries[0].type, "article");
  EXPECT_EQ(r.entries[0].key, "k");
  EXPECT_EQ(field(r.entries[0], "title"), "x");
}

TEST(ParserSyntax, QuotedValueKeepsBracedQuoteAndBracedValueKeepsQuotes) {
  const auto r = parse(R"(@misc{k, a = "a {"} b", b = {say "hi"}, c = "x {y} z"})");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(field(r.entries[0], "a"), R"(a {"} b)");
  EXPECT_EQ(field(r.entries[0], "b"), R"(say "hi")");
  EXPECT_EQ(field(r.entries[0], "c"), "x {y} z");
}

TEST(ParserSyntax, EscapedQuoteDoesNotEndQuotedValue) {
  const auto r = parse(R"(@misc{k, author = "M\"uller, Hans", year = 1999})");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(field(r.entries[0], "author"), R"(M\"uller, Hans)");
  EXPECT_EQ(field(r.entries[0], "year"), "1999");
}

TEST(ParserSyntax, NestedBracesAreKeptVerbatim) {
  const auto r = parse("@misc{k, title = {{A {B {C}} D} \\emph{e}}}");
  EXPECT_EQ(field(r.entries.at(0), "title"), "{A {B {C}} D} \\emph{e}");
}

TEST(ParserSyntax, ConcatenatesQuotedBracedNumbersAndMacros) {
  const auto r = parse(R"(@string{pub = "Springer"}
@misc{k, note = "a" # {b} # 2001 # pub # " " # "c"})");
  EXPECT_EQ(field(r.entries.at(0), "note"), "ab2001Springer c");
}

TEST(ParserSyntax, MacrosAreCaseInsensitiveAndMayUseEarlierMacros) {
  const auto r = parse(R"(@STRING{ACM = "Association for Computing Machinery"}
@string(cacm = "Communications of the " # acm)
@article{k, journal = CACM, publisher = Acm})");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(field(r.entries[0], "journal"), "Communications of the Association for Computing Machinery");
  EXPECT_EQ(field(r.entries[0], "publisher"), "Association for Computing Machinery");
  ASSERT_EQ(r.macros.size(), 2u);
  EXPECT_EQ(r.macros[1].name, "cacm");
  EXPECT_EQ(r.macros[1].value, "Communications of the Association for Computing Machinery");
  EXPECT_EQ(r.stats.macros, 2u);
  EXPECT_THAT(r.diagnostics, IsEmpty());
}

TEST(ParserSyntax, StringMayDefineSeveralMacrosAndLaterDefinitionWins) {
  const auto r = parse(R"(@string{a = "1", b = "2"} @string{a = "3"} @misc{k, x = a # b})");
  EXPECT_EQ(field(r.entries.at(0), "x"), "32");
}

TEST(ParserSyntax, MacroTextKeepsItsEdgeSpacesWhenConcatenated) {
  // BibTeX keeps one space at the ends of an @string's text; the field is trimmed at the end.
  const auto r = parse(R"(@string{stoc = " Symposium on Computing "}
@misc{k, booktitle = "Proc. ACM" # stoc, other = stoc})");
  EXPECT_EQ(field(r.entries.at(0), "booktitle"), "Proc. ACM Symposium on Computing");
  EXPECT_EQ(field(r.entries.at(0), "other"), "Symposium on Computing");
}

TEST(ParserSyntax, MonthMacrosExpandToEnglishMonthNames) {
  const auto r = parse(R"(@misc{k, month = jan, m2 = DEC, m3 = oct # "-" # nov})");
  EXPECT_EQ(field(r.entries.at(0), "month"), "January");
  EXPECT_EQ(field(r.entries.at(0), "m2"), "December");
  EXPECT_EQ(field(r.entries.at(0), "m3"), "October-November");
}

TEST(ParserSyntax, UnknownMacroIsKeptAsTextWithOneWarningPerName) {
  const auto r = parse("@article{a, journal = jacm}\n@article{b, journal = jacm, publisher = acm}\n");
  ASSERT_EQ(r.entries.size(), 2u);
  EXPECT_EQ(field(r.entries[0], "journal"), "jacm");
  EXPECT_EQ(field(r.entries[1], "publisher"), "acm");
  EXPECT_TRUE(r.entries[0].complete);
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("1:23: warning: unknown macro 'jacm' in field 'journal' of entry 'a'; kept as text "
                          "(reported once per macro)",
                          "2:41: warning: unknown macro 'acm' in field 'publisher' of entry 'b'; kept as text "
                          "(reported once per macro)"));
  EXPECT_EQ(r.diagnostics[0].field, "journal");
  EXPECT_EQ(r.stats.unknown_macro_uses, 3u);
}

TEST(ParserSyntax, CollapsesWhitespaceLikeBibTeX) {
  const auto r = parse("@misc{k, title = {  The\n\t quick  \r\n  fox }, b = \"a \" # \" b\"}");
  EXPECT_EQ(field(r.entries.at(0), "title"), "The quick fox");
  EXPECT_EQ(field(r.entries.at(0), "b"), "a b");
}

TEST(ParserSyntax, KeepsLineBreaksInFieldsWhoseLinesMeanSomething) {
  const auto r = parse(
      "@article{k,\n"
      "  Cited-References = {{Abbott A., 2005, NATURE, V433, P470.\n"
      "     Abramo G,   2009, SCIENTOMETRICS, V79, P1.\r\n"
      "   }},\n"
      "  abstract = {First  paragraph\n  goes on.\n\n\n\n  Second.},\n"
      "  title = {Not\n kept}\n}");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(field(r.entries[0], "cited-references"),
            "{Abbott A., 2005, NATURE, V433, P470.\nAbramo G, 2009, SCIENTOMETRICS, V79, P1.\n}");
  EXPECT_EQ(field(r.entries[0], "abstract"), "First paragraph\ngoes on.\n\nSecond.");
  EXPECT_EQ(field(r.entries[0], "title"), "Not kept");
}

TEST(ParserSyntax, LineBreakFieldListIsAnOption) {
  static constexpr std::string_view kOnlyTitle[] = {"title"};
  ParseOptions options;
  options.line_break_fields = kOnlyTitle;
  const auto r = parse("@misc{k, title = {a\nb}, abstract = {c\nd}}", options);
  EXPECT_EQ(field(r.entries.at(0), "title"), "a\nb");
  EXPECT_EQ(field(r.entries.at(0), "abstract"), "c d");
}

TEST(ParserSyntax, PercentIsNotACommentInsideValues) {
  const auto r = parse("@misc{k, title = {50% of 5\\% are %not comments}, b = \"100%\"}");
  EXPECT_EQ(field(r.entries.at(0), "title"), "50% of 5\\% are %not comments");
  EXPECT_EQ(field(r.entries.at(0), "b"), "100%");
}

TEST(ParserSyntax, PercentCommentsBetweenFieldsAreSkipped) {
  const auto r = parse(
      "@article{k,  % after the key\n"
      "  year = {2022},  % after a field\n"
      "  % a line of its own\n"
      "  title = {T}  % before the end\n"
      "}  % after the entry\n");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_THAT(field_names(r.entries[0]), ElementsAre("year", "title"));
  EXPECT_THAT(r.diagnostics, IsEmpty());
}

TEST(ParserSyntax, CommentBlockIsIgnoredEvenWhenItHoldsAnEntry) {
  const auto r = parse(
      "@comment{ old version:\n@article{x, title = {y}}\n}\n"
      "@misc{kept, title = {z}}\n");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(r.entries[0].key, "kept");
  ASSERT_EQ(r.comments.size(), 1u);
  EXPECT_EQ(r.comments[0].text, " old version:\n@article{x, title = {y}}\n");
  EXPECT_EQ(r.comments[0].line, 1u);
}

TEST(ParserSyntax, CommentWithoutDelimiterIgnoresTheRestOfItsLine) {
  const auto r = parse("@Comment this @misc{no, title = {x}} is ignored\n@misc{yes, title = {y}}\n");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(r.entries[0].key, "yes");
  ASSERT_EQ(r.comments.size(), 1u);
  EXPECT_EQ(r.comments[0].text, "this @misc{no, title = {x}} is ignored");
}

TEST(ParserSyntax, JabRefMetaCommentReachesTheSink) {
  const auto r = parse("@Comment{jabref-meta: databaseType:biblatex;}\n");
  ASSERT_EQ(r.comments.size(), 1u);
  EXPECT_EQ(r.comments[0].text, "jabref-meta: databaseType:biblatex;");
  EXPECT_EQ(r.stats.comments, 1u);
  EXPECT_TRUE(r.entries.empty());
}

TEST(ParserSyntax, UnclosedCommentBlockIgnoresOnlyItsLine) {
  const auto r = parse("@comment{never { closed\n@misc{a, title = {x}}\n");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("1:9: warning: '{' of @comment is not closed; only its line is ignored"));
}

TEST(ParserSyntax, TextBetweenEntriesIsIgnored) {
  const auto r = parse(
      "First published in 1947 -- write to me@example.org\n"
      "@book{a, title = {A}}\n"
      "junk } { \" = , # text @ 50% \n"
      "@book{b, title = {B}}  trailing words\n");
  ASSERT_EQ(r.entries.size(), 2u);
  EXPECT_EQ(r.entries[0].key, "a");
  EXPECT_EQ(r.entries[1].key, "b");
  EXPECT_THAT(r.diagnostics, IsEmpty());
}

TEST(ParserSyntax, CommentedOutEntryIsIgnored) {
  const auto r = parse("% @misc{old, title = {x}}\n  %% @misc{older,\n@misc{new, title = {y}}\n");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(r.entries[0].key, "new");
}

TEST(ParserSyntax, PreambleReachesTheSinkWithConcatenation) {
  const auto r = parse("@preamble{ \"\\newcommand{\\noop}[1]{}\" # {\\def\\x{y}} }\n@misc{k}");
  ASSERT_EQ(r.preambles.size(), 1u);
  EXPECT_EQ(r.preambles[0].value, "\\newcommand{\\noop}[1]{}\\def\\x{y}");
  EXPECT_EQ(r.stats.preambles, 1u);
  EXPECT_EQ(r.entries.size(), 1u);
}

TEST(ParserSyntax, RawTeXPreambleIsReadAsText) {
  const auto r = parse("@preamble{\n\\newcommand{\\mnras}{MNRAS}\n}\n@article{k, journal = {\\mnras}}");
  ASSERT_EQ(r.preambles.size(), 1u);
  EXPECT_EQ(r.preambles[0].value, "\\newcommand{\\mnras}{MNRAS}");
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("1:11: warning: @preamble is not a quoted or braced value; read as raw text"));
  EXPECT_EQ(r.entries.size(), 1u);
}

TEST(ParserSyntax, KeysMayHoldAlmostAnything) {
  const auto r = parse(
      "@ARTICLE{1973A&A....24..337S, title = {a}}\n"
      "@article{ ISI:000074151000005,\n title = {b}}\n"
      "@article{مفتاح2020, title = {c}}\n"
      "@article{O’Leary2015311, title = {d}}\n"
      "@article{CorneilOS?\?(a)\"#%', title = {e}}\n");
  ASSERT_EQ(r.entries.size(), 5u);
  EXPECT_EQ(r.entries[0].key, "1973A&A....24..337S");
  EXPECT_EQ(r.entries[1].key, "ISI:000074151000005");
  EXPECT_EQ(r.entries[2].key, "مفتاح2020");
  EXPECT_EQ(r.entries[3].key, "O’Leary2015311");
  EXPECT_EQ(r.entries[4].key, "CorneilOS?\?(a)\"#%'");
}

TEST(ParserSyntax, KeyWithSpacesBeforeItsCommaIsKeptWhole) {
  const auto r = parse("@article{Conference paper2022775,\n title = {x}}");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(r.entries[0].key, "Conference paper2022775");
  EXPECT_EQ(field(r.entries[0], "title"), "x");
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("1:10: warning: the key of entry 'Conference paper2022775' contains spaces"));
}

TEST(ParserSyntax, EmptyKeysEmptyEntriesAndTrailingCommas) {
  const auto r = parse("@misc{,title={x}}\n@foo{}\n@misc{lonely}\n@misc{trail, a = 1,}\n@misc(p,)");
  ASSERT_EQ(r.entries.size(), 5u);
  EXPECT_EQ(r.entries[0].key, "");
  EXPECT_EQ(field(r.entries[0], "title"), "x");
  EXPECT_EQ(r.entries[1].type, "foo");
  EXPECT_TRUE(r.entries[1].fields.empty());
  EXPECT_EQ(r.entries[2].key, "lonely");
  EXPECT_EQ(field(r.entries[3], "a"), "1");
  EXPECT_EQ(r.entries[4].key, "p");
  EXPECT_THAT(r.diagnostics, IsEmpty());
}

TEST(ParserSyntax, EntryWithoutKeyWhereTheFirstFieldStands) {
  const auto r = parse("@article(foo={bar})");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(r.entries[0].key, "");
  EXPECT_EQ(field(r.entries[0], "foo"), "bar");
  EXPECT_THAT(shown(r.diagnostics),
              ElementsAre("1:10: warning: entry of type 'article' has no key: 'foo' is read as a field name"));
}

TEST(ParserSyntax, FieldNamesMayHoldPunctuation) {
  const auto r = parse(
      "@article{k, Usage-Count-(Last-180-days) = {3}, author+an = {1=highlight}, web:abc = {w},\n"
      "  Unique-ID = {ISI:1}, dc.title/x = {d}}\n"
      "@article(p, Usage-Count-(Since-2013) = {4})");
  ASSERT_EQ(r.entries.size(), 2u);
  EXPECT_THAT(field_names(r.entries[0]),
              ElementsAre("usage-count-(last-180-days)", "author+an", "web:abc", "unique-id", "dc.title/x"));
  EXPECT_EQ(field(r.entries[1], "usage-count-(since-2013)"), "4");
  EXPECT_THAT(r.diagnostics, IsEmpty());
}

TEST(ParserSyntax, AdsDisabledFieldWithAtSignIsAField) {
  const auto r = parse(
      "@INPROCEEDINGS{1996RvMA....9..111B,\n"
      "     year = 1996,\n"
      "   @series = {Reviews in Modern Astronomy},\n"
      "   volume = 9\n"
      "}\n");
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_THAT(field_names(r.entries[0]), ElementsAre("year", "@series", "volume"));
  EXPECT_THAT(r.diagnostics, IsEmpty());
}

TEST(ParserSyntax, DuplicateKeysAreAllPassedOn) {
  const auto r = parse("@misc{same, title = {1}}\n@misc{same, title = {2}}\n@misc{Same, title = {3}}\n");
  ASSERT_EQ(r.entries.size(), 3u);
  EXPECT_EQ(field(r.entries[1], "title"), "2");
  EXPECT_THAT(r.diagnostics, IsEmpty());
}

TEST(ParserSyntax, EmptyAndWhitespaceOnlyTextsHoldNothing) {
  EXPECT_TRUE(parse("").entries.empty());
  EXPECT_TRUE(parse(" \n\t\n").entries.empty());
  EXPECT_EQ(parse("").stats.end_offset, 0u);
}

TEST(ParserSyntax, PositionsAreOneBasedLinesAndCodePointColumns) {
  const std::string text =
      "% header\n"
      "  @misc{é, title = {x},\n"
      "\tyear = 2000}\n"
      "@misc{日本語, a = {1}, b = {2}}\n";
  const auto r = parse(text);
  ASSERT_EQ(r.entries.size(), 2u);
  EXPECT_EQ(r.entries[0].line, 2u);
  EXPECT_EQ(r.entries[0].column, 3u);
  EXPECT_EQ(r.entries[0].offset, text.find("@misc{é"));
  EXPECT_EQ(r.entries[0].fields[0].line, 2u);
  EXPECT_EQ(r.entries[0].fields[0].column, 12u);  // é is one column, not two bytes
  EXPECT_EQ(r.entries[0].fields[1].line, 3u);
  EXPECT_EQ(r.entries[0].fields[1].column, 2u);
  EXPECT_EQ(r.entries[1].line, 4u);
  EXPECT_EQ(r.entries[1].offset, text.find("@misc{日本語"));
  EXPECT_EQ(r.entries[1].fields[1].column, 21u);
}

TEST(ParserSyntax, StartOffsetReparsesOneEntryWithTheMacrosOfTheFile) {
  const std::string text =
      "@string{j = \"Journal\"}\n"
      "@article{parent, title = j}\n"
      "@article{child, title = {c}, crossref = {parent}}\n";
  MacroTable macros;
  ParseOptions first;
  first.macros = &macros;
  const auto all = parse(text, first);
  ASSERT_EQ(all.entries.size(), 2u);
  EXPECT_EQ(macros.find("J") ? *macros.find("J") : "", "Journal");

  ParseOptions again;
  again.macros = &macros;
  again.start_offset = all.entries[0].offset;
  again.max_entries = 1;
  const auto one = parse(text, again);
  ASSERT_EQ(one.entries.size(), 1u);
  EXPECT_EQ(one.entries[0].key, "parent");
  EXPECT_EQ(field(one.entries[0], "title"), "Journal");
  EXPECT_EQ(one.entries[0].line, 2u);
  EXPECT_EQ(one.stats.end_offset, text.find("\n@article{child"));
}

TEST(ParserSyntax, ReusedEntryStorageNeverLeaksFieldsIntoTheNextEntry) {
  // A sink that only reads lets the parser reuse the entry; a shorter entry after a longer
  // one must not carry the longer one's extra fields.
  std::vector<std::vector<std::string>> seen;
  EntrySink sink;
  sink.entry = [&](RawEntry&& e) {
    std::vector<std::string> row{e.key};
    for (const auto& f : e.fields) row.push_back(f.name + "=" + f.value);
    seen.push_back(row);
  };
  std::vector<Diagnostic> diagnostics;
  parse_bibtex("@a{one, x = {1}, y = {2}, z = {3}}\n@a{two, w = {4}}\n@a{three}\n@a{four, q = 5, r = 6}", "t", sink,
               diagnostics);
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_THAT(seen[0], ElementsAre("one", "x=1", "y=2", "z=3"));
  EXPECT_THAT(seen[1], ElementsAre("two", "w=4"));
  EXPECT_THAT(seen[2], ElementsAre("three"));
  EXPECT_THAT(seen[3], ElementsAre("four", "q=5", "r=6"));
}

TEST(ParserSyntax, SinkWithoutHooksOnlyCounts) {
  std::vector<Diagnostic> diagnostics;
  const auto stats =
      parse_bibtex("@string{a={b}} @preamble{{p}} @comment{c} @misc{k, t = a}", "t", EntrySink{}, diagnostics);
  EXPECT_EQ(stats.entries, 1u);
  EXPECT_EQ(stats.fields, 1u);
  EXPECT_EQ(stats.macros, 1u);
  EXPECT_EQ(stats.preambles, 1u);
  EXPECT_EQ(stats.comments, 1u);
}

}  // namespace
}  // namespace litrev::bibtex
