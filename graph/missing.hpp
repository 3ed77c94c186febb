#pragma once
// The works the library is missing: cited works outside the library that at least K library
// works cite, most cited first, then strongest co-citation with the library, each with the
// library works citing it (the reason it is suggested) and the best metadata known.

#include <cstdint>
#include <string>
#include <vector>

#include "graph/citation_graph.hpp"
#include "src/core/citation_corpus.hpp"

namespace litrev {

struct MissingWork {
  std::uint32_t external = 0;  // corpus.externals index (the first one with this identity)
  std::string identity;
  std::string label;
  std::string doi;  // from any reference to it that had one
  std::string raw;  // the longest raw reference text seen
  std::uint32_t count = 0;  // library works citing it
  // Co-citation strength with the library: over the works citing it, the number of library
  // works they cite too (how often it is cited together with works already in the library).
  std::uint32_t cocitation = 0;
  std::vector<std::uint32_t> cited_by;  // corpus.works indexes, ascending
};

// Ties after count and co-citation: identity order, so the output is stable.
std::vector<MissingWork> missing_works(const CitationCorpus& corpus, const CitationGraph& graph,
                                       std::uint32_t min_citations = 2);

}  // namespace litrev
