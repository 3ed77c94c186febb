#pragma once
// Betweenness centrality on hop counts (arc weights are similarities, not lengths, so they are
// ignored), with igraph's conventions: raw values, directed paths follow the arcs, and on an
// undirected graph each pair of endpoints is counted once.
//
// Brandes' algorithm: one breadth-first search per source on the CSR arrays, with buffers reused
// across sources and no predecessor lists (a vertex's successors on shortest paths are the
// neighbours one hop further, found again on the way back). Sources are the vertices with at
// least one arc (the others reach nobody: in a citation graph, every external). Above
// `exact_up_to` such sources the result is the Brandes-Pich estimate: `samples` distinct
// sources drawn with the seed, values scaled by sources / samples; the result says which.

#include <cstdint>
#include <vector>

#include "graph/citation_graph.hpp"
#include "graph/csr.hpp"

namespace litrev {

struct BetweennessOptions {
  // Citation graph only: true = paths follow citations (citing -> cited); false = on the
  // symmetrized graph.
  bool directed = true;
  std::uint32_t exact_up_to = 50'000;  // sources; more get the sampled estimate
  std::uint32_t samples = 1000;        // sources drawn when estimating
  std::uint64_t seed = 42;
  // Worker threads. Each thread sums its own sources; the partial sums are added in thread
  // order, so a given (seed, threads) always gives the same values.
  unsigned threads = 1;
};

struct BetweennessResult {
  std::vector<double> scores;  // indexed by vertex
  bool sampled = false;
  std::uint32_t sources = 0;   // how many sources were searched (vertices with arcs, or the sample)
};

BetweennessResult betweenness(const CitationGraph& graph, const BetweennessOptions& options = {});

// Directed graphs follow their arcs, undirected ones count each pair once; `directed` in the
// options is ignored here.
BetweennessResult betweenness(const WeightedGraph& graph, const BetweennessOptions& options = {});

// The engine on one adjacency (its weights are ignored).
BetweennessResult betweenness(const Adjacency& adjacency, bool undirected, const BetweennessOptions& options);

}  // namespace litrev
