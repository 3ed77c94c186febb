#include <gtest/gtest.h>

#include <string>

#include "importers/bibtex/names.hpp"

namespace litrev::bibtex {
namespace {

// "given|particle|family|suffix" or "literal:..." for compact expectations.
std::string parts(const Person& p) {
  if (!p.literal.empty()) return "literal:" + p.literal;
  return p.given + "|" + p.particle + "|" + p.family + "|" + p.suffix;
}
std::string parts(std::string_view raw) { return parts(parse_name(raw)); }

TEST(NameList, SplitsOnAndAtBraceDepthZeroInAnyCase) {
  const auto list = split_name_list("Smith, John and {Barnes and Noble} AND Doe, J. aNd Roe");
  ASSERT_EQ(list.names.size(), 4u);
  EXPECT_EQ(list.names[0], "Smith, John");
  EXPECT_EQ(list.names[1], "{Barnes and Noble}");
  EXPECT_EQ(list.names[2], "Doe, J.");
  EXPECT_EQ(list.names[3], "Roe");
  EXPECT_FALSE(list.et_al);
}

TEST(NameList, AndOthersSetsEtAl) {
  const auto list = parse_names("Smith, John and others");
  ASSERT_EQ(list.people.size(), 1u);
  EXPECT_TRUE(list.et_al);
  EXPECT_TRUE(parse_names("A. Smith and et al.").et_al);
  EXPECT_FALSE(parse_names("A. Smith and B. Others").et_al);
}

TEST(NameList, WordsContainingAndAreNotSeparators) {
  const auto list = parse_names("Alexander Anderson and Sandy Band");
  ASSERT_EQ(list.people.size(), 2u);
  EXPECT_EQ(list.people[0].family, "Anderson");
  EXPECT_EQ(list.people[1].family, "Band");
}

TEST(NameParts, FirstVonLast) {
  EXPECT_EQ(parts("Alfred Adler"), "Alfred||Adler|");
  EXPECT_EQ(parts("Bertie B. Bull"), "Bertie B.||Bull|");
  EXPECT_EQ(parts("Egbert von Eel"), "Egbert|von|Eel|");
  EXPECT_EQ(parts("Francis van der valt Frome"), "Francis|van der valt|Frome|");
  EXPECT_EQ(parts("Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin"),
            "Charles Louis Xavier Joseph|de la|Vallée Poussin|");
  EXPECT_EQ(parts("Ludwig van Beethoven"), "Ludwig|van|Beethoven|");
  EXPECT_EQ(parts("jean de la fontaine"), "|jean de la|fontaine|");
}

TEST(NameParts, VonLastFirstAndJunior) {
  EXPECT_EQ(parts("van Kluster, Jr., Kevin"), "Kevin|van|Kluster|Jr.");
  EXPECT_EQ(parts("Jolly, III, James"), "James||Jolly|III");
  EXPECT_EQ(parts("Pimentel, Jr. ,Joseph J."), "Joseph J.||Pimentel|Jr.");
  EXPECT_EQ(parts("de La Fontaine, Jean"), "Jean|de|La Fontaine|");
  EXPECT_EQ(parts("von der Heide, Hans"), "Hans|von der|Heide|");
}

// "May, Keith," (citation-js's biblatex-input.bib): the comma at the end is a typo, not an
// empty First that would make "Keith" a Jr part and that no export could write back.
TEST(NameParts, ACommaAtTheEndLeavesTheGivenNameGiven) {
  EXPECT_EQ(parts("May, Keith,"), "Keith||May|");
  EXPECT_EQ(parts("May, Keith, "), "Keith||May|");
  EXPECT_EQ(parts("van Kluster, Jr., Kevin,"), "Kevin|van|Kluster|Jr.");
}

TEST(NameParts, CapitalisedParticleInCommaFormBelongsToFamilyAsInBiber) {
  EXPECT_EQ(parts("Van de Graaff, R. J."), "R. J.||Van de Graaff|");
  EXPECT_EQ(parts("De la Fontaine, Jean"), "Jean||De la Fontaine|");
}

TEST(NameParts, FirstRunOfLowerCaseTokensIsTheVonAsInBtparse) {
  EXPECT_EQ(parts("A. von B C d E"), "A.|von|B C d E|");
}

TEST(NameParts, HyphenatedNamesAndInitials) {
  EXPECT_EQ(parts("Jean-Paul Sartre"), "Jean-Paul||Sartre|");
  EXPECT_EQ(parts("Jean-paul Sartre"), "Jean-paul||Sartre|");
  EXPECT_EQ(parts("Jean Paul-Sartre"), "Jean||Paul-Sartre|");
  EXPECT_EQ(parts("J.-P. Sartre"), "J.-P.||Sartre|");
  EXPECT_EQ(parts("Mustermann, Klaus-Peter"), "Klaus-Peter||Mustermann|");
  EXPECT_EQ(parts("Smith, J.D."), "J.D.||Smith|");
  EXPECT_EQ(parts("Kim-Ly de la Cruz-Smith"), "Kim-Ly|de la|Cruz-Smith|");
}

TEST(NameParts, ApostropheParticlesStayInTheFamilyName) {
  EXPECT_EQ(parts("d'Alembert, Jean"), "Jean||d'Alembert|");
  EXPECT_EQ(parts("Jean d'Alembert"), "Jean||d'Alembert|");
}

TEST(NameParts, TiesSeparateWordsAndReadAsSpaces) {
  EXPECT_EQ(parts("Donald~E. von~Knuth"), "Donald E.|von|Knuth|");
  EXPECT_EQ(parts("D.~E. Knuth"), "D. E.||Knuth|");
}

TEST(NameParts, SpecialCharactersDecideByTheirLetter) {
  EXPECT_EQ(parts("{\\'E}mile Zola"), "Émile||Zola|");
  EXPECT_EQ(parts("\\'Emile Zola"), "Émile||Zola|");
  EXPECT_EQ(parts("Émile Zola"), "Émile||Zola|");
  EXPECT_EQ(parts("{\\relax Ch}ristophe Dupont"), "Christophe||Dupont|");
  EXPECT_EQ(parts("Ab {\\\"u}ber Alles"), "Ab|über|Alles|");
  EXPECT_EQ(parts("Ab über Alles"), "Ab|über|Alles|");
  EXPECT_EQ(parts("Jean {de la} Fontaine"), "Jean de la||Fontaine|");
  EXPECT_EQ(parts("Someone {\\v S}mith"), "Someone||Šmith|");
  EXPECT_EQ(parts("{\\~Z}elly, Arthur"), "Arthur||Z̃elly|");
}

TEST(NameParts, BracedWordsInAPersonName) {
  EXPECT_EQ(parts("Ian {Iliad Ipswich}"), "Ian||Iliad Ipswich|");
  EXPECT_EQ(parts("{John Henry} Ford"), "John Henry||Ford|");
  EXPECT_EQ(parts("E. S. El-{M}allah"), "E. S.||El-Mallah|");
}

TEST(NameParts, BraceProtectedCorporateNamesAreLiterals) {
  EXPECT_EQ(parts("{Agence nationale de la recherche}"), "literal:Agence nationale de la recherche");
  EXPECT_EQ(parts("{Barnes and Noble, Inc.}"), "literal:Barnes and Noble, Inc.");
  EXPECT_EQ(parts("{{\\'E}cole normale sup{\\'e}rieure}"), "literal:École normale supérieure");
  const auto list = parse_names("{World Health Organization} and others");
  ASSERT_EQ(list.people.size(), 1u);
  EXPECT_EQ(list.people[0].literal, "World Health Organization");
  EXPECT_TRUE(list.et_al);
}

TEST(NameParts, BiblatexExtendedNameFormat) {
  EXPECT_EQ(parts("family=Smith, given=John, prefix=van, useprefix=true"), "John|van|Smith|");
  EXPECT_EQ(parts("given={Jean Paul}, family={Dupont-Durand}, suffix=Jr."), "Jean Paul||Dupont-Durand|Jr.");
  EXPECT_EQ(parts("id=testid, given=Alfred, family=Adler"), "Alfred||Adler|");
  EXPECT_EQ(parts("family={M{\\\"u}ller}, given=Hans, given-i=H"), "Hans||Müller|");
}

TEST(NameList, BiblatexNameOptionsAreNoPeople) {
  const auto list = parse_names(
      "sortingnamekeytemplatename=snks1 and Simon Smith and family=Brown, prefix=de, given=Brian, "
      "sortingnamekeytemplatename=snks2 and useprefix=false");
  ASSERT_EQ(list.people.size(), 2u);
  EXPECT_EQ(parts(list.people[0]), "Simon||Smith|");
  EXPECT_EQ(parts(list.people[1]), "Brian|de|Brown|");
}

TEST(NameParts, OddInputNeverCrashes) {
  EXPECT_EQ(parts("Smith, , John"), "John||Smith|");
  EXPECT_EQ(parts("Smith,"), "||Smith|");
  EXPECT_EQ(parts(", John"), "John|||");
  EXPECT_EQ(parts("Smith, Jr, John, Extra"), "John, Extra||Smith|Jr");
  EXPECT_EQ(parts("Guler, A.T.a"), "A.T.a||Guler|");
  EXPECT_EQ(parse_names("").people.size(), 0u);
  EXPECT_EQ(parse_names(" and and ").people.size(), 0u);
  EXPECT_NO_THROW(parse_names("{unclosed and Smith"));
  EXPECT_NO_THROW(parse_names("} and {"));
}

// Scopus's editors: one "name" with commas between "Family Initials" people. BibTeX would read
// one name (biber rejects three or more: "too many commas").
TEST(NameList, ScopusCommaSeparatedListsAreSeveralPeople) {
  const auto list = parse_names("Al Motairy O., Alodib M., Badr Y. and Daim T.U., Kozanoglu D.C.");
  ASSERT_EQ(list.people.size(), 5u);
  EXPECT_EQ(parts(list.people[0]), "O.||Al Motairy|");
  EXPECT_EQ(parts(list.people[2]), "Y.||Badr|");
  EXPECT_EQ(parts(list.people[4]), "D.C.||Kozanoglu|");
  // "Family, Given" names are not such lists.
  EXPECT_EQ(parse_names("Kluster, Jr., Kevin").people.size(), 1u);
  EXPECT_EQ(parse_names("Smith, J.-P.").people.size(), 1u);
  EXPECT_EQ(parse_names("van Dijk, J.A.G.M.").people.size(), 1u);
}

TEST(NameParts, RawPartsKeepLatex) {
  const auto p = split_name("Charles de la Vall{\\'e}e Poussin");
  EXPECT_EQ(p.first, "Charles");
  EXPECT_EQ(p.von, "de la");
  EXPECT_EQ(p.last, "Vall{\\'e}e Poussin");
  EXPECT_FALSE(p.literal);
  EXPECT_TRUE(split_name("{Sci-Art Publishers}").literal);
}

}  // namespace
}  // namespace litrev::bibtex
