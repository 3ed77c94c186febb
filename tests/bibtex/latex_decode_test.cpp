#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "importers/bibtex/latex.hpp"

namespace litrev::bibtex {
namespace {

TEST(LatexDecode, PlainTextIsUnchanged) {
  EXPECT_EQ(decode_latex("The Iron Cage Revisited"), "The Iron Cage Revisited");
  EXPECT_EQ(decode_latex("Économie déjà composée"), "Économie déjà composée");
  EXPECT_EQ(decode_latex(""), "");
}

TEST(LatexDecode, AccentsInEveryForm) {
  EXPECT_EQ(decode_latex("Caf\\'e"), "Café");
  EXPECT_EQ(decode_latex("Caf\\'{e}"), "Café");
  EXPECT_EQ(decode_latex("Caf{\\'e}"), "Café");
  EXPECT_EQ(decode_latex("Caf{\\'{e}}"), "Café");
  EXPECT_EQ(decode_latex("G{\\\"{o}}del"), "Gödel");
  EXPECT_EQ(decode_latex("Fran\\c{c}ois"), "François");
  EXPECT_EQ(decode_latex("Fran\\c co"), "Franço");
  EXPECT_EQ(decode_latex("\\v{S}koda \\v{s}"), "Škoda š");
  EXPECT_EQ(decode_latex("\\u{a}"), "ă");
  EXPECT_EQ(decode_latex("Erd\\H{o}s"), "Erdős");
  EXPECT_EQ(decode_latex("\\k{a}"), "ą");
  EXPECT_EQ(decode_latex("\\r{a}"), "å");
  EXPECT_EQ(decode_latex("\\=a"), "ā");
  EXPECT_EQ(decode_latex("\\.z"), "ż");
  EXPECT_EQ(decode_latex("Espa\\~na"), "España");
  EXPECT_EQ(decode_latex("na\\^ive"), "naîve");
  EXPECT_EQ(decode_latex("na\\^{\\i}ve"), "naîve");
  EXPECT_EQ(decode_latex("na\\\"{\\i}ve"), "naïve");
  EXPECT_EQ(decode_latex("\\`a la"), "à la");
  EXPECT_EQ(decode_latex("\\d{s}"), "ṣ");
}

TEST(LatexDecode, ResultIsNfcEvenForUnusualCombinations) {
  // e + combining acute written directly in the file: composed.
  EXPECT_EQ(decode_latex("Cafe\xCC\x81"), "Café");
  // An accent with no precomposed form keeps the combining mark after its base.
  EXPECT_EQ(decode_latex("\\v{x}"), "x\u030C");
}

TEST(LatexDecode, SpecialLetters) {
  EXPECT_EQ(decode_latex("Stra\\ss e"), "Straße");
  EXPECT_EQ(decode_latex("Stra{\\ss}e"), "Straße");
  EXPECT_EQ(decode_latex("Stra\\ss{}e"), "Straße");
  EXPECT_EQ(decode_latex("Bj{\\o}rn {\\O}"), "Bjørn Ø");
  EXPECT_EQ(decode_latex("{\\ae} {\\AE} {\\oe} {\\OE}"), "æ Æ œ Œ");
  EXPECT_EQ(decode_latex("{\\aa}ngstr\\\"om {\\AA}"), "ångström Å");
  EXPECT_EQ(decode_latex("{\\L}{\\'o}d{\\'z} \\l"), "Łódź ł");
  EXPECT_EQ(decode_latex("{\\i} {\\j}"), "ı ȷ");
  EXPECT_EQ(decode_latex("{\\dh} {\\th} {\\ng} {\\DH} {\\TH} {\\NG}"), "ð þ ŋ Ð Þ Ŋ");
}

TEST(LatexDecode, DashesTiesAndQuotes) {
  EXPECT_EQ(decode_latex("pp. 1--10"), "pp. 1–10");
  EXPECT_EQ(decode_latex("yes---no"), "yes—no");
  EXPECT_EQ(decode_latex("well-known"), "well-known");
  EXPECT_EQ(decode_latex("D.~E. Knuth"), "D.\u00A0E. Knuth");
  EXPECT_EQ(decode_latex("``quoted'' and `single'"), "“quoted” and ‘single'");
  EXPECT_EQ(decode_latex("\\textquotedblleft x\\textquotedblright"), "“x”");
  EXPECT_EQ(decode_latex("O'Brien"), "O'Brien");
}

TEST(LatexDecode, EscapedSpecials) {
  EXPECT_EQ(decode_latex("R\\&D 50\\% \\$5 \\#1 a\\_b \\{x\\}"), "R&D 50% $5 #1 a_b {x}");
}

TEST(LatexDecode, TextCommandsKeepTheirContent) {
  EXPECT_EQ(decode_latex("\\textit{Homo} \\emph{sapiens}"), "Homo sapiens");
  EXPECT_EQ(decode_latex("\\textbf{bold} \\textsc{Small Caps}"), "bold Small Caps");
  EXPECT_EQ(decode_latex("see \\url{http://x.org/a_b~c}"), "see http://x.org/a_b~c");
  EXPECT_EQ(decode_latex("\\mkbibquote{Title}"), "Title");
  EXPECT_EQ(decode_latex("\\href{http://x.org}{the site}"), "the site");
  EXPECT_EQ(decode_latex("{\\em emphasised} text"), "emphasised text");
  EXPECT_EQ(decode_latex("{\\it et al.}"), "et al.");
  EXPECT_EQ(decode_latex("The \\LaTeX\\ Companion"), "The LaTeX Companion");
  EXPECT_EQ(decode_latex("The \\LaTeX{} Companion"), "The LaTeX Companion");
  EXPECT_EQ(decode_latex("and so on\\ldots"), "and so on…");
  EXPECT_EQ(decode_latex("\\textendash{} \\textemdash"), "– —");
  EXPECT_EQ(decode_latex("{\\noopsort{1973b}}1974"), "1974");
}

TEST(LatexDecode, SimpleMath) {
  EXPECT_EQ(decode_latex("$\\alpha$-helix"), "α-helix");
  EXPECT_EQ(decode_latex("CO$_2$ and m$^{2}$"), "CO₂ and m²");
  EXPECT_EQ(decode_latex("$x \\leq y$"), "x ≤ y");
  EXPECT_EQ(decode_latex("$\\mathrm{H}_{2}\\mathrm{O}$"), "H₂O");
  EXPECT_EQ(decode_latex("$x^{ab}$"), "xab");  // no superscript for every letter: plain text
  EXPECT_EQ(decode_latex("$\\unknownmath{z}$ ok"), "z ok");
  EXPECT_EQ(decode_latex("costs \\$5 and $3"), "costs $5 and 3");  // lone $ dropped, text kept
}

TEST(LatexDecode, UnknownCommandsStayReadable) {
  EXPECT_EQ(decode_latex("\\foo{bar} baz"), "bar baz");
  EXPECT_EQ(decode_latex("\\Foo baz"), "Foo baz");
  EXPECT_EQ(decode_latex("\\Foo{} baz"), "Foo baz");
}

TEST(LatexDecode, BracesAreRemoved) {
  EXPECT_EQ(decode_latex("The {SQL} Book"), "The SQL Book");
  EXPECT_EQ(decode_latex("{{Nested {deep}}}"), "Nested deep");
}

TEST(LatexDecode, NeverCrashesOnBrokenInput) {
  EXPECT_EQ(decode_latex("unbalanced } brace"), "unbalanced  brace");
  EXPECT_EQ(decode_latex("open { brace"), "open  brace");
  EXPECT_EQ(decode_latex("trailing \\"), "trailing ");
  EXPECT_EQ(decode_latex("\\'"), "´");
  EXPECT_EQ(decode_latex("a\\^{} b"), "a^ b");
  EXPECT_EQ(decode_latex("\\textbf{unclosed"), "unclosed");
  std::string deep(100000, '{');
  deep += "x";
  EXPECT_EQ(decode_latex(deep), "x");
  std::string nested;
  for (int i = 0; i < 5000; ++i) nested += "\\emph{";
  nested += "y";
  EXPECT_EQ(decode_latex(nested).find('y') != std::string::npos, true);
  EXPECT_NO_THROW(decode_latex("\xFF\xFE\\'\xC3"));
}

TEST(LatexProtectedSpans, ReportsTopLevelGroupsThatAreNotCommands) {
  const auto d = decode_latex_with_spans("The {SQL} Book of {Agence nationale de la recherche} and {\\'E}cole");
  EXPECT_EQ(d.text, "The SQL Book of Agence nationale de la recherche and École");
  EXPECT_EQ(d.protected_spans, (std::vector<std::string>{"SQL", "Agence nationale de la recherche"}));
  EXPECT_EQ(protected_spans("{The {AI} Act}"), std::vector<std::string>{"The AI Act"});
  EXPECT_TRUE(protected_spans("no braces here").empty());
}

TEST(LatexPlainText, DetectsValuesThatNeedNoDecoding) {
  EXPECT_TRUE(is_plain_text("Plain title, 2019"));
  EXPECT_FALSE(is_plain_text("1--10"));
  EXPECT_FALSE(is_plain_text("{SQL}"));
  EXPECT_FALSE(is_plain_text("a\xCC\x81"));
}

}  // namespace
}  // namespace litrev::bibtex
