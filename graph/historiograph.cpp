#include "graph/historiograph.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace litrev {

Historiograph historiograph(const CitationCorpus& corpus, const CitationGraph& graph,
                            const HistoriographOptions& options) {
  const Adjacency out = graph.out();
  auto year = [&](VertexId v) { return corpus.works[graph.node(v).index].year; };
  std::vector<VertexId> candidates;
  for (VertexId v = 0; v < graph.num_works(); ++v)
    if (year(v) && graph.local_citations(v) >= std::max<std::uint32_t>(options.min_citations, 1)) candidates.push_back(v);
  std::stable_sort(candidates.begin(), candidates.end(),
                   [&](VertexId a, VertexId b) { return graph.local_citations(a) > graph.local_citations(b); });
  if (candidates.size() > options.top) candidates.resize(options.top);
  std::stable_sort(candidates.begin(), candidates.end(), [&](VertexId a, VertexId b) { return *year(a) < *year(b); });

  Historiograph h;
  h.nodes = candidates;
  const std::size_t n = h.nodes.size();
  std::unordered_map<VertexId, std::uint32_t> index;
  for (std::uint32_t i = 0; i < n; ++i) index[h.nodes[i]] = i;
  std::vector<std::vector<std::uint32_t>> neighbours(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    h.local_citations.push_back(graph.local_citations(h.nodes[i]));
    for (VertexId u : out.neighbors(h.nodes[i])) {
      const auto it = index.find(u);
      if (it == index.end()) continue;
      h.arcs.push_back({i, it->second});
      neighbours[i].push_back(it->second);
      neighbours[it->second].push_back(i);
    }
    if (h.years.empty() || h.years.back() != *year(h.nodes[i])) h.years.push_back(*year(h.nodes[i]));
    h.column.push_back(static_cast<int>(h.years.size()) - 1);
  }
  // Columns: node indexes in their current order (initially: most cited first).
  std::vector<std::vector<std::uint32_t>> columns(h.years.size());
  for (std::uint32_t i = 0; i < n; ++i) columns[static_cast<std::size_t>(h.column[i])].push_back(i);
  h.row.assign(n, 0.0);
  auto place = [&](std::vector<std::uint32_t>& col) {
    for (std::size_t k = 0; k < col.size(); ++k) h.row[col[k]] = static_cast<double>(k) - (static_cast<double>(col.size()) - 1) / 2;
  };
  for (auto& col : columns) place(col);
  auto sweep = [&](std::vector<std::uint32_t>& col, bool toward_right) {
    std::vector<std::pair<double, std::uint32_t>> keyed;
    for (std::uint32_t i : col) {
      double sum = 0.0;
      int count = 0;
      for (std::uint32_t j : neighbours[i])
        if (toward_right ? h.column[j] < h.column[i] : h.column[j] > h.column[i]) sum += h.row[j], ++count;
      keyed.push_back({count ? sum / count : h.row[i], i});
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t k = 0; k < keyed.size(); ++k) col[k] = keyed[k].second;
    place(col);
  };
  for (int pass = 0; pass < 4; ++pass) {
    for (std::size_t c = 1; c < columns.size(); ++c) sweep(columns[c], true);
    for (std::size_t c = columns.size(); c-- > 1;) sweep(columns[c - 1], false);
  }
  return h;
}

}  // namespace litrev
