// Store::ImportBatch: one input = one write transaction; dedup on add.

#include <sqlite3.h>

#include <chrono>
#include <thread>
#include <unordered_map>

#include "src/core/cancellation.hpp"
#include "src/core/identifiers.hpp"
#include "src/core/data_model.hpp"
#include "src/core/text.hpp"
#include "src/store/field_encoding.hpp"
#include "src/store/fts.hpp"
#include "src/store/keys.hpp"
#include "src/store/library.hpp"
#include "src/store/preambles.hpp"
#include "src/store/resolve.hpp"
#include "src/store/store_impl.hpp"
#include "src/store/user_fields.hpp"
#include "src/store/work_reader.hpp"
#include "src/store/work_writer.hpp"

namespace litrev {

using store::Use;

struct Store::ImportBatch::Impl {
  explicit Impl(store::Library& library) : lib(library), people(library), now(store::now_utc()) {}

  store::Library& lib;
  store::PersonResolver people;
  std::string now;  // one timestamp for the whole input
  // The largest ids before the batch: rows above them are this batch's.
  std::int64_t last_old_ref = 0, last_old_work = 0, last_old_source = 0;
  // Existing works that records were merged into -> 2 when their searchable text changed.
  std::unordered_map<WorkId, int> merged_into;
  // What a merge needs to know of its target, kept across records: a file often holds several
  // copies of one work (and make_big_bib's benchmark file eight). Bounded: cleared when full.
  struct MergeTarget {
    Work row;  // readable columns, as now in the transaction
    store::ContributorsOnWork contributors;
    std::vector<SourceField> user;  // the user's corrections (user_fields.hpp): no source undoes them
  };
  std::unordered_map<WorkId, MergeTarget> targets;
  // What the sources said of the works the user corrected (user_fields.hpp), read once.
  std::optional<store::SourceViewKeys> source_views;
  const store::SourceViewKeys& views() {
    if (!source_views) source_views = store::source_view_keys(lib);
    return *source_views;
  }
  static constexpr std::size_t kMaxTargets = 20000;
  // base key -> next number to try, so a thousand records wanting "smith2020" cost a thousand
  // probes, not half a million.
  std::unordered_map<std::string, int> next_number;
  // The input's write transaction; empty once committed or rolled back.
  std::optional<SQLite::Transaction> transaction;
  bool open() const { return transaction.has_value(); }
  // Rolls the input back (when not committed) and gives the library back its read settings.
  void close() noexcept {
    transaction.reset();
    store::end_import(lib);
  }

