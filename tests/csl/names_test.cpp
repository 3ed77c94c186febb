// cs:names and cs:name: every option a bibliography uses, checked on inline styles.
#include <gtest/gtest.h>

#include "csl_test_helpers.hpp"

namespace litrev::test::csl {
namespace {

std::string names_style(const std::string& name_attrs, const std::string& extra_children = "",
                        const std::string& style_attrs = "") {
  return make_style("<layout><names variable=\"author\"><name " + name_attrs + "/>" + extra_children +
                        "</names></layout>",
                    "", style_attrs);
}

const char* kThree =
    R"({"id":"a","author":[{"family":"DiMaggio","given":"Paul J."},{"family":"Powell","given":"Walter W."},{"family":"Scott","given":"W. Richard"}]})";

TEST(Names, AndTextWithContextualDelimiter) {
  LITREV_REQUIRE_CSL_LOCALES();
  EXPECT_EQ(format_one(names_style("and=\"text\""), kThree), "Paul J. DiMaggio, Walter W. Powell, and W. Richard Scott");
  const char* two = R"({"id":"a","author":[{"family":"Lascoumes","given":"Pierre"},{"family":"Le Galès","given":"Patrick"}]})";
  EXPECT_EQ(format_one(names_style("and=\"text\""), two), "Pierre Lascoumes and Patrick Le Galès");
}

TEST(Names, AndSymbolNeverDelimiter) {
  LITREV_REQUIRE_CSL_LOCALES();
  EXPECT_EQ(format_one(names_style("and=\"symbol\" delimiter-precedes-last=\"never\""), kThree),
            "Paul J. DiMaggio, Walter W. Powell & W. Richard Scott");
}

TEST(Names, InvertedFirstWithInitials) {
  LITREV_REQUIRE_CSL_LOCALES();
  EXPECT_EQ(format_one(names_style("and=\"text\" name-as-sort-order=\"first\" initialize-with=\". \""), kThree),
            "DiMaggio, P. J., W. W. Powell, and W. R. Scott");
}

TEST(Names, AfterInvertedNameDelimiter) {
  LITREV_REQUIRE_CSL_LOCALES();
  const char* two = R"({"id":"a","author":[{"family":"A","given":"Bo"},{"family":"C","given":"Di"}]})";
  EXPECT_EQ(format_one(names_style("and=\"text\" name-as-sort-order=\"first\" delimiter-precedes-last=\"after-inverted-name\""), two),
            "A, Bo, and Di C");
}

TEST(Names, EtAlAfterMinWithUseFirst) {
  LITREV_REQUIRE_CSL_LOCALES();
  EXPECT_EQ(format_one(names_style("et-al-min=\"3\" et-al-use-first=\"1\""), kThree), "Paul J. DiMaggio et al.");
  EXPECT_EQ(format_one(names_style("et-al-min=\"3\" et-al-use-first=\"2\""), kThree), "Paul J. DiMaggio, Walter W. Powell, et al.");
}

TEST(Names, EtAlTermAndFormatting) {
  LITREV_REQUIRE_CSL_LOCALES();
  EXPECT_EQ(format_one(names_style("et-al-min=\"3\" et-al-use-first=\"1\"", "<et-al term=\"and others\" font-style=\"italic\"/>"),
                       kThree, OutputFormat::html),
            "Paul J. DiMaggio <i>and others</i>");
}

TEST(Names, EtAlUseLastShowsTheLastAuthorAfterAnEllipsis) {
  LITREV_REQUIRE_CSL_LOCALES();
  std::string many = R"({"id":"a","author":[)";
  for (int i = 1; i <= 8; ++i) many += std::string(i > 1 ? "," : "") + R"({"family":"F)" + std::to_string(i) + R"(","given":"G"})";
  many += "]}";
  EXPECT_EQ(format_one(names_style("et-al-min=\"7\" et-al-use-first=\"3\" et-al-use-last=\"true\" initialize-with=\".\""), many),
            "G. F1, G. F2, G. F3, … G. F8");
}

TEST(Names, HyphenatedGivenNamesKeepTheirHyphen) {
  LITREV_REQUIRE_CSL_LOCALES();
  const char* jc = R"({"id":"a","author":[{"family":"Passeron","given":"Jean-Claude"}]})";
  EXPECT_EQ(format_one(names_style("initialize-with=\". \""), jc), "J.-C. Passeron");
  EXPECT_EQ(format_one(names_style("initialize-with=\"\""), jc), "J-C Passeron");
  EXPECT_EQ(format_one(names_style("initialize-with=\". \"", "", "initialize-with-hyphen=\"false\""), jc), "J. C. Passeron");
}

TEST(Names, InitializeFalseOnlyNormalizesInitials) {
  LITREV_REQUIRE_CSL_LOCALES();
  const char* n = R"({"id":"a","author":[{"family":"Tolkien","given":"J.R.R."},{"family":"Smith","given":"Anne M"}]})";
  EXPECT_EQ(format_one(names_style("initialize=\"false\" initialize-with=\". \""), n), "J. R. R. Tolkien, Anne M. Smith");
}

TEST(Names, ParticlesDisplayAndSort) {
  LITREV_REQUIRE_CSL_LOCALES();
  const char* n = R"({"id":"a","author":[{"family":"Dijck","given":"José","non-dropping-particle":"van"},{"family":"Tocqueville","given":"Alexis","dropping-particle":"de"}]})";
  EXPECT_EQ(format_one(names_style("name-as-sort-order=\"all\"", "", "demote-non-dropping-particle=\"sort-only\""), n),
            "van Dijck, José, Tocqueville, Alexis de");
  EXPECT_EQ(format_one(names_style("name-as-sort-order=\"all\"", "", "demote-non-dropping-particle=\"display-and-sort\""), n),
            "Dijck, José van, Tocqueville, Alexis de");
  EXPECT_EQ(format_one(names_style(""), n), "José van Dijck, Alexis de Tocqueville");
}

TEST(Names, SuffixesWithAndWithoutComma) {
  LITREV_REQUIRE_CSL_LOCALES();
  const char* n = R"({"id":"a","author":[{"family":"Daumé","given":"Hal","suffix":"III"},{"family":"King","given":"Martin Luther","suffix":"Jr.","comma-suffix":true}]})";
  EXPECT_EQ(format_one(names_style("name-as-sort-order=\"all\""), n), "Daumé, Hal, III, King, Martin Luther, Jr.");
  EXPECT_EQ(format_one(names_style(""), n), "Hal Daumé III, Martin Luther King, Jr.");
}

TEST(Names, InstitutionsAreNeverInvertedOrInitialized) {
  LITREV_REQUIRE_CSL_LOCALES();
  EXPECT_EQ(format_one(names_style("name-as-sort-order=\"all\" initialize-with=\".\""),
                       R"({"id":"a","author":[{"literal":"High-Level Expert Group on Artificial Intelligence"}]})"),
            "High-Level Expert Group on Artificial Intelligence");
}

TEST(Names, NonLatinNamesFamilyFirstWithoutSpace) {
  LITREV_REQUIRE_CSL_LOCALES();
  EXPECT_EQ(format_one(names_style("name-as-sort-order=\"all\""), R"({"id":"a","author":[{"family":"村上","given":"春樹"}]})"),
            "村上春樹");
}

TEST(Names, ShortFormAndCount) {
  LITREV_REQUIRE_CSL_LOCALES();
  EXPECT_EQ(format_one(names_style("form=\"short\" and=\"text\""), kThree), "DiMaggio, Powell, and Scott");
  EXPECT_EQ(format_one(names_style("form=\"count\""), kThree), "3");
}

TEST(Names, NamePartFormattingAndCase) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style(
      "<layout><names variable=\"author\"><name name-as-sort-order=\"all\" sort-separator=\" \">"
      "<name-part name=\"family\" text-case=\"uppercase\" font-variant=\"small-caps\"/></name></names></layout>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","author":[{"family":"Bourdieu","given":"Pierre"}]})", OutputFormat::html),
            "<span style=\"font-variant:small-caps;\">BOURDIEU</span> Pierre");
}

