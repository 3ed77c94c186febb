#include "graph/networks.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "src/core/cancellation.hpp"

namespace litrev {

namespace {

constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);

// The retained candidates, in vertex order: those cited at least min_citations times, then the
// top_n most cited.
std::vector<VertexId> select_nodes(const CitationGraph& graph, const NetworkOptions& options,
                                   std::vector<VertexId> candidates) {
  std::vector<VertexId> nodes;
  for (VertexId v : candidates) {
    if (graph.local_citations(v) >= options.min_citations) nodes.push_back(v);
  }
  if (options.top_n > 0 && nodes.size() > options.top_n) {
    std::stable_sort(nodes.begin(), nodes.end(), [&](VertexId a, VertexId b) {
      return graph.local_citations(a) > graph.local_citations(b);
    });
    nodes.resize(options.top_n);
    std::sort(nodes.begin(), nodes.end());
  }
  return nodes;
}

template <typename Keep>
std::vector<VertexId> vertices_where(const CitationGraph& graph, Keep keep) {
  std::vector<VertexId> nodes;
  for (VertexId v = 0; v < graph.num_vertices(); ++v) {
    if (keep(v)) nodes.push_back(v);
  }
  return nodes;
}

}  // namespace

// Gustavson's row-by-row sparse product. Symmetric by construction: row i and row j visit their
// common lists in the same (increasing) order, so even fractional sums are bitwise equal both ways.
Network co_occurrence_network(std::vector<VertexId> nodes, const Adjacency& containing, const Adjacency& members,
                              const NetworkOptions& options) {
  const auto n = static_cast<VertexId>(nodes.size());
  std::vector<std::uint32_t> net_id(containing.num_vertices(), kNone);
  for (VertexId i = 0; i < n; ++i) net_id[nodes[i]] = i;

  Network net;
  // Per list: usable or not, and the weight it gives each pair.
  const VertexId num_lists = members.num_vertices();
  std::vector<double> list_weight(num_lists, 0.0);
  for (VertexId list = 0; list < num_lists; ++list) {
    const std::uint32_t length = members.degree(list);
    if (length < 2) continue;
    if (length > options.max_list_length) {
      ++net.skipped_lists;
      continue;
    }
    std::uint32_t retained = 0;
    for (VertexId u : members.neighbors(list)) retained += net_id[u] != kNone;
    if (retained < 2) continue;
    list_weight[list] = options.counting == Counting::full ? 1.0 : 1.0 / static_cast<double>(retained - 1);
  }

  net.occurrences.assign(n, 0.0);
  std::size_t upper = 0;  // arcs at most: every (list, other member) visit
  for (VertexId i = 0; i < n; ++i) {
    for (VertexId list : containing.neighbors(nodes[i])) {
      if (members.degree(list) <= options.max_list_length) net.occurrences[i] += 1.0;
      if (list_weight[list] > 0.0) upper += members.degree(list) - 1;
    }
  }
  upper = std::min<std::size_t>(upper, static_cast<std::size_t>(n) * (n > 0 ? n - 1 : 0));
  if (upper > std::numeric_limits<ArcIndex>::max()) throw std::length_error("network too large: more than 2^32 arcs");

  std::vector<ArcIndex> offsets(static_cast<std::size_t>(n) + 1, 0);
  std::vector<VertexId> targets;
  std::vector<Weight> weights;
  // Reserved at the upper bound: pages never written are never resident, so this costs
  // address space, not memory, and saves the copies of a growing vector.
  targets.reserve(upper);
  weights.reserve(upper);
  std::vector<double> acc(n, 0.0);
  std::vector<char> seen(n, 0);
  std::vector<VertexId> touched;
  CancelCheck cancel(256);  // a node's row can cost many pair visits
  for (VertexId i = 0; i < n; ++i) {
    cancel.tick();
    touched.clear();
    for (VertexId list : containing.neighbors(nodes[i])) {
      const double w = list_weight[list];
      if (w == 0.0) continue;
      for (VertexId u : members.neighbors(list)) {
        const std::uint32_t j = net_id[u];
        if (j == kNone || j == i) continue;
        if (!seen[j]) {
          seen[j] = 1;
          touched.push_back(j);
        }
        acc[j] += w;
      }
    }
    std::sort(touched.begin(), touched.end());
    for (VertexId j : touched) {
      if (acc[j] >= options.min_weight) {
        targets.push_back(j);
        weights.push_back(static_cast<Weight>(acc[j]));
      }
      acc[j] = 0.0;
      seen[j] = 0;
    }
    offsets[i + 1] = static_cast<ArcIndex>(targets.size());
  }
  net.graph = WeightedGraph::from_rows(false, std::move(offsets), std::move(targets), std::move(weights));
  if (options.normalization != Normalization::none) {
    net.graph = normalize(net.graph, options.normalization, net.occurrences);
  }
  net.nodes = std::move(nodes);
  return net;
}

