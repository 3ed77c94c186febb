// cs:date and cs:date-part: localized and not, ranges, seasons, literal dates, "no date".
#include <gtest/gtest.h>

#include "csl_test_helpers.hpp"

namespace litrev::test::csl {
namespace {

std::string date_style(const std::string& date, const std::string& style_attrs = "") {
  return make_style("<layout>" + date + "</layout>", "", style_attrs);
}

TEST(Dates, LocalizedTextDateInEnglishAndFrench) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = date_style("<date variable=\"issued\" form=\"text\"/>");
  const char* item = R"({"id":"a","issued":{"date-parts":[[2019,9,2]]}})";
  EXPECT_EQ(format_one(xml, item), "September 2, 2019");
  EXPECT_EQ(format_one(xml, item, OutputFormat::text, "fr-FR"), "2 septembre 2019");
  EXPECT_EQ(format_one(xml, item, OutputFormat::text, "en-GB"), "2 September 2019");
}

TEST(Dates, DatePartsAttributeAndOverrides) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = date_style("<date variable=\"issued\" form=\"text\" date-parts=\"year-month\"><date-part name=\"month\" form=\"short\"/></date>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","issued":{"date-parts":[[2019,1,2]]}})"), "Jan. 2019");
}

TEST(Dates, NonLocalizedWithDelimiterAndLeadingZeros) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = date_style(
      "<date variable=\"issued\" delimiter=\"-\"><date-part name=\"year\"/><date-part name=\"month\" form=\"numeric-leading-zeros\"/>"
      "<date-part name=\"day\" form=\"numeric-leading-zeros\"/></date>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","issued":{"date-parts":[[2019,3,4]]}})"), "2019-03-04");
}

TEST(Dates, RangesCollapseOnTheLargestDifference) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = date_style("<date variable=\"issued\" form=\"text\"/>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","issued":{"date-parts":[[2019,3,4],[2019,3,9]]}})"), "March 4–9, 2019");
  EXPECT_EQ(format_one(xml, R"({"id":"a","issued":{"date-parts":[[2019,3,4],[2019,4,9]]}})"), "March 4–April 9, 2019");
  EXPECT_EQ(format_one(xml, R"({"id":"a","issued":{"date-parts":[[2019],[2021]]}})"), "2019–2021");
}

TEST(Dates, RangeDelimiterOfTheDatePart) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = date_style("<date variable=\"issued\"><date-part name=\"year\" range-delimiter=\"/\"/></date>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","issued":{"date-parts":[[2019],[2020]]}})"), "2019/2020");
}

TEST(Dates, SeasonsUseTheLocaleTerms) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = date_style("<date variable=\"issued\" form=\"text\" date-parts=\"year-month\"/>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","issued":{"date-parts":[[2018]],"season":2}})"), "Summer 2018");
  EXPECT_EQ(format_one(xml, R"({"id":"a","issued":{"date-parts":[[2018,13]]}})"), "Spring 2018");
}

TEST(Dates, LiteralDatesAreWrittenAsGiven) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = date_style("<date variable=\"issued\" form=\"text\"/>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","issued":{"literal":"forthcoming"}})"), "forthcoming");
}

TEST(Dates, NoDateTermThroughChoose) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = date_style(
      "<group delimiter=\" \"><text variable=\"title\"/><choose><if variable=\"issued\"><date variable=\"issued\"><date-part name=\"year\"/></date></if>"
      "<else><text term=\"no date\" form=\"short\"/></else></choose></group>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","title":"Page"})"), "Page n.d.");
  EXPECT_EQ(format_one(xml, R"({"id":"a","title":"Page"})", OutputFormat::text, "fr-FR"), "Page s.\u00A0d.");
}

TEST(Dates, OrdinalDaysAndFrenchFirstOfTheMonth) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = date_style("<date variable=\"issued\"><date-part name=\"day\" form=\"ordinal\" suffix=\" \"/><date-part name=\"month\"/></date>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","issued":{"date-parts":[[2019,3,1]]}})", OutputFormat::text, "fr-FR"), "1ᵉʳ mars");
  EXPECT_EQ(format_one(xml, R"({"id":"a","issued":{"date-parts":[[2019,3,2]]}})", OutputFormat::text, "fr-FR"), "2 mars");
  EXPECT_EQ(format_one(xml, R"({"id":"a","issued":{"date-parts":[[2019,3,22]]}})"), "22nd March");
}

TEST(Dates, IsUncertainDateCondition) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = date_style(
      "<group><choose><if is-uncertain-date=\"issued\"><text term=\"circa\" form=\"short\" suffix=\" \"/></if></choose>"
      "<date variable=\"issued\"><date-part name=\"year\"/></date></group>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","issued":{"date-parts":[[1900]],"circa":true}})"), "C. 1900");
}

}  // namespace
}  // namespace litrev::test::csl
