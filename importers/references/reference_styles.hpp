#pragma once
// One parser per reference style; parse_reference dispatches to them (not a public API).
// Each receives the trimmed text and fills the parts it can read; raw, DOI and ISBN are set by
// the caller.

#include <string_view>

#include "src/core/record.hpp"

namespace litrev::refstyle {

void parse_wos(std::string_view s, Reference& ref);
void parse_scopus(std::string_view s, Reference& ref);
void parse_unstructured(std::string_view s, Reference& ref);

// True when a Scopus item starts with "Family, I." (the start of an author list).
bool scopus_starts_with_author(std::string_view s);

// For WoS lines: the DOI chosen among `DOI 10.x`, `DOI DOI 10.x`, `DOI [10.x, DOI 10.y, ...]`.
std::string wos_doi(std::string_view doi_part);

}  // namespace litrev::refstyle
