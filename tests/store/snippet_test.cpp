// Search snippets made by litrev rather than FTS5's snippet(), whose cost grows with the square
// of the hits inside one text.
#include "src/store/snippet.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>

namespace litrev::store {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> words_of(const std::vector<SnippetTerm>& terms) {
  std::vector<std::string> out;
  for (const auto& t : terms) out.push_back(t.folded + (t.prefix ? "*" : ""));
  return out;
}

TEST(SnippetTerms, KeepsWordsPhrasesAndPrefixesButNotOperatorsColumnsOrExclusions) {
  EXPECT_THAT(words_of(snippet_terms("isomorphism OR legitimacy")), ElementsAre("isomorphism", "legitimacy"));
  EXPECT_THAT(words_of(snippet_terms("\"iron cage\" AND legitim*")), ElementsAre("iron", "cage", "legitim*"));
  EXPECT_THAT(words_of(snippet_terms("title:Économie NOT marché")), ElementsAre("economie"));
  EXPECT_THAT(words_of(snippet_terms("ethics NOT (audit OR label) trust")), ElementsAre("ethics", "trust"));
  EXPECT_THAT(words_of(snippet_terms("{title keywords}: label")), ElementsAre("label"));
  EXPECT_THAT(words_of(snippet_terms("\"AND NOT\"")), ElementsAre("and", "not"));
}

std::string snippet(std::vector<std::string_view> texts, std::string_view query) {
  const auto terms = snippet_terms(query);
  return make_snippet(texts, terms);
}

TEST(MakeSnippet, BracketsTheHitsOfTheBestTwelveWordWindowWithEllipses) {
  const std::string_view abstract =
      "Organizations adopt formal structures. These structures reflect the myths of their institutional "
      "environments rather than the demands of their work activities, and ceremonial conformity brings "
      "legitimacy and resources.";
  EXPECT_EQ(snippet({"Institutionalized Organizations", abstract}, "ceremonial legitimacy"),
            "…demands of their work activities, and [ceremonial] conformity brings [legitimacy] and resources");
}

TEST(MakeSnippet, PrefersTheWindowWithMoreDistinctTermsThenTheEarlierColumn) {
  // Both words in the abstract beat one word in the title.
  EXPECT_EQ(snippet({"Audit society", "rituals of audit and verification"}, "audit verification"),
            "rituals of [audit] and [verification]");
  // One word each: the title comes first.
  EXPECT_EQ(snippet({"Audit society", "rituals of audit"}, "audit"), "[Audit] society");
}

TEST(MakeSnippet, FoldsCaseAndAccentsLikeTheTokenizerAndMatchesPrefixes) {
  EXPECT_EQ(snippet({"", "Une ÉCONOMIE des conventions"}, "economie conv*"), "Une [ÉCONOMIE] des [conventions]");
}

TEST(MakeSnippet, ShowsTheTextOnOneLine) {
  EXPECT_EQ(snippet({"", "to understand the legitimacy of a\n  culture,\tits relation"}, "legitimacy"),
            "to understand the [legitimacy] of a culture, its relation");
}

TEST(MakeSnippet, NothingWhenNoTextHoldsATerm) { EXPECT_EQ(snippet({"Title", "abstract"}, "missing"), ""); }

TEST(MakeSnippet, AHugeTextFullOfHitsIsCutToOneWindow) {
  // 300,000 words of which 100,000 hits: FTS5's snippet() took minutes on such a text.
  std::string text;
  for (int i = 0; i < 100'000; ++i) text += "the social label ";
  const std::string s = snippet({"", text}, "the label");
  EXPECT_EQ(s, "[the] social [label] [the] social [label] [the] social [label] [the] social [label]…");
}

}  // namespace
}  // namespace litrev::store
