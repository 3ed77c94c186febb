#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "src/core/reference_keys.hpp"
#include "store/records.hpp"

namespace litrev {
namespace {

using test::record;
using test::wos_ref;

StoredWork::StoredReference only_ref(const std::optional<StoredWork>& w) {
  EXPECT_TRUE(w);
  EXPECT_EQ(w->references.size(), 1u);
  return w->references.at(0);
}

TEST(References, ACiteKeyResolvesToTheWorkOfTheSameInput) {
  test::TempLibrary lib;
  // The cited key is taken in the library by another work: the batch's own key wins.
  test::import_all(lib.store, {record("meyer1977").title("An older, unrelated meyer1977").year(1977).author("Other")});
  test::import_all(lib.store, {record("a").title("Citing").year(2000).author("X").cites("meyer1977"),
                               record("meyer1977").title("Institutionalized Organizations").year(1977).author("Meyer")});
  const auto& r = only_ref(lib.store.find_work("a"));
  ASSERT_TRUE(r.cited_work);
  EXPECT_EQ(r.cited_key, "meyer1977-2");
  EXPECT_EQ(lib.store.stats().citations, 1);
}

TEST(References, ACiteKeyResolvesToALibraryWork) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("power1997").title("The Audit Society").year(1997).author("Power")});
  const auto results = test::import_all(lib.store, {record("b").title("Citing").year(2001).author("Y").cites("power1997")});
  EXPECT_EQ(only_ref(lib.store.find_work("b")).cited_key, "power1997");
}

TEST(References, ADoiResolvesAgainstTheWorksIdentifiers) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("zucker").title("The Role of Institutionalization in Cultural Persistence")
                                   .year(1977).author("Zucker").doi("10.2307/2094862")});
  test::import_all(lib.store, {record("c").title("Citing").year(2002).author("Z")
                                   .ref(wos_ref("ZUCKER", 1977, "AM SOCIOL REV", "42", "726", "10.2307/2094862"))});
  EXPECT_EQ(only_ref(lib.store.find_work("c")).cited_key, "zucker");
}

TEST(References, ALocatorResolvesAWosReferenceWithoutDoi) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("mccarthy1977").title("Resource Mobilization and Social Movements: A Partial Theory")
                                   .year(1977).author("McCarthy", "John D.").container("American Journal of Sociology")
                                   .volume("82").pages("1212–1241")});
  test::import_all(lib.store,
                   {record("d").title("Citing").year(2003).author("W").ref(wos_ref("MCCARTHY", 1977, "AM J SOCIOL", "82", "1212"))});
  EXPECT_EQ(only_ref(lib.store.find_work("d")).cited_key, "mccarthy1977");
}

TEST(References, AnAmbiguousLocatorIsLeftUnresolved) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("x1").title("One").year(1990).author("Same").volume("5").pages("10-20"),
                               record("x2").title("Two").year(1990).author("Same").volume("5").pages("10")});
  test::import_all(lib.store, {record("e").title("Citing").year(2004).author("V").ref(wos_ref("SAME", 1990, "J", "5", "10"))});
  EXPECT_FALSE(only_ref(lib.store.find_work("e")).cited_work);
}

TEST(References, ADanglingReferenceIsResolvedByALaterImport) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("f").title("Citing early").year(2005).author("U")
                                   .ref(wos_ref("MEYER", 1977, "AM J SOCIOL", "83", "340"))
                                   .ref(wos_ref("ZUCKER", 1977, "AM SOCIOL REV", "42", "726", "10.2307/2094862"))
                                   .cites("later-key")});
  EXPECT_EQ(lib.store.stats().citations, 0);
  test::import_all(lib.store, {record("meyer").title("Institutionalized Organizations").year(1977).author("Meyer")
                                   .volume("83").pages("340-363"),
                               record("zucker").title("Cultural persistence").year(1977).author("Zucker")
                                   .doi("10.2307/2094862"),
                               record("later-key").title("Cited by key").year(2001).author("K")});
  const auto f = lib.store.find_work("f");
  ASSERT_EQ(f->references.size(), 3u);
  EXPECT_EQ(f->references[0].cited_key, "meyer");
  EXPECT_EQ(f->references[1].cited_key, "zucker");
  EXPECT_EQ(f->references[2].cited_key, "later-key");
  EXPECT_EQ(lib.store.stats().citations, 3);
}

