#include "src/store/resolve.hpp"

namespace litrev::store {
namespace {

// How it works: the references to resolve are copied with their match keys into the in-memory
// table pending_refs (for a batch: one sequential read of its new references); each rule fills
// pending_refs.cited from index lookups into works and identifiers, and the citations found are
// appended to citations in reference order. refs is read once and not rewritten. The batch's
// references get their rows in ref_keys, sorted (see the schema), and the rules that look at
// other references (siblings with a DOI, identity unification) run on ref_keys.
//
// Join order is forced with CROSS JOIN (SQLite never reorders it): start from the scratch
// table, which is small for a merge and at most the batch for an import, and probe indexes
// from there. Without statistics the planner would otherwise scan all references or works.

#define LITREV_PENDING_COLUMNS "id, work, doi, cite_key, locator, titled, abbrev, openalex"
#define LITREV_REF_KEYS "r.id, r.work, r.doi, r.cite_key, r.locator_key, r.titled_key, r.abbrev_key, r.openalex"
// Old unresolved references whose ref_keys row has key `key_expr`.
#define LITREV_COLLECT_OLD(from, key_expr)                                                                       \
  "INSERT OR IGNORE INTO pending_refs(" LITREV_PENDING_COLUMNS ") SELECT " LITREV_REF_KEYS " FROM " from        \
  " CROSS JOIN ref_keys k ON k.key = " key_expr " CROSS JOIN refs r ON r.id = k.ref"                          \
  " WHERE NOT EXISTS (SELECT 1 FROM citations c WHERE c.ref = r.id)"

// Old unresolved references that a work of the batch may now resolve, by each key.
constexpr const char* kCollectMatchingOld[] = {
    LITREV_COLLECT_OLD("batch_works b CROSS JOIN identifiers i ON i.work = b.work AND i.scheme = 'doi'", "'d:' || i.value"),
    LITREV_COLLECT_OLD("batch_works b CROSS JOIN identifiers i ON i.work = b.work AND i.scheme = 'openalex'",
                       "'w:' || i.value"),
    LITREV_COLLECT_OLD("batch_works b CROSS JOIN works w ON w.id = b.work AND w.locator_key IS NOT NULL",
                       "'l:' || w.locator_key"),
    LITREV_COLLECT_OLD("batch_works b CROSS JOIN works w ON w.id = b.work AND w.titled_key IS NOT NULL",
                       "'t:' || w.titled_key"),
    LITREV_COLLECT_OLD("batch_works b CROSS JOIN works w ON w.id = b.work AND w.abbrev_key IS NOT NULL",
                       "'a:' || w.abbrev_key"),
    LITREV_COLLECT_OLD("batch_works b CROSS JOIN works w ON w.id = b.work", "'c:' || w.key"),
    LITREV_COLLECT_OLD("batch_keys bk", "'c:' || bk.key"),
};

// References already resolved through a locator, titled or abbreviated key that a work of the
// batch now shares with their cited work: resolved while that key named one work, they would
// stay with whichever work came first, and the citations would depend on the order files were
// imported in. They are resolved again from scratch (kReopen), with the rules that would have
// applied had both works been there: the key is ambiguous now, and a stronger or other key
// decides, or nothing does.
#define LITREV_REVISIT(column)                                                                                   \
  "INSERT OR IGNORE INTO pending_refs(" LITREV_PENDING_COLUMNS ", revisited) SELECT " LITREV_REF_KEYS ", 1"     \
  " FROM batch_works b CROSS JOIN works w ON w.id = b.work AND w." column " IS NOT NULL"                        \
  " CROSS JOIN works o ON o." column " = w." column " AND o.id <> w.id"                                         \
  " CROSS JOIN citations c ON c.cited_work = o.id CROSS JOIN refs r ON r.id = c.ref AND r." column " = w." column
constexpr const char* kCollectToRevisit[] = {
    LITREV_REVISIT("locator_key"),
    LITREV_REVISIT("titled_key"),
    LITREV_REVISIT("abbrev_key"),
};
constexpr const char* kReopen = "DELETE FROM citations WHERE ref IN (SELECT id FROM pending_refs WHERE revisited)";

// The resolution rules, strongest first; each only fills references still unresolved, and
// never lets a work cite itself. cite_key: a key of the same batch first (the key the source
// wrote, before the store disambiguated it), then a library key. DOI: against identifiers.
// Locator, titled and abbreviated keys: conservative, only when exactly one work has the key.
#define LITREV_SET_CITED(select) \
  "UPDATE pending_refs SET cited = m.work FROM (" select ") AS m WHERE pending_refs.id = m.ref"
constexpr const char* kResolveSteps[] = {
    LITREV_SET_CITED("SELECT p.id AS ref, min(k.work) AS work FROM pending_refs p "
                     "CROSS JOIN batch_keys k ON k.key = p.cite_key "
                     "WHERE p.cited IS NULL AND p.cite_key IS NOT NULL AND k.work <> p.work GROUP BY p.id"),
    LITREV_SET_CITED("SELECT p.id AS ref, min(w.id) AS work FROM pending_refs p "
                     "CROSS JOIN works w ON w.key = p.cite_key "
                     "WHERE p.cited IS NULL AND p.cite_key IS NOT NULL AND w.id <> p.work GROUP BY p.id"),
    LITREV_SET_CITED("SELECT p.id AS ref, min(i.work) AS work FROM pending_refs p "
                     "CROSS JOIN identifiers i ON i.scheme = 'doi' AND i.value = p.doi "
                     "WHERE p.cited IS NULL AND p.doi IS NOT NULL AND i.work <> p.work GROUP BY p.id"),
    LITREV_SET_CITED("SELECT p.id AS ref, min(i.work) AS work FROM pending_refs p "
                     "CROSS JOIN identifiers i ON i.scheme = 'openalex' AND i.value = p.openalex "
                     "WHERE p.cited IS NULL AND p.openalex IS NOT NULL AND i.work <> p.work GROUP BY p.id"),
    LITREV_SET_CITED("SELECT p.id AS ref, min(w.id) AS work FROM pending_refs p "
                     "CROSS JOIN works w ON w.locator_key = p.locator "
                     "WHERE p.cited IS NULL AND p.locator IS NOT NULL AND w.id <> p.work "
                     "GROUP BY p.id HAVING count(*) = 1"),
    LITREV_SET_CITED("SELECT p.id AS ref, min(w.id) AS work FROM pending_refs p "
                     "CROSS JOIN works w ON w.titled_key = p.titled "
                     "WHERE p.cited IS NULL AND p.titled IS NOT NULL AND w.id <> p.work "
                     "GROUP BY p.id HAVING count(*) = 1"),
    LITREV_SET_CITED("SELECT p.id AS ref, min(w.id) AS work FROM pending_refs p "
                     "CROSS JOIN works w ON w.abbrev_key = p.abbrev "
                     "WHERE p.cited IS NULL AND p.abbrev IS NOT NULL AND w.id <> p.work "
                     "GROUP BY p.id HAVING count(*) = 1"),
};

// Appends the citations found, in reference order (pending_refs is keyed by reference id).
constexpr const char* kWriteBack =
    "INSERT OR IGNORE INTO citations(ref, cited_work) SELECT id, cited FROM pending_refs WHERE cited IS NOT NULL";

// Keys of older references (id <= ?1) resolved now: they were written unresolved, and are no
// longer needed.
constexpr const char* kForgetResolvedKeys =
    "DELETE FROM ref_keys WHERE (key, ref) IN ("
    "SELECT 'd:' || doi, id FROM pending_refs WHERE id <= ?1 AND cited IS NOT NULL AND doi IS NOT NULL UNION ALL "
    "SELECT 'w:' || openalex, id FROM pending_refs WHERE id <= ?1 AND cited IS NOT NULL AND openalex IS NOT NULL "
    "UNION ALL "
    "SELECT 'c:' || cite_key, id FROM pending_refs WHERE id <= ?1 AND cited IS NOT NULL AND cite_key IS NOT NULL "
    "UNION ALL "
    "SELECT 'l:' || locator, id FROM pending_refs WHERE id <= ?1 AND cited IS NOT NULL AND locator IS NOT NULL "
    "UNION ALL "
    "SELECT 't:' || titled, id FROM pending_refs WHERE id <= ?1 AND cited IS NOT NULL AND titled IS NOT NULL "
    "UNION ALL "
    "SELECT 'a:' || abbrev, id FROM pending_refs WHERE id <= ?1 AND cited IS NOT NULL AND abbrev IS NOT NULL)";

// The ref_keys rows of the batch's new references (id > ?1), sorted so the B-tree fills in
// order: first the "D:" rows of those with a DOI and a locator (their siblings look for them),
// then, once every rule has run, the keys of those still unresolved.
constexpr const char* kWriteNewDoiLocatorKeys =
    "INSERT OR IGNORE INTO ref_keys(key, ref) SELECT 'D:' || locator, id FROM pending_refs "
    "WHERE id > ?1 AND doi IS NOT NULL AND locator IS NOT NULL ORDER BY 1, 2";
// Revisited references left unresolved get their keys back too (they were forgotten when the
// references were resolved).
#define LITREV_OPEN "(id > ?1 OR revisited) AND cited IS NULL"
constexpr const char* kWriteNewOpenKeys =
    "INSERT OR IGNORE INTO ref_keys(key, ref) SELECT key, ref FROM ("
    "SELECT 'd:' || doi AS key, id AS ref FROM pending_refs WHERE " LITREV_OPEN " AND doi IS NOT NULL "
    "UNION ALL SELECT 'w:' || openalex, id FROM pending_refs WHERE " LITREV_OPEN " AND openalex IS NOT NULL "
    "UNION ALL SELECT 'c:' || cite_key, id FROM pending_refs WHERE " LITREV_OPEN " AND cite_key IS NOT NULL "
    "UNION ALL SELECT 'l:' || locator, id FROM pending_refs WHERE " LITREV_OPEN " AND locator IS NOT NULL "
    "UNION ALL SELECT 't:' || titled, id FROM pending_refs WHERE " LITREV_OPEN " AND titled IS NOT NULL "
    "UNION ALL SELECT 'a:' || abbrev, id FROM pending_refs WHERE " LITREV_OPEN " AND abbrev IS NOT NULL"
    ") ORDER BY key, ref";

// Unresolved references without DOI that share a locator with a pending reference that has
// one: they may follow it to its cited work, and take its identity.
constexpr const char* kCollectLocatorSiblings =
    LITREV_COLLECT_OLD("(SELECT DISTINCT locator FROM pending_refs WHERE doi IS NOT NULL AND locator IS NOT NULL) q",
                       "'l:' || q.locator") " AND r.doi IS NULL";

// A reference without DOI follows its resolved siblings with a DOI and the same locator (the
// work may lack the volume or pages that would give it a locator of its own).
constexpr const char* kFollowSiblings = LITREV_SET_CITED(
    "SELECT p.id AS ref, min(c.cited_work) AS work FROM pending_refs p "
    "CROSS JOIN ref_keys k ON k.key = 'D:' || p.locator CROSS JOIN citations c ON c.ref = k.ref "
    "WHERE p.cited IS NULL AND p.doi IS NULL AND p.locator IS NOT NULL "
    "AND c.cited_work <> p.work GROUP BY p.id HAVING count(DISTINCT c.cited_work) = 1");

// One cited work, one identity: an unresolved reference without DOI takes the identity of the
// references with a DOI and the same locator (the WoS line with and without its "DOI 10.x"
// part); when they disagree, the DOI written most often, ties to the smallest (as
// core ReferenceIdentities). Only the locators of pending references are revisited, and only
// pending references are rewritten (kCollectLocatorSiblings brought in the older ones).
constexpr const char* kUnifyIdentities =
    "WITH locators AS (SELECT DISTINCT locator FROM pending_refs WHERE locator IS NOT NULL AND doi IS NULL), "
    "counted AS (SELECT l.locator AS locator, r.identity AS identity, count(*) AS n FROM locators l "
    "  CROSS JOIN ref_keys k ON k.key = 'D:' || l.locator CROSS JOIN refs r ON r.id = k.ref "
    "  GROUP BY l.locator, r.identity), "
    "best AS (SELECT locator, identity FROM (SELECT locator, identity, "
    "  row_number() OVER (PARTITION BY locator ORDER BY n DESC, identity) AS rank FROM counted) WHERE rank = 1) "
    "UPDATE refs SET identity = u.identity, identity_hash = identity_hash(u.identity) FROM ("
    "  SELECT p.id AS ref, best.identity AS identity FROM pending_refs p CROSS JOIN best ON best.locator = p.locator"
    "  WHERE p.doi IS NULL AND p.cited IS NULL) AS u "
    "WHERE refs.id = u.ref AND refs.identity <> u.identity";

std::int64_t exec(Library& lib, const char* sql) {
  Use s(lib.cache, sql);
  return s->exec();
}

std::int64_t exec(Library& lib, const char* sql, std::int64_t arg) {
  Use s(lib.cache, sql);
  s->bind(1, arg);
  return s->exec();
}

std::int64_t max_ref_id(Library& lib) {
  Use q(lib.cache, "SELECT coalesce(max(id), 0) FROM refs");
  q->executeStep();
  return q->getColumn(0).getInt64();
}

// Pending references with id > last_old_ref are new: they get their ref_keys rows.
std::int64_t run_resolution(Library& lib, std::int64_t last_old_ref) {
  const std::int64_t reopened = exec(lib, kReopen);
  exec(lib, kCollectLocatorSiblings);
  for (const char* sql : kResolveSteps) exec(lib, sql);
  std::int64_t resolved = exec(lib, kWriteBack);
  exec(lib, kWriteNewDoiLocatorKeys, last_old_ref);
  // Siblings are read from citations and ref_keys, so they see what was just written.
  if (exec(lib, kFollowSiblings) > 0) resolved += exec(lib, kWriteBack);
  exec(lib, kWriteNewOpenKeys, last_old_ref);
  exec(lib, kForgetResolvedKeys, last_old_ref);
  exec(lib, kUnifyIdentities);
  exec(lib, "DELETE FROM pending_refs");
  return resolved - reopened;
}

}  // namespace

void create_scratch_tables(Library& lib) {
  lib.db.exec(
      "CREATE TEMP TABLE IF NOT EXISTS batch_keys(key TEXT PRIMARY KEY, work INTEGER NOT NULL);"
      "CREATE TEMP TABLE IF NOT EXISTS batch_works(work INTEGER PRIMARY KEY, fts INTEGER NOT NULL DEFAULT 0);"
      "CREATE TEMP TABLE IF NOT EXISTS pending_refs(id INTEGER PRIMARY KEY, work INTEGER NOT NULL, doi TEXT, "
      "cite_key TEXT, locator TEXT, titled TEXT, abbrev TEXT, openalex TEXT, cited INTEGER, "
      "revisited INTEGER NOT NULL DEFAULT 0);");
  lib.db.exec(fmt::format("PRAGMA temp.cache_size = -{}", kTempCacheKiB));
}

void clear_scratch_tables(Library& lib) {
  for (const char* sql : {"DELETE FROM batch_keys", "DELETE FROM batch_works", "DELETE FROM pending_refs"}) exec(lib, sql);
}

std::int64_t resolve_after_batch(Library& lib, std::int64_t last_old_ref) {
  {
    // New references are unresolved by construction.
    Use s(lib.cache, "INSERT INTO pending_refs(" LITREV_PENDING_COLUMNS ") SELECT " LITREV_REF_KEYS
                     " FROM refs r WHERE r.id > ?1");
    s->bind(1, last_old_ref);
    s->exec();
  }
  for (const char* sql : kCollectMatchingOld) exec(lib, sql);
  for (const char* sql : kCollectToRevisit) exec(lib, sql);
  return run_resolution(lib, last_old_ref);
}

std::int64_t resolve_all(Library& lib) {
  exec(lib, "INSERT INTO pending_refs(" LITREV_PENDING_COLUMNS ") SELECT " LITREV_REF_KEYS
            " FROM refs r WHERE NOT EXISTS (SELECT 1 FROM citations c WHERE c.ref = r.id)");
  // No reference is new: ref_keys already holds their keys.
  return run_resolution(lib, max_ref_id(lib));
}

std::int64_t resolve_for_work(Library& lib, WorkId id) {
  {
    Use s(lib.cache, "INSERT OR IGNORE INTO batch_works(work) VALUES (?1)");
    s->bind(1, id);
    s->exec();
  }
  {
    Use s(lib.cache, "INSERT OR IGNORE INTO pending_refs(" LITREV_PENDING_COLUMNS ") SELECT " LITREV_REF_KEYS
                     " FROM refs r WHERE r.work = ?1 AND NOT EXISTS (SELECT 1 FROM citations c WHERE c.ref = r.id)");
    s->bind(1, id);
    s->exec();
  }
  for (const char* sql : kCollectMatchingOld) exec(lib, sql);
  for (const char* sql : kCollectToRevisit) exec(lib, sql);
  const auto resolved = run_resolution(lib, max_ref_id(lib));
  clear_scratch_tables(lib);
  return resolved;
}

}  // namespace litrev::store
