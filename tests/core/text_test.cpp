#include "src/core/text.hpp"

#include <gtest/gtest.h>

namespace litrev {
namespace {

TEST(NormalizedTitle, FoldsCaseAccentsAndPunctuation) {
  EXPECT_EQ(normalized_title("The Iron Cage Revisited: Institutional Isomorphism"),
            "the iron cage revisited institutional isomorphism");
  EXPECT_EQ(normalized_title("Gouverner par les instruments — Économie"), "gouverner par les instruments economie");
  EXPECT_EQ(normalized_title("  L'État,  c'est   moi! "), "l etat c est moi");
}

TEST(Utf8, ValidatesAndFindsFirstBadByte) {
  EXPECT_TRUE(is_valid_utf8("caf\xC3\xA9"));
  EXPECT_EQ(valid_utf8_prefix("caf\xE9 au lait"), 3u);
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong
}

TEST(Cp1252, MapsLatin1AndWindowsPunctuation) {
  EXPECT_EQ(cp1252_to_utf8("caf\xE9"), "caf\xC3\xA9");
  EXPECT_EQ(cp1252_to_utf8("\x93quoted\x94"), "\xE2\x80\x9Cquoted\xE2\x80\x9D");
}

TEST(Fold, StripsMarksAndCaseFolds) { EXPECT_EQ(fold("ÉCOLE Straße"), "ecole strasse"); }

TEST(Lowercase, KeepsAccents) { EXPECT_EQ(lowercase("Économie SOCIALE"), "économie sociale"); }

TEST(TextWords, KeepSpellingInnerHyphensAndApostrophesAndSeePunctuation) {
  const auto w = text_words("L\u2019État, co-citation -- Lotka's law (1926)");
  ASSERT_EQ(w.size(), 5u);
  EXPECT_EQ(w[0].text, "L\u2019État");
  EXPECT_FALSE(w[0].after_punctuation);
  EXPECT_EQ(w[1].text, "co-citation");
  EXPECT_TRUE(w[1].after_punctuation);  // the comma
  EXPECT_EQ(w[2].text, "Lotka's");
  EXPECT_TRUE(w[2].after_punctuation);  // the dashes
  EXPECT_EQ(w[3].text, "law");
  EXPECT_FALSE(w[3].after_punctuation);
  EXPECT_EQ(w[4].text, "1926");
  EXPECT_TRUE(w[4].after_punctuation);
  // Combining marks stay with their letter (NFC first).
  EXPECT_EQ(text_words("e\u0301conomie")[0].text, "économie");
}

TEST(ControlCharFilter, ShowsTerminalControlsAsReplacementCharacters) {
  // ESC [ 2 J clears the screen, ESC ] 0 ; ... BEL retitles the window, CR rewrites the line,
  // U+009B is the one-character CSI of C1.
  EXPECT_EQ(printable_text("Title\x1b[2J\x1b]0;pwned\x07 end\rX"),
            "Title\uFFFD[2J\uFFFD]0;pwned\uFFFD end\uFFFDX");
  EXPECT_EQ(printable_text("a\xC2\x9B""31m b"), "a\uFFFD""31m b");
  EXPECT_EQ(printable_text("tab\tand\nnewline, caf\xC3\xA9, \xC2\xA0nbsp, DEL\x7F"),
            "tab\tand\nnewline, caf\xC3\xA9, \xC2\xA0nbsp, DEL\uFFFD");
}

TEST(ControlCharFilter, HandlesAUtf8SequenceSplitAcrossWrites) {
  ControlCharFilter filter;
  std::string out;
  filter.feed("x\xC2", out);
  filter.feed("\x9By\xC2", out);
  filter.feed("\xA9", out);
  filter.feed("\xC2", out);
  filter.finish(out);
  EXPECT_EQ(out, "x\uFFFDy\xC2\xA9\xC2");
}

TEST(WordSpans, CutsLettersDigitsAndMarksLikeTheTokenizer) {
  const std::string text = "L'\u00C9tat, c'est 42 e\u0301coles!";
  std::vector<std::string> words;
  for (const auto& s : word_spans(text)) words.push_back(text.substr(s.begin, s.end - s.begin));
  EXPECT_EQ(words, (std::vector<std::string>{"L", "\u00C9tat", "c", "est", "42", "e\u0301coles"}));
}

}  // namespace
}  // namespace litrev
