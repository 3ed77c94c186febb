#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/records.hpp"

namespace litrev {
namespace {

using test::record;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

TEST(Dedup, SameDoiMergesWhateverItsCaseOrResolverPrefix) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("a").title("Original").year(2010).author("Smith").doi("10.1000/ABC.def")});
  const auto r = test::import_all(
      lib.store, {record("b").title("Original: the subtitle").year(2011).author("Other")
                      .id(IdScheme::doi, "https://doi.org/10.1000/abc.DEF")});
  EXPECT_TRUE(r[0].merged);
  EXPECT_EQ(r[0].merged_rule, "doi");
  EXPECT_EQ(r[0].key, "a");
  EXPECT_EQ(lib.store.stats().works, 1);
  EXPECT_EQ(lib.store.find_work("a")->sources.size(), 2u);
}

TEST(Dedup, SameHalIdMerges) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("h").title("Un article").year(2018).author("Dupont").id(IdScheme::hal, "hal-01234567v2")});
  const auto r = test::import_all(
      lib.store, {record("h2").title("An article").year(2018).author("Dupont").id(IdScheme::hal, "hal-01234567")
                      .source_kind("hal")});
  EXPECT_TRUE(r[0].merged);
  EXPECT_EQ(r[0].merged_rule, "hal");
}

TEST(Dedup, SameIsbnMergesBooksButNotAChapterOfTheBook) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("book").type("book").title("The New Institutionalism in Organizational Analysis")
                                   .year(1991).id(IdScheme::isbn, "978-0-226-67709-5")});
  const auto r = test::import_all(
      lib.store, {record("chapter").type("incollection").title("The Iron Cage Revisited").year(1991).author("DiMaggio")
                      .id(IdScheme::isbn, "9780226677095"),
                  record("book-again").type("book").title("New Institutionalism").year(1991)
                      .id(IdScheme::isbn, "0226677095")});  // ISBN-10 of the same book
  EXPECT_FALSE(r[0].merged);
  EXPECT_TRUE(r[1].merged);
  EXPECT_EQ(r[1].merged_rule, "isbn");
  EXPECT_EQ(r[1].key, "book");
  EXPECT_EQ(lib.store.stats().works, 2);
}

TEST(Dedup, SameNormalizedTitleYearAndFirstAuthorMerge) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("meyer1977").title("Institutionalized Organizations: Formal Structure as Myth and Ceremony")
                                   .year(1977).author("Meyer", "John W.").author("Rowan", "Brian")});
  const auto r = test::import_all(
      lib.store, {record("MeyerRowan77").title("INSTITUTIONALIZED ORGANIZATIONS — formal structure as myth & ceremony")
                      .year(1977).author("MEYER", "J. W.")});
  EXPECT_TRUE(r[0].merged);
  EXPECT_EQ(r[0].merged_rule, "title+year+author");
  EXPECT_EQ(r[0].key, "meyer1977");
}

TEST(Dedup, SameTitleWithAnotherYearOrAuthorIsAnotherWork) {
  test::TempLibrary lib;
  const auto r = test::import_all(lib.store, {record("a").title("Introduction to Sociology").year(2001).author("Giddens"),
                                              record("b").title("Introduction to Sociology").year(2009).author("Giddens"),
                                              record("c").title("Introduction to Sociology").year(2001).author("Smelser")});
  EXPECT_FALSE(r[1].merged);
  EXPECT_FALSE(r[2].merged);
  EXPECT_EQ(lib.store.stats().works, 3);
}

TEST(Dedup, UndatedCopiesMergeButNotWithADatedRecord) {
  test::TempLibrary lib;
  const auto r = test::import_all(lib.store, {record("u1").title("Working paper on audits").author("Power"),
                                              record("u2").title("Working Paper on Audits").author("Power"),
                                              record("d").title("Working paper on audits").year(1994).author("Power")});
  EXPECT_TRUE(r[1].merged);
  EXPECT_EQ(r[1].key, "u1");
  EXPECT_FALSE(r[2].merged);
}

TEST(Dedup, TheTitleRuleDoesNotMergeTwoDifferentDois) {
  test::TempLibrary lib;
  const auto r = test::import_all(
      lib.store, {record("paper").title("Accountability in AI").year(2020).author("Raji").doi("10.1145/111"),
                  record("erratum").title("Accountability in AI").year(2020).author("Raji").doi("10.1145/222"),
                  record("nodoi").title("Accountability in AI").year(2020).author("Raji")});
  EXPECT_FALSE(r[1].merged);
  EXPECT_TRUE(r[2].merged);
  EXPECT_EQ(r[2].key, "paper");
}

