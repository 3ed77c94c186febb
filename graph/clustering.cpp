#include "graph/clustering.hpp"

#include <array>
#include <utility>

namespace litrev {

namespace {

constexpr std::array<std::pair<NetworkKind, std::string_view>, 3> kNetworkNames = {{
    {NetworkKind::cocitation, "cocitation"},
    {NetworkKind::coupling, "coupling"},
    {NetworkKind::citation, "citation"},
}};

}  // namespace

std::string_view network_name(NetworkKind kind) {
  for (const auto& [k, name] : kNetworkNames) {
    if (k == kind) return name;
  }
  return "coupling";
}

std::optional<NetworkKind> network_from_name(std::string_view name) {
  for (const auto& [k, n] : kNetworkNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

std::string_view quality_function_name(QualityFunction q) { return q == QualityFunction::cpm ? "cpm" : "modularity"; }

Clustering cluster_graph(const CitationGraph& graph, const ClusterOptions& options) {
  Network net;
  switch (options.network) {
    case NetworkKind::cocitation: net = cocitation_network(graph, options.network_options); break;
    case NetworkKind::coupling: net = coupling_network(graph, options.network_options); break;
    case NetworkKind::citation: net = direct_citation_network(graph, options.network_options); break;
  }
  if (net.graph.directed()) net.graph = symmetrize(net.graph);

  Clustering run;
  run.network = options.network;
  run.quality_function = options.leiden.quality;
  run.resolution = options.leiden.resolution;
  run.seed = options.leiden.seed;
  run.network_nodes = net.nodes.size();
  run.network_edges = net.graph.num_edges();
  run.skipped_lists = net.skipped_lists;

  const LeidenResult found = leiden(net.graph, options.leiden);
  run.iterations = found.iterations;
  ClusterSizeResult final_partition =
      enforce_min_cluster_size(net.graph, found.membership, options.min_cluster_size, options.small_clusters);
  const auto& membership = final_partition.membership;
  run.modularity = modularity(net.graph, membership, 1.0);
  run.quality = options.leiden.quality == QualityFunction::modularity
                    ? modularity(net.graph, membership, options.leiden.resolution)
                    : cpm_quality(net.graph, membership, options.leiden.resolution, options.leiden.node_sizes);

  run.clusters.resize(final_partition.clusters);
  for (std::uint32_t c = 0; c < final_partition.clusters; ++c) run.clusters[c].id = c;
  run.cluster_of.assign(graph.num_vertices(), kUnclustered);
  for (VertexId i = 0; i < net.nodes.size(); ++i) {
    const VertexId v = net.nodes[i];  // ascending, so each cluster's list comes out sorted
    if (membership[i] == kUnclustered) {
      run.unclustered.push_back(v);
      continue;
    }
    run.cluster_of[v] = membership[i];
    run.clusters[membership[i]].vertices.push_back(v);
  }
  return run;
}

}  // namespace litrev