TEST(References, AResolvedReferenceLeavesNoLookupKeysBehind) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("f").title("Citing early").year(2005).author("U")
                                   .ref(wos_ref("MEYER", 1977, "AM J SOCIOL", "83", "340")).cites("later")});
  auto count_keys = [&] {
    SQLite::Database db(lib.path, SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT count(*) FROM ref_keys WHERE key NOT LIKE 'D:%'");
    q.executeStep();
    return q.getColumn(0).getInt();
  };
  EXPECT_EQ(count_keys(), 2);  // l:meyer|1977|83|340 and c:later
  test::import_all(lib.store, {record("later").title("Cited").year(2001).author("K"),
                               record("meyer").title("Institutionalized").year(1977).author("Meyer").volume("83")
                                   .pages("340")});
  EXPECT_EQ(lib.store.stats().citations, 2);
  EXPECT_EQ(count_keys(), 0);
}

TEST(References, AWorkNeverCitesItself) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("self").title("Self").year(2000).author("Me").doi("10.1/self")
                                   .ref(wos_ref("ME", 2000, "J", "1", "1", "10.1/self")).cites("self")});
  EXPECT_EQ(lib.store.stats().citations, 0);
}

TEST(References, OneCitedWorkHasOneIdentityWithAndWithoutItsDoi) {
  test::TempLibrary lib;
  // Older import: the reference without DOI.
  test::import_all(lib.store, {record("g").title("Citing one").year(2010).author("A")
                                   .ref(wos_ref("MCCARTHY", 1977, "AM J SOCIOL", "82", "1212"))});
  // Later import: the same cited work, written with its DOI.
  test::import_all(lib.store, {record("h").title("Citing two").year(2011).author("B")
                                   .ref(wos_ref("MCCARTHY", 1977, "AM J SOCIOL", "82", "1212", "10.1086/226464"))});
  const auto g = only_ref(lib.store.find_work("g"));
  const auto h = only_ref(lib.store.find_work("h"));
  EXPECT_EQ(h.identity, "doi:10.1086/226464");
  EXPECT_EQ(g.identity, h.identity);
  const auto corpus = lib.store.load_citation_corpus();
  EXPECT_EQ(corpus.externals.size(), 1u);
  EXPECT_EQ(corpus.externals.at(0).doi, "10.1086/226464");
}

TEST(References, ReferencesWithoutDoiFollowAResolvedSiblingWithTheSameLocator) {
  test::TempLibrary lib;
  // The work has a DOI but no volume/pages, so a WoS line without DOI has nothing to match...
  test::import_all(lib.store, {record("mz").title("Resource mobilization").year(1977).author("McCarthy").doi("10.1086/226464")});
  test::import_all(lib.store, {record("i").title("Citing").year(2012).author("C")
                                   .ref(wos_ref("MCCARTHY", 1977, "AM J SOCIOL", "82", "1212", "10.1086/226464")),
                               record("j").title("Citing too").year(2012).author("D")
                                   .ref(wos_ref("MCCARTHY", 1977, "AM J SOCIOL", "82", "1212"))});
  // ...except its sibling that carries the DOI.
  EXPECT_EQ(only_ref(lib.store.find_work("j")).cited_key, "mz");
  EXPECT_EQ(lib.store.stats().citations, 2);
}

TEST(References, ResolveReferencesRechecksTheWholeLibrary) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("k").title("Citing").year(2013).author("E").cites("nothing-yet")});
  EXPECT_EQ(lib.store.resolve_references(), 0);
  test::import_all(lib.store, {record("nothing-yet").title("Now here").year(2000).author("F")});
  EXPECT_EQ(lib.store.stats().citations, 1);  // incremental: already resolved by the import
  EXPECT_EQ(lib.store.resolve_references(), 0);
}

