#include "src/store/resolve.hpp"

namespace litrev::store {
namespace {

// Old unresolved references that a work of batch_works may now resolve, by each key. Each
// join starts from the (small) batch and probes a partial index of unresolved references.
constexpr const char* kCollectMatchingOld[] = {
    "INSERT OR IGNORE INTO pending_refs(id) SELECT r.id FROM batch_works b "
    "JOIN identifiers i ON i.work = b.work AND i.scheme = 'doi' "
    "JOIN refs r ON r.doi = i.value AND r.cited_work IS NULL AND r.doi IS NOT NULL",
    "INSERT OR IGNORE INTO pending_refs(id) SELECT r.id FROM batch_works b JOIN works w ON w.id = b.work "
    "JOIN refs r ON r.locator_key = w.locator_key AND r.cited_work IS NULL AND r.locator_key IS NOT NULL",
    "INSERT OR IGNORE INTO pending_refs(id) SELECT r.id FROM batch_works b JOIN works w ON w.id = b.work "
    "JOIN refs r ON r.titled_key = w.titled_key AND r.cited_work IS NULL AND r.titled_key IS NOT NULL",
    "INSERT OR IGNORE INTO pending_refs(id) SELECT r.id FROM batch_works b JOIN works w ON w.id = b.work "
    "JOIN refs r ON r.abbrev_key = w.abbrev_key AND r.cited_work IS NULL AND r.abbrev_key IS NOT NULL",
    "INSERT OR IGNORE INTO pending_refs(id) SELECT r.id FROM batch_works b JOIN works w ON w.id = b.work "
    "JOIN refs r ON r.cite_key = w.key AND r.cited_work IS NULL AND r.cite_key IS NOT NULL",
    "INSERT OR IGNORE INTO pending_refs(id) SELECT r.id FROM batch_keys k "
    "JOIN refs r ON r.cite_key = k.key AND r.cited_work IS NULL AND r.cite_key IS NOT NULL",
};

// References without DOI that share a locator with a pending reference that has one: they may
// follow it to its cited work, or take its identity.
constexpr const char* kCollectLocatorSiblings =
    "INSERT OR IGNORE INTO pending_refs(id) SELECT r.id FROM pending_refs p JOIN refs q ON q.id = p.id "
    "JOIN refs r ON r.locator_key = q.locator_key AND r.locator_key IS NOT NULL "
    "WHERE q.doi IS NOT NULL AND q.locator_key IS NOT NULL AND r.doi IS NULL AND r.cited_work IS NULL";

// The resolution rules, strongest first; each only touches references still unresolved, and
// never lets a work cite itself. cite_key: a key of the same batch first (the key the source
// wrote, before the store disambiguated it), then a library key. DOI: against identifiers.
// Locator and titled keys: conservative, only when exactly one library work has the key.
constexpr const char* kResolveSteps[] = {
    "UPDATE refs SET cited_work = m.work FROM (SELECT r.id AS ref, k.work AS work FROM pending_refs p "
    "JOIN refs r ON r.id = p.id JOIN batch_keys k ON k.key = r.cite_key "
    "WHERE r.cited_work IS NULL AND k.work <> r.work) AS m WHERE refs.id = m.ref",

    "UPDATE refs SET cited_work = m.work FROM (SELECT r.id AS ref, w.id AS work FROM pending_refs p "
    "JOIN refs r ON r.id = p.id JOIN works w ON w.key = r.cite_key "
    "WHERE r.cited_work IS NULL AND w.id <> r.work) AS m WHERE refs.id = m.ref",

    "UPDATE refs SET cited_work = m.work FROM (SELECT r.id AS ref, min(i.work) AS work FROM pending_refs p "
    "JOIN refs r ON r.id = p.id JOIN identifiers i ON i.scheme = 'doi' AND i.value = r.doi "
    "WHERE r.cited_work IS NULL AND i.work <> r.work GROUP BY r.id) AS m WHERE refs.id = m.ref",

    "UPDATE refs SET cited_work = m.work FROM (SELECT r.id AS ref, min(w.id) AS work FROM pending_refs p "
    "JOIN refs r ON r.id = p.id JOIN works w ON w.locator_key = r.locator_key "
    "WHERE r.cited_work IS NULL AND w.id <> r.work GROUP BY r.id HAVING count(*) = 1) AS m WHERE refs.id = m.ref",

    "UPDATE refs SET cited_work = m.work FROM (SELECT r.id AS ref, min(w.id) AS work FROM pending_refs p "
    "JOIN refs r ON r.id = p.id JOIN works w ON w.titled_key = r.titled_key "
    "WHERE r.cited_work IS NULL AND w.id <> r.work GROUP BY r.id HAVING count(*) = 1) AS m WHERE refs.id = m.ref",

    "UPDATE refs SET cited_work = m.work FROM (SELECT r.id AS ref, min(w.id) AS work FROM pending_refs p "
    "JOIN refs r ON r.id = p.id JOIN works w ON w.abbrev_key = r.abbrev_key "
    "WHERE r.cited_work IS NULL AND w.id <> r.work GROUP BY r.id HAVING count(*) = 1) AS m WHERE refs.id = m.ref",

    // A reference without DOI follows its resolved siblings with a DOI and the same locator
    // (the work may lack the volume or pages that would give it a locator of its own).
    "UPDATE refs SET cited_work = m.work FROM (SELECT r.id AS ref, min(s.cited_work) AS work FROM pending_refs p "
    "JOIN refs r ON r.id = p.id JOIN refs s ON s.locator_key = r.locator_key "
    "WHERE r.cited_work IS NULL AND r.doi IS NULL AND r.locator_key IS NOT NULL AND s.doi IS NOT NULL "
    "AND s.cited_work IS NOT NULL AND s.cited_work <> r.work "
    "GROUP BY r.id HAVING count(DISTINCT s.cited_work) = 1) AS m WHERE refs.id = m.ref",
};

// One cited work, one identity: an unresolved reference without DOI takes the identity of the
// references with a DOI and the same locator (the WoS line with and without its "DOI 10.x"
// part); when they disagree, the DOI written most often, ties to the smallest (as
// core ReferenceIdentities). Only the locators of pending references are revisited.
constexpr const char* kUnifyIdentities =
    "UPDATE refs SET identity = u.identity FROM ("
    " SELECT locator, identity FROM ("
    "  SELECT locator, identity, row_number() OVER (PARTITION BY locator ORDER BY n DESC, identity) AS rank FROM ("
    "   SELECT r.locator_key AS locator, r.identity AS identity, count(*) AS n FROM refs r"
    "   WHERE r.locator_key IS NOT NULL AND r.doi IS NOT NULL AND r.locator_key IN ("
    "    SELECT q.locator_key FROM pending_refs p JOIN refs q ON q.id = p.id WHERE q.locator_key IS NOT NULL)"
    "   GROUP BY r.locator_key, r.identity))"
    " WHERE rank = 1) AS u "
    "WHERE refs.locator_key = u.locator AND refs.locator_key IS NOT NULL AND refs.cited_work IS NULL"
    " AND refs.doi IS NULL AND refs.identity <> u.identity";

std::int64_t run_resolution(Library& lib) {
  {
    Use s(lib.cache, kCollectLocatorSiblings);
    s->exec();
  }
  std::int64_t resolved = 0;
  for (const char* sql : kResolveSteps) {
    Use s(lib.cache, sql);
    resolved += s->exec();
  }
  Use unify(lib.cache, kUnifyIdentities);
  unify->exec();
  Use clear(lib.cache, "DELETE FROM pending_refs");
  clear->exec();
  return resolved;
}

}  // namespace

void create_scratch_tables(Library& lib) {
  lib.db.exec(
      "CREATE TEMP TABLE IF NOT EXISTS batch_keys(key TEXT PRIMARY KEY, work INTEGER NOT NULL);"
      "CREATE TEMP TABLE IF NOT EXISTS batch_works(work INTEGER PRIMARY KEY);"
      "CREATE TEMP TABLE IF NOT EXISTS pending_refs(id INTEGER PRIMARY KEY);");
}

void clear_scratch_tables(Library& lib) {
  for (const char* sql : {"DELETE FROM batch_keys", "DELETE FROM batch_works", "DELETE FROM pending_refs"}) {
    Use s(lib.cache, sql);
    s->exec();
  }
}

std::int64_t resolve_after_batch(Library& lib, std::int64_t last_old_ref) {
  {
    Use s(lib.cache, "INSERT INTO pending_refs(id) SELECT id FROM refs WHERE id > ?1 AND cited_work IS NULL");
    s->bind(1, last_old_ref);
    s->exec();
  }
  for (const char* sql : kCollectMatchingOld) {
    Use s(lib.cache, sql);
    s->exec();
  }
  return run_resolution(lib);
}

std::int64_t resolve_all(Library& lib) {
  Use s(lib.cache, "INSERT INTO pending_refs(id) SELECT id FROM refs WHERE cited_work IS NULL");
  s->exec();
  return run_resolution(lib);
}

std::int64_t resolve_for_work(Library& lib, WorkId id) {
  {
    Use s(lib.cache, "INSERT OR IGNORE INTO batch_works(work) VALUES (?1)");
    s->bind(1, id);
    s->exec();
  }
  {
    Use s(lib.cache, "INSERT OR IGNORE INTO pending_refs(id) SELECT id FROM refs WHERE work = ?1 AND cited_work IS NULL");
    s->bind(1, id);
    s->exec();
  }
  for (const char* sql : kCollectMatchingOld) {
    Use s(lib.cache, sql);
    s->exec();
  }
  const auto resolved = run_resolution(lib);
  clear_scratch_tables(lib);
  return resolved;
}

}  // namespace litrev::store
