#pragma once
// The user's corrections (`litrev set` / `unset`): the work's source record of kind "user".
// Store::set_field & co. write it; an import that merges a record into a work calls
// apply_user_fields afterwards, so that no source undoes what the user set or hid.

#include <cstdint>
#include <vector>

#include "src/core/record.hpp"
#include "src/store/library.hpp"

namespace litrev::store {

// The user's [field, value] pairs of a work (value "" = hidden), empty when none.
std::vector<SourceField> user_fields(Library& lib, WorkId id);

// Writes the user's values into w (readable columns and ids). Returns whether w changed.
bool apply_user_fields(Work& w, const std::vector<SourceField>& fields);

// After identifiers were added to a work: removes those of a scheme the user set or hid that
// are not the user's.
void keep_user_identifiers(Library& lib, WorkId id, const std::vector<SourceField>& fields);

}  // namespace litrev::store
