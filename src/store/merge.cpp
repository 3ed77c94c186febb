// Store::merge: two works that are one, merged by hand (`litrev merge KEEP OTHER`).

#include <algorithm>
#include <vector>

#include "src/store/fts.hpp"
#include "src/store/library.hpp"
#include "src/store/resolve.hpp"
#include "src/store/store_impl.hpp"
#include "src/store/work_reader.hpp"
#include "src/store/work_writer.hpp"
#include "src/store/user_fields.hpp"

namespace litrev {

using store::Use;

namespace {

void exec_with(store::Library& lib, const char* sql, WorkId keep, WorkId other) {
  Use s(lib.cache, sql);
  s->bind(1, keep);
  s->bind(2, other);
  s->exec();
}

std::string moved_sources(store::Library& lib, WorkId other) {
  std::string ids;
  Use q(lib.cache, "SELECT id FROM sources WHERE work = ?1 ORDER BY id");
  q->bind(1, other);
  while (q->executeStep()) ids += (ids.empty() ? "" : ",") + std::to_string(q->getColumn(0).getInt64());
  return ids;
}

// Moves other's references that keep does not list yet (rows move with their resolution);
// the rest are the same entries written by another source and go with other.
void move_references(store::Library& lib, WorkId keep, WorkId other) {
  store::ListedReferences listed(lib, keep);
  struct Row {
    std::int64_t id;
    std::string doi, locator, titled, raw;
  };
  std::vector<Row> rows;
  {
    Use q(lib.cache, "SELECT id, doi, locator_key, titled_key, raw FROM refs WHERE work = ?1 ORDER BY position");
    q->bind(1, other);
    auto text = [&](int c) { return q->getColumn(c).isNull() ? std::string() : q->getColumn(c).getString(); };
    while (q->executeStep()) rows.push_back(Row{q->getColumn(0).getInt64(), text(1), text(2), text(3), text(4)});
  }
  for (const auto& r : rows) {
    if (listed.contains(r.doi, r.locator, r.titled, r.raw)) continue;
    listed.add(r.doi, r.locator, r.titled, r.raw);
    Use s(lib.cache, "UPDATE refs SET work = ?1, position = ?2 WHERE id = ?3");
    s->bind(1, keep);
    s->bind(2, listed.take_position());
    s->bind(3, r.id);
    s->exec();
  }
}

}  // namespace

void Store::merge(const std::string& keep, const std::string& other) {
  auto& lib = impl_->lib;
  if (lib.batch_open) throw StoreError(fmt::format("{}: cannot merge while an import is open", lib.path.string()));
  store::guarded(lib, "merging", [&] {
    return store::write_transaction(lib, [&] {
      const auto keep_id = store::require_work_id(lib, keep);
      const auto other_id = store::require_work_id(lib, other);
      if (keep_id == other_id)
        throw StoreError(fmt::format("{}: cannot merge '{}' with itself", lib.path.string(), keep));
      const auto gone = store::read_stored_work(lib, other_id);
      const std::string now = store::now_utc();

      // The user's corrections of either work win over every source (keep's over other's): its
      // user record moves with the other sources, and the two are read as one.
      std::vector<SourceField> corrections = store::user_fields(lib, keep_id);
      for (auto& f : store::user_fields(lib, other_id))
        if (std::none_of(corrections.begin(), corrections.end(), [&](const SourceField& g) { return g.name == f.name; }))
          corrections.push_back(std::move(f));
      Work kept = store::read_work_row(lib, keep_id);
      bool changed = store::fill_empty(kept, gone->work);
      changed |= store::apply_user_fields(kept, corrections);
      if (changed) store::update_work_row(lib, keep_id, kept, now);
      store::PersonResolver people(lib);
      auto on_keep = store::load_contributors_on_work(lib, keep_id);
      store::append_missing_contributors(lib, people, keep_id, on_keep, gone->work.contributors);
      {
        Use m(lib.cache,
              "INSERT INTO merges(merged_at, keep_work, keep_key, other_key, other_work, moved_sources) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        m->bind(1, now);
        m->bind(2, keep_id);
        m->bind(3, keep);
        m->bind(4, other);
        m->bind(5, other_id);
        m->bind(6, moved_sources(lib, other_id));
        m->exec();
      }
      // Every provenance moves: the losing values stay readable in their source records.
      exec_with(lib, "UPDATE sources SET work = ?1 WHERE work = ?2", keep_id, other_id);
      exec_with(lib,
                "INSERT OR IGNORE INTO identifiers(work, scheme, value) SELECT ?1, scheme, value FROM identifiers "
                "WHERE work = ?2",
                keep_id, other_id);
      store::keep_user_identifiers(lib, keep_id, corrections);
      exec_with(lib, "UPDATE OR IGNORE user_field_previous SET work = ?1 WHERE work = ?2", keep_id, other_id);
      move_references(lib, keep_id, other_id);
      exec_with(lib, "UPDATE citations SET cited_work = ?1 WHERE cited_work = ?2", keep_id, other_id);
      // A work does not cite itself: what was a citation between the two is one work now.
      {
        Use d(lib.cache, "DELETE FROM citations WHERE cited_work = ?1 AND ref IN (SELECT id FROM refs WHERE work = ?1)");
        d->bind(1, keep_id);
        d->exec();
      }
      exec_with(lib, "UPDATE notes SET work = ?1 WHERE work = ?2", keep_id, other_id);
      exec_with(lib, "INSERT OR IGNORE INTO work_tags(work, tag) SELECT ?1, tag FROM work_tags WHERE work = ?2",
                keep_id, other_id);
      exec_with(lib, "UPDATE cluster_assignments SET work = ?1 WHERE work = ?2", keep_id, other_id);
      {
        Use d(lib.cache, "DELETE FROM works_fts WHERE rowid = ?1");
        d->bind(1, other_id);
        d->exec();
      }
      {
        // Cascades to what did not move: duplicate identifiers, people links, references, tags.
        Use d(lib.cache, "DELETE FROM works WHERE id = ?1");
        d->bind(1, other_id);
        d->exec();
      }
      store::refresh_match_keys(lib, keep_id);
      store::refresh_fts(lib, keep_id);
      // keep may now carry a DOI or keys that resolve dangling references.
      store::resolve_for_work(lib, keep_id);
      return true;
    });
  });
}

}  // namespace litrev