std::vector<VertexId> cocitation_candidates(const CitationGraph& graph) {
  return vertices_where(graph, [&](VertexId v) { return graph.local_citations(v) > 0; });
}

std::vector<VertexId> coupling_candidates(const CitationGraph& graph) {
  const Adjacency out = graph.out();
  return vertices_where(graph, [&](VertexId v) { return graph.is_work(v) && out.degree(v) > 0; });
}

std::vector<VertexId> citation_candidates(const CitationGraph& graph, bool include_externals) {
  return vertices_where(graph, [&](VertexId v) { return include_externals || graph.is_work(v); });
}

Network cocitation_network(const CitationGraph& graph, const NetworkOptions& options) {
  auto nodes = select_nodes(graph, options, cocitation_candidates(graph));
  return co_occurrence_network(std::move(nodes), graph.in(), graph.out(), options);
}

Network coupling_network(const CitationGraph& graph, const NetworkOptions& options) {
  auto nodes = select_nodes(graph, options, coupling_candidates(graph));
  return co_occurrence_network(std::move(nodes), graph.out(), graph.in(), options);
}

Network direct_citation_network(const CitationGraph& graph, const NetworkOptions& options) {
  auto nodes = select_nodes(graph, options, citation_candidates(graph, options.include_externals));
  std::vector<std::uint32_t> net_id(graph.num_vertices(), kNone);
  for (VertexId i = 0; i < nodes.size(); ++i) net_id[nodes[i]] = i;
  const Adjacency out = graph.out();
  Network net;
  std::vector<ArcIndex> offsets(nodes.size() + 1, 0);
  std::vector<VertexId> targets;
  net.occurrences.assign(nodes.size(), 0.0);
  for (VertexId i = 0; i < nodes.size(); ++i) {
    for (VertexId u : out.neighbors(nodes[i])) {
      if (net_id[u] != kNone) targets.push_back(net_id[u]);  // rows stay sorted: net ids increase with u
    }
    offsets[i + 1] = static_cast<ArcIndex>(targets.size());
    net.occurrences[i] = graph.local_citations(nodes[i]);
  }
  std::vector<Weight> weights(targets.size(), 1.0F);
  net.graph = WeightedGraph::from_rows(true, std::move(offsets), std::move(targets), std::move(weights));
  net.nodes = std::move(nodes);
  return net;
}

WeightedGraph normalize(const WeightedGraph& counts, Normalization normalization,
                        std::span<const double> occurrences) {
  if (counts.directed()) throw std::invalid_argument("normalize: the network must be undirected");
  const Adjacency adj = counts.adjacency();
  const VertexId n = adj.num_vertices();
  std::vector<Weight> weights(adj.weights.begin(), adj.weights.end());
  if (normalization == Normalization::none) {
    // nothing to do
  } else if (normalization == Normalization::association_strength) {
    std::vector<double> strength(n);
    for (VertexId v = 0; v < n; ++v) strength[v] = adj.strength(v);
    const double two_m = 2.0 * counts.total_weight();
    for (VertexId v = 0; v < n; ++v) {
      for (ArcIndex a = adj.begin(v); a < adj.end(v); ++a) {
        weights[a] = static_cast<Weight>(two_m * weights[a] / (strength[v] * strength[adj.targets[a]]));
      }
    }
  } else {
    if (occurrences.size() != n) throw std::invalid_argument("normalize: one occurrence count per vertex needed");
    for (VertexId v = 0; v < n; ++v) {
      for (ArcIndex a = adj.begin(v); a < adj.end(v); ++a) {
        const double denom = std::sqrt(occurrences[v] * occurrences[adj.targets[a]]);
        weights[a] = static_cast<Weight>(denom > 0.0 ? weights[a] / denom : 0.0);
      }
    }
  }
  std::vector<ArcIndex> offsets(adj.offsets.begin(), adj.offsets.end());
  std::vector<VertexId> targets(adj.targets.begin(), adj.targets.end());
  return WeightedGraph::from_rows(false, std::move(offsets), std::move(targets), std::move(weights));
}

}  // namespace litrev
