#include "graph/missing.hpp"

#include <algorithm>
#include <unordered_map>

namespace litrev {

std::vector<MissingWork> missing_works(const CitationCorpus& corpus, const CitationGraph& graph,
                                       std::uint32_t min_citations) {
  const Adjacency in = graph.in();
  const Adjacency out = graph.out();
  std::vector<MissingWork> result;
  std::unordered_map<VertexId, std::size_t> slot;
  for (VertexId v = graph.num_works(); v < graph.num_vertices(); ++v) {
    if (in.degree(v) < std::max<std::uint32_t>(min_citations, 1)) continue;
    MissingWork m;
    m.external = graph.node(v).index;
    const ExternalWork& e = corpus.externals[m.external];
    m.identity = e.identity;
    m.label = e.label;
    m.count = in.degree(v);
    for (VertexId citing : in.neighbors(v)) {
      m.cited_by.push_back(graph.node(citing).index);
      for (VertexId u : out.neighbors(citing)) m.cocitation += graph.is_work(u);
    }
    std::sort(m.cited_by.begin(), m.cited_by.end());
    slot.emplace(v, result.size());
    result.push_back(std::move(m));
  }
  // Best metadata over every external folded into the same vertex.
  for (std::uint32_t x = 0; x < corpus.externals.size(); ++x) {
    const auto it = slot.find(graph.vertex_of_external(x));
    if (it == slot.end()) continue;
    MissingWork& m = result[it->second];
    const ExternalWork& e = corpus.externals[x];
    if (m.doi.empty()) m.doi = e.doi;
    if (e.raw.size() > m.raw.size()) m.raw = e.raw;
    if (m.label.empty()) m.label = e.label;
  }
  std::sort(result.begin(), result.end(), [](const MissingWork& a, const MissingWork& b) {
    if (a.count != b.count) return a.count > b.count;
    if (a.cocitation != b.cocitation) return a.cocitation > b.cocitation;
    return a.identity < b.identity;
  });
  return result;
}

}  // namespace litrev
