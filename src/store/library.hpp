#pragma once
// The open library connection shared by the store's internal files (Store::Impl wraps it).
// Internal to src/store/: nothing outside this folder includes it.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

#include "src/store/statement_cache.hpp"
#include "src/store/store.hpp"

namespace litrev::store {

struct Library {
  explicit Library(const std::filesystem::path& file);
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;

  std::filesystem::path path;
  SQLite::Database db;
  StatementCache cache;
  bool batch_open = false;  // an ImportBatch holds the write transaction
};

// Runs body, turning SQLite failures into a StoreError that names the library and the action:
// callers of the store see one exception type with a message a user can act on.
template <class F>
decltype(auto) guarded(const Library& lib, std::string_view action, F&& body) {
  try {
    return std::forward<F>(body)();
  } catch (const SQLite::Exception& e) {
    const bool busy = (e.getErrorCode() & 0xff) == 5 /* SQLITE_BUSY */;
    throw StoreError(fmt::format("{}: {} failed: {}{}", lib.path.string(), action, e.what(),
                                 busy ? " (another process is writing to this library; try again when it is done)" : ""));
  }
}

// Runs body in a write transaction: its own BEGIN IMMEDIATE (the write lock up front, so the
// busy timeout applies instead of a failed lock upgrade later), or a savepoint inside the open
// import batch. Rolls back when body throws.
template <class F>
auto write_transaction(Library& lib, F&& body) {
  const char* begin = lib.batch_open ? "SAVEPOINT store_write" : "BEGIN IMMEDIATE";
  lib.db.exec(begin);
  try {
    auto result = std::forward<F>(body)();
    lib.db.exec(lib.batch_open ? "RELEASE store_write" : "COMMIT");
    return result;
  } catch (...) {
    if (lib.batch_open) {
      lib.db.tryExec("ROLLBACK TO store_write");
      lib.db.tryExec("RELEASE store_write");
    } else {
      lib.db.tryExec("ROLLBACK");
    }
    throw;
  }
}

// 5 s: long enough for another process's short writes (a note, a tag) to finish, short enough
// that a stuck lock is reported instead of hanging the command.
constexpr int kBusyTimeoutMs = 5000;

// Page cache sizes (KiB). Reads are sequential scans or index probes that a small cache
// serves well; an import probes its indexes (keys, DOIs, names) at random while its
// transaction grows, and every page evicted then is re-read from the WAL, so the cache grows
// for the time of an ImportBatch.
constexpr int kCacheKiB = 32 * 1024;
constexpr int kImportCacheKiB = 64 * 1024;
// The scratch tables of reference resolution (temp_store = FILE): an ordinary batch stays in
// this cache, a huge one spills to the temporary file instead of growing the process.
constexpr int kTempCacheKiB = 32 * 1024;

// Marks the write transaction as an import batch (and enlarges the cache); end_import undoes
// both, whether the batch committed or rolled back.
void begin_import(Library& lib);
void end_import(Library& lib) noexcept;

// Current time as ISO 8601 UTC with seconds: "2024-05-01T12:34:56Z".
std::string now_utc();

}  // namespace litrev::store
