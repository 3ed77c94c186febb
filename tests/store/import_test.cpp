#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/records.hpp"

namespace litrev {
namespace {

using test::record;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

ImportRecord full_record() {
  ImportRecord r;
  Work& w = r.work;
  w.key = "dimaggio1983";
  w.type = "article";
  w.title = "The Iron Cage Revisited";
  w.subtitle = "Institutional Isomorphism and Collective Rationality";
  w.container = "American Sociological Review";
  w.date = "1983-04";
  w.year = 1983;
  w.volume = "48";
  w.issue = "2";
  w.pages = "147–160";
  w.publisher = "American Sociological Association";
  w.place = "Washington, DC";
  w.edition = "1";
  w.language = "en";
  w.abstract_text = "What makes organizations so similar?\nWe contend that...";
  w.keywords = {"institutional theory", "isomorphism"};
  w.url = "https://doi.org/10.2307/2095101";
  w.global_citations = 43210;
  Person dimaggio;
  dimaggio.family = "DiMaggio";
  dimaggio.given = "Paul J.";
  dimaggio.orcid = "0000-0002-1825-0097";
  dimaggio.affiliation = "Yale University";
  dimaggio.ids = {{PersonIdScheme::idref, "027024520"}, {PersonIdScheme::researcherid, "A-5114-2012"}};
  Person powell;
  powell.family = "Powell";
  powell.given = "Walter W.";
  powell.suffix = "Jr.";
  Person editor;
  editor.literal = "American Sociological Association";
  Person particle;
  particle.family = "Berg";
  particle.particle = "van der";
  particle.given = "Jan";
  w.contributors = {{Role::author, dimaggio}, {Role::author, powell}, {Role::editor, editor},
                    {Role::translator, particle}};
  w.ids = {{IdScheme::doi, "10.2307/2095101"}, {IdScheme::issn, "0003-1224"}, {IdScheme::hal, "hal-01234567"}};
  Reference ref;
  ref.raw = "MEYER JW, 1977, AM J SOCIOL, V83, P340, DOI 10.1086/226550";
  ref.doi = "10.1086/226550";
  ref.first_author = "MEYER";
  ref.author_initials = "JW";
  ref.year = 1977;
  ref.title = "Institutionalized organizations";
  ref.container = "AM J SOCIOL";
  ref.volume = "83";
  ref.first_page = "340";
  ref.isbn = "";
  Reference scopus;
  scopus.raw = "Latour, B., Woolgar, S., Laboratory life (1979) Sage";
  scopus.first_author = "Latour";
  scopus.author_initials = "B";
  scopus.authors = {{"Latour", "B"}, {"Woolgar", "S"}};
  scopus.year = 1979;
  w.references = {ref, scopus};
  r.source.source_kind = "bibtex";
  r.source.origin = "/data/sociology.bib";
  r.source.original_key = "dimaggio1983";
  r.source.entry_type = "ARTICLE";
  r.source.line = 42;
  r.source.imported_at = "2024-05-01T10:00:00Z";
  r.source.fields = {{"title", "The {Iron} Cage Revisited"}, {"author", "DiMaggio, Paul J. and Powell, Jr., Walter W."},
                     {"year", "1983"}, {"x-custom", "kept verbatim {\\'e}"}};
  return r;
}

TEST(Import, EveryWorkFieldRoundTrips) {
  test::TempLibrary lib;
  const ImportRecord in = full_record();
  const auto results = test::import_all(lib.store, {in});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_FALSE(results[0].merged);
  EXPECT_EQ(results[0].key, "dimaggio1983");

  const auto stored = lib.store.find_work("dimaggio1983");
  ASSERT_TRUE(stored);
  const Work& w = stored->work;
  EXPECT_EQ(stored->id, results[0].work_id);
  EXPECT_EQ(w.key, in.work.key);
  EXPECT_EQ(w.type, in.work.type);
  EXPECT_EQ(w.title, in.work.title);
  EXPECT_EQ(w.subtitle, in.work.subtitle);
  EXPECT_EQ(w.container, in.work.container);
  EXPECT_EQ(w.date, in.work.date);
  EXPECT_EQ(w.year, in.work.year);
  EXPECT_EQ(w.volume, in.work.volume);
  EXPECT_EQ(w.issue, in.work.issue);
  EXPECT_EQ(w.pages, in.work.pages);
  EXPECT_EQ(w.publisher, in.work.publisher);
  EXPECT_EQ(w.place, in.work.place);
  EXPECT_EQ(w.edition, in.work.edition);
  EXPECT_EQ(w.language, in.work.language);
  EXPECT_EQ(w.abstract_text, in.work.abstract_text);
  EXPECT_EQ(w.keywords, in.work.keywords);
  EXPECT_EQ(w.url, in.work.url);
  EXPECT_EQ(w.global_citations, in.work.global_citations);

  ASSERT_EQ(w.contributors.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    const auto& a = w.contributors[i];
    const auto& b = in.work.contributors[i];
    EXPECT_EQ(a.role, b.role) << i;
    EXPECT_EQ(a.person.family, b.person.family) << i;
    EXPECT_EQ(a.person.given, b.person.given) << i;
    EXPECT_EQ(a.person.particle, b.person.particle) << i;
    EXPECT_EQ(a.person.suffix, b.person.suffix) << i;
    EXPECT_EQ(a.person.literal, b.person.literal) << i;
    EXPECT_EQ(a.person.orcid, b.person.orcid) << i;
    EXPECT_EQ(a.person.ids, b.person.ids) << i;
    EXPECT_EQ(a.person.affiliation, b.person.affiliation) << i;
  }

  ASSERT_EQ(w.ids.size(), 3u);
  EXPECT_EQ(w.ids[0].scheme, IdScheme::doi);
  EXPECT_EQ(w.ids[0].value, "10.2307/2095101");
  EXPECT_EQ(w.ids[2].value, "hal-01234567");

  ASSERT_EQ(stored->references.size(), 2u);
  EXPECT_TRUE(stored->references[0].reference.authors.empty());
  EXPECT_EQ(stored->references[1].reference.authors, in.work.references[1].authors);
  const auto& ref = stored->references[0];
  const auto& expected = in.work.references[0];
  EXPECT_EQ(ref.reference.raw, expected.raw);
  EXPECT_EQ(ref.reference.doi, expected.doi);
  EXPECT_EQ(ref.reference.first_author, expected.first_author);
  EXPECT_EQ(ref.reference.author_initials, expected.author_initials);
  EXPECT_EQ(ref.reference.year, expected.year);
  EXPECT_EQ(ref.reference.title, expected.title);
  EXPECT_EQ(ref.reference.container, expected.container);
  EXPECT_EQ(ref.reference.volume, expected.volume);
  EXPECT_EQ(ref.reference.first_page, expected.first_page);
  EXPECT_FALSE(ref.cited_work);
  EXPECT_EQ(ref.identity, "doi:10.1086/226550");
  ASSERT_EQ(w.references.size(), 2u);
  EXPECT_EQ(w.references[0].raw, expected.raw);
}

TEST(Import, ProvenanceAndOriginalFieldsAreKept) {
  test::TempLibrary lib;
  const ImportRecord in = full_record();
  test::import_all(lib.store, {in});
  const auto stored = lib.store.find_work("dimaggio1983");
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->sources.size(), 1u);
  const auto& s = stored->sources[0];
  EXPECT_EQ(s.source_kind, "bibtex");
  EXPECT_EQ(s.origin, "/data/sociology.bib");
  EXPECT_EQ(s.original_key, "dimaggio1983");
  EXPECT_EQ(s.entry_type, "ARTICLE");
  EXPECT_EQ(s.line, 42u);
  EXPECT_EQ(s.imported_at, "2024-05-01T10:00:00Z");
  ASSERT_EQ(s.fields.size(), in.source.fields.size());
  for (std::size_t i = 0; i < s.fields.size(); ++i) {
    EXPECT_EQ(s.fields[i].name, in.source.fields[i].name);
    EXPECT_EQ(s.fields[i].value, in.source.fields[i].value);
  }
  ASSERT_EQ(stored->fields.size(), in.source.fields.size());
  EXPECT_EQ(stored->fields[3].value, "kept verbatim {\\'e}");
}

TEST(Import, AnEmptyImportTimeIsFilledWithTheCurrentUtcTime) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("a").title("T").year(2000).author("X")});
  const auto stored = lib.store.find_work("a");
  ASSERT_TRUE(stored);
  const auto& t = stored->sources.at(0).imported_at;
  ASSERT_EQ(t.size(), 20u) << t;
  EXPECT_EQ(t[4], '-');
  EXPECT_EQ(t[10], 'T');
  EXPECT_EQ(t.back(), 'Z');
}

