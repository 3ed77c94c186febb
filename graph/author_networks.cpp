#include "graph/author_networks.hpp"

namespace litrev {

WeightedGraph coauthorship_network(const std::vector<std::vector<std::uint32_t>>& authors, std::uint32_t num_groups,
                                   const AuthorNetworkOptions& options) {
  std::vector<WeightedEdge> edges;
  for (const auto& team : authors) {
    if (team.size() < 2 || team.size() > options.max_authors) continue;
    const double w = options.counting == Counting::full ? 1.0 : 1.0 / static_cast<double>(team.size() - 1);
    for (std::size_t i = 0; i < team.size(); ++i) {
      for (std::size_t j = i + 1; j < team.size(); ++j) edges.push_back({team[i], team[j], w});
    }
  }
  return WeightedGraph::from_edges(num_groups, std::move(edges), false);
}

WeightedGraph author_citation_network(const CitationGraph& graph,
                                      const std::vector<std::vector<std::uint32_t>>& authors,
                                      std::uint32_t num_groups, const AuthorNetworkOptions& options) {
  const Adjacency out = graph.out();
  std::vector<WeightedEdge> edges;
  auto team_of = [&](VertexId v) -> const std::vector<std::uint32_t>* {
    if (!graph.is_work(v)) return nullptr;
    const auto& team = authors[graph.node(v).index];
    return team.empty() || team.size() > options.max_authors ? nullptr : &team;
  };
  for (VertexId v = 0; v < graph.num_works(); ++v) {
    const auto* citing = team_of(v);
    if (citing == nullptr) continue;
    for (VertexId u : out.neighbors(v)) {
      const auto* cited = team_of(u);
      if (cited == nullptr) continue;
      const double w = options.counting == Counting::full
                           ? 1.0
                           : 1.0 / (static_cast<double>(citing->size()) * static_cast<double>(cited->size()));
      for (std::uint32_t a : *citing) {
        for (std::uint32_t b : *cited) {
          if (a != b) edges.push_back({a, b, w});
        }
      }
    }
  }
  return WeightedGraph::from_edges(num_groups, std::move(edges), true);
}

}  // namespace litrev
