#pragma once
// The library's schema and its forward migrations.

#include <SQLiteCpp/Database.h>

#include <filesystem>

namespace litrev::store {

// The schema version this build writes: the number of migration steps.
int current_schema_version();

// Sets the connection's pragmas (WAL, foreign keys, synchronous, cache) and brings the schema
// to current_schema_version(), one transaction per step. Throws StoreError naming path when the
// file is not a litrev library or was written by a newer litrev.
void prepare_library(SQLite::Database& db, const std::filesystem::path& path);

}  // namespace litrev::store
