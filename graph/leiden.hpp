#pragma once
// The Leiden algorithm (Traag, Waltman & van Eck 2019, "From Louvain to Leiden: guaranteeing
// well-connected communities", Sci. Rep. 9:5233) on an undirected weighted graph.
//
// One pass = repeat { fast local moving (queue of unstable vertices); refinement (inside each
// cluster, singletons that are well connected merge into well-connected sub-clusters, chosen at
// random with probability ~ exp(gain / randomness)); aggregation of the graph by the refined
// partition, the unrefined partition giving the aggregate its initial clusters } until every
// cluster is a single aggregate vertex. Passes are repeated from the last partition until one
// no longer improves the quality (leidenalg's n_iterations = -1).
//
// Both quality functions are handled as one: moving v into cluster C gains
//   w(v, C) - r * a_v * A_C
// with a_v the vertex's strength and r = resolution / 2m for modularity, and a_v its size
// (1 per original vertex) and r = resolution for CPM.

#include <cstdint>
#include <vector>

#include "graph/csr.hpp"

namespace litrev {

enum class QualityFunction { modularity, cpm };

struct LeidenOptions {
  QualityFunction quality = QualityFunction::modularity;
  double resolution = 1.0;
  std::uint64_t seed = 42;
  // Refinement randomness (theta in the paper, beta in igraph). Gains are in units of edge
  // weight, as in igraph.
  double randomness = 0.01;
  // Passes; -1 = until a pass no longer improves the quality (capped at 1000).
  int max_iterations = -1;
  // CPM only: the size of each vertex (empty = 1 each).
  std::vector<double> node_sizes{};
  // Optional starting partition (any ids below the vertex count); empty = singletons.
  std::vector<std::uint32_t> initial_membership{};
};

struct LeidenResult {
  std::vector<std::uint32_t> membership;  // clusters 0..clusters-1, largest first
  std::uint32_t clusters = 0;
  // The optimised function: generalized modularity (igraph's modularity() with this
  // resolution) or CPM as leidenalg reports it (see cpm_quality).
  double quality = 0.0;
  double modularity = 0.0;  // Newman-Girvan modularity, resolution 1, of the same partition
  int iterations = 0;       // passes run
};

// Throws std::invalid_argument when the graph is directed, a weight is not positive, or the
// options are inconsistent.
LeidenResult leiden(const WeightedGraph& graph, const LeidenOptions& options = {});

// The same without the copy of the graph that leiden() makes on large graphs (50,000 vertices
// or more) to renumber the vertices cluster by cluster: the graph itself is renumbered. On
// return `graph` holds the renumbered graph (same edges), `old_of_new[i]` is the original
// vertex of vertex i (empty when nothing was renumbered), and the membership is indexed by the
// new numbers. For callers that own a large network and only need it afterwards for
// per-cluster work.
LeidenResult leiden_reordering(WeightedGraph& graph, const LeidenOptions& options, std::vector<VertexId>& old_of_new);

}  // namespace litrev
