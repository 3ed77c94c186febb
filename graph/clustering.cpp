#include "graph/clustering.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

namespace litrev {

namespace {

constexpr std::array<std::pair<NetworkKind, std::string_view>, 4> kNetworkNames = {{
    {NetworkKind::cocitation, "cocitation"},
    {NetworkKind::coupling, "coupling"},
    {NetworkKind::citation, "citation"},
    {NetworkKind::author_cocitation, "author-cocitation"},
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
    case NetworkKind::author_cocitation:
      throw std::invalid_argument("cluster_graph: the author co-citation network is clustered by cluster_author_cocitation");
  }
  return cluster_network(std::move(net), graph.num_vertices(), options);
}

Clustering cluster_network(Network net, std::size_t num_items, const ClusterOptions& options) {
  if (net.graph.directed()) net.graph = symmetrize(net.graph);

  Clustering run;
  run.network = options.network;
  run.quality_function = options.leiden.quality;
  run.resolution = options.leiden.resolution;
  run.seed = options.leiden.seed;
  run.network_nodes = net.nodes.size();
  run.network_edges = net.graph.num_edges();
  run.skipped_lists = net.skipped_lists;

  // The network is ours: let Leiden renumber it in place rather than copy it (at 1M works the
  // co-citation network alone is 600 MB). Vertex i of net.graph is then net.nodes[old_of_new[i]].
  std::vector<VertexId> old_of_new;
  const LeidenResult found = leiden_reordering(net.graph, options.leiden, old_of_new);
  auto original = [&](VertexId i) { return old_of_new.empty() ? i : old_of_new[i]; };
  run.iterations = found.iterations;
  ClusterSizeResult final_partition =
      enforce_min_cluster_size(net.graph, found.membership, options.min_cluster_size, options.small_clusters);
  const auto& membership = final_partition.membership;
  run.modularity = modularity(net.graph, membership, 1.0);
  std::vector<double> sizes;  // CPM node sizes follow the renumbering
  if (!options.leiden.node_sizes.empty()) {
    sizes.resize(membership.size());
    for (VertexId i = 0; i < sizes.size(); ++i) sizes[i] = options.leiden.node_sizes[original(i)];
  }
  run.quality = options.leiden.quality == QualityFunction::modularity
                    ? modularity(net.graph, membership, options.leiden.resolution)
                    : cpm_quality(net.graph, membership, options.leiden.resolution, sizes);

  run.clusters.resize(final_partition.clusters);
  for (std::uint32_t c = 0; c < final_partition.clusters; ++c) run.clusters[c].id = c;
  run.cluster_of.assign(num_items, kUnclustered);
  for (VertexId i = 0; i < membership.size(); ++i) {
    const VertexId v = net.nodes[original(i)];
    if (membership[i] == kUnclustered) {
      run.unclustered.push_back(v);
      continue;
    }
    run.cluster_of[v] = membership[i];
    run.clusters[membership[i]].vertices.push_back(v);
  }
  for (auto& c : run.clusters) std::sort(c.vertices.begin(), c.vertices.end());
  std::sort(run.unclustered.begin(), run.unclustered.end());
  return run;
}

}  // namespace litrev
