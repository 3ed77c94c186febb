#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/records.hpp"

namespace litrev {
namespace {

using test::record;
using test::TempDir;
using ::testing::AllOf;
using ::testing::HasSubstr;

std::string pragma(const std::filesystem::path& path, const char* name) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement q(db, std::string("PRAGMA ") + name);
  q.executeStep();
  return q.getColumn(0).getString();
}

TEST(Schema, OpenCreatesAWalLibraryAtTheCurrentVersion) {
  TempDir dir;
  const auto path = dir / "new.db";
  { auto store = Store::open(path); }
  ASSERT_TRUE(std::filesystem::exists(path));
  EXPECT_EQ(pragma(path, "user_version"), std::to_string(Store::schema_version()));
  EXPECT_EQ(pragma(path, "journal_mode"), "wal");
  EXPECT_EQ(Store::schema_version(), 6);
}

// A version 1 library (before preambles) is migrated on open and keeps its works.
TEST(Schema, AVersionOneLibraryIsMigratedAndKeepsItsWorks) {
  TempDir dir;
  const auto path = dir / "v1.db";
  {
    auto store = Store::open(path);
    test::import_all(store, {record("a").title("Kept across opens").year(2001).author("Smith", "Ann")});
  }
  {
    // Take it back to what version 1 wrote.
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("ALTER TABLE refs DROP COLUMN openalex; DROP TABLE person_identifiers; ALTER TABLE refs DROP COLUMN authors; DROP TABLE preambles; "
            "DROP INDEX sources_identity; DROP INDEX works_key_nocase; DROP TABLE user_field_previous; ALTER TABLE notes DROP COLUMN edited_at; PRAGMA user_version = 1");
  }
  auto store = Store::open(path);
  EXPECT_EQ(pragma(path, "user_version"), std::to_string(Store::schema_version()));
  const auto w = store.find_work("a");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->work.title, "Kept across opens");
  auto batch = store.begin_import();
  batch.add_preamble("\\newcommand{\\noopsort}[1]{}", "x.bib");
  batch.commit();
  ASSERT_EQ(store.preambles().size(), 1u);
}

// A version 2 library (keys unique in their exact case only) gets the case-blind key index,
// and keeps the works it has even when two keys differ only in case.
TEST(Schema, AVersionTwoLibraryIsMigratedAndKeepsKeysThatDifferInCase) {
  TempDir dir;
  const auto path = dir / "v2.db";
  {
    auto store = Store::open(path);
    test::import_all(store, {record("dup").title("First").year(2001).author("Smith", "Ann")});
  }
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("ALTER TABLE refs DROP COLUMN openalex; DROP TABLE person_identifiers; ALTER TABLE refs DROP COLUMN authors; DROP INDEX works_key_nocase; "
            "DROP TABLE user_field_previous; ALTER TABLE notes DROP COLUMN edited_at; PRAGMA user_version = 2");
    db.exec("INSERT INTO works(key, type, title, created_at, updated_at) "
            "SELECT 'DUP', type, 'Second', created_at, updated_at FROM works");
  }
  auto store = Store::open(path);
  EXPECT_EQ(pragma(path, "user_version"), std::to_string(Store::schema_version()));
  ASSERT_TRUE(store.find_work("dup") && store.find_work("DUP"));
  EXPECT_EQ(store.find_work("dup")->work.title, "First");
  EXPECT_EQ(store.find_work("DUP")->work.title, "Second");
  EXPECT_FALSE(store.find_work("Dup")) << "two works match in another case: no guess";
}

// A version 3 library (before person identifiers and reference author lists) is migrated:
// its references keep their first author, new ones store every author.
TEST(Schema, AVersionThreeLibraryGetsPersonIdentifiersAndReferenceAuthors) {
  TempDir dir;
  const auto path = dir / "v3.db";
  Reference old_ref;
  old_ref.raw = "LATOUR B, 1987, SCI ACTION";
  old_ref.first_author = "LATOUR";
  old_ref.author_initials = "B";
  old_ref.year = 1987;
  {
    auto store = Store::open(path);
    test::import_all(store, {record("a").title("Old").year(2001).author("Smith", "Ann").ref(old_ref)});
  }
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("ALTER TABLE refs DROP COLUMN openalex; DROP TABLE person_identifiers; ALTER TABLE refs DROP COLUMN authors; DROP TABLE user_field_previous; "
            "ALTER TABLE notes DROP COLUMN edited_at; PRAGMA user_version = 3");
  }
  auto store = Store::open(path);
  EXPECT_EQ(pragma(path, "user_version"), std::to_string(Store::schema_version()));
  Reference scopus;
  scopus.raw = "Callon, M., Law, J., Mapping the dynamics of science (1983) Soc Sci Inf, 22, pp. 191-235";
  scopus.first_author = "Callon";
  scopus.author_initials = "M";
  scopus.authors = {{"Callon", "M"}, {"Law", "J"}};
  scopus.year = 1983;
  Person idref = test::person("Callon", "Michel");
  idref.ids = {{PersonIdScheme::idref, "027024520"}};
  test::import_all(store, {record("b").title("New").year(2002).contributor(Role::author, idref).ref(scopus)});
  const auto corpus = store.load_citation_corpus();
  ASSERT_EQ(corpus.externals.size(), 2u);
  EXPECT_EQ(corpus.externals[0].authors, (std::vector<ReferenceAuthor>{{"LATOUR", "B"}}));
  EXPECT_EQ(corpus.externals[1].authors, scopus.authors);
  ASSERT_EQ(corpus.people.size(), 2u);
  EXPECT_EQ(corpus.people[1].ids, idref.ids);
}

