#pragma once
// The user's corrections to author identity (`litrev people merge/split`), kept in the
// library's settings as JSON and applied by the graph module's group_authors().

#include "graph/people.hpp"
#include "src/store/store.hpp"

namespace litrev::cli {

// Overrides whose person ids still exist in the corpus.
AuthorOverrides load_people_overrides(const Store& store, const CitationCorpus& corpus);
void save_people_overrides(Store& store, const AuthorOverrides& overrides);

}  // namespace litrev::cli
