// Curating the library by hand: the user's field corrections (a "user" source record that no
// import undoes), note editing, tag counts and list filters/sorts.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/records.hpp"

namespace litrev {
namespace {

using test::record;
using ::testing::ElementsAre;

std::vector<std::string> keys_of(const std::vector<StoredWork>& works) {
  std::vector<std::string> out;
  for (const auto& w : works) out.push_back(w.work.key);
  return out;
}

std::string doi_of_work(const StoredWork& w) {
  for (const auto& id : w.work.ids)
    if (id.scheme == IdScheme::doi) return id.value;
  return {};
}

const SourceRecord* user_source(const StoredWork& w) {
  for (const auto& s : w.sources)
    if (s.source_kind == kUserSourceKind) return &s;
  return nullptr;
}

ImportRecord lascoumes(std::string title = "Gouverner par les instrumens") {
  return record("lascoumes2004").title(std::move(title)).year(2004).author("Lascoumes", "Pierre").type("book")
      .doi("10.3917/sp.lasco.2004").origin("lib.bib");
}

class UserFields : public ::testing::Test {
 protected:
  void SetUp() override {
    test::import_all(lib.store, {lascoumes(), record("power1997").title("The Audit Society").year(1997)
                                                  .author("Power", "Michael").doi("10.1000/audit").origin("lib.bib")});
  }
  test::TempLibrary lib;
};

TEST_F(UserFields, SetValueIsReadableAndKeptAsTheUsersSourceRecord) {
  const auto change = lib.store.set_field("lascoumes2004", "title", "Gouverner par les instruments");
  EXPECT_EQ(change.before, "Gouverner par les instrumens");
  EXPECT_EQ(change.after, "Gouverner par les instruments");
  const auto w = lib.store.work("lascoumes2004");
  EXPECT_EQ(w.work.title, "Gouverner par les instruments");
  const auto* user = user_source(w);
  ASSERT_NE(user, nullptr);
  ASSERT_EQ(user->fields.size(), 1u);
  EXPECT_EQ(user->fields[0].name, "title");
  EXPECT_EQ(user->fields[0].value, "Gouverner par les instruments");
  // The original fields stay the imported ones: the bibtex source still says what it said.
  for (const auto& f : w.fields) {
    if (f.name == "title") {
      EXPECT_EQ(f.value, "Gouverner par les instrumens");
    }
  }
}

TEST_F(UserFields, AliasesNameTheCanonicalField) {
  lib.store.set_field("lascoumes2004", "language", "french");
  const auto w = lib.store.work("lascoumes2004");
  EXPECT_EQ(w.work.language, "french");
  EXPECT_EQ(user_source(w)->fields[0].name, "langid");
}

TEST_F(UserFields, ReimportingTheSameOrAChangedRecordDoesNotUndoTheUsersValue) {
  lib.store.set_field("lascoumes2004", "title", "Gouverner par les instruments");
  lib.store.set_field("lascoumes2004", "year", "2005");
  test::import_all(lib.store, {lascoumes()});  // the same file again
  auto changed = lascoumes();
  changed.source.fields.push_back({"note", "a new field"});
  changed.work.publisher = "Presses de Sciences Po";
  const auto r = test::import_all(lib.store, {changed});  // merged by its DOI
  ASSERT_TRUE(r[0].merged);
  const auto w = lib.store.work("lascoumes2004");
  EXPECT_EQ(w.work.publisher, "Presses de Sciences Po");
  EXPECT_EQ(w.work.title, "Gouverner par les instruments");
  EXPECT_EQ(w.work.year, 2005);
}

TEST_F(UserFields, AHiddenFieldStaysEmptyWhenAMergedRecordBringsIt) {
  lib.store.hide_field("power1997", "journaltitle");  // nothing yet: hiding is still recorded
  auto again = record("power1997b").title("The Audit Society").year(1997).author("Power", "Michael")
                   .doi("10.1000/audit").container("Oxford UP").origin("other.bib");
  const auto r = test::import_all(lib.store, {again});
  ASSERT_TRUE(r[0].merged);
  EXPECT_EQ(lib.store.work("power1997").work.container, "");
  lib.store.unset_field("power1997", "journaltitle");
  EXPECT_EQ(lib.store.work("power1997").work.container, "");  // the sources' value before the hiding
}

TEST_F(UserFields, UnsetGivesBackTheSourcesValueAndRemovesAnEmptyUserRecord) {
  lib.store.set_field("lascoumes2004", "title", "Gouverner par les instruments");
  const auto change = lib.store.unset_field("lascoumes2004", "title");
  EXPECT_EQ(change.after, "Gouverner par les instrumens");
  const auto w = lib.store.work("lascoumes2004");
  EXPECT_EQ(w.work.title, "Gouverner par les instrumens");
  EXPECT_EQ(user_source(w), nullptr);
  EXPECT_FALSE(lib.store.unset_field("lascoumes2004", "title").changed());
}

TEST_F(UserFields, HideEmptiesAFieldTheSourcesGiveUntilUnset) {
  const auto hidden = lib.store.hide_field("power1997", "doi");
  EXPECT_EQ(hidden.before, "10.1000/audit");
  EXPECT_EQ(doi_of_work(lib.store.work("power1997")), "");
  // A re-import that brings the DOI back (merged by title, year and author) leaves it hidden.
  test::import_all(lib.store, {record("p2").title("The Audit Society").year(1997).author("Power", "Michael")
                                   .doi("10.1000/audit").origin("again.bib")});
  EXPECT_EQ(doi_of_work(lib.store.work("power1997")), "");
  EXPECT_EQ(lib.store.stats().works, 2);
  lib.store.unset_field("power1997", "doi");
  EXPECT_EQ(doi_of_work(lib.store.work("power1997")), "10.1000/audit");
}

TEST_F(UserFields, ACorrectedDoiIsWhatDedupAndCitationsMatch) {
  // A reference citing the corrected DOI, imported before the correction.
  Reference ref;
  ref.raw = "Lascoumes P, 2004, Gouverner par les instruments, DOI 10.3917/scpo.lasco.2004.01";
  ref.doi = "10.3917/scpo.lasco.2004.01";
  test::import_all(lib.store, {record("citing").title("Instruments of public action").year(2010)
                                   .author("Halpern", "Charlotte").ref(ref).origin("c.bib")});
  EXPECT_EQ(lib.store.stats().citations, 0);
  lib.store.set_field("lascoumes2004", "doi", "10.3917/scpo.lasco.2004.01");
  EXPECT_EQ(lib.store.stats().citations, 1);
  // A Crossref record with that DOI and the right title is the same work now.
  const auto r = test::import_all(lib.store, {record("crossref").title("Gouverner par les instrumens").year(2004)
                                                  .author("Lascoumes", "Pierre").doi("10.3917/scpo.lasco.2004.01")
                                                  .source_kind("crossref").origin("https://api.crossref.org")});
  EXPECT_TRUE(r[0].merged);
  EXPECT_EQ(r[0].merged_rule, "doi");
}

TEST_F(UserFields, ARecordSayingWhatTheSourcesSaidStillMatchesTheCorrectedWork) {
  lib.store.set_field("lascoumes2004", "title", "Gouverner par les instruments");
  lib.store.set_field("lascoumes2004", "doi", "10.3917/scpo.lasco.2004.01");
  // The same entry, edited elsewhere, without DOI: matched on the title its source gave.
  auto r = test::import_all(lib.store, {record("lascoumes2004").title("Gouverner par les instrumens").year(2004)
                                            .author("Lascoumes", "Pierre").type("book").origin("edited.bib")});
  EXPECT_TRUE(r[0].merged);
  EXPECT_EQ(r[0].key, "lascoumes2004");
  // A record with the DOI the user replaced: the same work, and the user's DOI stays.
  r = test::import_all(lib.store, {record("x").title("Gouverner par les instruments (2e éd.)").year(2004)
                                       .author("Lascoumes", "Pierre").doi("10.3917/sp.lasco.2004").origin("y.bib")});
  EXPECT_EQ(r[0].merged_rule, "doi");
  EXPECT_EQ(doi_of_work(lib.store.work("lascoumes2004")), "10.3917/scpo.lasco.2004.01");
  EXPECT_EQ(lib.store.stats().works, 2);
}

TEST_F(UserFields, AManualMergeKeepsTheCorrectionsOfBothWorks) {
  test::import_all(lib.store, {record("copy").title("Gouverner par les instruments").year(2004)
                                   .author("Lascoumes", "Pierre").type("book").container("Sciences Po")
                                   .doi("10.1/copy").origin("copy.bib")});
  lib.store.set_field("lascoumes2004", "title", "Gouverner par les instruments");
  lib.store.hide_field("lascoumes2004", "doi");
  lib.store.set_field("copy", "langid", "french");
  lib.store.set_field("copy", "title", "Gouverner (copy)");
  lib.store.merge("lascoumes2004", "copy");
  const auto w = lib.store.work("lascoumes2004");
  EXPECT_EQ(w.work.title, "Gouverner par les instruments");  // keep's correction wins
  EXPECT_EQ(w.work.language, "french");                       // other's correction comes along
  EXPECT_EQ(w.work.container, "Sciences Po");                 // an empty field filled, as merges do
  EXPECT_EQ(doi_of_work(w), "");                              // still hidden, though copy had a DOI
  // The two user records are one again at the next change.
  lib.store.unset_field("lascoumes2004", "langid");
  int user_records = 0;
  for (const auto& s : lib.store.work("lascoumes2004").sources) user_records += s.source_kind == kUserSourceKind;
  EXPECT_EQ(user_records, 1);
}

TEST_F(UserFields, SearchFollowsACorrectedTitle) {
  EXPECT_TRUE(lib.store.search("instruments").empty());
  lib.store.set_field("lascoumes2004", "title", "Gouverner par les instruments");
  const auto hits = lib.store.search("instruments");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].key, "lascoumes2004");
}

