#include "src/core/person_names.hpp"

#include <gtest/gtest.h>

namespace litrev {
namespace {

bool compatible(std::string_view a, std::string_view b) {
  return given_names_compatible(given_name_tokens(a), given_name_tokens(b));
}

std::string key(std::string_view given) { return given_name_key(given_name_tokens(given)); }

TEST(GivenNameTokens, InitialsFullNamesAndWosRuns) {
  EXPECT_EQ(key("Walter W."), "walter-w");
  EXPECT_EQ(key("W. W."), "w-w");
  EXPECT_EQ(key("WW"), "w-w");  // WoS: initials run together in capitals
  EXPECT_EQ(key("W.W."), "w-w");
  EXPECT_EQ(key("Jean-Pierre"), "jean-pierre");
  EXPECT_EQ(key("J.-R."), "j-r");
  EXPECT_EQ(key("Émile"), "emile");
  EXPECT_EQ(key("Li"), "li");  // a short name in mixed case is a name, not initials
  EXPECT_EQ(key("JAE-YUN"), "jae-yun");
  EXPECT_EQ(key("J D"), "j-d");
  const GivenName th = given_name_tokens("Th. W.");
  ASSERT_EQ(th.size(), 2u);
  EXPECT_TRUE(th[0].abbreviated);
  EXPECT_EQ(th[0].text, "th");
  EXPECT_FALSE(given_name_tokens("Walter")[0].abbreviated);
}

// The examples of the issue: different full given names are different people.
TEST(GivenNamesCompatible, DifferentFullGivenNamesAreDifferentPeople) {
  EXPECT_FALSE(compatible("Jeremy", "Jewoong"));
  EXPECT_FALSE(compatible("Jeremy", "Jae Yun"));
  EXPECT_FALSE(compatible("Jewoong", "Jae Yun"));
  EXPECT_FALSE(compatible("Robin", "Raymond"));
  EXPECT_FALSE(compatible("Hongliang", "Hongzhou"));
  EXPECT_FALSE(compatible("Jiahui", "Joe"));
  EXPECT_FALSE(compatible("Jun", "Jian"));
}

TEST(GivenNamesCompatible, InitialsAndPrefixesOfOneName) {
  EXPECT_TRUE(compatible("Walter", "Walter W."));
  EXPECT_TRUE(compatible("W. W.", "Walter W."));
  EXPECT_TRUE(compatible("W.", "Walter W."));
  EXPECT_TRUE(compatible("WW", "Walter W."));
  EXPECT_TRUE(compatible("R", "Robin"));
  EXPECT_TRUE(compatible("R", "Raymond"));
  EXPECT_TRUE(compatible("JY", "Jae Yun"));
  EXPECT_TRUE(compatible("Th.", "Theodore"));
  EXPECT_TRUE(compatible("", "Anyone"));
  // Mixed forms could each be someone else: "Walter" and "W. W." are both forms of "Walter W."
  // but not of each other.
  EXPECT_FALSE(compatible("Walter", "W. W."));
  EXPECT_FALSE(compatible("Walter W.", "W. William"));
  EXPECT_FALSE(compatible("Walter R.", "Walter W."));
}

TEST(GivenNamesCompatible, AccentsCaseAndHyphensAreFolded) {
  EXPECT_TRUE(compatible("Émile", "emile"));
  EXPECT_TRUE(compatible("JAE-YUN", "Jae Yun"));
  EXPECT_TRUE(compatible("Jae-Yun", "Jaeyun"));
  EXPECT_TRUE(compatible("J.-P.", "Jean-Pierre"));
  EXPECT_TRUE(compatible("Jean-Pierre", "Jean Pierre"));
  // A hyphenated name is one name: "Jean" is not "Jean-Pierre" cut short.
  EXPECT_FALSE(compatible("Jean", "Jean-Pierre"));
  EXPECT_FALSE(compatible("Yu", "Yu-Heng"));
  EXPECT_TRUE(compatible("Jean", "Jean Marc"));
  EXPECT_TRUE(compatible("Paweł", "Pawel"));
  EXPECT_TRUE(compatible("Søren", "Soren"));
}

TEST(PersonFamilyKey, ParticlesAccentsAndHyphens) {
  EXPECT_EQ(person_family_key("van der Berg"), "berg");
  EXPECT_EQ(person_family_key("Le Galès"), "gales");
  EXPECT_EQ(person_family_key("Knorr-Cetina"), "knorrcetina");
  EXPECT_EQ(person_family_key("KNORR CETINA"), "knorrcetina");
  EXPECT_EQ(person_family_key("D'Aveni"), "daveni");
  EXPECT_EQ(person_family_key("De"), "de");  // a particle alone is the name
  EXPECT_EQ(person_family_key(""), "");
}

TEST(AffiliationMarker, ScopusMarkersGoRealNamesStay) {
  EXPECT_EQ(strip_affiliation_marker("R.b"), "R.");
  EXPECT_EQ(strip_affiliation_marker("A.T.a"), "A.T.");
  EXPECT_EQ(strip_affiliation_marker("J.-R.b"), "J.-R.");
  EXPECT_EQ(strip_affiliation_marker("É.a"), "É.");
  EXPECT_EQ(strip_affiliation_marker("P.a  b  c"), "P.");
  EXPECT_EQ(strip_affiliation_marker("R.N.M.b"), "R.N.M.");
  for (const char* real : {"Robin", "R.", "Jean-Pierre", "Ph.D", "Ma.a", "J. d", "Anna b", "TJ", "", "a"})
    EXPECT_EQ(strip_affiliation_marker(real), real) << real;
  // The marker never reaches the tokens.
  EXPECT_EQ(key("R.b"), "r");
}

TEST(DesignatedName, TheSameNameElseTheOnlyCompatibleOne) {
  const std::vector<NameRef> authors = {{"Zhang", "Jun"}, {"Li", "Wei"}, {"Zhang", "Jiahui"}, {"Zhang", "J.-R."}};
  EXPECT_EQ(designated_name(authors, "Zhang", "Jiahui"), 2u);
  EXPECT_EQ(designated_name(authors, "ZHANG", "Jun"), 0u);
  EXPECT_EQ(designated_name(authors, "Zhang", "Joe"), std::nullopt);  // names nobody here
  EXPECT_EQ(designated_name(authors, "Wang", "Wei"), std::nullopt);
  // Token by token, when nothing stronger holds: a middle initial the ORCID name leaves out.
  const std::vector<NameRef> teeny = {{"Matz", "S. C."}, {"Teeny", "J. D."}};
  EXPECT_EQ(designated_name(teeny, "Teeny", "Jacob"), 1u);
  // ...but not across a hyphenated name, nor against different full names.
  EXPECT_EQ(designated_name(std::vector<NameRef>{{"Zhang", "J.-R."}}, "Zhang", "Jiahui"), std::nullopt);
  EXPECT_EQ(designated_name(std::vector<NameRef>{{"Maher", "Damian"}}, "Maher", "Damien"), std::nullopt);
  EXPECT_EQ(designated_name(std::vector<NameRef>{{"Niszczota", "Pawel"}}, "Niszczota", "Paweł"), 0u);
  // WoS writes some ORCID names in capitals: "LI, YU" is Li, Yu (or Li, Y. U.).
  const std::vector<NameRef> li = {{"Li", "Yu"}, {"Lee", "Soyeun Olivia"}};
  EXPECT_EQ(designated_name(li, "LI", "YU"), 0u);
  EXPECT_EQ(designated_name(std::vector<NameRef>{{"Kim", "Jeong Soo"}, {"Kim", "Minseong"}}, "KIM", "JEONG SOO"), 0u);
  const std::vector<NameRef> initials = {{"Zhang", "J."}, {"Li", "W."}};
  EXPECT_EQ(designated_name(initials, "Zhang", "Jiahui"), 0u);
  const std::vector<NameRef> two = {{"Zhang", "J."}, {"Zhang", "J."}};
  EXPECT_EQ(designated_name(two, "Zhang", "Jiahui"), std::nullopt);  // could be either
}

TEST(SplitDisplayName, CommaOrLastWord) {
  EXPECT_EQ(split_display_name("Espeland, Wendy Nelson"), (std::pair<std::string, std::string>{"Espeland", "Wendy Nelson"}));
  EXPECT_EQ(split_display_name("Michael Power"), (std::pair<std::string, std::string>{"Power", "Michael"}));
  EXPECT_EQ(split_display_name("OECD"), (std::pair<std::string, std::string>{"OECD", ""}));
}

}  // namespace
}  // namespace litrev
