// A bibliography as a whole: order, year suffixes, author substitutes, disambiguation.
#include <gtest/gtest.h>

#include "csl_test_helpers.hpp"
#include "src/csl/sort.hpp"

namespace litrev::test::csl {
namespace {

const char* kAuthorDate =
    "<layout suffix=\".\"><group delimiter=\". \"><names variable=\"author\"><name name-as-sort-order=\"all\" "
    "initialize-with=\". \" and=\"text\"/><substitute><text variable=\"title\"/></substitute></names>"
    "<date variable=\"issued\"><date-part name=\"year\"/></date><text variable=\"title\"/></group></layout>";

std::string sorted_author_date() {
  return make_style(
      std::string("<sort><key variable=\"author\"/><key variable=\"issued\"/><key variable=\"title\"/></sort>") + kAuthorDate, "",
      "", "",
      "<layout><names variable=\"author\"><name form=\"short\"/></names><date variable=\"issued\" prefix=\" \">"
      "<date-part name=\"year\"/></date></layout>",
      "disambiguate-add-year-suffix=\"true\"");
}

TEST(Bibliography, SortsByNamesDatesTitlesWithMissingValuesLast) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto entries = format_all(sorted_author_date(), R"([
    {"id":"c","author":[{"family":"Zola","given":"Émile"}],"title":"Germinal","issued":{"date-parts":[[1885]]}},
    {"id":"a","author":[{"family":"Dijck","given":"José","non-dropping-particle":"van"}],"title":"Culture","issued":{"date-parts":[[2013]]}},
    {"id":"b","author":[{"family":"Durkheim","given":"Émile"}],"title":"Le suicide"},
    {"id":"d","author":[{"family":"Durkheim","given":"Émile"}],"title":"De la division","issued":{"date-parts":[[1893]]}}])");
  ASSERT_EQ(entries.size(), 4u);
  // CSL's default demote-non-dropping-particle (display-and-sort): "van Dijck" sorts under D.
  EXPECT_EQ(entries[0], "Dijck, J. van. 2013. Culture.");
  EXPECT_EQ(entries[1], "Durkheim, É. 1893. De la division.");
  EXPECT_EQ(entries[2], "Durkheim, É. Le suicide.");
  EXPECT_EQ(entries[3], "Zola, É. 1885. Germinal.");
}

TEST(Bibliography, YearSuffixesForAlikeCitesInBibliographyOrder) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto entries = format_all(sorted_author_date(), R"([
    {"id":"s","author":[{"family":"Bourdieu","given":"Pierre"}],"title":"Le sens pratique","issued":{"date-parts":[[1980]]}},
    {"id":"c","author":[{"family":"Bourdieu","given":"Pierre"}],"title":"Le capital social","issued":{"date-parts":[[1980]]}},
    {"id":"d","author":[{"family":"Bourdieu","given":"Pierre"}],"title":"La distinction","issued":{"date-parts":[[1979]]}}])");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0], "Bourdieu, P. 1979. La distinction.");
  EXPECT_EQ(entries[1], "Bourdieu, P. 1980a. Le capital social.");
  EXPECT_EQ(entries[2], "Bourdieu, P. 1980b. Le sens pratique.");
}

TEST(Bibliography, GivenNamesDisambiguateBeforeYearSuffixes) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style(
      std::string("<sort><key variable=\"author\"/></sort>") + kAuthorDate, "", "", "",
      "<layout><names variable=\"author\"><name form=\"short\"/></names><date variable=\"issued\" prefix=\" \">"
      "<date-part name=\"year\"/></date></layout>",
      "disambiguate-add-year-suffix=\"true\" disambiguate-add-givenname=\"true\"");
  const auto entries = format_all(xml, R"([
    {"id":"a","author":[{"family":"Kim","given":"Jeong"}],"title":"One","issued":{"date-parts":[[2023]]}},
    {"id":"b","author":[{"family":"Kim","given":"Sam"}],"title":"Two","issued":{"date-parts":[[2023]]}}])");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0], "Kim, J. 2023. One.");
  EXPECT_EQ(entries[1], "Kim, S. 2023. Two.");
}

TEST(Bibliography, SubsequentAuthorSubstituteCompleteAll) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto style = make_style(std::string("<sort><key variable=\"issued\"/></sort>") + kAuthorDate,
                                "subsequent-author-substitute=\"———\"");
  const auto entries = format_all(style, R"([
    {"id":"a","author":[{"family":"Bourdieu","given":"Pierre"}],"title":"A","issued":{"date-parts":[[1979]]}},
    {"id":"b","author":[{"family":"Bourdieu","given":"Pierre"}],"title":"B","issued":{"date-parts":[[1980]]}},
    {"id":"c","author":[{"family":"Bourdieu","given":"Pierre"},{"family":"Passeron","given":"Jean-Claude"}],"title":"C","issued":{"date-parts":[[1981]]}}])");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0], "Bourdieu, P. 1979. A.");
  EXPECT_EQ(entries[1], "———. 1980. B.");
  EXPECT_EQ(entries[2], "Bourdieu, P. and Passeron, J.-C. 1981. C.");
}

TEST(Bibliography, SubsequentAuthorSubstitutePartialEach) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto style = make_style(std::string("<sort><key variable=\"issued\"/></sort>") + kAuthorDate,
                                "subsequent-author-substitute=\"—\" subsequent-author-substitute-rule=\"partial-each\"");
  const auto entries = format_all(style, R"([
    {"id":"a","author":[{"family":"Callon","given":"Michel"},{"family":"Latour","given":"Bruno"}],"title":"A","issued":{"date-parts":[[1981]]}},
    {"id":"b","author":[{"family":"Callon","given":"Michel"},{"family":"Law","given":"John"}],"title":"B","issued":{"date-parts":[[1982]]}}])");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1], "— and Law, J. 1982. B.");
}

TEST(Bibliography, CitationNumbersFollowTheInputOrder) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style(
      "<sort><key variable=\"citation-number\"/></sort><layout><text variable=\"citation-number\" suffix=\". \"/>"
      "<text variable=\"title\"/></layout>");
  const auto entries = format_all(xml, R"([{"id":"z","title":"Zeta"},{"id":"a","title":"Alpha"}])");
  EXPECT_EQ(entries, (std::vector<std::string>{"1. Zeta", "2. Alpha"}));
}

TEST(Collation, IgnoresCaseAccentsAndPunctuationComparesNumbers) {
  EXPECT_EQ(collation_key("Émile"), collation_key("emile"));
  EXPECT_LT(collation_key("Smith John"), collation_key("Smithers A"));
  EXPECT_LT(collation_key("Report 9"), collation_key("Report 10"));
  EXPECT_EQ(collation_key("O'Neil"), collation_key("ONeil"));
}

}  // namespace
}  // namespace litrev::test::csl
