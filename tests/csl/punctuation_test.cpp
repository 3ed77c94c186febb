// Where pieces meet: citeproc-js's punctuation rules.
#include <gtest/gtest.h>

#include "csl_test_helpers.hpp"

namespace litrev::test::csl {
namespace {

const char* kLayout =
    "<layout suffix=\".\"><group delimiter=\". \"><names variable=\"author\"><name initialize-with=\". \" "
    "name-as-sort-order=\"all\"/></names><text variable=\"title\"/><text variable=\"publisher\"/></group></layout>";

TEST(Punctuation, AnInitialAbsorbsTheFollowingPeriod) {
  LITREV_REQUIRE_CSL_LOCALES();
  EXPECT_EQ(format_one(make_style(kLayout), R"({"id":"a","author":[{"family":"Hood","given":"C."}],"title":"Public management","publisher":"P"})"),
            "Hood, C. Public management. P.");
}

TEST(Punctuation, AQuestionMarkAbsorbsThePeriod) {
  LITREV_REQUIRE_CSL_LOCALES();
  EXPECT_EQ(format_one(make_style(kLayout), R"({"id":"a","author":[{"family":"Hood","given":"C."}],"title":"For all seasons?","publisher":"P"})"),
            "Hood, C. For all seasons? P.");
}

TEST(Punctuation, PunctuationGoesInsideQuotesInAmericanEnglish) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style(
      "<layout suffix=\".\"><group delimiter=\", \"><text variable=\"title\" quotes=\"true\"/><text variable=\"container-title\"/></group></layout>");
  const char* item = R"({"id":"a","title":"The iron cage","container-title":"ASR"})";
  EXPECT_EQ(format_one(xml, item), "“The iron cage,” ASR.");
  EXPECT_EQ(format_one(xml, item, OutputFormat::text, "en-GB"), "‘The iron cage’, ASR.");
  EXPECT_EQ(format_one(xml, item, OutputFormat::text, "fr-FR"), "«\u00A0The iron cage\u00A0», ASR.");
}

TEST(Punctuation, QuotesInsideQuotesAlternate) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style("<layout><text variable=\"title\" quotes=\"true\"/></layout>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","title":"On \"ethics washing\" today"})"), "“On ‘ethics washing’ today”");
}

TEST(Punctuation, ApostrophesBecomeTypographic) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style("<layout><text variable=\"title\"/></layout>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","title":"L'action publique"})"), "L’action publique");
}

TEST(Punctuation, EmptyGroupsVanishWithTheirAffixes) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style(
      "<layout><text variable=\"title\"/><group prefix=\" (\" suffix=\")\" delimiter=\" \"><text term=\"volume\" form=\"short\"/>"
      "<text variable=\"volume\"/></group></layout>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","title":"T","volume":"3"})"), "T (vol. 3)");
  EXPECT_EQ(format_one(xml, R"({"id":"a","title":"T"})"), "T");
}

TEST(Punctuation, AMacroCallKeepsTheSpaceOfItsSuffix) {
  LITREV_REQUIRE_CSL_LOCALES();
  // iso690-author-date-en: the macro's last text ends ".", the call adds ". ". citeproc-js
  // nests the macro's group inside the call's level: the periods merge, the space stays.
  const auto xml = make_style(
      "<layout><text macro=\"container\" suffix=\". \"/><text variable=\"volume\"/></layout>", "", "",
      "<macro name=\"container\"><text variable=\"container-title\" font-style=\"italic\" suffix=\".\"/></macro>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","container-title":"Big Science","volume":"1"})", OutputFormat::html),
            "<i>Big Science</i>. 1");
}

}  // namespace
}  // namespace litrev::test::csl
