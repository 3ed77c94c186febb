#pragma once
// Positions for drawing a network (the map of `litrev graph map`): VOSviewer's attraction (van
// Eck, Waltman, Dekker & van den Berg 2010, JASIST 61:2405) with a logarithmic repulsion,
// minimized by a multilevel force-directed method with Barnes-Hut repulsion (bench/graph_layout:
// 0.24 s of CPU for 2,000 nodes and 19,000 links, 5 s for 20,000 nodes, 42 s for 100,000).
//
// Energy, for positions x and link weights s (association strength: observed over expected,
// so a link between two hubs weighs no more than chance predicts):
//     E = sum over links s_ij d_ij^2 / 2  -  sum over pairs m_i m_j ln d_ij
// m = node masses (1; a coarse node weighs its members). In Noack's (a, r) family of energies
// (Noack 2009, Phys. Rev. E 79:026102) this is (2, 0). VOS's own repulsion (r = 1, a unit push
// from every node) separates groups the most (a - r = 1, like LinLog), and on real co-citation
// networks of a mixed library its minimum is a line: a few dense groups shrunk to points at the
// ends and the works bridging them strung out between (measured: minor/major axis 0.02 on the
// 1,000 most cited references of the shared real library). With r = 0 the groups keep their
// inner structure and the map is two-dimensional (axis ratio 0.17 on the same network, ten
// times the spacing between neighbours) while dense groups still stand apart. A connected
// network has a finite minimum without gravity; components are laid out one by one and packed
// around the largest.
//
// Clusters kept apart: links between two clusters attract `between_clusters` times as much as
// links inside one, and coarsening never merges nodes of different clusters, so the coarsest
// level is about the cluster graph and each cluster starts as one body.
//
// Multilevel (Walshaw 2003; Hu 2005): nodes are paired along their heaviest link within their
// cluster, leftovers join their heaviest neighbour's pair, until a level shrinks by less than a
// fifth; each level starts from its parent's positions (seeded jitter) and is refined with
// displacement steps of adaptive length (Hu's cooling). Repulsion by a Barnes-Hut quadtree:
// O(n log n) per step instead of O(n^2).
//
// Deterministic: same graph, clusters, options and seed, same positions, whatever the number
// of threads (forces are computed from one snapshot of the positions, then applied).

#include <cstdint>
#include <span>
#include <vector>

#include "graph/csr.hpp"

namespace litrev {

struct Point {
  double x = 0.0;
  double y = 0.0;
};

struct LayoutOptions {
  std::uint64_t seed = 42;
  // Weight factor of links between two different clusters (1: clusters ignored).
  double between_clusters = 0.25;
  // Barnes-Hut opening criterion (cell size / distance): 0 = exact, larger = faster, rougher.
  double theta = 0.9;
  // Refinement steps per level at most (the coarsest level gets three times as many).
  int max_steps = 300;
  unsigned threads = 0;  // 0: hardware concurrency
};

struct LayoutStats {
  int levels = 0;          // of the largest component
  int steps = 0;           // summed over every level and component
  std::size_t components = 0;
};

struct Layout {
  std::vector<Point> positions;  // per vertex; the whole map fits in [-1, 1]^2, centred
  LayoutStats stats;
};

// graph: undirected, weights > 0 (similarities). cluster_of: empty, or one cluster per vertex
// (kUnclustered allowed, counts as a cluster of its own kind).
Layout layout_network(const WeightedGraph& graph, std::span<const std::uint32_t> cluster_of,
                      const LayoutOptions& options = {});

// Association strength of an undirected count network, for the layout: s_ij = c_ij / (k_i k_j)
// scaled so that the mean weight is 1 (the scale only sets the map's size).
WeightedGraph layout_weights(const WeightedGraph& counts);

// How far apart the clusters are drawn: the mean, over clustered nodes, of (mean distance to
// nodes of other clusters - mean distance to its own) / the larger of the two (the silhouette
// of Rousseeuw 1987, over clusters of >= 2 nodes). 1: clusters are points far apart; 0: mixed.
double cluster_silhouette(std::span<const Point> positions, std::span<const std::uint32_t> cluster_of,
                          std::size_t max_nodes = 2000);

}  // namespace litrev
