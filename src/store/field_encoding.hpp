#pragma once
// A source record's original fields, stored as one JSON value per source:
//   [["title","The {Iron} Cage"],["year","1983"]]
// One row per source instead of one per field (a BibTeX entry has ~25 fields: that was most
// of the rows an import wrote), still readable from SQL through the source_fields view
// (json_each). Order, duplicate names and every byte of the values are kept.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/core/record.hpp"

namespace litrev::store {

std::string encode_fields(const std::vector<SourceField>& fields);

// nullopt when text is not an array of [name, value] string pairs.
std::optional<std::vector<SourceField>> decode_fields(std::string_view text);

}  // namespace litrev::store