TEST(Import, FieldsAreTheUnionOfTheSourcesFirstSourceWinning) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("a").title("Shared Title").year(2010).author("Smith").doi("10.1000/xyz")
                                   .field("note", "from the first file")});
  test::import_all(lib.store, {record("a-again").title("Shared title, other spelling").year(2010).author("Smith")
                                   .doi("10.1000/XYZ").field("note", "from the second file").field("abstract", "Only here")
                                   .origin("second.bib")});
  const auto stored = lib.store.find_work("a");
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->sources.size(), 2u);
  EXPECT_EQ(stored->sources[1].origin, "second.bib");
  std::map<std::string, std::string> fields;
  std::vector<std::string> names;
  for (const auto& f : stored->fields) {
    names.push_back(f.name);
    fields[f.name] = f.value;
  }
  EXPECT_THAT(names, ElementsAre("title", "year", "doi", "note", "abstract"));
  EXPECT_EQ(fields["title"], "Shared Title");
  EXPECT_EQ(fields["note"], "from the first file");
  EXPECT_EQ(fields["abstract"], "Only here");
  // The losing value is still readable in its own source record.
  EXPECT_EQ(stored->sources[1].fields[0].value, "Shared title, other spelling");
}

TEST(Import, ARecordWithoutKeyGetsAGeneratedAsciiKey) {
  test::TempLibrary lib;
  const auto results = test::import_all(
      lib.store, {record("").title("The Économie of Conventions").year(1991).author("Boltanski", "Luc"),
                  record("").title("Untitled").author("Ñúñez"), record("")});
  EXPECT_EQ(results[0].key, "boltanski1991economie");
  EXPECT_EQ(results[1].key, "nunezuntitled");
  EXPECT_EQ(results[2].key, "work");
  EXPECT_TRUE(lib.store.contains("boltanski1991economie"));
}