TEST(Dedup, RecordsOfOneInputMergeWithEachOther) {
  test::TempLibrary lib;
  const auto r = test::import_all(lib.store, {record("x1").title("Same").year(2000).author("A").doi("10.1/same"),
                                              record("x2").title("Same again").year(2000).author("A").doi("10.1/same")});
  EXPECT_TRUE(r[1].merged);
  EXPECT_EQ(r[1].work_id, r[0].work_id);
}

TEST(Dedup, AMergeFillsEmptyFieldsAndTheExistingValueWins) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("w").type("misc").title("Title A").year(2015).author("Lee").doi("10.5/w")
                                   .keywords({"ethics", "AI"})});
  test::import_all(lib.store, {record("w2").title("The Title A").year(2016).author("Lee").doi("10.5/w").container("Journal")
                                   .volume("7").abstract("The abstract.").keywords({"ai", "audits"})});
  const auto w = lib.store.find_work("w");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->work.title, "Title A");   // conflict: existing wins
  EXPECT_EQ(w->work.year, 2015);
  EXPECT_EQ(w->work.type, "article");    // "misc" is no information
  EXPECT_EQ(w->work.container, "Journal");  // empty: filled
  EXPECT_EQ(w->work.volume, "7");
  EXPECT_EQ(w->work.abstract_text, "The abstract.");
  EXPECT_THAT(w->work.keywords, ElementsAre("ethics", "AI", "audits"));
  // The losing title stays readable in the second source.
  EXPECT_EQ(w->sources.at(1).fields.at(0).value, "The Title A");
  // And the filled abstract is searchable.
  ASSERT_EQ(lib.store.search("abstract").size(), 1u);
}

TEST(Dedup, AMergeAddsPeopleIdentifiersAndReferencesWithoutDuplicates) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("m").title("Merged").year(2019).author("Alpha", "A.").doi("10.9/m")
                                   .ref(test::wos_ref("MEYER", 1977, "AM J SOCIOL", "83", "340"))});
  test::import_all(lib.store,
                   {record("m-crossref").title("Merged").year(2019).author("Alpha", "Anna").author("Beta", "B.")
                        .doi("10.9/M").id(IdScheme::issn, "0003-1224")
                        .ref(test::wos_ref("Meyer", 1977, "American Journal of Sociology", "83", "340-363"))
                        .ref(test::wos_ref("ZUCKER", 1977, "AM SOCIOL REV", "42", "726"))});
  const auto w = lib.store.find_work("m");
  ASSERT_TRUE(w);
  std::vector<std::string> families;
  for (const auto& c : w->work.contributors) families.push_back(c.person.family);
  // The work had authors: they stay (the existing value wins); Beta stays readable in the
  // second source record. Uniting the lists gave back neither source's list on export.
  EXPECT_THAT(families, ElementsAre("Alpha"));
  EXPECT_EQ(w->work.contributors[0].person.given, "A.");
  std::vector<std::string> ids;
  for (const auto& i : w->work.ids) ids.push_back(i.value);
  EXPECT_THAT(ids, UnorderedElementsAre("10.9/m", "0003-1224"));
  ASSERT_EQ(w->references.size(), 2u);  // the Meyer reference is listed once
  EXPECT_EQ(w->references[1].reference.first_author, "ZUCKER");
}

TEST(Dedup, AMergeBringsPeopleOnlyForRolesTheWorkHasNobodyIn) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("c").type("incollection").title("A chapter").year(2012).author("Author", "A.")
                                   .doi("10.9/ch")});
  test::import_all(lib.store, {record("c2").type("incollection").title("A chapter").year(2012).author("Other", "O.")
                                   .contributor(Role::editor, test::person("Editor", "E.")).doi("10.9/ch")});
  const auto w = lib.store.find_work("c");
  ASSERT_TRUE(w);
  std::vector<std::string> people;
  for (const auto& c : w->work.contributors) people.push_back(c.person.family);
  EXPECT_THAT(people, ElementsAre("Author", "Editor"));
}

