// Store: opening the library, reading works, notes, tags, statistics, settings.

#include "src/store/store.hpp"

#include <sqlite3.h>

#include <ctime>
#include <limits>

#include "src/core/cancellation.hpp"
#include "src/core/text.hpp"
#include "src/store/fts.hpp"
#include "src/store/keys.hpp"
#include "src/store/library.hpp"
#include "src/store/resolve.hpp"
#include "src/store/schema.hpp"
#include "src/store/store_impl.hpp"
#include "src/store/work_reader.hpp"
#include "src/store/work_writer.hpp"

namespace litrev {

namespace store {

Library::Library(const std::filesystem::path& file)
    // NOMUTEX: a Store is used by one thread at a time, so SQLite's per-call locking is waste.
    : path(file), db(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX, kBusyTimeoutMs),
      cache(db) {
  prepare_library(db, path);
  // Every few thousand virtual-machine steps SQLite asks whether to go on: a long search or
  // scan stops on Ctrl-C (SQLITE_INTERRUPT, turned into Cancelled by rethrow_sqlite_error).
  sqlite3_progress_handler(db.getHandle(), kProgressSteps, [](void*) { return cancellation_requested() ? 1 : 0; },
                           nullptr);
  db.createFunction("identity_hash", 1, true, nullptr, [](sqlite3_context* context, int, sqlite3_value** args) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
    const auto size = static_cast<std::size_t>(sqlite3_value_bytes(args[0]));
    sqlite3_result_int64(context, identity_hash(std::string_view(text ? text : "", text ? size : 0)));
  });
  create_scratch_tables(*this);
}

void rethrow_sqlite_error(const Library& lib, std::string_view action, const SQLite::Exception& e) {
  const int code = e.getErrorCode() & 0xff;
  if (code == SQLITE_INTERRUPT && cancellation_requested()) throw Cancelled();
  const char* hint = code == SQLITE_BUSY       ? " (another process is writing to this library; try again when it is done)"
                     : code == SQLITE_FULL     ? " (the disk is full; nothing of this change was stored)"
                     : code == SQLITE_READONLY ? " (the library file or its folder is read-only)"
                     : code == SQLITE_IOERR    ? " (a write failed: disk full, file size limit or I/O error; nothing of this "
                                                 "change was stored)"
                                               : "";
  throw StoreError(fmt::format("{}: {} failed: {}{}", lib.path.string(), action, e.what(), hint));
}

TransactionScope::TransactionScope(Library& lib, SQLite::TransactionBehavior behavior) : lib_(lib) {
  if (lib.batch_open) {
    lib.db.exec("SAVEPOINT litrev_scope");
    savepoint_open_ = true;
  } else {
    transaction_.emplace(lib.db, behavior);
  }
}

TransactionScope::~TransactionScope() {
  if (savepoint_open_) {
    lib_.db.tryExec("ROLLBACK TO litrev_scope");
    lib_.db.tryExec("RELEASE litrev_scope");
  }
  // transaction_ rolls back in its own destructor unless committed.
}

void TransactionScope::commit() {
  if (savepoint_open_) {
    lib_.db.exec("RELEASE litrev_scope");
    savepoint_open_ = false;
  } else if (transaction_) {
    transaction_->commit();
  }
}

void begin_import(Library& lib) {
  lib.db.exec(fmt::format("PRAGMA cache_size = -{}", kImportCacheKiB));
  lib.batch_open = true;
}

void end_import(Library& lib) noexcept {
  lib.batch_open = false;
  lib.db.tryExec(fmt::format("PRAGMA cache_size = -{}", kCacheKiB).c_str());
}

std::string now_utc() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace store

using store::Use;

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::filesystem::path& path) {
  try {
    return Store(std::make_unique<Impl>(path));
  } catch (const SQLite::Exception& e) {
    throw StoreError(fmt::format("{}: cannot open the library: {}", path.string(), e.what()));
  }
}

int Store::schema_version() { return store::current_schema_version(); }

const std::filesystem::path& Store::path() const { return impl_->lib.path; }

bool Store::contains(const std::string& key) const {
  auto& lib = impl_->lib;
  return store::guarded(lib, "looking up a key", [&] { return store::find_work_id(lib, key).has_value(); });
}