  struct Match {
    WorkId id = 0;
    const char* rule = "";
  };
  std::optional<Match> find_match(const Work& work, const std::vector<Identifier>& ids, const std::string& dedup);
  Work dedup_view(WorkId id, const Work& record);
  std::optional<WorkId> same_source(const SourceRecord& source, const std::string& fields);
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

// What the identifier guard (keys.hpp identifier_match_plausible) reads of a candidate work:
// title, subtitle and year, and its first creator only when the titles disagree.
Work Store::ImportBatch::Impl::dedup_view(WorkId id, const Work& record) {
  Work w;
  {
    Use q(lib.cache, "SELECT title, subtitle, year FROM works WHERE id = ?1");
    q->bind(1, id);
    if (!q->executeStep()) return w;
    w.title = q->getColumn(0).getString();
    w.subtitle = q->getColumn(1).getString();
    if (!q->getColumn(2).isNull()) w.year = q->getColumn(2).getInt();
  }
  if (w.title == record.title && w.subtitle == record.subtitle) return w;
  Use q(lib.cache,
        "SELECT wp.role, p.family, p.particle, p.literal FROM work_people wp JOIN people p ON p.id = wp.person "
        "WHERE wp.work = ?1 ORDER BY wp.role <> 'author', wp.position LIMIT 1");
  q->bind(1, id);
  if (q->executeStep()) {
    Contributor c;
    c.role = role_from_name(q->getColumn(0).getText());
    c.person.family = q->getColumn(1).getString();
    c.person.particle = q->getColumn(2).getString();
    c.person.literal = q->getColumn(3).getString();
    w.contributors.push_back(std::move(c));
  }
  return w;
}

// A record already stored exactly (same kind, origin, original key and fields): importing a
// file again adds nothing. The line is not compared: an entry moved in its file is the same.
std::optional<WorkId> Store::ImportBatch::Impl::same_source(const SourceRecord& source, const std::string& fields) {
  // Without a key every keyless source of the file would be a candidate (a scan per record);
  // such a record is matched by the dedup rules instead.
  if (source.original_key.empty()) return std::nullopt;
  Use q(lib.cache,
        "SELECT work FROM sources WHERE original_key = ?1 AND origin = ?2 AND source_kind = ?3 AND fields = ?4 "
        "ORDER BY id LIMIT 1");
  q->bindNoCopy(1, source.original_key);
  q->bindNoCopy(2, source.origin);
  q->bindNoCopy(3, source.source_kind);
  q->bindNoCopy(4, fields);
  if (q->executeStep()) return q->getColumn(0).getInt64();
  return std::nullopt;
}

// The dedup rules of issue 2, strongest first. An identifier match also needs plausible
// titles (keys.hpp identifier_match_plausible): one DOI on different papers is an exporter's
// error, not one work. The title rule needs compatible types (core/data_model.hpp
// types_compatible: a conference paper and its journal version are two works) and refuses a
// candidate whose DOIs all differ from the record's: same title, year and author with two
// DOIs is an erratum, a reprint or a conference/journal pair. find_duplicates still shows
// those pairs.
std::optional<Store::ImportBatch::Impl::Match> Store::ImportBatch::Impl::find_match(
    const Work& work, const std::vector<Identifier>& ids, const std::string& key) {
  auto by_identifier = [&](IdScheme scheme, const char* rule, bool books_only) -> std::optional<Match> {
    for (const auto& id : ids) {
      if (id.scheme != scheme) continue;
      std::vector<std::pair<WorkId, bool>> candidates;  // work, book-like
      {
        Use q(lib.cache,
              "SELECT i.work, w.type FROM identifiers i JOIN works w ON w.id = i.work "
              "WHERE i.scheme = ?1 AND i.value = ?2 ORDER BY i.work");
        q->bind(1, std::string(id_scheme_name(scheme)));
        q->bind(2, id.value);
        while (q->executeStep())
          candidates.emplace_back(q->getColumn(0).getInt64(), store::is_book_type(q->getColumn(1).getText()));
      }
      for (const auto& [candidate, book] : candidates) {
        if (books_only && !book) continue;
        if (store::identifier_match_plausible(work, dedup_view(candidate, work))) return Match{candidate, rule};
      }
    }
    return std::nullopt;
  };
  if (auto m = by_identifier(IdScheme::doi, "doi", false)) return m;
  // A DOI the user replaced or hid still names the work its sources gave it to.
  for (const auto& id : ids)
    if (id.scheme == IdScheme::doi)
      if (auto it = views().doi.find(id.value);
          it != views().doi.end() && store::identifier_match_plausible(work, dedup_view(it->second, work)))
        return Match{it->second, "doi"};
  if (auto m = by_identifier(IdScheme::hal, "hal", false)) return m;
  // A database's own record number: the same WoS or Scopus record exported twice, in any format.
  if (auto m = by_identifier(IdScheme::wos, "wos accession number", false)) return m;
  if (auto m = by_identifier(IdScheme::scopus, "scopus eid", false)) return m;
  if (auto m = by_identifier(IdScheme::openalex, "openalex", false)) return m;
  // A chapter carries its book's ISBN: the ISBN rule only joins two book-like records.
  if (store::is_book_type(work.type))
    if (auto m = by_identifier(IdScheme::isbn, "isbn", true)) return m;
  if (key.empty()) return std::nullopt;
  std::vector<WorkId> candidates;
  {
    Use q(lib.cache, "SELECT id, type FROM works WHERE dedup_key = ?1 ORDER BY id");
    q->bind(1, key);
    while (q->executeStep())
      if (types_compatible(work.type, q->getColumn(1).getText())) candidates.push_back(q->getColumn(0).getInt64());
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
  // The title, year... as the sources gave them to a work the user corrected.
  if (auto it = views().dedup.find(key); it != views().dedup.end()) return Match{it->second, "title+year+author"};
  return std::nullopt;
}

bool Store::ImportBatch::Impl::key_taken(const std::string& key) {
  // In any case: BibTeX reads "dup" and "DUP" as one key (index works_key_nocase).
  Use q(lib.cache, "SELECT 1 FROM works WHERE key = ?1 COLLATE NOCASE");
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
  AddResult result;
  const std::string fields = store::encode_fields(record.source.fields);
  if (const auto stored = same_source(record.source, fields)) {
    // Imported before (the same file again): nothing new. Its key still names the work for
    // the `cites` of this input.
    result.work_id = *stored;
    result.merged = true;
    result.merged_rule = kSameSourceRule;
    result.key = store::read_work_row(lib, *stored).key;
    if (!record.source.original_key.empty()) {
      Use s(lib.cache, "INSERT OR IGNORE INTO batch_keys(key, work) VALUES (?1, ?2)");
      s->bind(1, record.source.original_key);
      s->bind(2, *stored);
      s->exec();
    }
    return result;
  }
  const auto ids = normalized_ids(work.ids);
  const std::string dedup = store::dedup_key(work);
  int fts = 0;  // batch_works.fts: 2 when a merge changed the searchable text (see fts.hpp)
  if (const auto match = find_match(work, ids, dedup)) {
    result.work_id = match->id;
    result.merged = true;
    result.merged_rule = match->rule;
    auto it = targets.find(match->id);
    if (it == targets.end()) {
      if (targets.size() >= kMaxTargets) targets.clear();
      it = targets.emplace(match->id, MergeTarget{store::read_work_row(lib, match->id),
                                                  store::load_contributors_on_work(lib, match->id),
                                                  store::user_fields(lib, match->id)})
               .first;
    }
    Work& existing = it->second.row;
    result.key = existing.key;
    Work before_fill = it->second.user.empty() ? Work{} : existing;
    bool changed = store::fill_empty(existing, work);
    // A field the user hid is empty, and fill_empty would give it the record's value back.
    if (changed && !it->second.user.empty()) {
      store::apply_user_fields(existing, it->second.user);
      changed = store::fill_empty(before_fill, existing);
    }
    if (changed) store::update_work_row(lib, match->id, existing, now);
    const int added_people =
        store::append_missing_contributors(lib, people, match->id, it->second.contributors, work.contributors);
    // The work's authors from another source gain this record's identifiers (one-to-one lists).
    store::lend_person_identifiers(lib, match->id, work.contributors);
    store::insert_identifiers(lib, match->id, ids);
    if (!it->second.user.empty()) store::keep_user_identifiers(lib, match->id, it->second.user);
    store::insert_source(lib, match->id, record.source, fields, now);
    store::append_missing_references(lib, match->id, work.references);
    if (changed || added_people > 0) {
      store::refresh_match_keys(lib, match->id);
      fts = 2;
    }
    if (store::append_missing_notes(lib, match->id, record.notes, now) > 0) fts = 2;
  } else {
    result.key = free_key(work);
    result.work_id = store::insert_work_row(lib, work, result.key, dedup, now);
    store::insert_contributors(lib, people, result.work_id, work.contributors);
    store::insert_identifiers(lib, result.work_id, ids);
    store::insert_source(lib, result.work_id, record.source, fields, now);
    store::insert_references(lib, result.work_id, work.references);
    store::append_missing_notes(lib, result.work_id, record.notes, now);
  }
  if (result.merged && result.work_id <= last_old_work) {
    int& flag = merged_into[result.work_id];
    flag = std::max(flag, fts);
  }
  return result;
}

Store::ImportBatch::ImportBatch(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::ImportBatch::ImportBatch(ImportBatch&&) noexcept = default;

Store::ImportBatch::~ImportBatch() {
  // Not committed: an error or Ctrl-C unwound past the batch. Nothing of this input stays.
  if (impl_ && impl_->open()) impl_->close();
}

namespace {

// Runs one step of an open batch; a failure rolls the whole input back and closes the batch
// (there is no savepoint per record: SQLite copies every page a savepoint touches into its
// statement journal, which doubled the cost of an add; the rows a record writes cannot fail on
// our constraints, keys being checked first, so a failure is I/O, Ctrl-C or a bug).
template <class Impl, class F>
decltype(auto) batch_step(Impl* impl, const char* step, std::string_view action, F&& body) {
  if (!impl || !impl->open()) throw StoreError(fmt::format("ImportBatch::{} after commit or after a failed add", step));
  try {
    return store::guarded(impl->lib, action, std::forward<F>(body));
  } catch (...) {
    impl->close();
    throw;
  }
}

}  // namespace

AddResult Store::ImportBatch::add(const ImportRecord& record) {
  return batch_step(impl_.get(), "add", "adding a record", [&] { return impl_->add(record); });
}

void Store::ImportBatch::add_preamble(const std::string& text, const std::string& origin) {
  batch_step(impl_.get(), "add_preamble", "adding a preamble",
             [&] { store::insert_preamble(impl_->lib, text, origin, impl_->now); });
}

std::int64_t Store::ImportBatch::commit() {
  auto& batch = *impl_;
  auto& lib = batch.lib;
  return batch_step(impl_.get(), "commit", "committing the import", [&] {
    // The batch's works and cite keys, from the rows it wrote (see resolve.hpp).
    {
      // OR IGNORE: a work already marked (a note added during the batch) keeps its mark.
      Use s(lib.cache, "INSERT OR IGNORE INTO batch_works(work, fts) SELECT id, 1 FROM works WHERE id > ?1");
      s->bind(1, batch.last_old_work);
      s->exec();
    }
    for (const auto& [work, fts] : batch.merged_into) {
      Use s(lib.cache,
            "INSERT INTO batch_works(work, fts) VALUES (?1, ?2) ON CONFLICT(work) DO UPDATE SET fts = max(fts, ?2)");
      s->bind(1, work);
      s->bind(2, fts);
      s->exec();
    }
    {
      Use s(lib.cache,
            "INSERT OR IGNORE INTO batch_keys(key, work) SELECT original_key, work FROM sources "
            "WHERE id > ?1 AND original_key <> '' ORDER BY id");
      s->bind(1, batch.last_old_source);
      s->exec();
    }
    store::write_batch_fts(lib);
    const auto resolved = store::resolve_after_batch(lib, batch.last_old_ref);
    store::clear_scratch_tables(lib);
    batch.transaction->commit();
    batch.close();
    return resolved;
  });
}

Store::ImportBatch Store::begin_import() {
  auto& lib = impl_->lib;
  if (lib.batch_open) throw StoreError(fmt::format("{}: an import batch is already open", lib.path.string()));
  auto impl = std::make_unique<ImportBatch::Impl>(lib);
  // IMMEDIATE takes the write lock now, so two importing processes queue here instead of
  // failing half-way. The busy timeout covers short writers; an import may hold the lock for
  // many seconds, so keep trying for a while before giving up with a clear message.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  for (;;) {
    try {
      impl->transaction.emplace(lib.db, SQLite::TransactionBehavior::IMMEDIATE);
      break;
    } catch (const SQLite::Exception& e) {
      const int code = e.getErrorCode() & 0xff;
      if (code != SQLITE_BUSY && code != SQLITE_LOCKED) store::rethrow_sqlite_error(lib, "starting an import", e);
      if (std::chrono::steady_clock::now() > deadline)
        throw StoreError(fmt::format("{}: cannot start an import: another process has been writing to it for two "
                                     "minutes ({})", lib.path.string(), e.what()));
      throw_if_cancelled();
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  batch_step(impl.get(), "begin", "starting an import", [&] {
    store::begin_import(lib);
    store::clear_scratch_tables(lib);
    Use q(lib.cache,
          "SELECT (SELECT coalesce(max(id), 0) FROM refs), (SELECT coalesce(max(id), 0) FROM works), "
          "(SELECT coalesce(max(id), 0) FROM sources)");
    q->executeStep();
    impl->last_old_ref = q->getColumn(0).getInt64();
    impl->last_old_work = q->getColumn(1).getInt64();
    impl->last_old_source = q->getColumn(2).getInt64();
  });
  return ImportBatch(std::move(impl));
}

}  // namespace litrev
