#pragma once
// The open library connection shared by the store's internal files (Store::Impl wraps it).
// Internal to src/store/: nothing outside this folder includes it.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <filesystem>
#include <optional>
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

// Turns a SQLite failure into the store's exceptions: Cancelled when the statement was stopped
// by the progress handler (Ctrl-C), else a StoreError that names the library and the action, so
// callers of the store see one exception type with a message a user can act on.
[[noreturn]] void rethrow_sqlite_error(const Library& lib, std::string_view action, const SQLite::Exception& e);

// Runs body, translating SQLite failures with rethrow_sqlite_error.
template <class F>
decltype(auto) guarded(const Library& lib, std::string_view action, F&& body) {
  try {
    return std::forward<F>(body)();
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite_error(lib, action, e);
  }
}

// A transaction scope: its own transaction (SQLiteCpp's Transaction), or, inside the open
// import batch, a savepoint. Rolled back on destruction unless commit() was called.
// Why not SQLiteCpp's Savepoint: in 3.2.1 (Debian 12) its rollback leaves the savepoint on the
// stack, and a transaction open when the savepoint began one.
class TransactionScope {
 public:
  TransactionScope(Library& lib, SQLite::TransactionBehavior behavior);
  TransactionScope(const TransactionScope&) = delete;
  TransactionScope& operator=(const TransactionScope&) = delete;
  ~TransactionScope();
  void commit();

 private:
  Library& lib_;
  std::optional<SQLite::Transaction> transaction_;
  bool savepoint_open_ = false;
};

// Runs body in a write transaction: its own BEGIN IMMEDIATE (the write lock up front, so the
// busy timeout applies instead of a failed lock upgrade later), or a savepoint inside the open
// import batch. Rolls back when body throws.
template <class F>
auto write_transaction(Library& lib, F&& body) {
  TransactionScope scope(lib, SQLite::TransactionBehavior::IMMEDIATE);
  auto result = std::forward<F>(body)();
  scope.commit();
  return result;
}

// How many SQLite virtual-machine steps run between two looks at the cancellation flag: a
// thousand steps take microseconds, so Ctrl-C stops a query at once for no measurable cost.
constexpr int kProgressSteps = 1000;

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