TEST(Import, ATakenKeyIsDisambiguatedDeterministically) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("smith2020").title("First paper").year(2020).author("Smith")});
  const auto results = test::import_all(lib.store, {record("smith2020").title("Second paper").year(2020).author("Smith"),
                                                    record("smith2020").title("Third paper").year(2020).author("Smith")});
  EXPECT_EQ(results[0].key, "smith2020-2");
  EXPECT_EQ(results[1].key, "smith2020-3");
  EXPECT_EQ(lib.store.find_work("smith2020-3")->work.title, "Third paper");
}

TEST(Import, DuplicateKeysInOneInputStaySeparateWorks) {
  test::TempLibrary lib;
  auto second = record("dup").title("Another work").year(2002).author("Jones").build();
  second.duplicate_key = true;
  const auto results = test::import_all(lib.store, {record("dup").title("A work").year(2001).author("Jones"), second});
  EXPECT_FALSE(results[1].merged);
  EXPECT_NE(results[0].work_id, results[1].work_id);
  EXPECT_EQ(results[1].key, "dup-2");
  EXPECT_EQ(lib.store.stats().works, 2);
}

// BibTeX compares keys ignoring case: a library holding "dup" and "DUP" would export two
// entries that BibTeX and biber read as one key.
TEST(Import, AKeyTakenInAnotherCaseIsDisambiguated) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("dup").title("A work").year(2001).author("Jones")});
  const auto results = test::import_all(lib.store, {record("DUP").title("Another work").year(2002).author("Jones")});
  EXPECT_FALSE(results[0].merged);
  EXPECT_EQ(results[0].key, "DUP-2");
  ASSERT_TRUE(lib.store.find_work("DUP-2"));
  EXPECT_EQ(lib.store.find_work("DUP-2")->work.title, "Another work");
}

