#include "src/store/schema.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <array>
#include <chrono>
#include <string>
#include <thread>

#include "src/store/library.hpp"

namespace litrev::store {
namespace {

// 'LITR': marks the file as a litrev library so another application's SQLite file is refused
// instead of being filled with our tables.
constexpr int kApplicationId = 0x4C495452;

// Version 1: the first schema. Design notes:
// - Empty readable values are '' (not NULL) so readers need no NULL checks; the match keys are
//   NULL when unknown so that their partial indexes only hold rows that can match.
// - Every child table has an index leading with its parent id: foreign-key cascades and the
//   ordered merge-joins of Store::for_each_work rely on them.
// - A source's original fields are one JSON array in sources.fields, not a row each: a BibTeX
//   entry has ~25 fields and rows per field were most of an import's writes. The view
//   source_fields shows them one per row to SQL readers.
// - refs (not "references", an SQL keyword) keeps each reference's parsed parts, its match keys
//   (computed once at import by core/reference_keys) and the identity of the cited work;
//   citations holds the resolved ones (ref -> cited work); ref_keys indexes the keys of
//   unresolved references, which makes incremental resolution cheap. works carries the same
//   keys (core work_keys) so both sides of a match are indexed.
// - works_fts is a plain FTS5 table keyed by works.id: its text comes from several tables
//   (title, people, notes), which an external-content table cannot express.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE works (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL DEFAULT 'misc',
  title TEXT NOT NULL DEFAULT '',
  subtitle TEXT NOT NULL DEFAULT '',
  container TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL DEFAULT '',
  year INTEGER,
  volume TEXT NOT NULL DEFAULT '',
  issue TEXT NOT NULL DEFAULT '',
  pages TEXT NOT NULL DEFAULT '',
  publisher TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  edition TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  abstract TEXT NOT NULL DEFAULT '',
  keywords TEXT NOT NULL DEFAULT '',        -- one keyword per line
  url TEXT NOT NULL DEFAULT '',
  global_citations INTEGER,
  dedup_key TEXT,                           -- normalized title|year|first author; NULL if incomplete
  locator_key TEXT,                         -- core work_keys(): family|year|volume|first page
  titled_key TEXT,                          -- core work_keys(): family|year|title words
  abbrev_key TEXT,                          -- core work_keys(): family|year|title initials
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX works_dedup ON works(dedup_key) WHERE dedup_key IS NOT NULL;
CREATE INDEX works_locator ON works(locator_key) WHERE locator_key IS NOT NULL;
CREATE INDEX works_titled ON works(titled_key) WHERE titled_key IS NOT NULL;
CREATE INDEX works_abbrev ON works(abbrev_key) WHERE abbrev_key IS NOT NULL;

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  family TEXT NOT NULL DEFAULT '',
  given TEXT NOT NULL DEFAULT '',
  particle TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  literal TEXT NOT NULL DEFAULT '',
  orcid TEXT NOT NULL DEFAULT '',
  idhal TEXT NOT NULL DEFAULT '',
  name_key TEXT NOT NULL                    -- folded particle+family|given|suffix (or literal)
);
CREATE INDEX people_name ON people(name_key);
CREATE INDEX people_orcid ON people(orcid) WHERE orcid <> '';
CREATE INDEX people_idhal ON people(idhal) WHERE idhal <> '';

CREATE TABLE work_people (
  work INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,                -- order within the work, across roles
  role TEXT NOT NULL,                       -- author, editor, translator... (BibLaTeX names)
  person INTEGER NOT NULL REFERENCES people(id),
  affiliation TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (work, position)
) WITHOUT ROWID;
CREATE INDEX work_people_person ON work_people(person);

CREATE TABLE identifiers (
  id INTEGER PRIMARY KEY,
  work INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  scheme TEXT NOT NULL,                     -- doi, isbn, issn, hal, arxiv, pmid...
  value TEXT NOT NULL,                      -- normalized (core/identifiers.hpp)
  UNIQUE (work, scheme, value)
);
CREATE INDEX identifiers_lookup ON identifiers(scheme, value);

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  work INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  source_kind TEXT NOT NULL,
  origin TEXT NOT NULL DEFAULT '',
  original_key TEXT NOT NULL DEFAULT '',
  entry_type TEXT NOT NULL DEFAULT '',
  line INTEGER NOT NULL DEFAULT 0,
  imported_at TEXT NOT NULL,
  fields TEXT NOT NULL DEFAULT '[]'         -- every original field: [["name","value"],...] (JSON)
);
CREATE INDEX sources_work ON sources(work);
-- The original fields one per row, for SQL readers (litrev itself decodes sources.fields).
CREATE VIEW source_fields(source, position, name, value) AS
  SELECT s.id, f.key, json_extract(f.value, '$[0]'), json_extract(f.value, '$[1]')
  FROM sources s, json_each(s.fields) f;

