#pragma once
// PageRank with igraph's semantics (PRPACK, also networkx and Gephi): the scores sum to 1, a
// dangling vertex (no out-arc, e.g. a cited work outside the library) spreads its score
// uniformly over all vertices, and weighted arcs split a vertex's score in proportion to
// their weight.
//
// Why not boost::page_rank: it neither redistributes dangling mass nor normalises, so its values
// differ from igraph's by more than a constant on graphs with dangling vertices (see
// shared/fixtures/graph_oracle/public_corpus_networks/pagerank_boost_formula_vs_igraph.json).
//
// How: with dangling mass spread uniformly, the PageRank vector is proportional to the
// solution z of z = 1 + d P^T z (P = row-normalised arcs, dangling rows empty), because the
// dangling and teleport terms are the same constant on every vertex. That system is solved
// strongly-connected component by component, upstream first: a component without a cycle (all
// of a citation DAG) is solved exactly in one step; a cyclic one by Gauss-Seidel sweeps until
// the bound on its remaining relative L1 error is below the tolerance. Then z is scaled to sum 1.

#include <cstdint>
#include <vector>

#include "graph/citation_graph.hpp"
#include "graph/csr.hpp"

namespace litrev {

struct PageRankOptions {
  double damping = 0.85;
  // Bound on the L1 error of the scores (in cyclic components; the rest is exact).
  double tolerance = 1e-10;
  int max_iterations = 10000;
};

struct PageRankResult {
  std::vector<double> scores;  // indexed by vertex, sum 1 (empty graph: empty)
  int iterations = 0;          // the most sweeps any cyclic component needed (0 for a DAG)
  bool converged = true;
};

// The citation graph: arcs citing -> cited, unweighted.
PageRankResult pagerank(const CitationGraph& graph, const PageRankOptions& options = {});

// A weighted graph (directed, or undirected = both directions).
PageRankResult pagerank(const WeightedGraph& graph, const PageRankOptions& options = {});

// The engine: in-arcs of every vertex (weights optional) and the out-strength of every vertex.
PageRankResult pagerank(const Adjacency& out, const Adjacency& in, const PageRankOptions& options);

}  // namespace litrev
