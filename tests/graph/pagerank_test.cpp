#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "graph/citation_graph.hpp"
#include "graph/pagerank.hpp"
#include "graph_fixtures.hpp"

namespace litrev {
namespace {

// Textbook power iteration with uniform teleport and dangling redistribution, written
// independently of the engine: the definition the engine must agree with.
std::vector<double> reference_pagerank(const WeightedGraph& g, double d) {
  const VertexId n = g.num_vertices();
  const Adjacency a = g.adjacency();
  std::vector<double> x(n, 1.0 / n);
  for (int it = 0; it < 2000; ++it) {
    std::vector<double> y(n, 0.0);
    double dangling = 0.0;
    for (VertexId u = 0; u < n; ++u) {
      const double s = a.strength(u);
      if (s == 0.0) {
        dangling += x[u];
        continue;
      }
      for (ArcIndex k = a.begin(u); k < a.end(u); ++k) y[a.targets[k]] += d * x[u] * a.weight(k) / s;
    }
    for (VertexId v = 0; v < n; ++v) y[v] += (1.0 - d) / n + d * dangling / n;
    x = y;
  }
  return x;
}

void expect_same(const std::vector<double>& got, const std::vector<double>& want, double tol) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], tol) << "vertex " << i;
}

TEST(PageRank, DagSolvedInOnePassMatchesPowerIteration) {
  // A citation DAG with dangling vertices (3 and 4 cite nothing).
  const auto g = WeightedGraph::from_edges(5, {{0, 1, 1}, {0, 2, 1}, {1, 2, 1}, {2, 3, 1}, {1, 4, 1}, {0, 4, 1}}, true);
  const auto r = pagerank(g);
  EXPECT_EQ(r.iterations, 0);  // no cyclic component: exact in one pass
  expect_same(r.scores, reference_pagerank(g, 0.85), 1e-12);
  EXPECT_NEAR(std::accumulate(r.scores.begin(), r.scores.end(), 0.0), 1.0, 1e-12);
}

TEST(PageRank, CyclesAndWeightsMatchPowerIteration) {
  const auto g = WeightedGraph::from_edges(
      6, {{0, 1, 2}, {1, 2, 1}, {2, 0, 1}, {2, 3, 3}, {3, 4, 1}, {4, 3, 0.5}, {5, 0, 1}, {1, 5, 1}}, true);
  const auto r = pagerank(g);
  EXPECT_GT(r.iterations, 0);
  EXPECT_TRUE(r.converged);
  expect_same(r.scores, reference_pagerank(g, 0.85), 1e-10);
}

TEST(PageRank, UndirectedGraphsWalkBothWays) {
  const auto g = WeightedGraph::from_edges(4, {{0, 1, 1}, {1, 2, 2}, {2, 0, 1}, {2, 3, 1}}, false);
  expect_same(pagerank(g).scores, reference_pagerank(g, 0.85), 1e-10);
}

TEST(PageRank, DampingIsAnOption) {
  const auto g = WeightedGraph::from_edges(3, {{0, 1, 1}, {1, 2, 1}}, true);
  expect_same(pagerank(g, {.damping = 0.5}).scores, reference_pagerank(g, 0.5), 1e-12);
  EXPECT_THROW(pagerank(g, {.damping = 1.0}), std::invalid_argument);
}

TEST(PageRank, EmptyGraphGivesNoScores) { EXPECT_TRUE(pagerank(WeightedGraph{}).scores.empty()); }

// The oracle's top values (igraph PRPACK), within 1e-6.
void expect_oracle_top(const nlohmann::json& oracle, const std::vector<std::string>& names,
                       const std::vector<double>& scores) {
  const auto index = test::index_names(names);
  ASSERT_FALSE(oracle.at("pagerank").at("top").empty());
  for (const auto& entry : oracle.at("pagerank").at("top")) {
    const std::string name = entry.at(0);
    ASSERT_TRUE(index.count(name)) << name;
    EXPECT_NEAR(scores[index.at(name)], entry.at(1).get<double>(), 1e-6) << name;
  }
}

TEST(PageRank, MatchesIgraphOnTheSynthetic10kCitationGraph) {
  LITREV_REQUIRE_SHARED(shared);
  const auto dir = test::oracle_dir(shared) / "synthetic_10k";
  const auto edges = test::load_edge_list(dir / "edges.tsv");
  const auto corpus = corpus_from_edge_list(edges);
  const auto graph = CitationGraph::build(corpus);
  const auto r = pagerank(graph);
  expect_oracle_top(test::load_json(dir / "oracle.json"), edges.names, r.scores);
}

TEST(PageRank, MatchesIgraphOnTheDirectCitationsOfThePublicCorpus) {
  LITREV_REQUIRE_SHARED(shared);
  const auto dir = test::oracle_dir(shared) / "public_corpus_networks";
  const auto edges = test::load_edge_list(dir / "direct_citation.tsv");
  const auto g = WeightedGraph::from_edges(static_cast<VertexId>(edges.names.size()), edges.edges, true);
  expect_oracle_top(test::load_json(dir / "oracle_direct_citation.json"), edges.names, pagerank(g).scores);
}

TEST(PageRank, MatchesIgraphOnTheWeightedUndirectedCouplingNetwork) {
  LITREV_REQUIRE_SHARED(shared);
  const auto dir = test::oracle_dir(shared) / "public_corpus_networks";
  const auto edges = test::load_edge_list(dir / "bibcoupling.tsv");
  ASSERT_TRUE(edges.weighted);
  const auto g = WeightedGraph::from_edges(static_cast<VertexId>(edges.names.size()), edges.edges, false);
  expect_oracle_top(test::load_json(dir / "oracle_bibcoupling.json"), edges.names, pagerank(g).scores);
}

}  // namespace
}  // namespace litrev