CREATE TABLE refs (
  id INTEGER PRIMARY KEY,
  work INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  identity TEXT NOT NULL,                   -- core reference_identity(): one cited work, one identity
  identity_hash INTEGER NOT NULL,           -- keys.hpp identity_hash(identity)
  raw_length INTEGER NOT NULL,              -- bytes of raw
  doi TEXT,
  cite_key TEXT,
  locator_key TEXT,
  titled_key TEXT,
  abbrev_key TEXT,
  first_author TEXT NOT NULL DEFAULT '',
  author_initials TEXT NOT NULL DEFAULT '',
  year INTEGER,
  title TEXT NOT NULL DEFAULT '',
  container TEXT NOT NULL DEFAULT '',
  volume TEXT NOT NULL DEFAULT '',
  first_page TEXT NOT NULL DEFAULT '',
  isbn TEXT NOT NULL DEFAULT '',
  raw TEXT NOT NULL DEFAULT ''
);
CREATE INDEX refs_work ON refs(work, position);
-- A narrow copy of what load_citation_corpus reads for every reference, in reference order:
-- scanning it reads a tenth of the pages of the table (raw texts and parsed parts stay out).
CREATE INDEX refs_corpus ON refs(id, work, identity_hash, raw_length);

-- A reference resolved to a library work. Its own narrow table rather than a refs column:
-- resolving then appends rows in reference order instead of rewriting reference rows.
CREATE TABLE citations (
  ref INTEGER PRIMARY KEY REFERENCES refs(id) ON DELETE CASCADE,
  cited_work INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE
);
CREATE INDEX citations_cited ON citations(cited_work);

-- Lookup keys of references, written sorted once per import batch (random inserts into several
-- indexes of refs were most of an import's cost): "d:<doi>", "c:<cite key>", "l:<locator>",
-- "t:<titled key>", "a:<abbreviated key>" for references unresolved when written (a later
-- work may resolve them), and "D:<locator>" for every reference with both a DOI and a locator
-- (a reference without DOI follows them). Readers join refs and citations, so a row left
-- behind by a reference resolved or deleted since is harmless.
CREATE TABLE ref_keys (
  key TEXT NOT NULL,
  ref INTEGER NOT NULL,
  PRIMARY KEY (key, ref)
) WITHOUT ROWID;

CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  work INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,                 -- ISO 8601 UTC
  text TEXT NOT NULL                        -- Markdown
);
CREATE INDEX notes_work ON notes(work);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,                       -- as first written
  name_key TEXT NOT NULL UNIQUE             -- case-folded: tags are case-insensitively unique
);
CREATE TABLE work_tags (
  work INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  tag INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (work, tag)
) WITHOUT ROWID;
CREATE INDEX work_tags_tag ON work_tags(tag);

-- Manual and import merges, so that an unmerge can be written later: the sources that moved
-- still carry every original field of the work that disappeared.
CREATE TABLE merges (
  id INTEGER PRIMARY KEY,
  merged_at TEXT NOT NULL,
  keep_work INTEGER REFERENCES works(id) ON DELETE SET NULL,
  keep_key TEXT NOT NULL,
  other_key TEXT NOT NULL,
  other_work INTEGER NOT NULL,              -- the deleted work's former id
  moved_sources TEXT NOT NULL DEFAULT ''    -- comma-separated source ids moved to keep_work
);

