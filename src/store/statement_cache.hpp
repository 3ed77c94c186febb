#pragma once
// Prepared statements compiled once per connection and reused: the import hot path runs the
// same dozen statements hundreds of thousands of times, and preparing SQL costs more than
// executing a simple INSERT.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <unordered_map>

namespace litrev::store {

class StatementCache {
 public:
  explicit StatementCache(SQLite::Database& db) : db_(&db) {}

  // The statement for sql, keyed by the address of the literal: every call site passes a
  // string literal, so the pointer is stable and hashing it is free.
  SQLite::Statement& get(const char* sql) {
    auto& slot = statements_[sql];
    if (!slot) slot = std::make_unique<SQLite::Statement>(*db_, sql);
    return *slot;
  }

  void clear() { statements_.clear(); }

 private:
  SQLite::Database* db_;
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements_;
};

// Borrows a cached statement for one execution and resets it when the scope ends. The reset
// matters beyond reuse: an unfinished SELECT keeps its read transaction (and WAL snapshot)
// open, so another process's commits would stay invisible and checkpoints would stall.
class Use {
 public:
  Use(StatementCache& cache, const char* sql) : stmt_(cache.get(sql)) {}
  ~Use() { stmt_.tryReset(); }
  Use(const Use&) = delete;
  Use& operator=(const Use&) = delete;
  SQLite::Statement* operator->() { return &stmt_; }
  SQLite::Statement& operator*() { return stmt_; }

 private:
  SQLite::Statement& stmt_;
};

}  // namespace litrev::store
