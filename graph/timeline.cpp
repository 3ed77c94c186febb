#include "graph/timeline.hpp"

#include <algorithm>

#include "graph/partition.hpp"

namespace litrev {

std::vector<std::uint32_t> work_clusters(const CitationGraph& graph, std::span<const std::uint32_t> cluster_of,
                                         bool clusters_hold_cited_works) {
  const VertexId works = graph.num_works();
  auto own = [&](VertexId v) { return v < cluster_of.size() ? cluster_of[v] : kUnclustered; };
  std::vector<std::uint32_t> result(works, kUnclustered);
  if (!clusters_hold_cited_works) {
    for (VertexId w = 0; w < works; ++w) result[w] = own(w);
    return result;
  }
  const Adjacency out = graph.out();
  std::uint32_t clusters = 0;
  for (std::uint32_t c : cluster_of)
    if (c != kUnclustered) clusters = std::max(clusters, c + 1);
  std::vector<std::uint32_t> cited(clusters, 0);
  for (VertexId w = 0; w < works; ++w) {
    std::uint32_t best = kUnclustered;
    for (VertexId u : out.neighbors(w)) {
      const std::uint32_t c = own(u);
      if (c == kUnclustered) continue;
      ++cited[c];
      if (best == kUnclustered || cited[c] > cited[best] || (cited[c] == cited[best] && c < best)) best = c;
    }
    for (VertexId u : out.neighbors(w))
      if (own(u) != kUnclustered) cited[own(u)] = 0;
    result[w] = best != kUnclustered ? best : own(w);
  }
  return result;
}

Timeline works_timeline(const CitationCorpus& corpus, const CitationGraph& graph,
                        std::span<const std::uint32_t> work_cluster, std::uint32_t clusters) {
  Timeline t;
  t.undated_by_cluster.assign(clusters, 0);
  auto plausible = [](const std::optional<int>& y) { return y && *y >= 1000 && *y <= 2200; };
  int first = 0, last = -1;
  for (const CorpusWork& w : corpus.works) {
    if (!plausible(w.year)) continue;
    if (last < first) first = last = *w.year;
    first = std::min(first, *w.year), last = std::max(last, *w.year);
  }
  t.first_year = first, t.last_year = last;
  const std::size_t years = last >= first ? static_cast<std::size_t>(last - first + 1) : 0;
  t.works.assign(years, 0);
  t.clusters.assign(clusters, std::vector<std::uint32_t>(years, 0));
  for (VertexId v = 0; v < graph.num_works(); ++v) {
    const CorpusWork& w = corpus.works[graph.node(v).index];
    const std::uint32_t c = v < work_cluster.size() && work_cluster[v] < clusters ? work_cluster[v] : kUnclustered;
    if (!plausible(w.year)) {
      ++t.undated;
      if (c != kUnclustered) ++t.undated_by_cluster[c];
      continue;
    }
    const auto y = static_cast<std::size_t>(*w.year - first);
    ++t.works[y];
    if (c != kUnclustered) ++t.clusters[c][y];
    else ++t.unclustered;
  }
  return t;
}

}  // namespace litrev