-- Saved clustering runs (graph module): parameters as JSON text, one assignment per node.
CREATE TABLE cluster_runs (
  id INTEGER PRIMARY KEY,
  network TEXT NOT NULL,
  quality_function TEXT NOT NULL DEFAULT '',
  parameters TEXT NOT NULL DEFAULT '{}',
  seed INTEGER,
  created_at TEXT NOT NULL,
  quality REAL,
  modularity REAL
);
CREATE TABLE cluster_labels (
  run INTEGER NOT NULL REFERENCES cluster_runs(id) ON DELETE CASCADE,
  cluster INTEGER NOT NULL,
  size INTEGER NOT NULL DEFAULT 0,
  label TEXT NOT NULL DEFAULT '',
  terms TEXT NOT NULL DEFAULT '',           -- one term per line
  PRIMARY KEY (run, cluster)
) WITHOUT ROWID;
CREATE TABLE cluster_assignments (
  run INTEGER NOT NULL REFERENCES cluster_runs(id) ON DELETE CASCADE,
  work INTEGER REFERENCES works(id) ON DELETE SET NULL,   -- a library work, or
  identity TEXT NOT NULL DEFAULT '',                      -- an external cited work's identity
  cluster INTEGER NOT NULL
);
CREATE INDEX cluster_assignments_run ON cluster_assignments(run, cluster);
CREATE INDEX cluster_assignments_work ON cluster_assignments(work) WHERE work IS NOT NULL;

-- Per-library settings (e.g. the mailto address for Crossref's polite pool).
CREATE TABLE config (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE VIRTUAL TABLE works_fts USING fts5(
  title, abstract, keywords, people, notes,
  tokenize = 'unicode61 remove_diacritics 2'
);
)sql";

// Version 2:
// - preambles: the @preamble blocks of imported BibTeX files (\newcommand, \def used by values
//   such as {\noopsort{a}}), written back at the top of an export. One row per distinct text.
// - sources_identity: finds a source already stored exactly, so importing a file again adds
//   nothing (Store::ImportBatch::add, rule "same source").
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE preambles (
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL UNIQUE,                -- after macro expansion and concatenation, LaTeX kept
  origin TEXT NOT NULL DEFAULT '',          -- the file it was first read from
  imported_at TEXT NOT NULL                 -- when it was first read
);
CREATE INDEX sources_identity ON sources(original_key, origin);
)sql";

// Version 3:
// - works_key_nocase: BibTeX compares citation keys ignoring ASCII case, so a key is taken when
//   another work has it in any case ("DUP" after "dup" becomes "DUP-2", and an export stays
//   valid for BibTeX and biber), and a lookup that finds no exact key finds it in another case.
constexpr const char* kSchemaV3 = R"sql(
CREATE INDEX works_key_nocase ON works(key COLLATE NOCASE);
)sql";

// Version 4:
// - person_identifiers: a person's identifiers beyond the orcid and idhal columns (IdRef, Scopus
//   author id, OpenAlex, ResearcherID), one per scheme, found back by (scheme, value).
// - refs.authors: every author of a reference when its style names them all (Scopus), one
//   "Family, Initials" per line; '' when only first_author is known (and for references stored
//   before version 4).
constexpr const char* kSchemaV4 = R"sql(
CREATE TABLE person_identifiers (
  person INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  scheme TEXT NOT NULL,                     -- core person_id_scheme_name(): idref, scopus...
  value TEXT NOT NULL,                      -- normalized (core normalize_person_id)
  PRIMARY KEY (person, scheme)
) WITHOUT ROWID;
CREATE INDEX person_identifiers_lookup ON person_identifiers(scheme, value);
ALTER TABLE refs ADD COLUMN authors TEXT NOT NULL DEFAULT '';
)sql";

// Version 5:
// - refs.openalex: the OpenAlex work id a reference names (OpenAlex reference lists are W-ids);
//   resolved against identifiers of scheme 'openalex', indexed through ref_keys ("w:<id>").
constexpr const char* kSchemaV5 = R"sql(
ALTER TABLE refs ADD COLUMN openalex TEXT;
)sql";

// Version 6 (litrev set / unset, note --edit):
// - user_field_previous: for each field the user set or hid (kept in the work's source record
//   of kind "user"), the readable value the sources had given, which `unset` puts back: the
//   readable columns are filled once at import, so that value cannot be computed again.
// - notes.edited_at: when a note was last edited ('' when never).
constexpr const char* kSchemaV6 = R"sql(
CREATE TABLE user_field_previous (
  work INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  field TEXT NOT NULL,                      -- core work_fields() canonical name
  value TEXT NOT NULL,                      -- core work_field_value() before the user's change
  PRIMARY KEY (work, field)
) WITHOUT ROWID;
ALTER TABLE notes ADD COLUMN edited_at TEXT NOT NULL DEFAULT '';
)sql";

