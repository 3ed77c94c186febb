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
#include "graph/thresholds.hpp"

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
  // Sizes chosen from the network instead (thresholds.hpp): min_citations so that about
  // readable_nodes(works describing the clusters, readable_nodes_cap) nodes remain (co-citation:
  // the library works citing something, and at least 2 citations, a work cited once being
  // co-cited only within one reference list; coupling and direct citation: the candidate works
  // themselves, so only the cap applies), top_n none; and min_cluster_size from the network.
  bool choose_min_citations = false;
  std::size_t readable_nodes_cap = kReadableNodes;
  bool choose_min_cluster_size = false;
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
  // The thresholds used, given or chosen, and the nodes the network could hold without them.
  std::size_t candidate_nodes = 0;
  std::size_t target_nodes = 0;  // when min_citations is chosen: about how many it aims at
  std::uint32_t min_citations = 0;
  std::uint32_t top_nodes = 0;
  bool min_citations_chosen = false;
  std::uint32_t min_cluster_size = 1;
  bool min_cluster_size_chosen = false;
  std::uint32_t merged_clusters = 0;  // small clusters merged into a neighbour
  std::size_t skipped_lists = 0;
  std::vector<ClusterMembers> clusters;
  std::vector<VertexId> unclustered;      // citation-graph vertices of the network left out
  std::vector<std::uint32_t> cluster_of;  // per citation-graph vertex; kUnclustered when none
};

// The work networks (author_cocitation throws std::invalid_argument: see author_cocitation.hpp).
Clustering cluster_graph(const CitationGraph& graph, const ClusterOptions& options = {});

// The node thresholds a network is built with: options.network_options as given, or, when
// options.choose_min_citations, min_citations chosen from the candidates' citation counts so that
// about readable_nodes(describing, cap) remain, none cited fewer than `floor` times (top_n none).
struct NodeSelection {
  NetworkOptions network_options;
  std::size_t candidates = 0;
  std::size_t target = 0;  // 0 when not chosen
};
NodeSelection select_by_citations(const ClusterOptions& options, const std::vector<std::uint32_t>& counts,
                                  std::size_t describing, std::uint32_t floor);

// Leiden, minimum size and the mapping back for any network whose nodes are items < num_items
// (citation-graph vertices, or author groups): clusters' `vertices` and `cluster_of` are items.
// run.network is options.network; the run records the thresholds of `selection`.
Clustering cluster_network(Network net, std::size_t num_items, const ClusterOptions& options,
                           const NodeSelection& selection);

}  // namespace litrev
