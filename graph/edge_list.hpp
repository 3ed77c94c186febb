#pragma once
// Plain edge lists ("source<TAB>target[<TAB>weight]" per line, '#' comments), the format of
// the graph oracle's fixtures, for tests, benchmarks and imports of generated graphs. Pure:
// text in, values out.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/csr.hpp"
#include "src/core/citation_corpus.hpp"

namespace litrev {

struct EdgeList {
  std::vector<std::string> names;  // vertex id -> name, in order of first appearance
  std::vector<WeightedEdge> edges;
  bool weighted = false;            // some line had a weight column
  std::vector<std::size_t> bad_lines;  // 1-based lines that could not be read (skipped)
};

EdgeList parse_edge_list(std::string_view text);

// A corpus whose works are the vertices (key = name) and whose citations are the edges, read
// as citing -> cited between library works. Weights are ignored.
CitationCorpus corpus_from_edge_list(const EdgeList& edges);

}  // namespace litrev