TEST(References, CommitReportsHowManyReferencesBecameCitations) {
  test::TempLibrary lib;
  auto batch = lib.store.begin_import();
  batch.add(record("l").title("Citing").year(2014).author("G").cites("m").cites("n").cites("missing"));
  batch.add(record("m").title("M").year(2000).author("H"));
  batch.add(record("n").title("N").year(2001).author("I"));
  EXPECT_EQ(batch.commit(), 2);
}

TEST(Corpus, HoldsWorksPeopleAuthorshipsCitationsAndExternals) {
  test::TempLibrary lib;
  Person corporate;
  corporate.literal = "OECD";
  test::import_all(
      lib.store,
      {record("a").title("Cited").year(1990).author("Alpha", "Ann").author("Beta", "Bob").doi("10.1/a")
           .container("Journal A").keywords({"k1", "k2"}).abstract("Abstract A").contributor(Role::editor, test::person("Ed")),
       record("b").title("Citing").year(2000).author("Beta", "Bob").contributor(Role::author, corporate)
           .cites("a").ref(wos_ref("LATOUR", 1987, "SCI ACTION", "", ""))
           .ref(wos_ref("ZUCKER", 1977, "AM SOCIOL REV", "42", "726")),
       record("c").title("Citing too").year(2001).author("Gamma").cites("a")
           .ref(wos_ref("ZUCKER", 1977, "AM SOCIOL REV", "42", "726", "10.2307/2094862"))});
  ImportRecord with_count = record("d").title("Counted").year(2020).author("Delta");
  with_count.work.global_citations = 12;
  test::import_all(lib.store, {with_count});

  const auto corpus = lib.store.load_citation_corpus();
  ASSERT_EQ(corpus.works.size(), 4u);
  EXPECT_EQ(corpus.works[0].key, "a");
  EXPECT_EQ(corpus.works[0].doi, "10.1/a");
  EXPECT_EQ(corpus.works[0].title, "Cited");
  EXPECT_EQ(corpus.works[0].container, "Journal A");
  EXPECT_EQ(corpus.works[0].year, 1990);
  EXPECT_TRUE(corpus.works[0].abstract_text.empty());  // only with_text
  EXPECT_EQ(corpus.works[3].global_citations, 12);

  // Authors only (the editor is not an author), each person once.
  std::vector<std::string> names;
  for (const auto& p : corpus.people) names.push_back(p.name);
  EXPECT_THAT(names, ::testing::ElementsAre("Alpha, Ann", "Beta, Bob", "OECD", "Gamma", "Delta"));
  ASSERT_EQ(corpus.authorships.size(), 6u);
  EXPECT_EQ(corpus.authorships[2].work, 1u);    // b's first author
  EXPECT_EQ(corpus.authorships[2].person, 1u);  // is a's second: Beta, Bob
  EXPECT_EQ(corpus.authorships[3].position, 1u);

  // b -> a, b -> Latour, b -> Zucker, c -> a, c -> Zucker (one identity with and without DOI)
  ASSERT_EQ(corpus.citations.size(), 5u);
  int to_a = 0;
  for (const auto& c : corpus.citations) {
    EXPECT_NE(c.cited_work.has_value(), c.cited_external.has_value());
    if (c.cited_work && *c.cited_work == 0) ++to_a;
  }
  EXPECT_EQ(to_a, 2);
  ASSERT_EQ(corpus.externals.size(), 2u);
  const auto& zucker = corpus.externals[1];
  EXPECT_EQ(zucker.identity, "doi:10.2307/2094862");
  EXPECT_EQ(zucker.doi, "10.2307/2094862");
  EXPECT_THAT(zucker.label, ::testing::HasSubstr("1977"));
  EXPECT_THAT(zucker.label, ::testing::HasSubstr("Zucker"));
  EXPECT_THAT(zucker.raw, ::testing::HasSubstr("DOI 10.2307/2094862"));  // the longest raw text

  const auto with_text = lib.store.load_citation_corpus(true);
  EXPECT_EQ(with_text.works[0].abstract_text, "Abstract A");
  EXPECT_THAT(with_text.works[0].keywords, ::testing::ElementsAre("k1", "k2"));
}

}  // namespace
}  // namespace litrev
