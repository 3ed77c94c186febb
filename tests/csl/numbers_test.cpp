// Numbers, labels and page ranges.
#include <gtest/gtest.h>

#include "csl_test_helpers.hpp"
#include "src/csl/numbers.hpp"

namespace litrev::test::csl {
namespace {

TEST(PageRange, FormatsOfCsl) {
  const std::string d = "\u2013";
  EXPECT_EQ(format_page_range("321-28", PageRangeFormat::expanded, d), "321–328");
  EXPECT_EQ(format_page_range("321-328", PageRangeFormat::minimal, d), "321–8");
  EXPECT_EQ(format_page_range("321-328", PageRangeFormat::minimal_two, d), "321–28");
  EXPECT_EQ(format_page_range("42-45", PageRangeFormat::minimal_two, d), "42–45");
  EXPECT_EQ(format_page_range("2787-2816", PageRangeFormat::minimal, d), "2787–816");
  // Chicago: all digits under 100 and at multiples of 100; 101-109 changed part only.
  EXPECT_EQ(format_page_range("71-72", PageRangeFormat::chicago, d), "71–72");
  EXPECT_EQ(format_page_range("100-104", PageRangeFormat::chicago, d), "100–104");
  EXPECT_EQ(format_page_range("1103-1104", PageRangeFormat::chicago, d), "1103–4");
  EXPECT_EQ(format_page_range("321-328", PageRangeFormat::chicago, d), "321–28");
  EXPECT_EQ(format_page_range("1496-1504", PageRangeFormat::chicago, d), "1496–1504");
  EXPECT_EQ(format_page_range("1496-1504", PageRangeFormat::chicago_16, d), "1496–504");
  EXPECT_EQ(format_page_range("147--160", PageRangeFormat::none, d), "147–160");
  EXPECT_EQ(format_page_range("12-15, 20-25", PageRangeFormat::minimal, d), "12–5, 20–5");
  EXPECT_EQ(format_page_range("S12-S15", PageRangeFormat::minimal, d), "S12–S15");
  EXPECT_EQ(format_page_range("497-", PageRangeFormat::expanded, d), "497-");
}

TEST(Numbers, IsNumericAsCiteprocJs) {
  EXPECT_TRUE(is_numeric("12"));
  EXPECT_TRUE(is_numeric("12-15"));
  EXPECT_TRUE(is_numeric("2nd"));
  EXPECT_TRUE(is_numeric("2, 4 & 7"));
  EXPECT_FALSE(is_numeric("second"));
  EXPECT_FALSE(is_numeric("2019 edition"));
}

TEST(Numbers, LabelsTakeThePluralForSeveralNumbers) {
  EXPECT_TRUE(label_plural(Var::page, "12-15"));
  EXPECT_TRUE(label_plural(Var::page, "497-"));
  EXPECT_FALSE(label_plural(Var::page, "12"));
  EXPECT_TRUE(label_plural(Var::number_of_pages, "670"));
  EXPECT_FALSE(label_plural(Var::number_of_pages, "1"));
}

TEST(Numbers, RomanIsLowerCase) {
  EXPECT_EQ(roman(1994), "mcmxciv");
  EXPECT_EQ(roman(4), "iv");
}

TEST(Numbers, OrdinalsInEnglishAndFrench) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style("<layout><number variable=\"edition\" form=\"ordinal\"/></layout>");
  auto ed = [&](const char* n, const char* lang) {
    return format_one(xml, std::string(R"({"id":"a","edition":")") + n + "\"}", OutputFormat::text, lang);
  };
  EXPECT_EQ(ed("1", "en-US"), "1st");
  EXPECT_EQ(ed("2", "en-US"), "2nd");
  EXPECT_EQ(ed("11", "en-US"), "11th");
  EXPECT_EQ(ed("22", "en-US"), "22nd");
  EXPECT_EQ(ed("113", "en-US"), "113th");
  // "édition" is feminine in the French locale: 1re, 2e.
  EXPECT_EQ(ed("1", "fr-FR"), "1ʳᵉ");
  EXPECT_EQ(ed("2", "fr-FR"), "2ᵉ");
}

TEST(Numbers, LongOrdinalsAndRoman) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto lo = make_style("<layout><number variable=\"edition\" form=\"long-ordinal\"/></layout>");
  EXPECT_EQ(format_one(lo, R"({"id":"a","edition":"3"})"), "third");
  const auto ro = make_style("<layout><number variable=\"volume\" form=\"roman\"/></layout>");
  EXPECT_EQ(format_one(ro, R"({"id":"a","volume":"14"})"), "xiv");
}

TEST(Numbers, NonNumericValuesAreWrittenAsText) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style("<layout><number variable=\"edition\" form=\"ordinal\"/></layout>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","edition":"Revised edition"})"), "Revised edition");
}

TEST(Numbers, LabelsOfPagesInTheStyle) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style(
      "<layout><group delimiter=\" \"><label variable=\"page\" form=\"short\"/><text variable=\"page\"/></group></layout>", "",
      "page-range-format=\"expanded\"");
  EXPECT_EQ(format_one(xml, R"({"id":"a","page":"147-60"})"), "pp. 147–160");
  EXPECT_EQ(format_one(xml, R"({"id":"a","page":"147"})"), "p. 147");
}

TEST(Numbers, IsNumericCondition) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style(
      "<layout><choose><if is-numeric=\"edition\"><number variable=\"edition\" form=\"ordinal\" suffix=\" ed.\"/></if>"
      "<else><text variable=\"edition\"/></else></choose></layout>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","edition":"3"})"), "3rd ed.");
  EXPECT_EQ(format_one(xml, R"({"id":"a","edition":"Revised"})"), "Revised");
}

}  // namespace
}  // namespace litrev::test::csl
