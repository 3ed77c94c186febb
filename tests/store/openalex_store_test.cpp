// What the store does with OpenAlex records: references by OpenAlex id resolve in either
// import order, the OpenAlex id is a dedup rule, bare ids do not double a reference list, and
// people gain identifiers only when the author lists match one to one.
#include <gtest/gtest.h>

#include "src/store/store.hpp"
#include "store/records.hpp"

namespace litrev {
namespace {

using test::record;

Reference by_openalex(std::string id) {
  Reference r;
  r.openalex = id;
  r.raw = "openalex:" + id;
  return r;
}

Person with_ids(std::string family, std::string given, std::string orcid, std::string openalex) {
  Person p = test::person(std::move(family), std::move(given));
  p.orcid = std::move(orcid);
  if (!openalex.empty()) p.ids.push_back({PersonIdScheme::openalex, std::move(openalex)});
  return p;
}

TEST(OpenAlexStore, ReferenceByIdResolvesWhicheverComesFirst) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("citing").title("Citing").year(2020).author("Roe", "Al").ref(by_openalex("W7"))});
  EXPECT_EQ(lib.store.stats().citations, 0);
  test::import_all(lib.store, {record("cited").title("Cited").year(1990).author("Doe", "Jo").id(IdScheme::openalex, "W7")});
  EXPECT_EQ(lib.store.stats().citations, 1) << "a later work with the id resolves the older reference";
  const auto corpus = lib.store.load_citation_corpus();
  EXPECT_TRUE(corpus.externals.empty());
}

TEST(OpenAlexStore, AnUnresolvedReferenceByIdIsOneCitedWork) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("a").title("A").year(2020).author("Roe", "Al").ref(by_openalex("W9")),
                               record("b").title("B").year(2021).author("Poe", "Ed").ref(by_openalex("W9"))});
  const auto corpus = lib.store.load_citation_corpus();
  ASSERT_EQ(corpus.externals.size(), 1u);
  EXPECT_EQ(corpus.externals[0].identity, "openalex:W9");
}

TEST(OpenAlexStore, SameOpenAlexIdMergesWithoutDoi) {
  test::TempLibrary lib;
  const auto r = test::import_all(
      lib.store, {record("x").title("Labels").year(2020).author("Roe", "Al").id(IdScheme::openalex, "W5"),
                  record("y").title("Labels").year(2020).author("Roe", "Al").id(IdScheme::openalex, "https://openalex.org/W5").source_kind("openalex")});
  EXPECT_TRUE(r[1].merged);
  EXPECT_EQ(r[1].merged_rule, "openalex");
}

TEST(OpenAlexStore, BareIdsDoNotDoubleAnExistingReferenceList) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("w").title("W").year(2020).author("Roe", "Al").doi("10.1234/w")
                                   .ref(test::wos_ref("LATOUR B", 1987, "SCI ACTION", "1", "1"))});
  Reference described = by_openalex("W8");
  described.doi = "10.1234/described";
  described.first_author = "Callon";
  described.year = 1986;
  described.title = "Some elements";
  test::import_all(lib.store, {record("w-oa").title("W").year(2020).author("Roe", "Al").doi("10.1234/w")
                                   .source_kind("openalex").ref(by_openalex("W1")).ref(described)});
  const auto refs = lib.store.work("w").references;
  ASSERT_EQ(refs.size(), 2u) << "the WoS line and the described reference; not the bare id";
  EXPECT_EQ(refs[1].reference.openalex, "W8");
}

TEST(OpenAlexStore, AWosBookReferenceIsShownByTheRecordThatDescribesIt) {
  test::TempLibrary lib;
  Reference wos;
  wos.first_author = "LATOUR B";
  wos.year = 1987;
  wos.container = "SCI ACTION FOLLOW SC";
  wos.raw = "LATOUR B, 1987, SCI ACTION FOLLOW SC";
  Reference described = by_openalex("W2037406346");
  described.first_author = "Latour";
  described.author_initials = "B";
  described.year = 1987;
  described.title = "Science in Action: How to Follow Scientists and Engineers through Society";
  described.container = "Harvard University Press";
  described.raw = "Latour, B. (1987). Science in Action";
  test::import_all(lib.store, {record("a").title("A").year(2020).author("Roe", "Al").ref(wos),
                                record("b").title("B").year(2021).author("Poe", "Ed").ref(wos),
                                record("c").title("C").year(2022).author("Doe", "Jo").source_kind("openalex").ref(described)});
  const auto corpus = lib.store.load_citation_corpus();
  ASSERT_EQ(corpus.externals.size(), 1u) << "one cited work, cited three times";
  const ExternalWork& e = corpus.externals[0];
  EXPECT_EQ(e.label,
            "Latour, B. (1987). Science in Action: How to Follow Scientists and Engineers through Society. Harvard "
            "University Press.");
  EXPECT_EQ(e.cited_as, "Latour B, 1987, Sci Action Follow Sc") << "as the WoS references write it";
  EXPECT_EQ(e.title, described.title);
}

