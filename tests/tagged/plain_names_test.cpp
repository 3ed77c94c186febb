#include <gtest/gtest.h>

#include "importers/tagged/plain_names.hpp"

namespace litrev::tagged {
namespace {

TEST(PlainNames, FamilyCommaGiven) {
  const auto p = plain_name("Powell, Walter W.");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->family, "Powell");
  EXPECT_EQ(p->given, "Walter W.");
  EXPECT_TRUE(p->literal.empty());
}

TEST(PlainNames, ASecondCommaGivesTheSuffixAsRisWritesIt) {
  const auto p = plain_name("Smith, John, Jr.");
  EXPECT_EQ(p->family, "Smith");
  EXPECT_EQ(p->given, "John");
  EXPECT_EQ(p->suffix, "Jr.");
}

TEST(PlainNames, LeadingLowerCaseWordsAreParticles) {
  const auto p = plain_name("van der  Berg, Anna");
  EXPECT_EQ(p->particle, "van der");
  EXPECT_EQ(p->family, "Berg");
  EXPECT_EQ(plain_name("De Certeau, Michel")->family, "De Certeau");
  EXPECT_EQ(plain_name("d'Alembert, Jean")->family, "d'Alembert");  // never the last word
}

TEST(PlainNames, WithoutACommaANameIsCorporate) {
  const auto p = plain_name("World Health Organization");
  EXPECT_EQ(p->literal, "World Health Organization");
  EXPECT_TRUE(p->family.empty());
  EXPECT_FALSE(plain_name("   ").has_value());
  EXPECT_EQ(plain_name(", Jane")->literal, ", Jane");
}

TEST(PlainNames, FamilyThenInitialsWithoutAComma) {
  auto p = family_initials_name("Powell W.W.");
  EXPECT_EQ(p->family, "Powell");
  EXPECT_EQ(p->given, "W.W.");
  p = family_initials_name("Van der Berg J.-P.");
  EXPECT_EQ(p->family, "Van der Berg");
  EXPECT_EQ(p->given, "J.-P.");
  p = family_initials_name("Müller É.");
  EXPECT_EQ(p->family, "Müller");
  EXPECT_EQ(p->given, "É.");
  EXPECT_EQ(family_initials_name("Jobin, A.")->given, "A.");
  EXPECT_EQ(family_initials_name("OECD")->literal, "OECD");
}

}  // namespace
}  // namespace litrev::tagged