TEST_F(UserFields, DedupFollowsACorrectedYear) {
  lib.store.set_field("lascoumes2004", "year", "2005");
  const auto r = test::import_all(lib.store, {record("l2").title("Gouverner par les instrumens").year(2005)
                                                  .author("Lascoumes", "Pierre").type("book").origin("x.bib")});
  EXPECT_TRUE(r[0].merged);
}

TEST_F(UserFields, UnknownKeysAndBadValuesAreRefused) {
  EXPECT_THROW(lib.store.set_field("lascoumes", "title", "X"), NotFoundError);
  EXPECT_THROW(lib.store.set_field("lascoumes2004", "titel", "X"), StoreError);
  EXPECT_THROW(lib.store.set_field("lascoumes2004", "doi", "not a doi"), StoreError);
  EXPECT_EQ(lib.store.work("lascoumes2004").work.title, "Gouverner par les instrumens");
}

class Curation : public ::testing::Test {
 protected:
  void SetUp() override {
    test::import_all(
        lib.store,
        {record("power1997").title("The Audit Society").year(1997).author("Power", "Michael").type("book"),
         record("lascoumes2004").title("Gouverner par les instruments").year(2004).author("Lascoumes", "Pierre")
             .author("Le Galès", "Patrick").type("book"),
         record("espeland2007").title("Rankings and Reactivity").year(2007).author("Espeland", "Wendy").type("article")
             .cites("power1997"),
         record("anon").title("Éthique de l'IA").type("article"),
         record("jobin2019").title("The global landscape of AI ethics guidelines").year(2019).author("Jobin", "Anna")
             .type("article").cites("power1997").cites("espeland2007")});
  }
  std::vector<std::string> list(const ListFilter& f) { return keys_of(lib.store.list_works(f)); }
  test::TempLibrary lib;
};

