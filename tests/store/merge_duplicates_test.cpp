#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "src/store/duplicates.hpp"
#include "store/records.hpp"

namespace litrev {
namespace {

using test::record;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

TEST(Merge, KeepsEveryFieldNoteTagSourceAndReference) {
  test::TempLibrary lib;
  test::import_all(lib.store,
                   {record("keep").title("Rankings and Reactivity").year(2007).author("Espeland", "Wendy")
                        .field("journal", "AJS").ref(test::wos_ref("PORTER", 1995, "TRUST NUMBERS", "1", "1")),
                    record("other").title("Rankings & reactivity: how public measures recreate social worlds")
                        .year(2007).author("Espeland", "W.").author("Sauder", "Michael").doi("10.1086/517897")
                        .container("American Journal of Sociology").volume("113").field("journal", "Am. J. Sociol.")
                        .ref(test::wos_ref("PORTER", 1995, "TRUST NUMBERS", "1", "1"))
                        .ref(test::wos_ref("POWER", 1997, "AUDIT SOC", "1", "1")),
                    record("citer").title("Citing the other one").year(2010).author("Z").cites("other")});
  lib.store.add_note("other", "Note on the duplicate.");
  lib.store.tag("other", {"quantification"});
  lib.store.tag("keep", {"core"});
  ASSERT_EQ(lib.store.stats().citations, 1);

  lib.store.merge("keep", "other");
  EXPECT_FALSE(lib.store.contains("other"));
  const auto w = lib.store.find_work("keep");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->work.title, "Rankings and Reactivity");
  EXPECT_EQ(w->work.container, "American Journal of Sociology");
  EXPECT_EQ(w->work.volume, "113");
  ASSERT_EQ(w->work.ids.size(), 1u);
  EXPECT_EQ(w->work.ids[0].value, "10.1086/517897");
  std::vector<std::string> families;
  for (const auto& c : w->work.contributors) families.push_back(c.person.family);
  EXPECT_THAT(families, ElementsAre("Espeland"));  // keep had authors: they win, as every field does
  ASSERT_EQ(w->sources.size(), 2u);
  EXPECT_EQ(w->sources[1].original_key, "other");
  EXPECT_EQ(w->sources[1].fields.at(0).value, "Rankings & reactivity: how public measures recreate social worlds");
  EXPECT_THAT(w->tags, ElementsAre("core", "quantification"));
  ASSERT_EQ(w->notes.size(), 1u);
  EXPECT_EQ(w->notes[0].text, "Note on the duplicate.");
  ASSERT_EQ(w->references.size(), 2u);  // PORTER once, POWER moved
  EXPECT_EQ(w->references[1].reference.first_author, "POWER");
  std::map<std::string, std::string> fields;
  for (const auto& f : w->fields) fields.emplace(f.name, f.value);
  EXPECT_EQ(fields["journal"], "AJS");
  EXPECT_EQ(fields["doi"], "10.1086/517897");  // a field only the other source had

  // The citation to the merged-away work now points at the kept one.
  const auto citer = lib.store.find_work("citer");
  ASSERT_TRUE(citer->references.at(0).cited_work);
  EXPECT_EQ(citer->references[0].cited_key, "keep");
  EXPECT_EQ(lib.store.stats().citations, 1);
  // Searchable through the merged notes; the other work has no search row left.
  const auto hits = lib.store.search("duplicate");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].key, "keep");

  SQLite::Database db(lib.path, SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT keep_key, other_key, moved_sources FROM merges");
  ASSERT_TRUE(q.executeStep());
  EXPECT_EQ(q.getColumn(0).getString(), "keep");
  EXPECT_EQ(q.getColumn(1).getString(), "other");
  EXPECT_FALSE(q.getColumn(2).getString().empty());
}

TEST(Merge, UnknownKeysAreNotFoundAndChangeNothing) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("a").title("A").year(2000).author("X")});
  EXPECT_THROW(lib.store.merge("a", "missing"), NotFoundError);
  EXPECT_THROW(lib.store.merge("missing", "a"), NotFoundError);
  EXPECT_THROW(lib.store.merge("a", "a"), StoreError);
  EXPECT_TRUE(lib.store.contains("a"));
}

TEST(Merge, AWorkMergedWithOneItCitedDoesNotCiteItself) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("a").title("Preprint").year(2019).author("X").cites("b"),
                               record("b").title("Published").year(2020).author("X")});
  ASSERT_EQ(lib.store.stats().citations, 1);
  lib.store.merge("b", "a");
  EXPECT_EQ(lib.store.stats().citations, 0);
}