TEST(Names, LabelsFollowTheNumberOfNames) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style(
      "<layout><names variable=\"editor\"><name and=\"text\"/><label form=\"short\" prefix=\" (\" suffix=\")\"/></names></layout>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","editor":[{"family":"Doe","given":"Jane"}]})"), "Jane Doe (ed.)");
  EXPECT_EQ(format_one(xml, R"({"id":"a","editor":[{"family":"Doe","given":"Jane"},{"family":"Roe","given":"Rick"}]})"),
            "Jane Doe and Rick Roe (eds.)");
}

TEST(Names, SubstituteRendersTheFirstNonEmptyAndSuppressesIt) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style(
      "<layout><group delimiter=\". \"><names variable=\"author\"><name/><substitute><names variable=\"editor\"/>"
      "<text variable=\"title\"/></substitute></names><text variable=\"title\"/><text variable=\"publisher\"/></group></layout>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","title":"Anonymous work","publisher":"P"})"), "Anonymous work. P");
  EXPECT_EQ(format_one(xml, R"({"id":"a","title":"Edited","editor":[{"family":"Doe","given":"Jane"}]})"), "Jane Doe. Edited");
}

TEST(Names, SubstitutedShortNamesInheritTheParentName) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style(
      "<layout><names variable=\"author\"><name name-as-sort-order=\"all\" initialize-with=\".\"/>"
      "<label prefix=\", \" form=\"short\"/><substitute><choose><if type=\"book\"><names variable=\"editor\"/>"
      "<names variable=\"translator\"/></if></choose></substitute></names></layout>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","type":"book","editor":[{"family":"Doe","given":"Jane"}],"translator":[{"family":"Roe","given":"Rick"}]})"),
            "Doe, J., ed.");
}

}  // namespace
}  // namespace litrev::test::csl
