#pragma once
// One call for `litrev graph cluster`: build the chosen network from the citation graph,
// run Leiden, apply the minimum cluster size, and map clusters back to citation-graph vertices.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "graph/citation_graph.hpp"
#include "graph/leiden.hpp"
#include "graph/networks.hpp"
#include "graph/partition.hpp"

namespace litrev {

// co-citation clusters cited works (library and external); coupling and direct citation
// cluster library works (direct citation is symmetrized: the oracle's convention); author
// co-citation clusters cited authors (author_cocitation.hpp).
enum class NetworkKind { cocitation, coupling, citation, author_cocitation };
std::string_view network_name(NetworkKind kind);  // "cocitation", "coupling", "citation", "author-cocitation"
std::optional<NetworkKind> network_from_name(std::string_view name);
std::string_view quality_function_name(QualityFunction q);  // "modularity", "cpm"

struct ClusterOptions {
  NetworkKind network = NetworkKind::coupling;
  NetworkOptions network_options{};
  LeidenOptions leiden{};
  std::uint32_t min_cluster_size = 1;
  SmallClusterPolicy small_clusters = SmallClusterPolicy::merge;
};

struct ClusterMembers {
  std::uint32_t id = 0;            // 0 = the largest
  std::vector<VertexId> vertices;  // citation-graph vertices, ascending
};

struct Clustering {
  NetworkKind network = NetworkKind::coupling;
  QualityFunction quality_function = QualityFunction::modularity;
  double resolution = 1.0;
  std::uint64_t seed = 0;
  // Of the final partition (after small clusters were merged or left out; unclustered
  // vertices count as singletons).
  double quality = 0.0;
  double modularity = 0.0;
  int iterations = 0;
  std::size_t network_nodes = 0;
  std::size_t network_edges = 0;
  std::size_t skipped_lists = 0;
  std::vector<ClusterMembers> clusters;
  std::vector<VertexId> unclustered;      // citation-graph vertices of the network left out
  std::vector<std::uint32_t> cluster_of;  // per citation-graph vertex; kUnclustered when none
};

// The work networks (author_cocitation throws std::invalid_argument: see author_cocitation.hpp).
Clustering cluster_graph(const CitationGraph& graph, const ClusterOptions& options = {});

// Leiden, minimum size and the mapping back for any network whose nodes are items < num_items
// (citation-graph vertices, or author groups): clusters' `vertices` and `cluster_of` are items.
// run.network is options.network.
Clustering cluster_network(Network net, std::size_t num_items, const ClusterOptions& options);

}  // namespace litrev
