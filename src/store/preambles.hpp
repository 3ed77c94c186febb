#pragma once
// The @preamble blocks of imported BibTeX files (table preambles, schema version 2).

#include <string>

#include "src/store/library.hpp"

namespace litrev::store {

// Adds text unless the library holds it already (the first origin and time are kept).
// Blank text is ignored. The caller holds the write transaction.
void insert_preamble(Library& lib, const std::string& text, const std::string& origin, const std::string& now);

}  // namespace litrev::store