std::optional<StoredWork> Store::find_work(const std::string& key) const {
  auto& lib = impl_->lib;
  return store::guarded(lib, "reading a work", [&]() -> std::optional<StoredWork> {
    const auto id = store::find_work_id(lib, key);
    if (!id) return std::nullopt;
    return store::read_stored_work(lib, *id);
  });
}

StoredWork Store::work(const std::string& key) const {
  auto& lib = impl_->lib;
  return store::guarded(lib, "reading a work", [&] {
    auto work = store::read_stored_work(lib, store::require_work_id(lib, key));
    if (!work) throw NotFoundError(fmt::format("no work with key '{}' in {}", key, lib.path.string()));
    return std::move(*work);
  });
}

std::vector<std::string> Store::closest_keys(const std::string& key, std::size_t max_results) const {
  auto& lib = impl_->lib;
  return store::guarded(lib, "looking up keys", [&] { return store::closest_keys(lib, key, max_results); });
}

std::int64_t Store::add_note(const std::string& key, const std::string& markdown) {
  auto& lib = impl_->lib;
  return store::guarded(lib, "adding a note", [&] {
    return store::write_transaction(lib, [&] {
      const WorkId work = store::require_work_id(lib, key);
      {
        Use s(lib.cache, "INSERT INTO notes(work, created_at, text) VALUES (?1, ?2, ?3)");
        s->bind(1, work);
        s->bind(2, store::now_utc());
        s->bind(3, markdown);
        s->exec();
      }
      const auto note = lib.db.getLastInsertRowid();
      store::refresh_fts(lib, work);  // notes are searchable
      return note;
    });
  });
}

std::vector<StoredWork::Note> Store::notes(const std::string& key) const {
  auto& lib = impl_->lib;
  return store::guarded(lib, "reading notes", [&] {
    const WorkId work = store::require_work_id(lib, key);
    std::vector<StoredWork::Note> out;
    Use q(lib.cache, "SELECT id, created_at, text, edited_at FROM notes WHERE work = ?1 ORDER BY id");
    q->bind(1, work);
    while (q->executeStep())
      out.push_back({q->getColumn(0).getInt64(), q->getColumn(1).getString(), q->getColumn(2).getString(),
                     q->getColumn(3).getString()});
    return out;
  });
}

namespace {

// Runs sql (?1 = note id, ?2 = work, ?3 = text, ?4 = now) on one note of the work named by key.
void change_note(store::Library& lib, const std::string& key, std::int64_t note_id, const char* sql,
                 const std::string& text) {
  store::write_transaction(lib, [&] {
    const WorkId work = store::require_work_id(lib, key);
    Use s(lib.cache, sql);
    s->bind(1, note_id);
    s->bind(2, work);
    if (s->getBindParameterCount() >= 3) s->bind(3, text);
    if (s->getBindParameterCount() >= 4) s->bind(4, store::now_utc());
    if (s->exec() == 0) throw NotFoundError(fmt::format("{} has no note {} in {}", key, note_id, lib.path.string()));
    store::refresh_fts(lib, work);  // notes are searchable
    return 0;
  });
}

}  // namespace

void Store::edit_note(const std::string& key, std::int64_t note_id, const std::string& markdown) {
  auto& lib = impl_->lib;
  store::guarded(lib, "editing a note", [&] {
    change_note(lib, key, note_id, "UPDATE notes SET text = ?3, edited_at = ?4 WHERE id = ?1 AND work = ?2", markdown);
  });
}

void Store::delete_note(const std::string& key, std::int64_t note_id) {
  auto& lib = impl_->lib;
  store::guarded(lib, "deleting a note",
                 [&] { change_note(lib, key, note_id, "DELETE FROM notes WHERE id = ?1 AND work = ?2", {}); });
}

std::vector<TagCount> Store::tag_counts() const {
  auto& lib = impl_->lib;
  return store::guarded(lib, "counting tags", [&] {
    std::vector<TagCount> out;
    Use q(lib.cache,
          "SELECT t.name, count(wt.work) AS n FROM tags t JOIN work_tags wt ON wt.tag = t.id "
          "GROUP BY t.id ORDER BY n DESC, t.name_key");
    while (q->executeStep()) out.push_back({q->getColumn(0).getString(), q->getColumn(1).getInt64()});
    return out;
  });
}