TEST(Import, AKeyIsFoundInAnotherCaseWhenNoWorkHasItExactly) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("meyer1977").title("Institutionalized Organizations").year(1977).author("Meyer"),
                               record("dup").title("A work").year(2001).author("Jones")});
  ASSERT_TRUE(lib.store.find_work("Meyer1977"));
  EXPECT_EQ(lib.store.find_work("Meyer1977")->work.key, "meyer1977");
  EXPECT_TRUE(lib.store.contains("MEYER1977"));
  ASSERT_TRUE(lib.store.find_work("DUP"));
  EXPECT_EQ(lib.store.find_work("DUP")->work.key, "dup");
  EXPECT_FALSE(lib.store.find_work("meyer"));
}

TEST(Import, DestroyingAnUncommittedBatchLeavesNothing) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("before").title("Before").year(1999).author("Old")});
  const auto before = lib.store.stats();
  {
    auto batch = lib.store.begin_import();
    batch.add(record("x").title("Half imported").year(2020).author("New").doi("10.1/x").cites("before"));
    batch.add(record("y").title("Another").year(2021).author("Newer"));
  }
  const auto after = lib.store.stats();
  EXPECT_EQ(after.works, before.works);
  EXPECT_EQ(after.people, before.people);
  EXPECT_EQ(after.sources, before.sources);
  EXPECT_EQ(after.identifiers, before.identifiers);
  EXPECT_EQ(after.references, before.references);
  EXPECT_FALSE(lib.store.contains("x"));
  EXPECT_TRUE(lib.store.search("imported").empty());
  // The library is usable again afterwards.
  test::import_all(lib.store, {record("z").title("After").year(2022).author("Later")});
  EXPECT_TRUE(lib.store.contains("z"));
}

TEST(Import, AnotherProcessDoesNotSeeABatchBeforeCommit) {
  test::TempLibrary lib;
  auto reader = Store::open(lib.path);
  auto batch = lib.store.begin_import();
  batch.add(record("pending").title("Pending").year(2020).author("W"));
  EXPECT_FALSE(reader.contains("pending"));
  batch.commit();
  EXPECT_TRUE(reader.contains("pending"));
}

TEST(Import, OnlyOneBatchAtATimePerStore) {
  test::TempLibrary lib;
  auto batch = lib.store.begin_import();
  EXPECT_THROW(lib.store.begin_import(), StoreError);
  batch.commit();
  EXPECT_THROW(batch.commit(), StoreError);
  auto again = lib.store.begin_import();
  again.commit();
}

TEST(Import, PeopleAreReusedByExactNameOrIdentifierOnly) {
  test::TempLibrary lib;
  Person with_orcid = test::person("Powell", "Walter W.");
  with_orcid.orcid = "0000-0001-5000-0007";
  Person other_orcid = test::person("Powell", "Walter W.");
  other_orcid.orcid = "0000-0002-9000-0001";
  Person renamed = test::person("Powel", "W.");  // a misspelling, but the same ORCID
  renamed.orcid = "0000-0001-5000-0007";
  test::import_all(lib.store,
                   {record("a").title("One").year(2000).author("Powell", "Walter W."),
                    record("b").title("Two").year(2001).author("POWELL", "Walter W"),  // same folded name
                    record("c").title("Three").year(2002).contributor(Role::author, with_orcid),  // fills ORCID
                    record("d").title("Four").year(2003).author("Powell", "W. W."),               // initials: new
                    record("e").title("Five").year(2004).contributor(Role::author, other_orcid),  // conflict: new
                    record("f").title("Six").year(2005).contributor(Role::author, renamed)});     // ORCID wins
  EXPECT_EQ(lib.store.stats().people, 3);
  const auto corpus = lib.store.load_citation_corpus();
  ASSERT_EQ(corpus.authorships.size(), 6u);
  auto person_of = [&](std::size_t work) { return corpus.authorships[work].person; };
  EXPECT_EQ(person_of(0), person_of(1));
  EXPECT_EQ(person_of(0), person_of(2));
  EXPECT_EQ(person_of(0), person_of(5));
  EXPECT_NE(person_of(0), person_of(3));
  EXPECT_NE(person_of(0), person_of(4));
  EXPECT_EQ(corpus.people[person_of(0)].orcid, "0000-0001-5000-0007");
}