// Papers3 and BibDesk exports put the proceedings DOI on every paper of the volume; WoS puts a
// report's DOI on chapters citing it. Different titles by different authors are different works.
TEST(Dedup, OneDoiOnClearlyDifferentPapersIsNotOneWork) {
  test::TempLibrary lib;
  const auto r = test::import_all(
      lib.store, {record("p1").type("inproceedings").title("Learning to rank with partial labels").year(2008)
                      .author("Ng").doi("10.1109/proc.2008"),
                  record("p2").type("inproceedings").title("Sparse coding of natural images").year(2008)
                      .author("Olshausen").doi("10.1109/proc.2008")});
  EXPECT_FALSE(r[1].merged);
  EXPECT_EQ(lib.store.stats().works, 2);
}

TEST(Dedup, OneDoiWithARetitledVersionByTheSameAuthorAndYearIsOneWork) {
  test::TempLibrary lib;
  const auto r = test::import_all(
      lib.store, {record("fr").title("La quantification du social").year(2010).author("Desrosieres").doi("10.1/q"),
                  record("en").title("Quantifying the social world").year(2010).author("Desrosières").doi("10.1/q")});
  EXPECT_TRUE(r[1].merged);
  EXPECT_EQ(r[1].merged_rule, "doi");
}

// HAL holds the French version under the journal's DOI, Crossref the English title with the
// online-first year: one work.
TEST(Dedup, OneDoiFromHalAndCrossrefWithTranslatedTitlesAndAYearApartIsOneWork) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("hal-1").title("Les instruments de l'action publique").year(2005)
                                   .author("Lascoumes").doi("10.3917/xyz").source_kind("hal")});
  const auto r = test::import_all(lib.store, {record("10.3917/xyz").title("Public action instruments").year(2004)
                                                  .author("LASCOUMES").doi("10.3917/XYZ").source_kind("crossref")});
  EXPECT_TRUE(r[0].merged);
  EXPECT_EQ(r[0].merged_rule, "doi");
}

// ADS lists FARGO twice: the conference paper and the journal article, same title, year and
// first author. Two works, two citations.
TEST(Dedup, TheTitleRuleDoesNotJoinAConferencePaperAndItsJournalVersion) {
  test::TempLibrary lib;
  const auto r = test::import_all(
      lib.store, {record("conf").type("inproceedings").title("FARGO: a fast eulerian transport algorithm").year(2000)
                      .author("Masset"),
                  record("journal").type("article").title("FARGO: A fast eulerian transport algorithm").year(2000)
                      .author("Masset"),
                  record("generic").type("misc").title("FARGO: a fast Eulerian transport algorithm").year(2000)
                      .author("Masset")});
  EXPECT_FALSE(r[1].merged);
  EXPECT_TRUE(r[2].merged);  // a generic type says nothing against either
  EXPECT_EQ(lib.store.stats().works, 2);
}

TEST(Dedup, ImportingTheSameRecordAgainAddsNothing) {
  test::TempLibrary lib;
  const auto first = test::import_all(lib.store, {record("same").title("Once").year(2001).author("A").doi("10.1/once")});
  const auto again = test::import_all(lib.store, {record("same").title("Once").year(2001).author("A").doi("10.1/once")});
  EXPECT_TRUE(again[0].merged);
  EXPECT_EQ(again[0].merged_rule, "same source");
  EXPECT_EQ(again[0].work_id, first[0].work_id);
  EXPECT_EQ(lib.store.find_work("same")->sources.size(), 1u);
  // A changed record is a new source of the same work.
  const auto changed =
      test::import_all(lib.store, {record("same").title("Once").year(2001).author("A").doi("10.1/once").field("volume", "3")});
  EXPECT_EQ(changed[0].merged_rule, "doi");
  EXPECT_EQ(lib.store.find_work("same")->sources.size(), 2u);
}

// A keyless record is not looked up among the file's other keyless sources (that would be a
// scan per record); the dedup rules still find its work.
TEST(Dedup, AKeylessRecordImportedAgainIsMatchedByTheRules) {
  test::TempLibrary lib;
  const auto first = test::import_all(lib.store, {record("").title("No key here").year(1999).author("Nobody")});
  const auto again = test::import_all(lib.store, {record("").title("No key here").year(1999).author("Nobody")});
  EXPECT_EQ(again[0].work_id, first[0].work_id);
  EXPECT_EQ(again[0].merged_rule, "title+year+author");
}

}  // namespace
}  // namespace litrev