// Forward migrations: kMigrations[v] takes a library from version v to v + 1. Never edit a
// step once released: append a new one (ALTER TABLE, new tables, data fixes).
constexpr std::array kMigrations = {kSchemaV1, kSchemaV2, kSchemaV3, kSchemaV4, kSchemaV5, kSchemaV6};

int pragma_int(SQLite::Database& db, const char* pragma) {
  SQLite::Statement q(db, fmt::format("PRAGMA {}", pragma));
  return q.executeStep() ? q.getColumn(0).getInt() : 0;
}

bool has_any_table(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT 1 FROM sqlite_master LIMIT 1");
  return q.executeStep();
}

// Switching a new file to WAL needs an exclusive lock, and SQLite answers SQLITE_BUSY at once,
// without calling the busy handler, while another process is opening the same new file: wait
// for it as the busy timeout would (found by Concurrency.TwoProcessesImportingIntoOneFile...).
void enter_wal_mode(SQLite::Database& db) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (;;) {
    try {
      db.exec("PRAGMA journal_mode = WAL");
      return;
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() > deadline) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace

int current_schema_version() { return static_cast<int>(kMigrations.size()); }

void prepare_library(SQLite::Database& db, const std::filesystem::path& path) {
  const auto where = path.string();
  try {
    // Look before touching: another application's SQLite file, or a library of a newer litrev,
    // is refused before anything is written to it (switching to WAL would rewrite its header and
    // create -wal and -shm files beside it). Reading these pragmas also fails at once, with
    // SQLITE_NOTADB, on a file that is not SQLite at all.
    // One snapshot: a process creating this library at the same moment commits the first
    // version and the application id together, and must not be seen half way.
    int app_id = 0, stored_version = 0;
    bool tables = false;
    {
      SQLite::Transaction snapshot(db, SQLite::TransactionBehavior::DEFERRED);
      app_id = pragma_int(db, "application_id");
      stored_version = pragma_int(db, "user_version");
      tables = has_any_table(db);
      snapshot.commit();
    }
    if (app_id != 0 && app_id != kApplicationId)
      throw StoreError(fmt::format("{}: not a litrev library (SQLite application id {:#x}); nothing was changed",
                                   where, app_id));
    if (app_id == 0 && (stored_version != 0 || tables))
      throw StoreError(fmt::format("{}: not a litrev library (an SQLite file with other tables); nothing was changed",
                                   where));
    const int target = current_schema_version();
    if (stored_version > target)
      throw StoreError(fmt::format(
          "{}: library schema version {} is newer than this litrev supports ({}); upgrade litrev", where,
          stored_version, target));

    // WAL lets readers work while an import writes; NORMAL is durable across application
    // crashes in WAL mode and avoids an fsync per commit.
    enter_wal_mode(db);
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec(fmt::format("PRAGMA cache_size = -{}", kCacheKiB));  // see library.hpp
    // Scratch tables and sorts go to a temporary file through a bounded cache (library.hpp):
    // resolving a ten-million-reference import must not hold all of it in memory.
    db.exec("PRAGMA temp_store = FILE");
    // After a big import the WAL is checkpointed; keep the file from staying at its peak size.
    db.exec("PRAGMA journal_size_limit = 67108864");

    int version = stored_version;
    while (version < target) {
      // IMMEDIATE takes the write lock before reading the version, so two processes opening a
      // new library at once cannot both run the same step.
      SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
      version = pragma_int(db, "user_version");
      if (version >= target) break;
      if (version == 0 && has_any_table(db))
        throw StoreError(fmt::format("{}: not a litrev library (an SQLite file with other tables)", where));
      db.exec(kMigrations[static_cast<std::size_t>(version)]);
      db.exec(fmt::format("PRAGMA user_version = {}", version + 1));
      if (version == 0) db.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
      tx.commit();
      ++version;
    }
  } catch (const SQLite::Exception& e) {
    const int code = e.getErrorCode() & 0xff;
    const char* hint = code == SQLITE_NOTADB     ? " (not an SQLite file; nothing was changed)"
                       : code == SQLITE_READONLY ? " (the file or its folder is read-only)"
                       : code == SQLITE_CANTOPEN ? " (missing folder, or no permission)"
                                                 : "";
    throw StoreError(fmt::format("{}: cannot open the library: {}{}", where, e.what(), hint));
  }
}

}  // namespace litrev::store
