#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/records.hpp"

namespace litrev {
namespace {

using test::record;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class Library : public ::testing::Test {
 protected:
  void SetUp() override {
    test::import_all(
        lib.store,
        {record("dimaggio1983").title("The Iron Cage Revisited: Institutional Isomorphism").year(1983)
             .author("DiMaggio", "Paul").abstract("Organizations become similar through coercive, mimetic and normative isomorphism.")
             .keywords({"institutional theory"}),
         record("espeland2007").title("Rankings and Reactivity").year(2007).author("Espeland", "Wendy")
             .abstract("How public measures recreate social worlds; law school rankings and isomorphism in passing."),
         record("power1997").title("The Audit Society").year(1997).author("Power", "Michael")
             .abstract("Rituals of verification."),
         record("jobin2019").title("The global landscape of AI ethics guidelines").year(2019).author("Jobin", "Anna")
             .keywords({"AI ethics", "guidelines"})});
  }
  test::TempLibrary lib;
};

TEST_F(Library, NotesAreTimestampedInUtcAndKeptInOrder) {
  const auto first = lib.store.add_note("power1997", "# Reading notes\nAudit as *ritual*.");
  const auto second = lib.store.add_note("power1997", "Second thought.");
  EXPECT_LT(first, second);
  const auto w = lib.store.find_work("power1997");
  ASSERT_EQ(w->notes.size(), 2u);
  EXPECT_EQ(w->notes[0].id, first);
  EXPECT_EQ(w->notes[0].text, "# Reading notes\nAudit as *ritual*.");
  EXPECT_EQ(w->notes[1].text, "Second thought.");
  EXPECT_EQ(w->notes[0].created_at.size(), 20u);
  EXPECT_EQ(w->notes[0].created_at.back(), 'Z');
  EXPECT_EQ(lib.store.stats().notes, 2);
}

TEST_F(Library, ANoteForAnUnknownKeyIsNotFoundAndNamesTheClosestKeys) {
  try {
    lib.store.add_note("powr1997", "text");
    FAIL() << "a note was added to an unknown key";
  } catch (const NotFoundError& e) {
    EXPECT_THAT(e.what(), HasSubstr("no work with key 'powr1997'"));
    EXPECT_THAT(e.what(), HasSubstr("did you mean 'power1997'?"));
  }
  EXPECT_EQ(lib.store.stats().notes, 0);
}

TEST_F(Library, TagsAreCasePreservingAndCaseInsensitivelyUnique) {
  EXPECT_THAT(lib.store.tag("power1997", {"Audit", "to-read"}), ElementsAre("Audit", "to-read"));
  EXPECT_THAT(lib.store.tag("power1997", {"AUDIT", "Éthique"}), ElementsAre("Éthique"));
  EXPECT_THAT(lib.store.tag("espeland2007", {"audit", "ÉTHIQUE"}), ElementsAre("Audit", "Éthique"));
  EXPECT_THAT(lib.store.find_work("power1997")->tags, ElementsAre("Audit", "to-read", "Éthique"));
  EXPECT_EQ(lib.store.stats().tags, 3);

  EXPECT_THAT(lib.store.untag("power1997", {"TO-READ", "never-there"}), ElementsAre("to-read"));
  EXPECT_THAT(lib.store.find_work("power1997")->tags, ElementsAre("Audit", "Éthique"));
  EXPECT_EQ(lib.store.stats().tags, 2);
  EXPECT_THROW(lib.store.tag("unknown", {"x"}), NotFoundError);
  EXPECT_THROW(lib.store.untag("unknown", {"x"}), NotFoundError);
  EXPECT_THROW(lib.store.work("unknown"), NotFoundError);
}

TEST_F(Library, ListingByTagReturnsOnlyTaggedWorksInLibraryOrder) {
  lib.store.tag("jobin2019", {"core"});
  lib.store.tag("dimaggio1983", {"Core"});
  std::vector<std::string> keys;
  for (const auto& w : lib.store.list_works(ListFilter{std::string("CORE"), std::nullopt})) keys.push_back(w.work.key);
  EXPECT_THAT(keys, ElementsAre("dimaggio1983", "jobin2019"));
  EXPECT_EQ(lib.store.list_works(ListFilter{std::nullopt, 2}).size(), 2u);
  EXPECT_EQ(lib.store.list_works().size(), 4u);
}

TEST_F(Library, SearchRanksTitleHitsFirstAndBracketsTheMatch) {
  const auto hits = lib.store.search("isomorphism");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].key, "dimaggio1983");  // in the title (and abstract)
  EXPECT_EQ(hits[1].key, "espeland2007");  // in passing, in the abstract
  EXPECT_LT(hits[0].rank, hits[1].rank);
  EXPECT_THAT(hits[0].snippet, HasSubstr("[Isomorphism]"));
  EXPECT_THAT(hits[1].snippet, HasSubstr("[isomorphism]"));
  EXPECT_EQ(hits[0].year, 1983);
  EXPECT_EQ(hits[0].title, "The Iron Cage Revisited: Institutional Isomorphism");
}

TEST_F(Library, SearchCoversPeopleKeywordsAndNotesIgnoringAccents) {
  EXPECT_EQ(lib.store.search("Espeland").at(0).key, "espeland2007");
  EXPECT_EQ(lib.store.search("guidelines").at(0).key, "jobin2019");
  EXPECT_THAT(lib.store.search("verificationism"), IsEmpty());
  lib.store.add_note("power1997", "Compare with the économie des conventions.");
  const auto hits = lib.store.search("economie");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].key, "power1997");
  EXPECT_THAT(hits[0].snippet, HasSubstr("[économie]"));
}

TEST_F(Library, ANoteAddedDuringAnImportIsSearchableAfterItsCommit) {
  auto batch = lib.store.begin_import();
  batch.add(record("new").title("Fresh work").year(2024).author("Nouveau"));
  lib.store.add_note("new", "marginalia about certification");
  lib.store.add_note("power1997", "marginalia too");
  batch.commit();
  EXPECT_EQ(lib.store.search("certification").at(0).key, "new");
  EXPECT_EQ(lib.store.search("marginalia").size(), 2u);
  EXPECT_EQ(lib.store.search("fresh").size(), 1u);
}

TEST_F(Library, SearchSupportsFts5Syntax) {
  EXPECT_EQ(lib.store.search("\"audit society\"").size(), 1u);
  EXPECT_EQ(lib.store.search("rank*").at(0).key, "espeland2007");
  EXPECT_EQ(lib.store.search("isomorphism NOT rankings").size(), 1u);
  EXPECT_EQ(lib.store.search("isomorphism", 1).size(), 1u);
}

TEST_F(Library, AQueryThatIsNotFts5SyntaxFallsBackToItsWords) {
  const auto hits = lib.store.search("AI: ethics");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].key, "jobin2019");
  EXPECT_EQ(lib.store.search("\"audit society").at(0).key, "power1997");
  EXPECT_NO_THROW(lib.store.search("AND OR NOT ( ) *"));
  EXPECT_THAT(lib.store.search("   "), IsEmpty());
}

}  // namespace
}  // namespace litrev
