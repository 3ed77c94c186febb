#pragma once
// The full-text row of a work (title + subtitle, abstract, keywords, people, notes) is computed
// by one SQL expression from the work's rows, so new works, dedup merges, manual merges and
// notes all index exactly the same text.

#include "src/store/library.hpp"

namespace litrev::store {

// Replaces one work's full-text row now (notes, manual merge).
void refresh_fts(Library& lib, WorkId id);

// Writes the rows of the works the open batch flagged in batch_works (fts = 1: new work,
// fts = 2: existing work whose text changed) in two statements. Deferred to commit on purpose:
// FTS5 flushes its pending terms at every savepoint, so writing inside the per-record
// savepoints would turn one large sorted segment into a tiny segment per record.
void write_batch_fts(Library& lib);

}  // namespace litrev::store
