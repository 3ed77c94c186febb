#pragma once
// From references to citations: pointing each reference at the library work it cites, and
// giving the unresolved ones a shared identity. Set-based SQL over the temp table
// pending_refs, so resolving the millions of references of a big import is a handful of
// statements, not a query per reference.

#include <cstdint>

#include "src/store/library.hpp"

namespace litrev::store {

// The connection's scratch tables (TEMP: private to this connection, never in the file):
// batch_keys (original key -> work, first wins), batch_works (works added or changed by the
// open batch), pending_refs (references to resolve now).
void create_scratch_tables(Library& lib);
void clear_scratch_tables(Library& lib);

// After an import batch: the batch's new references (id > last_old_ref), plus the older
// unresolved references whose DOI, cite key, locator or titled key match a work of the batch,
// plus the resolved references whose locator, titled or abbreviated key a work of the batch now
// shares with their cited work (resolved again: citations do not depend on import order).
// Returns how many citations were added (net: a citation a new work made ambiguous counts -1).
std::int64_t resolve_after_batch(Library& lib, std::int64_t last_old_ref);

// Every unresolved reference of the library.
std::int64_t resolve_all(Library& lib);

// The works touched by a manual merge (the kept one): its old dangling references and the
// references to it.
std::int64_t resolve_for_work(Library& lib, WorkId id);

}  // namespace litrev::store
