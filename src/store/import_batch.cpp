// Store::ImportBatch: one input = one write transaction; dedup on add.

#include <sqlite3.h>

#include <chrono>
#include <thread>
#include <unordered_map>

#include "src/core/identifiers.hpp"
#include "src/core/text.hpp"
#include "src/store/keys.hpp"
#include "src/store/library.hpp"
#include "src/store/resolve.hpp"
#include "src/store/store_impl.hpp"
#include "src/store/work_reader.hpp"
#include "src/store/work_writer.hpp"

namespace litrev {

using store::Use;

struct Store::ImportBatch::Impl {
  explicit Impl(store::Library& library) : lib(library), people(library), now(store::now_utc()) {}

  store::Library& lib;
  store::PersonResolver people;
  std::string now;  // one timestamp for the whole input
  std::int64_t last_old_ref = 0;
  // base key -> next number to try, so a thousand records wanting "smith2020" cost a thousand
  // probes, not half a million.
  std::unordered_map<std::string, int> next_number;
  bool open = false;

  struct Match {
    WorkId id = 0;
    const char* rule = "";
  };
  std::optional<Match> find_match(const Work& work, const std::vector<Identifier>& ids);
  std::vector<std::string> dois_of(WorkId id);
  bool key_taken(const std::string& key);
  std::string free_key(const Work& work);
  AddResult add(const ImportRecord& record);
};

namespace {

std::vector<Identifier> normalized_ids(const std::vector<Identifier>& ids) {
  std::vector<Identifier> out;
  out.reserve(ids.size());
  for (const auto& id : ids) {
    Identifier n{id.scheme, store::normalized_identifier(id.scheme, id.value)};
    if (n.value.empty()) continue;
    bool dup = false;
    for (const auto& o : out) dup |= o.scheme == n.scheme && o.value == n.value;
    if (!dup) out.push_back(std::move(n));
  }
  return out;
}

}  // namespace

std::vector<std::string> Store::ImportBatch::Impl::dois_of(WorkId id) {
  std::vector<std::string> out;
  Use q(lib.cache, "SELECT value FROM identifiers WHERE work = ?1 AND scheme = 'doi'");
  q->bind(1, id);
  while (q->executeStep()) out.push_back(q->getColumn(0).getString());
  return out;
}

// The dedup rules of issue 2, strongest first. The title rule refuses a candidate whose DOIs
// all differ from the record's: same title, year and author with two DOIs is an erratum, a
// reprint or a conference/journal pair, and find_duplicates will still show it.
std::optional<Store::ImportBatch::Impl::Match> Store::ImportBatch::Impl::find_match(
    const Work& work, const std::vector<Identifier>& ids) {
  auto by_identifier = [&](IdScheme scheme, const char* rule) -> std::optional<Match> {
    for (const auto& id : ids) {
      if (id.scheme != scheme) continue;
      Use q(lib.cache, "SELECT work FROM identifiers WHERE scheme = ?1 AND value = ?2 ORDER BY work LIMIT 1");
      q->bind(1, std::string(id_scheme_name(scheme)));
      q->bind(2, id.value);
      if (q->executeStep()) return Match{q->getColumn(0).getInt64(), rule};
    }
    return std::nullopt;
  };
  if (auto m = by_identifier(IdScheme::doi, "doi")) return m;
  if (auto m = by_identifier(IdScheme::hal, "hal")) return m;
  if (store::is_book_type(work.type)) {
    for (const auto& id : ids) {
      if (id.scheme != IdScheme::isbn) continue;
      Use q(lib.cache,
            "SELECT w.id, w.type FROM identifiers i JOIN works w ON w.id = i.work "
            "WHERE i.scheme = 'isbn' AND i.value = ?1 ORDER BY w.id");
      q->bind(1, id.value);
      while (q->executeStep())
        if (store::is_book_type(q->getColumn(1).getText())) return Match{q->getColumn(0).getInt64(), "isbn"};
    }
  }
  const std::string key = store::dedup_key(work);
  if (key.empty()) return std::nullopt;
  std::vector<WorkId> candidates;
  {
    Use q(lib.cache, "SELECT id FROM works WHERE dedup_key = ?1 ORDER BY id");
    q->bind(1, key);
    while (q->executeStep()) candidates.push_back(q->getColumn(0).getInt64());
  }
  std::vector<std::string> record_dois;
  for (const auto& id : ids)
    if (id.scheme == IdScheme::doi) record_dois.push_back(id.value);
  for (const WorkId candidate : candidates) {
    if (record_dois.empty()) return Match{candidate, "title+year+author"};
    const auto theirs = dois_of(candidate);
    if (theirs.empty()) return Match{candidate, "title+year+author"};
    // (a shared DOI would have matched above: any DOI on both sides here is a conflict)
  }
  return std::nullopt;
}

bool Store::ImportBatch::Impl::key_taken(const std::string& key) {
  Use q(lib.cache, "SELECT 1 FROM works WHERE key = ?1");
  q->bind(1, key);
  return q->executeStep();
}

std::string Store::ImportBatch::Impl::free_key(const Work& work) {
  std::string base(trim(work.key));
  if (base.empty()) base = store::generated_key(work);
  if (!key_taken(base)) return base;
  int& n = next_number.try_emplace(base, 2).first->second;
  while (key_taken(store::numbered_key(base, n))) ++n;
  return store::numbered_key(base, n++);
}

AddResult Store::ImportBatch::Impl::add(const ImportRecord& record) {
  const Work& work = record.work;
  const auto ids = normalized_ids(work.ids);
  AddResult result;
  if (const auto match = find_match(work, ids)) {
    result.work_id = match->id;
    result.merged = true;
    result.merged_rule = match->rule;
    Work existing = store::read_work_row(lib, match->id);
    result.key = existing.key;
    const bool changed = store::fill_empty(existing, work);
    if (changed) store::update_work_row(lib, match->id, existing, now);
    const int added_people = store::append_missing_contributors(lib, people, match->id, work.contributors);
    store::insert_identifiers(lib, match->id, ids);
    store::insert_source(lib, match->id, record.source, now);
    store::append_missing_references(lib, match->id, work.references);
    if (changed || added_people > 0) store::refresh_derived(lib, match->id);
  } else {
    result.key = free_key(work);
    result.work_id = store::insert_work_row(lib, work, result.key, now);
    store::insert_contributors(lib, people, result.work_id, work.contributors);
    store::insert_identifiers(lib, result.work_id, ids);
    store::insert_source(lib, result.work_id, record.source, now);
    store::insert_references(lib, result.work_id, work.references);
    store::insert_fts(lib, result.work_id, work);
  }
  {
    Use s(lib.cache, "INSERT OR IGNORE INTO batch_works(work) VALUES (?1)");
    s->bind(1, result.work_id);
    s->exec();
  }
  const std::string& original = record.source.original_key.empty() ? work.key : record.source.original_key;
  if (!original.empty()) {
    Use s(lib.cache, "INSERT OR IGNORE INTO batch_keys(key, work) VALUES (?1, ?2)");
    s->bind(1, original);
    s->bind(2, result.work_id);
    s->exec();
  }
  return result;
}

Store::ImportBatch::ImportBatch(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::ImportBatch::ImportBatch(ImportBatch&&) noexcept = default;

Store::ImportBatch::~ImportBatch() {
  if (!impl_ || !impl_->open) return;
  // Not committed: an error or Ctrl-C unwound past the batch. Nothing of this input stays.
  impl_->lib.db.tryExec("ROLLBACK");
  impl_->lib.batch_open = false;
}

AddResult Store::ImportBatch::add(const ImportRecord& record) {
  if (!impl_ || !impl_->open) throw StoreError("ImportBatch::add after commit");
  auto& lib = impl_->lib;
  // A savepoint per record: when one record fails half-way, its rows go and the batch stays
  // usable for the next ones (and commit never stores half a record).
  return store::guarded(lib, "adding a record", [&] {
    Use(lib.cache, "SAVEPOINT add_record")->exec();
    try {
      AddResult r = impl_->add(record);
      Use(lib.cache, "RELEASE add_record")->exec();
      return r;
    } catch (...) {
      lib.db.tryExec("ROLLBACK TO add_record");
      lib.db.tryExec("RELEASE add_record");
      impl_->people.forget();  // it may name people whose rows were just rolled back
      impl_->next_number.clear();
      throw;
    }
  });
}

std::int64_t Store::ImportBatch::commit() {
  if (!impl_ || !impl_->open) throw StoreError("ImportBatch::commit called twice");
  auto& lib = impl_->lib;
  return store::guarded(lib, "committing the import", [&] {
    const auto resolved = store::resolve_after_batch(lib, impl_->last_old_ref);
    store::clear_scratch_tables(lib);
    lib.db.exec("COMMIT");
    impl_->open = false;
    lib.batch_open = false;
    return resolved;
  });
}

Store::ImportBatch Store::begin_import() {
  auto& lib = impl_->lib;
  if (lib.batch_open) throw StoreError(fmt::format("{}: an import batch is already open", lib.path.string()));
  return store::guarded(lib, "starting an import", [&] {
    // IMMEDIATE takes the write lock now, so two importing processes queue here instead of
    // failing half-way. The busy timeout covers short writers; an import may hold the lock for
    // many seconds, so keep trying for a while before giving up with a clear message.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    for (;;) {
      try {
        lib.db.exec("BEGIN IMMEDIATE");
        break;
      } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode();
        if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || std::chrono::steady_clock::now() > deadline)
          throw StoreError(fmt::format("{}: cannot start an import: {} (another process is writing to it?)",
                                       lib.path.string(), e.what()));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
    auto impl = std::make_unique<ImportBatch::Impl>(lib);
    try {
      store::clear_scratch_tables(lib);
      Use q(lib.cache, "SELECT coalesce(max(id), 0) FROM refs");
      q->executeStep();
      impl->last_old_ref = q->getColumn(0).getInt64();
    } catch (...) {
      lib.db.tryExec("ROLLBACK");
      throw;
    }
    impl->open = true;
    lib.batch_open = true;
    return ImportBatch(std::move(impl));
  });
}

}  // namespace litrev
