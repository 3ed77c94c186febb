#pragma once
// The user's corrections (`litrev set` / `unset`): the work's source record of kind "user".
// Store::set_field & co. write it; an import that merges a record into a work calls
// apply_user_fields afterwards, so that no source undoes what the user set or hid.

#include <cstdint>
#include <string>
#include <unordered_map>
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

// What the sources had said of the works the user corrected (user_field_previous): their dedup
// keys (dedup_key of the work with the sources' title, year...) and DOIs. A record that still
// says what its source said is still that work: the same entry, re-imported after a new field
// was added to it, must not become a second work because its title was corrected here.
struct SourceViewKeys {
  std::unordered_map<std::string, WorkId> dedup;  // dedup_key -> work
  std::unordered_map<std::string, WorkId> doi;    // normalized DOI -> work
};
SourceViewKeys source_view_keys(Library& lib);

}  // namespace litrev::store
