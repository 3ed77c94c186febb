// text-case with citeproc-js's rules, and the English-only title case.
#include <gtest/gtest.h>

#include "csl_test_helpers.hpp"
#include "src/csl/text_case.hpp"

namespace litrev::test::csl {
namespace {

TEST(TextCase, TitleCaseKeepsStopWordsAndCapitals) {
  EXPECT_EQ(text_cased(TextCase::title, "the iron cage revisited: institutional isomorphism and collective rationality"),
            "The Iron Cage Revisited: Institutional Isomorphism and Collective Rationality");
  EXPECT_EQ(text_cased(TextCase::title, "a view on tech ethics from within moral philosophy"),
            "A View on Tech Ethics from within Moral Philosophy");
  EXPECT_EQ(text_cased(TextCase::title, "datasheets for AI and the iPhone"), "Datasheets for AI and the iPhone");
  // All-capitals titles stay as they are (citeproc-js): no lower-casing of WoS journal names.
  EXPECT_EQ(text_cased(TextCase::title, "AMERICAN JOURNAL OF SOCIOLOGY"), "AMERICAN JOURNAL OF SOCIOLOGY");
}

TEST(TextCase, TitleCaseCapitalizesAfterColonAndTheLastStopWord) {
  EXPECT_EQ(text_cased(TextCase::title, "ethics: a critique"), "Ethics: A Critique");
  EXPECT_EQ(text_cased(TextCase::title, "what it is for"), "What It Is For");
}

TEST(TextCase, TitleCaseSplitsOnHyphensAndSlashes) {
  EXPECT_EQ(text_cased(TextCase::title, "self-regulation and co/regulation"), "Self-Regulation and Co/Regulation");
}

TEST(TextCase, SentenceCaseLowersAllButTheFirstWord) {
  EXPECT_EQ(text_cased(TextCase::sentence, "The Iron Cage Revisited"), "The iron cage revisited");
}

TEST(TextCase, CapitalizeFirstAndAll) {
  EXPECT_EQ(text_cased(TextCase::capitalize_first, "edited by"), "Edited by");
  EXPECT_EQ(text_cased(TextCase::capitalize_first, "iPhone reviews"), "iPhone reviews");
  EXPECT_EQ(text_cased(TextCase::capitalize_all, "edited by"), "Edited By");
}

TEST(TextCase, UpperAndLowerCase) {
  EXPECT_EQ(text_cased(TextCase::uppercase, "Éditions de Minuit"), "ÉDITIONS DE MINUIT");
  EXPECT_EQ(text_cased(TextCase::lowercase, "Éditions De Minuit"), "éditions de minuit");
}

TEST(TextCase, NocaseSpansAreProtected) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style("<layout><text variable=\"title\" text-case=\"title\"/></layout>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","language":"en","title":"using <span class=\"nocase\">eBay</span> for science"})"),
            "Using eBay for Science");
  EXPECT_EQ(format_one(xml, R"({"id":"a","language":"en","title":"the <span class=\"nocase\">de facto</span> standard"})"),
            "The de facto Standard");
}

TEST(TextCase, TitleCaseOnlyForEnglishItems) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style("<layout><text variable=\"title\" text-case=\"title\"/></layout>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","title":"gouverner par les instruments","language":"fr"})"),
            "gouverner par les instruments");
  EXPECT_EQ(format_one(xml, R"({"id":"a","title":"governing by instruments","language":"en-GB"})"), "Governing by Instruments");
  // Without a language, the style's locale decides.
  EXPECT_EQ(format_one(xml, R"({"id":"a","title":"governing by instruments"})"), "Governing by Instruments");
  EXPECT_EQ(format_one(xml, R"({"id":"a","title":"gouverner par les instruments"})", OutputFormat::text, "fr-FR"),
            "gouverner par les instruments");
}

TEST(TextCase, StripPeriods) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style("<layout><text variable=\"container-title\" form=\"short\" strip-periods=\"true\"/></layout>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","container-title":"Nature Machine Intelligence","container-title-short":"Nat. Mach. Intell."})"),
            "Nat Mach Intell");
}

}  // namespace
}  // namespace litrev::test::csl