TEST_F(Curation, NotesAreEditedAndDeletedByIdWithTheirEditTime) {
  const auto a = lib.store.add_note("power1997", "first");
  const auto b = lib.store.add_note("power1997", "second");
  lib.store.edit_note("power1997", a, "first, revised");
  auto notes = lib.store.notes("power1997");
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].text, "first, revised");
  EXPECT_FALSE(notes[0].edited_at.empty());
  EXPECT_TRUE(notes[1].edited_at.empty());
  EXPECT_EQ(lib.store.search("revised").size(), 1u);
  lib.store.delete_note("power1997", b);
  EXPECT_EQ(lib.store.notes("power1997").size(), 1u);
  EXPECT_TRUE(lib.store.search("second").empty());
  // A note of another work is not this work's.
  EXPECT_THROW(lib.store.delete_note("jobin2019", a), NotFoundError);
  EXPECT_THROW(lib.store.edit_note("power1997", b, "x"), NotFoundError);
  EXPECT_THROW(lib.store.notes("nope"), NotFoundError);
}

TEST_F(Curation, TagCountsMostUsedFirstThenByName) {
  lib.store.tag("power1997", {"audit", "Key"});
  lib.store.tag("jobin2019", {"key", "ethics"});
  lib.store.tag("espeland2007", {"audit"});
  const auto tags = lib.store.tag_counts();
  ASSERT_EQ(tags.size(), 3u);
  EXPECT_EQ(tags[0].name, "audit");
  EXPECT_EQ(tags[0].works, 2);
  EXPECT_EQ(tags[1].name, "Key");
  EXPECT_EQ(tags[1].works, 2);
  EXPECT_EQ(tags[2].name, "ethics");
  EXPECT_EQ(tags[2].works, 1);
}

