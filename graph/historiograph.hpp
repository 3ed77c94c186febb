#pragma once
// Garfield's historiograph (Garfield, Pudovkin & Istomin 2003, JASIST 54:400), as bibliometrix
// draws it (histNetwork/histPlot): the direct citations among the library works most cited by
// the library itself (local citations), laid out by publication year.
//
// Layout: one column per distinct year (left: oldest), so a decade without a selected work takes
// no room; inside a column the works are ordered by the barycentre of their neighbours' rows,
// sweeping left to right and back a few times (Sugiyama, Tagawa & Toda 1981), which keeps most
// citation arcs short and uncrossed.

#include <cstdint>
#include <vector>

#include "graph/citation_graph.hpp"
#include "src/core/citation_corpus.hpp"

namespace litrev {

struct HistoriographOptions {
  std::uint32_t top = 30;           // most locally cited works kept
  std::uint32_t min_citations = 1;  // ... cited at least this often by library works
};

struct Historiograph {
  // Library work vertices, by year then most cited; column = index into years, row = slot
  // within the column centred on 0.
  std::vector<VertexId> nodes;
  std::vector<int> column;
  std::vector<double> row;
  std::vector<std::uint32_t> local_citations;
  std::vector<int> years;  // distinct years, ascending
  struct Arc {
    std::uint32_t citing = 0, cited = 0;  // indexes into nodes
  };
  std::vector<Arc> arcs;
};

// Works without a year cannot be placed and are skipped.
Historiograph historiograph(const CitationCorpus& corpus, const CitationGraph& graph,
                            const HistoriographOptions& options = {});

}  // namespace litrev
