#pragma once
// A forward-only scan over a prepared SELECT with raw column access, for the few loops that
// read millions of rows (load_citation_corpus). SQLiteCpp's Column holds a shared pointer to
// its statement, so every column read costs an atomic increment and decrement; at ten million
// references that was a large share of the load. Everything else uses SQLiteCpp.

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "src/store/store.hpp"

namespace litrev::store {

class RowScan {
 public:
  RowScan(SQLite::Database& db, const char* sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db.getHandle(), sql, -1, &raw, nullptr) != SQLITE_OK)
      throw StoreError(std::string("cannot prepare a scan: ") + sqlite3_errmsg(db.getHandle()));
    stmt_.reset(raw);
    db_ = db.getHandle();
  }
  // Advances to the next row; false at the end. Throws StoreError on a read error.
  bool next() {
    const int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw StoreError(std::string("scan failed: ") + sqlite3_errmsg(db_));
  }
  bool null(int i) const { return sqlite3_column_type(stmt_.get(), i) == SQLITE_NULL; }
  std::int64_t int64(int i) const { return sqlite3_column_int64(stmt_.get(), i); }
  // Valid until the next call to next().
  std::string_view text(int i) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), i));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), i))) : std::string_view();
  }
  std::string string(int i) const { return std::string(text(i)); }

 private:
  struct Finalize {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
  };
  std::unique_ptr<sqlite3_stmt, Finalize> stmt_;
  sqlite3* db_ = nullptr;
};

}  // namespace litrev::store