TEST(Duplicates, FindsANearDuplicateTitleAndNotUnrelatedWorks) {
  test::TempLibrary lib;
  test::import_all(lib.store,
                   {record("a").title("The Iron Cage Revisited: Institutional Isomorphism and Collective Rationality")
                        .year(1983).author("DiMaggio"),
                    record("b").title("The iron cage revisted: institutional isomorphism and collective rationality in "
                                      "organizational fields")
                        .year(1983).author("DiMaggio"),
                    record("c").title("Institutionalized Organizations: Formal Structure as Myth and Ceremony")
                        .year(1977).author("Meyer"),
                    record("d").title("The Iron Cage Revisited: Institutional Isomorphism and Collective Rationality")
                        .year(2005).author("Someone Else"),
                    record("e").title("Editorial").year(2000).author("Ed"),
                    record("f").title("Editorial").year(2001).author("Other")});
  const auto dups = lib.store.find_duplicates();
  ASSERT_EQ(dups.size(), 1u) << dups[0].key_a << " " << dups[0].key_b;
  EXPECT_EQ(dups[0].key_a, "a");
  EXPECT_EQ(dups[0].key_b, "b");
  EXPECT_GE(dups[0].score, 0.85);
  EXPECT_LE(dups[0].score, 1.0);
  EXPECT_THAT(dups[0].reason, HasSubstr("same year"));
  EXPECT_THAT(dups[0].reason, HasSubstr("same first author"));
  // A lower bar shows the same title by another author decades later, scored lower.
  const auto loose = lib.store.find_duplicates(0.5);
  ASSERT_GE(loose.size(), 2u);
  EXPECT_EQ(loose[0].key_a, "a");
  bool found_d = false;
  for (const auto& d : loose) {
    if (d.key_b != "d") continue;
    found_d = true;
    EXPECT_LT(d.score, dups[0].score);
  }
  EXPECT_TRUE(found_d);
}

// The filtered search finds what comparing every pair finds, for the kinds of duplicates the
// filters are meant for: a title with typos (trigram Jaccard) and a title with a subtitle
// added (containment, same first words).
TEST(Duplicates, TheCandidateFiltersMissNoTypoOrSubtitleVariant) {
  std::mt19937 rng(7);
  std::vector<std::string> vocabulary;
  for (int v = 0; v < 300; ++v) {
    std::string word;
    for (int l = 0; l < 4 + static_cast<int>(rng() % 6); ++l) word.push_back(static_cast<char>('a' + rng() % 26));
    vocabulary.push_back(word);
  }
  std::vector<store::DuplicateInput> works;
  std::vector<std::pair<std::size_t, std::size_t>> variants;  // (original, variant)
  for (int i = 0; i < 400; ++i) {
    std::string title;
    if (i % 3 == 2) {  // a variant of an earlier original title: typos or a subtitle
      std::size_t original = rng() % static_cast<std::size_t>(i);
      if (original % 3 == 2) --original;
      variants.emplace_back(original, static_cast<std::size_t>(i));
      title = works[original].title;
      if (rng() % 2) {
        title += ": " + vocabulary[rng() % vocabulary.size()] + " " + vocabulary[rng() % vocabulary.size()];
      } else {
        for (int typo = 0; typo < 2; ++typo) title[rng() % title.size()] = static_cast<char>('a' + rng() % 26);
      }
    } else {
      for (int k = 0; k < 5 + static_cast<int>(rng() % 6); ++k) title += (k ? " " : "") + vocabulary[rng() % vocabulary.size()];
    }
    works.push_back(store::DuplicateInput{"k" + std::to_string(i), title, 2000 + static_cast<int>(rng() % 2), "a", {}});
  }
  const double min_score = 0.85;
  std::set<std::pair<std::size_t, std::size_t>> found, any_pair;
  for (const auto& p : store::find_similar_titles(works, min_score)) found.emplace(p.a, p.b);
  for (std::size_t i = 0; i < works.size(); ++i)
    for (std::size_t j = i + 1; j < works.size(); ++j)
      if (store::score_pair(works[i], works[j], min_score)) any_pair.emplace(i, j);
  // Every pair found is one the scoring accepts...
  for (const auto& p : found) EXPECT_TRUE(any_pair.contains(p)) << p.first << " " << p.second;
  // ...and every accepted (original, variant) pair is found. (Variants of variants, say a
  // subtitle added and then typos in the first words, may escape both filters.)
  std::size_t accepted = 0;
  for (const auto& [original, variant] : variants) {
    if (!store::score_pair(works[original], works[variant], min_score)) continue;
    ++accepted;
    EXPECT_TRUE(found.contains({original, variant})) << works[original].title << " / " << works[variant].title;
  }
  EXPECT_GT(accepted, 100u);
}

}  // namespace
}  // namespace litrev