TEST(Import, PeopleAreReusedOnEveryIdentifierSchemeAndKeptApartOnConflicts) {
  test::TempLibrary lib;
  auto with = [](std::string family, std::string given, std::vector<PersonId> ids) {
    Person p = test::person(std::move(family), std::move(given));
    p.ids = std::move(ids);
    return p;
  };
  const PersonId idref{PersonIdScheme::idref, "027024520"};
  const PersonId other{PersonIdScheme::idref, "026819376"};
  test::import_all(
      lib.store,
      {record("a").title("One").year(2000).author("Callon", "Michel"),
       record("b").title("Two").year(2001).contributor(Role::author, with("Callon", "Michel", {idref})),  // fills it
       record("c").title("Three").year(2002).contributor(Role::author, with("Callon", "M.", {idref})),    // id wins
       record("d").title("Four").year(2003).contributor(Role::author, with("Callon", "Michel", {other}))});  // new
  EXPECT_EQ(lib.store.stats().people, 2);
  const auto corpus = lib.store.load_citation_corpus();
  ASSERT_EQ(corpus.authorships.size(), 4u);
  auto person_of = [&](std::size_t work) { return corpus.authorships[work].person; };
  EXPECT_EQ(person_of(0), person_of(1));
  EXPECT_EQ(person_of(0), person_of(2));
  EXPECT_NE(person_of(0), person_of(3));
  EXPECT_EQ(corpus.people[person_of(0)].ids, (std::vector<PersonId>{idref}));
  EXPECT_EQ(corpus.people[person_of(3)].ids, (std::vector<PersonId>{other}));
}

TEST(Import, ARecordFailingHalfWayRollsTheWholeInputBack) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("before").title("Before").year(1999).author("Old")});
  {
    // A trigger makes the store fail after the work and its people are written.
    SQLite::Database db(lib.path, SQLite::OPEN_READWRITE);
    db.exec("CREATE TRIGGER fail_boom BEFORE INSERT ON sources WHEN NEW.fields LIKE '%\"boom\"%' "
            "BEGIN SELECT RAISE(ABORT, 'boom field refused'); END");
  }
  {
    auto batch = lib.store.begin_import();
    batch.add(record("ok1").title("Fine").year(2000).author("A"));
    try {
      batch.add(record("bad").title("Broken").year(2001).author("Half").field("boom", "x"));
      FAIL() << "the trigger did not fire";
    } catch (const StoreError& e) {
      EXPECT_THAT(e.what(), HasSubstr("boom field refused"));
      EXPECT_THAT(e.what(), HasSubstr(lib.path.string()));
    }
    // The input is over: nothing more can be added or committed.
    EXPECT_THROW(batch.add(record("ok2").title("Also fine").year(2001).author("B")), StoreError);
    EXPECT_THROW(batch.commit(), StoreError);
  }
  const auto stats = lib.store.stats();
  EXPECT_EQ(stats.works, 1);
  EXPECT_EQ(stats.people, 1);
  EXPECT_EQ(stats.sources, 1);
  EXPECT_FALSE(lib.store.contains("ok1"));
  EXPECT_FALSE(lib.store.contains("bad"));
  // The next input works normally.
  test::import_all(lib.store, {record("after").title("After").year(2002).author("Half")});
  EXPECT_EQ(lib.store.find_work("after")->work.contributors.at(0).person.family, "Half");
}

}  // namespace
}  // namespace litrev
