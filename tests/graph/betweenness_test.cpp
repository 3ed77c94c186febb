#include <gtest/gtest.h>

#include <cmath>

#include "graph/betweenness.hpp"
#include "graph/citation_graph.hpp"
#include "graph_fixtures.hpp"

namespace litrev {
namespace {

// Sanitizer builds run 3-5x slower: there the largest check below (10k searches over the
// whole synthetic graph, ~10 CPU-seconds in an optimised build) is left to the normal build,
// and the same undirected code path is checked on the smaller coupling network.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

TEST(Betweenness, PathGraphCountsEachUndirectedPairOnce) {
  // 0 - 1 - 2 - 3: vertex 1 lies on the paths 0-2 and 0-3.
  const auto g = WeightedGraph::from_edges(4, {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}}, false);
  const auto r = betweenness(g);
  EXPECT_FALSE(r.sampled);
  EXPECT_EQ(r.sources, 4u);
  EXPECT_EQ(r.scores, (std::vector<double>{0, 2, 2, 0}));
}

TEST(Betweenness, DirectedPathsFollowTheArcs) {
  // 0 -> 1 -> 2 and 0 -> 3 -> 2: two shortest paths from 0 to 2 share the credit.
  const auto g = WeightedGraph::from_edges(4, {{0, 1, 1}, {1, 2, 1}, {0, 3, 1}, {3, 2, 1}}, true);
  EXPECT_EQ(betweenness(g).scores, (std::vector<double>{0, 0.5, 0, 0.5}));
}

TEST(Betweenness, WeightsAreIgnored) {
  const auto a = WeightedGraph::from_edges(3, {{0, 1, 1}, {1, 2, 1}, {0, 2, 1}}, false);
  const auto b = WeightedGraph::from_edges(3, {{0, 1, 5}, {1, 2, 5}, {0, 2, 100}}, false);
  EXPECT_EQ(betweenness(a).scores, betweenness(b).scores);
}

std::vector<double> oracle_check(const nlohmann::json& oracle, const std::vector<std::string>& names,
                                 const std::vector<double>& scores) {
  const auto index = test::index_names(names);
  std::vector<double> seen;
  for (const auto& entry : oracle.at("betweenness").at("top_raw")) {
    const std::string name = entry.at(0);
    const double want = entry.at(1);
    EXPECT_NEAR(scores[index.at(name)], want, 1e-9 * want + 1e-6) << name;
    seen.push_back(want);
  }
  return seen;
}

class Synthetic10k : public ::testing::Test {
 protected:
  void SetUp() override {
    LITREV_REQUIRE_SHARED(shared);
    dir_ = test::oracle_dir(shared) / "synthetic_10k";
    edges_ = test::load_edge_list(dir_ / "edges.tsv");
    corpus_ = corpus_from_edge_list(edges_);
    graph_ = CitationGraph::build(corpus_);
  }
  std::filesystem::path dir_;
  EdgeList edges_;
  CitationCorpus corpus_;
  CitationGraph graph_;
};

TEST_F(Synthetic10k, ExactDirectedBetweennessMatchesIgraph) {
  const auto r = betweenness(graph_, {.directed = true});
  EXPECT_FALSE(r.sampled);
  EXPECT_EQ(oracle_check(test::load_json(dir_ / "oracle.json"), edges_.names, r.scores).size(), 20u);
}

TEST_F(Synthetic10k, ExactUndirectedBetweennessMatchesIgraph) {
  if (kSanitized) GTEST_SKIP() << "too slow under sanitizers; see CouplingNetwork below";
  // Two threads: the 10k searches over the whole graph are the slowest step of the suite.
  const auto r = betweenness(graph_, {.directed = false, .threads = 2});
  EXPECT_FALSE(r.sampled);
  EXPECT_EQ(r.sources, graph_.num_vertices());
  EXPECT_EQ(oracle_check(test::load_json(dir_ / "oracle_betweenness_undirected.json"), edges_.names, r.scores).size(),
            20u);
}

TEST(Betweenness, UndirectedMatchesIgraphOnTheWeightedCouplingNetwork) {
  LITREV_REQUIRE_SHARED(shared);
  const auto dir = test::oracle_dir(shared) / "public_corpus_networks";
  const auto edges = test::load_edge_list(dir / "bibcoupling.tsv");
  const auto g = WeightedGraph::from_edges(static_cast<VertexId>(edges.names.size()), edges.edges, false);
  const auto r = betweenness(g, {.threads = 2});
  EXPECT_FALSE(r.sampled);
  EXPECT_EQ(oracle_check(test::load_json(dir / "oracle_bibcoupling.json"), edges.names, r.scores).size(), 10u);
}

TEST_F(Synthetic10k, SampledEstimateIsDeterministicPerSeedAndSaysSo) {
  const BetweennessOptions options{.directed = true, .exact_up_to = 1000, .samples = 500, .seed = 7};
  const auto a = betweenness(graph_, options);
  const auto b = betweenness(graph_, options);
  EXPECT_TRUE(a.sampled);
  EXPECT_EQ(a.sources, 500u);
  EXPECT_EQ(a.scores, b.scores);
  auto other_seed = options;
  other_seed.seed = 8;
  EXPECT_NE(betweenness(graph_, other_seed).scores, a.scores);
  auto two_threads = options;
  two_threads.threads = 2;
  const auto c = betweenness(graph_, two_threads);
  for (std::size_t v = 0; v < c.scores.size(); ++v) EXPECT_NEAR(c.scores[v], a.scores[v], 1e-9 * (1 + a.scores[v]));
}

TEST_F(Synthetic10k, SampledEstimateTracksTheExactValues) {
  const auto exact = betweenness(graph_, {.directed = true});
  const auto est = betweenness(graph_, {.directed = true, .exact_up_to = 1000, .samples = 2000, .seed = 1});
  // The estimate is unbiased; on the most central works it should be within a few tens of
  // percent with 2,000 of 9,999 sources, and the total within a few percent.
  double exact_total = 0.0;
  double est_total = 0.0;
  for (std::size_t v = 0; v < exact.scores.size(); ++v) {
    exact_total += exact.scores[v];
    est_total += est.scores[v];
  }
  EXPECT_NEAR(est_total / exact_total, 1.0, 0.05);
  const auto index = test::index_names(edges_.names);
  const VertexId top = index.at("234");  // the oracle's most central work
  EXPECT_NEAR(est.scores[top] / exact.scores[top], 1.0, 0.3);
}

}  // namespace
}  // namespace litrev