TEST(OpenAlexStore, AWosReferenceWithDoiIsShownByItsDescriptionWhateverTheTextLengths) {
  test::TempLibrary lib;
  Reference wos = test::wos_ref("WOOD", 1991, "ACAD MANAGE REV", "16", "691", "10.5465/amr.1991.4279616");
  wos.author_initials = "DJ";
  wos.raw += ", with a long trailing note that makes this the longest text of all";
  Reference described = by_openalex("W2012345678");
  described.doi = "10.5465/amr.1991.4279616";
  described.first_author = "Wood";
  described.author_initials = "DJ";
  described.year = 1991;
  described.title = "Corporate Social Performance Revisited";
  described.container = "Academy of Management Review";
  described.raw = "Wood, D. J. (1991)";
  test::import_all(lib.store, {record("a").title("A").year(2020).author("Roe", "Al").ref(wos),
                               record("c").title("C").year(2022).author("Doe", "Jo").source_kind("openalex").ref(described)});
  const auto corpus = lib.store.load_citation_corpus();
  ASSERT_EQ(corpus.externals.size(), 1u);
  const ExternalWork& e = corpus.externals[0];
  EXPECT_EQ(e.label, "Wood, D. J. (1991). Corporate Social Performance Revisited. Academy of Management Review.");
  EXPECT_EQ(e.cited_as, "Wood DJ, 1991, Acad Manage Rev, 16, 691");
  EXPECT_EQ(e.raw, wos.raw);
}

TEST(OpenAlexStore, PeopleGainIdentifiersWhenAuthorListsMatch) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("w").title("Labels").year(2020).author("Dupont", "M.").author("Martin", "Paul").doi("10.1234/w")});
  test::import_all(lib.store, {record("oa").title("Labels").year(2020).doi("10.1234/w").source_kind("openalex")
                                   .contributor(Role::author, with_ids("Dupont", "Marie", "0000-0002-1825-0097", "A5000000001"))
                                   .contributor(Role::author, with_ids("Martin", "Paul", "", "A5000000002"))});
  const auto corpus = lib.store.load_citation_corpus();
  ASSERT_EQ(corpus.people.size(), 2u) << "no new people: the BibTeX ones stay";
  EXPECT_EQ(corpus.people[0].orcid, "0000-0002-1825-0097");
  ASSERT_EQ(corpus.people[0].ids.size(), 1u);
  EXPECT_EQ(corpus.people[0].ids[0].value, "A5000000001");
  ASSERT_EQ(corpus.people[1].ids.size(), 1u);
  EXPECT_EQ(corpus.people[1].ids[0].value, "A5000000002");
}

TEST(OpenAlexStore, NoIdentifiersWhenAuthorListsDoNotMatch) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("w").title("Labels").year(2020).author("Dupont", "M.").author("Martin", "Paul").doi("10.1234/w"),
                               record("v").title("Audits").year(2021).author("Dupont", "M.").author("Bernard", "Luc").doi("10.1234/v")});
  test::import_all(lib.store,
                   {// Reversed order.
                    record("oa1").title("Labels").year(2020).doi("10.1234/w").source_kind("openalex")
                        .contributor(Role::author, with_ids("Martin", "Paul", "", "A5000000002"))
                        .contributor(Role::author, with_ids("Dupont", "Marie", "0000-0002-1825-0097", "")),
                    // Another given name.
                    record("oa2").title("Audits").year(2021).doi("10.1234/v").source_kind("openalex")
                        .contributor(Role::author, with_ids("Dupont", "Jean", "0000-0001-5109-3700", ""))
                        .contributor(Role::author, with_ids("Bernard", "Luc", "", ""))});
  for (const auto& p : lib.store.load_citation_corpus().people) {
    EXPECT_EQ(p.orcid, "") << p.name;
    EXPECT_TRUE(p.ids.empty()) << p.name;
  }
}

TEST(OpenAlexStore, AnIdentifierAPersonHoldsIsNotReplaced) {
  test::TempLibrary lib;
  Person held = test::person("Martin", "Paul");
  held.orcid = "0000-0001-5109-3700";
  test::import_all(lib.store, {record("w").title("Labels").year(2020).contributor(Role::author, held).doi("10.1234/w")});
  test::import_all(lib.store, {record("oa").title("Labels").year(2020).doi("10.1234/w").source_kind("openalex")
                                   .contributor(Role::author, with_ids("Martin", "Paul", "0000-0002-1825-0097", ""))});
  EXPECT_EQ(lib.store.load_citation_corpus().people.at(0).orcid, "0000-0001-5109-3700");
}

}  // namespace
}  // namespace litrev