TEST_F(Curation, ListFiltersCombine) {
  ListFilter years;
  years.year_from = 2000;
  years.year_to = 2010;
  EXPECT_THAT(list(years), ElementsAre("lascoumes2004", "espeland2007"));
  years.type = "book";
  EXPECT_THAT(list(years), ElementsAre("lascoumes2004"));
  ListFilter author;
  author.author = "le gales";
  EXPECT_THAT(list(author), ElementsAre("lascoumes2004"));
  author.author = "LASCOUMES pier";
  EXPECT_THAT(list(author), ElementsAre("lascoumes2004"));
  author.author = "power";
  lib.store.tag("power1997", {"audit"});
  author.tag = "AUDIT";
  EXPECT_THAT(list(author), ElementsAre("power1997"));
  author.tag = "none";
  EXPECT_THAT(list(author), ElementsAre());
}

TEST_F(Curation, ListSortsWithMissingValuesLast) {
  ListFilter f;
  f.sort = ListSort::year;
  EXPECT_THAT(list(f), ElementsAre("power1997", "lascoumes2004", "espeland2007", "jobin2019", "anon"));
  f.reverse = true;
  EXPECT_THAT(list(f), ElementsAre("jobin2019", "espeland2007", "lascoumes2004", "power1997", "anon"));
  f = {};
  f.sort = ListSort::title;  // accents and case ignored: "Éthique" first
  EXPECT_THAT(list(f), ElementsAre("anon", "lascoumes2004", "espeland2007", "power1997", "jobin2019"));
  f.sort = ListSort::author;
  EXPECT_THAT(list(f), ElementsAre("espeland2007", "jobin2019", "lascoumes2004", "power1997", "anon"));
  f.sort = ListSort::citations;
  f.limit = 2;
  EXPECT_THAT(list(f), ElementsAre("power1997", "espeland2007"));
  f = {};
  f.reverse = true;
  EXPECT_THAT(list(f), ElementsAre("jobin2019", "anon", "espeland2007", "lascoumes2004", "power1997"));
}

}  // namespace
}  // namespace litrev