// A version 4 library (before references by OpenAlex id) is migrated: its references stay,
// and a new reference by OpenAlex id resolves to the work holding that id.
TEST(Schema, AVersionFourLibraryGetsReferencesByOpenAlexId) {
  TempDir dir;
  const auto path = dir / "v4.db";
  {
    auto store = Store::open(path);
    test::import_all(store, {record("old").title("Old").year(2001).author("Smith", "Ann").cites("cited"),
                             record("cited").title("Cited").year(1999).author("Doe", "Jo").id(IdScheme::openalex, "W42")});
  }
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("ALTER TABLE refs DROP COLUMN openalex; DROP TABLE user_field_previous; ALTER TABLE notes DROP COLUMN edited_at; "
            "PRAGMA user_version = 4");
  }
  auto store = Store::open(path);
  EXPECT_EQ(pragma(path, "user_version"), std::to_string(Store::schema_version()));
  Reference by_id;
  by_id.openalex = "W42";
  by_id.raw = "openalex:W42";
  test::import_all(store, {record("new").title("New").year(2020).author("Roe", "Al").ref(by_id)});
  EXPECT_EQ(store.stats().citations, 2);
  EXPECT_EQ(store.work("new").references.at(0).cited_key, "cited");
}

// Opening must look before it touches: switching to WAL rewrites the file header and creates
// -wal and -shm files beside it, which another application's file must never get.
void expect_refused_untouched(const std::filesystem::path& path, const std::string& reason) {
  const std::string before = test::read_file(path);
  try {
    Store::open(path);
    ADD_FAILURE() << path << " was opened";
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr(path.string()), HasSubstr(reason)));
  }
  EXPECT_EQ(test::read_file(path), before) << "the file changed";
  EXPECT_FALSE(std::filesystem::exists(path.string() + "-wal"));
  EXPECT_FALSE(std::filesystem::exists(path.string() + "-shm"));
  EXPECT_FALSE(std::filesystem::exists(path.string() + "-journal"));
}

TEST(Schema, AnotherApplicationsSqliteFileIsNotTouched) {
  TempDir dir;
  const auto path = dir / "other.db";
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE mine(x); INSERT INTO mine VALUES (1)");
  }
  expect_refused_untouched(path, "not a litrev library");
}

TEST(Schema, AFileWithAnotherApplicationIdIsNotTouched) {
  TempDir dir;
  const auto path = dir / "gpkg.db";
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA application_id = 1196444487");  // GeoPackage's
  }
  expect_refused_untouched(path, "application id 0x47504b47");
}

TEST(Schema, ALibraryFromANewerVersionIsNotTouched) {
  TempDir dir;
  const auto path = dir / "future.db";
  { auto store = Store::open(path); }
  {
    // As a newer litrev would leave it: back in rollback-journal mode, say.
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
  }
  expect_refused_untouched(path, "newer than this litrev supports");
}

TEST(Schema, AFileThatIsNotSqliteIsAStoreErrorNamingIt) {
  TempDir dir;
  const auto path = dir / "notes.txt";
  test::write_file(path, std::string(4096, 'x'));
  expect_refused_untouched(path, "not an SQLite file");
}

TEST(Schema, AMissingDirectoryIsAStoreErrorNamingThePath) {
  TempDir dir;
  const auto path = dir / "no" / "such" / "lib.db";
  try {
    Store::open(path);
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), HasSubstr(path.string()));
  }
}

TEST(Schema, ForeignKeysAreEnforcedOnTheConnection) {
  // Deleting a work through merge relies on cascades; make sure they are on.
  test::TempLibrary lib;
  test::import_all(lib.store, {record("keep").title("One").year(2000).author("A"),
                               record("other").title("Two").year(2001).author("B")});
  lib.store.merge("keep", "other");
  SQLite::Database db(lib.path, SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT count(*) FROM work_people WHERE work NOT IN (SELECT id FROM works)");
  q.executeStep();
  EXPECT_EQ(q.getColumn(0).getInt(), 0);
}

}  // namespace
}  // namespace litrev
