#include "src/core/source_names.hpp"

#include <gtest/gtest.h>

namespace litrev {
namespace {

TEST(SourceNames, WosAndIsoAbbreviationsMatchTheFullTitle) {
  EXPECT_TRUE(source_names_match("AM SOCIOL REV", "American Sociological Review"));
  EXPECT_TRUE(source_names_match("ACAD MANAGE REV", "Academy of Management Review"));
  EXPECT_TRUE(source_names_match("Adv. Neural. Inf. Process. Syst", "Advances in neural information processing systems"));
  EXPECT_TRUE(source_names_match("Am. Sociol. Rev.", "AMERICAN SOCIOLOGICAL REVIEW"));
  EXPECT_TRUE(source_names_match("ADMIN SCI QUART", "Administrative Science Quarterly"));
  EXPECT_TRUE(source_names_match("J BUS ETHICS", "Journal of Business Ethics"));
  EXPECT_TRUE(source_names_match("ANNU REV SOCIOL", "Annual Review of Sociology"));
  EXPECT_TRUE(source_names_match("Revue française de sociologie", "REV FR SOCIOL"));
}

TEST(SourceNames, ContractionsAndAcronymsOfIso4) {
  EXPECT_TRUE(source_names_match("P NATL ACAD SCI USA",
                                 "Proceedings of the National Academy of Sciences of the United States of America"));
  EXPECT_TRUE(abbreviates("Intl J Manag", "International Journal of Management"));
  EXPECT_TRUE(abbreviates("Natl Tax J", "National Tax Journal"));
}

TEST(SourceNames, WosCutsLongNamesAfterAFewWords) {
  EXPECT_TRUE(source_names_match("ADV NEUR IN", "Advances in Neural Information Processing Systems"));
  EXPECT_TRUE(source_names_match("TECHNOL FORECAST SOC", "Technological Forecasting and Social Change"));
  EXPECT_TRUE(source_names_match("SCI ACTION HOW FOLL", "Science in Action: How to Follow Scientists and Engineers"));
  // One word is not enough to stand for a longer name.
  EXPECT_FALSE(source_names_match("J", "Journal of Business Ethics"));
}

TEST(SourceNames, DifferentSourcesDoNotMatch) {
  EXPECT_FALSE(source_names_match("AM J SOCIOL", "American Sociological Review"));
  EXPECT_FALSE(source_names_match("RES POLICY", "Review of Policy Research"));
  EXPECT_FALSE(source_names_match("J BUS ETHICS", "Journal of Business Research"));
  EXPECT_FALSE(source_names_match("ORGAN SCI", "Organization Studies"));
  EXPECT_FALSE(source_names_match("Arxiv", "Advances in neural information processing systems"));
  EXPECT_FALSE(source_names_match("", "Nature"));
  EXPECT_FALSE(source_names_match("", ""));
}

TEST(SourceNames, WosBookTitlesSkipWordsOfTheFullTitle) {
  EXPECT_TRUE(abbreviates_title("SCI ACTION FOLLOW SC",
                                "Science in Action: How to Follow Scientists and Engineers through Society"));
  EXPECT_TRUE(abbreviates_title("LAB LIFE SOCIAL CONS", "Laboratory Life: The Social Construction of Scientific Facts"));
  EXPECT_TRUE(abbreviates_title("Sorting things out", "Sorting Things Out: Classification and Its Consequences"))
      << "a title without its subtitle";
  EXPECT_TRUE(abbreviates_title("Our common future", "Our Common Future"));
}

TEST(SourceNames, BookTitlesThatDifferDoNotMatch) {
  EXPECT_FALSE(abbreviates_title("SOC ACTION", "Science in Action"));
  EXPECT_FALSE(abbreviates_title("SCI ACTION TODAY", "Science in Action: How to Follow Scientists"));
  EXPECT_FALSE(abbreviates_title("CAPITAL", "Capital")) << "one word is too little to tell books apart";
  EXPECT_FALSE(abbreviates_title("SCI ACTION FOLLOW SC", "Science in Action"))
      << "the abbreviation says more than the title";
}

}  // namespace
}  // namespace litrev