std::vector<std::string> Store::tag(const std::string& key, const std::vector<std::string>& tags) {
  auto& lib = impl_->lib;
  return store::guarded(lib, "tagging", [&] {
    return store::write_transaction(lib, [&] {
      const WorkId work = store::require_work_id(lib, key);
      std::vector<std::string> added;
      for (const auto& t : tags) {
        const std::string name(trim(t));
        if (name.empty()) continue;
        const std::string name_key = store::casefold(name);
        {
          Use s(lib.cache, "INSERT OR IGNORE INTO tags(name, name_key) VALUES (?1, ?2)");
          s->bind(1, name);
          s->bind(2, name_key);
          s->exec();
        }
        std::int64_t tag_id = 0;
        std::string stored_name;
        {
          Use q(lib.cache, "SELECT id, name FROM tags WHERE name_key = ?1");
          q->bind(1, name_key);
          q->executeStep();
          tag_id = q->getColumn(0).getInt64();
          stored_name = q->getColumn(1).getString();
        }
        Use s(lib.cache, "INSERT OR IGNORE INTO work_tags(work, tag) VALUES (?1, ?2)");
        s->bind(1, work);
        s->bind(2, tag_id);
        if (s->exec() > 0) added.push_back(stored_name);
      }
      return added;
    });
  });
}

std::vector<std::string> Store::untag(const std::string& key, const std::vector<std::string>& tags) {
  auto& lib = impl_->lib;
  return store::guarded(lib, "untagging", [&] {
    return store::write_transaction(lib, [&] {
      const WorkId work = store::require_work_id(lib, key);
      std::vector<std::string> removed;
      for (const auto& t : tags) {
        std::int64_t tag_id = 0;
        std::string name;
        {
          Use q(lib.cache, "SELECT id, name FROM tags WHERE name_key = ?1");
          q->bind(1, store::casefold(t));
          if (!q->executeStep()) continue;
          tag_id = q->getColumn(0).getInt64();
          name = q->getColumn(1).getString();
        }
        Use d(lib.cache, "DELETE FROM work_tags WHERE work = ?1 AND tag = ?2");
        d->bind(1, work);
        d->bind(2, tag_id);
        if (d->exec() > 0) removed.push_back(name);
        // A tag no work carries any more disappears, so its next use sets its spelling anew.
        Use g(lib.cache, "DELETE FROM tags WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM work_tags WHERE tag = ?1)");
        g->bind(1, tag_id);
        g->exec();
      }
      return removed;
    });
  });
}

LibraryStats Store::stats() const {
  auto& lib = impl_->lib;
  return store::guarded(lib, "counting", [&] {
    Use q(lib.cache,
          "SELECT (SELECT count(*) FROM works), (SELECT count(DISTINCT person) FROM work_people), "
          "(SELECT count(*) FROM refs), (SELECT count(*) FROM citations), "
          "(SELECT count(*) FROM notes), (SELECT count(DISTINCT tag) FROM work_tags), "
          "(SELECT count(*) FROM sources), (SELECT count(*) FROM identifiers)");
    q->executeStep();
    LibraryStats s;
    s.works = q->getColumn(0).getInt64();
    s.people = q->getColumn(1).getInt64();
    s.references = q->getColumn(2).getInt64();
    s.citations = q->getColumn(3).getInt64();
    s.notes = q->getColumn(4).getInt64();
    s.tags = q->getColumn(5).getInt64();
    s.sources = q->getColumn(6).getInt64();
    s.identifiers = q->getColumn(7).getInt64();
    return s;
  });
}

std::int64_t Store::resolve_references() {
  auto& lib = impl_->lib;
  return store::guarded(lib, "resolving references", [&] {
    return store::write_transaction(lib, [&] { return store::resolve_all(lib); });
  });
}

std::optional<std::string> Store::config(const std::string& name) const {
  auto& lib = impl_->lib;
  return store::guarded(lib, "reading a setting", [&]() -> std::optional<std::string> {
    Use q(lib.cache, "SELECT value FROM config WHERE name = ?1");
    q->bind(1, name);
    if (!q->executeStep()) return std::nullopt;
    return q->getColumn(0).getString();
  });
}

void Store::set_config(const std::string& name, const std::string& value) {
  auto& lib = impl_->lib;
  store::guarded(lib, "writing a setting", [&] {
    return store::write_transaction(lib, [&] {
      Use s(lib.cache, "INSERT INTO config(name, value) VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET value = ?2");
      s->bind(1, name);
      s->bind(2, value);
      return s->exec();
    });
  });
}

}  // namespace litrev
