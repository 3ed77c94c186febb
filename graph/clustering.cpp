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

namespace {

std::vector<VertexId> candidates(const CitationGraph& graph, const ClusterOptions& options) {
  switch (options.network) {
    case NetworkKind::cocitation: return cocitation_candidates(graph);
    case NetworkKind::coupling: return coupling_candidates(graph);
    case NetworkKind::citation: return citation_candidates(graph, options.network_options.include_externals);
    case NetworkKind::author_cocitation: break;
  }
  return {};
}

}  // namespace

Clustering cluster_graph(const CitationGraph& graph, const ClusterOptions& options) {
  if (options.network == NetworkKind::author_cocitation) {
    throw std::invalid_argument("cluster_graph: the author co-citation network is clustered by cluster_author_cocitation");
  }
  const std::vector<VertexId> nodes = candidates(graph, options);
  std::vector<std::uint32_t> counts(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) counts[i] = graph.local_citations(nodes[i]);
  // Co-citation clusters are named by the works citing them, other clusters by their own works;
  // a work cited once is co-cited within one reference list only.
  const bool cocitation = options.network == NetworkKind::cocitation;
  const std::size_t describing = cocitation ? coupling_candidates(graph).size() : nodes.size();
  const NodeSelection selection = select_by_citations(options, counts, describing, cocitation ? 2 : 0);

  Network net;
  switch (options.network) {
    case NetworkKind::cocitation: net = cocitation_network(graph, selection.network_options); break;
    case NetworkKind::coupling: net = coupling_network(graph, selection.network_options); break;
    case NetworkKind::citation: net = direct_citation_network(graph, selection.network_options); break;
    case NetworkKind::author_cocitation: break;
  }
  return cluster_network(std::move(net), graph.num_vertices(), options, selection);
}

NodeSelection select_by_citations(const ClusterOptions& options, const std::vector<std::uint32_t>& counts,
                                  std::size_t describing, std::uint32_t floor) {
  NodeSelection selection{.network_options = options.network_options, .candidates = counts.size(), .target = 0};
  if (options.choose_min_citations) {
    selection.target = readable_nodes(describing, options.readable_nodes_cap);
    selection.network_options.min_citations = choose_node_threshold(counts, selection.target, floor).min_count;
    selection.network_options.top_n = 0;
  }
  return selection;
}

Clustering cluster_network(Network net, std::size_t num_items, const ClusterOptions& options,
                           const NodeSelection& selection) {
  if (net.graph.directed()) net.graph = symmetrize(net.graph);

  Clustering run;
  run.network = options.network;
  run.candidate_nodes = selection.candidates;
  run.target_nodes = selection.target;
  run.min_citations = selection.network_options.min_citations;
  run.top_nodes = selection.network_options.top_n;
  run.min_citations_chosen = options.choose_min_citations;
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
  run.min_cluster_size =
      options.choose_min_cluster_size ? default_min_cluster_size(net.nodes.size()) : options.min_cluster_size;
  run.min_cluster_size_chosen = options.choose_min_cluster_size;
  ClusterSizeResult final_partition =
      enforce_min_cluster_size(net.graph, found.membership, run.min_cluster_size, options.small_clusters);
  run.merged_clusters = final_partition.merged;
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
