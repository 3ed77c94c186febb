#pragma once
// Partitions of the vertices of an undirected weighted graph: their quality, their comparison
// with another partition, and the clean-up applied to clusters before they are shown.

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "graph/csr.hpp"

namespace litrev {

inline constexpr std::uint32_t kUnclustered = std::numeric_limits<std::uint32_t>::max();

// Newman-Girvan modularity with a resolution: (1/2m) sum_c (2 w_c - gamma K_c^2 / 2m), w_c the
// weight inside cluster c, K_c the total strength of its vertices (igraph's modularity()).
// 0 for a graph without edges. Vertices marked kUnclustered count as singletons.
double modularity(const WeightedGraph& graph, std::span<const std::uint32_t> membership, double resolution = 1.0);

// The Constant Potts Model as leidenalg's CPMVertexPartition.quality() reports it:
// sum_c (2 w_c - gamma n_c (n_c - 1)), n_c the summed node sizes (1 each when sizes is empty).
double cpm_quality(const WeightedGraph& graph, std::span<const std::uint32_t> membership, double resolution,
                   std::span<const double> node_sizes = {});

// Renumbers clusters 0..k-1, largest first (ties: the cluster holding the smaller vertex
// first); kUnclustered stays. Returns k.
std::uint32_t renumber_by_size(std::vector<std::uint32_t>& membership);

// Normalized mutual information, 2 I(X;Y) / (H(X) + H(Y)) (Danon et al. 2005; igraph's
// compare_communities "nmi"). 1 when both partitions are a single cluster.
double normalized_mutual_information(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);
// Adjusted Rand index (Hubert & Arabie 1985; igraph's "ari").
double adjusted_rand_index(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);

enum class SmallClusterPolicy {
  merge,        // into the cluster it has the most link weight with (unclustered when it has none)
  unclustered,  // its vertices get kUnclustered
};

struct ClusterSizeResult {
  std::vector<std::uint32_t> membership;  // renumbered by size; kUnclustered for the left-overs
  std::uint32_t clusters = 0;
  std::uint32_t unclustered = 0;          // vertices marked kUnclustered
  std::uint32_t merged = 0;               // small clusters merged into a neighbour
};

// Applies a minimum cluster size (counted in vertices). Small clusters are handled smallest
// first, so a small cluster merged into another small one can make it large enough.
ClusterSizeResult enforce_min_cluster_size(const WeightedGraph& graph, std::vector<std::uint32_t> membership,
                                           std::uint32_t min_size, SmallClusterPolicy policy);

}  // namespace litrev
