#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <set>

#include "graph/citation_graph.hpp"
#include "graph/components.hpp"
#include "graph/leiden.hpp"
#include "graph/partition.hpp"
#include "graph/random.hpp"
#include "graph_fixtures.hpp"

namespace litrev {
namespace {

// k cliques of size s joined in a ring by single edges, plus `isolated` lone vertices.
WeightedGraph ring_of_cliques(VertexId k, VertexId s, VertexId isolated = 0) {
  std::vector<WeightedEdge> edges;
  for (VertexId c = 0; c < k; ++c) {
    for (VertexId i = 0; i < s; ++i) {
      for (VertexId j = i + 1; j < s; ++j) edges.push_back({c * s + i, c * s + j, 1.0});
    }
    edges.push_back({c * s, ((c + 1) % k) * s + 1, 1.0});
  }
  return WeightedGraph::from_edges(k * s + isolated, std::move(edges), false);
}

// Leiden's guarantee: every cluster induces a connected subgraph.
void expect_connected_clusters(const WeightedGraph& g, const std::vector<std::uint32_t>& membership) {
  std::vector<WeightedEdge> inside;
  const Adjacency a = g.adjacency();
  for (VertexId v = 0; v < g.num_vertices(); ++v) {
    for (VertexId u : a.neighbors(v)) {
      if (u > v && membership[u] == membership[v]) inside.push_back({v, u, 1.0});
    }
  }
  const auto sub = WeightedGraph::from_edges(g.num_vertices(), std::move(inside), false);
  const auto cc = connected_components(sub.adjacency());
  std::set<std::uint32_t> clusters(membership.begin(), membership.end());
  EXPECT_EQ(cc.count, clusters.size()) << "a cluster is disconnected";
}

TEST(Leiden, FindsTheCliquesOfARingOfCliques) {
  const auto g = ring_of_cliques(10, 6);
  const auto r = leiden(g);
  EXPECT_EQ(r.clusters, 10u);
  for (VertexId c = 0; c < 10; ++c) {
    for (VertexId i = 1; i < 6; ++i) EXPECT_EQ(r.membership[c * 6 + i], r.membership[c * 6]);
  }
  EXPECT_NEAR(r.quality, modularity(g, r.membership), 1e-12);
  EXPECT_NEAR(r.modularity, r.quality, 1e-12);
  EXPECT_GE(r.iterations, 1);
}

TEST(Leiden, IsolatedVerticesAndSeveralComponentsStayApart) {
  // Two separate rings plus three isolated vertices.
  std::vector<WeightedEdge> edges;
  const auto a = ring_of_cliques(4, 5);
  const Adjacency adj = a.adjacency();
  for (VertexId v = 0; v < a.num_vertices(); ++v) {
    for (VertexId u : adj.neighbors(v)) {
      if (u > v) {
        edges.push_back({v, u, 1.0});
        edges.push_back({v + 20, u + 20, 1.0});
      }
    }
  }
  const auto g = WeightedGraph::from_edges(43, std::move(edges), false);
  const auto r = leiden(g);
  EXPECT_EQ(r.clusters, 8u + 3u);
  std::set<std::uint32_t> lone{r.membership[40], r.membership[41], r.membership[42]};
  EXPECT_EQ(lone.size(), 3u);
  for (VertexId v = 0; v < 20; ++v) EXPECT_NE(r.membership[v], r.membership[v + 20]);
  expect_connected_clusters(g, r.membership);
}

TEST(Leiden, GraphWithoutEdgesGivesSingletons) {
  const auto g = WeightedGraph::from_edges(4, {}, false);
  const auto r = leiden(g);
  EXPECT_EQ(r.clusters, 4u);
  EXPECT_EQ(r.modularity, 0.0);
  EXPECT_TRUE(leiden(WeightedGraph{}).membership.empty());
}

TEST(Leiden, RejectsDirectedGraphsAndBadOptions) {
  const auto d = WeightedGraph::from_edges(2, {{0, 1, 1}}, true);
  EXPECT_THROW(leiden(d), std::invalid_argument);
  const auto u = symmetrize(d);
  EXPECT_THROW(leiden(u, {.resolution = -1.0}), std::invalid_argument);
  LeidenOptions bad_sizes;
  bad_sizes.quality = QualityFunction::cpm;
  bad_sizes.node_sizes = {1.0};
  EXPECT_THROW(leiden(u, bad_sizes), std::invalid_argument);
}

TEST(Leiden, CpmResolutionSetsTheDensityOfClusters) {
  const auto g = ring_of_cliques(8, 5);
  LeidenOptions options;
  options.quality = QualityFunction::cpm;
  options.resolution = 0.5;  // cliques (density 1) are in, the ring links (density ~0) are out
  const auto r = leiden(g, options);
  EXPECT_EQ(r.clusters, 8u);
  // leidenalg's CPM quality: sum over clusters of 2 * internal weight - gamma * n (n - 1).
  EXPECT_NEAR(r.quality, 8 * (2 * 10.0 - 0.5 * 5 * 4), 1e-9);
  EXPECT_NEAR(r.quality, cpm_quality(g, r.membership, 0.5), 1e-12);

  options.resolution = 1.5;  // nothing is dense enough: singletons
  EXPECT_EQ(leiden(g, options).clusters, g.num_vertices());
  // Joining two halves of the ring (20 vertices each, 2 links) gains 2 - gamma * 20 * 20:
  // positive below gamma = 1/200, so everything ends in one cluster.
  options.resolution = 0.001;
  EXPECT_EQ(leiden(g, options).clusters, 1u);
}

TEST(Leiden, ResolutionBelowOneMakesFewerModularityClusters) {
  const auto g = ring_of_cliques(16, 4);
  EXPECT_LT(leiden(g, {.resolution = 0.05}).clusters, leiden(g).clusters);
}

TEST(Leiden, StartsFromAGivenPartition) {
  const auto g = ring_of_cliques(6, 5);
  const auto first = leiden(g);
  LeidenOptions options;
  options.initial_membership = first.membership;
  const auto again = leiden(g, options);
  EXPECT_EQ(again.membership, first.membership);
  EXPECT_EQ(again.iterations, 1);  // nothing left to improve
}

class OracleGraph : public ::testing::Test {
 protected:
  // Loads an edge list the way the oracle clusters it: undirected, parallel edges summed.
  WeightedGraph load(const std::filesystem::path& path) {
    edges_ = test::load_edge_list(path);
    return WeightedGraph::from_edges(static_cast<VertexId>(edges_.names.size()), edges_.edges, false);
  }
  EdgeList edges_;
};

TEST_F(OracleGraph, ModularityReachesLeidenalgOnSynthetic10k) {
  LITREV_REQUIRE_SHARED(shared);
  const auto dir = test::oracle_dir(shared) / "synthetic_10k";
  const auto g = load(dir / "edges.tsv");
  const auto oracle = test::load_json(dir / "oracle.json");
  const auto r = leiden(g);
  EXPECT_GE(r.modularity, 0.99 * oracle.at("leiden").at("modularity").get<double>());
  EXPECT_NEAR(r.modularity, modularity(g, r.membership), 1e-12);
  expect_connected_clusters(g, r.membership);

  // The planted topics are recovered (leidenalg: NMI 0.966).
  const auto truth = test::load_labels(dir / "communities.tsv", edges_.names);
  EXPECT_GE(normalized_mutual_information(r.membership, truth), 0.95);
  EXPECT_GE(adjusted_rand_index(r.membership, truth), 0.95);
}

TEST_F(OracleGraph, ModularityReachesLeidenalgOnPublicCorpusNetworks) {
  LITREV_REQUIRE_SHARED(shared);
  const auto dir = test::oracle_dir(shared) / "public_corpus_networks";
  for (const std::string name : {"bibcoupling", "cocitation_min5", "direct_citation"}) {
    const auto g = load(dir / (name + ".tsv"));
    const auto oracle = test::load_json(dir / ("oracle_" + name + ".json"));
    const auto r = leiden(g);
    EXPECT_GE(r.modularity, 0.99 * oracle.at("leiden").at("modularity").get<double>()) << name;
    expect_connected_clusters(g, r.membership);
  }
}

TEST_F(OracleGraph, SameSeedSameClustersAndOtherSeedsStayGood) {
  LITREV_REQUIRE_SHARED(shared);
  const auto g = load(test::oracle_dir(shared) / "public_corpus_networks" / "bibcoupling.tsv");
  const auto a = leiden(g, {.seed = 3});
  const auto b = leiden(g, {.seed = 3});
  EXPECT_EQ(a.membership, b.membership);
  EXPECT_EQ(a.quality, b.quality);
  for (std::uint64_t seed : {1, 2, 4}) {
    const auto c = leiden(g, {.seed = seed});
    EXPECT_GE(c.modularity, 0.99 * 0.5628) << seed;  // leidenalg over seeds 1..10: 0.5628-0.5630
    EXPECT_GE(normalized_mutual_information(a.membership, c.membership), 0.85) << seed;
  }
}

// A fresh planted graph from the generator, when python3 is there (about 0.1 s).
TEST(LeidenPlanted, RecoversCommunitiesOfAFreshGeneratedGraph) {
  LITREV_REQUIRE_SHARED(shared);
  const auto script = shared / "tools" / "gen_citation_graph.py";
  if (!std::filesystem::exists("/usr/bin/python3") || !std::filesystem::exists(script)) {
    GTEST_SKIP() << "python3 or the generator is absent";
  }
  test::TempDir tmp;
  const std::string prefix = (tmp / "g").string();
  const std::string cmd = "/usr/bin/python3 '" + script.string() + "' -n 8000 -d 10 -k 10 --mu 0.3 --seed 11 --out '" +
                          prefix + "' > /dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const auto edges = test::load_edge_list(prefix + ".edges.tsv");
  const auto g = WeightedGraph::from_edges(static_cast<VertexId>(edges.names.size()), edges.edges, false);
  const auto truth = test::load_labels(prefix + ".communities.tsv", edges.names);
  const auto r = leiden(g);
  EXPECT_GE(normalized_mutual_information(r.membership, truth), 0.95);
}

}  // namespace
}  // namespace litrev

namespace litrev {
namespace {

// A planted partition large enough (60,000 vertices) for the renumbering path of Leiden:
// 30 groups, each vertex with 8 links inside its group and 2 outside on average.
WeightedGraph planted_60k(std::vector<std::uint32_t>& truth) {
  constexpr VertexId n = 60'000;
  constexpr VertexId groups = 30;
  Rng rng(5);
  truth.resize(n);
  for (VertexId v = 0; v < n; ++v) truth[v] = v % groups;
  std::vector<WeightedEdge> edges;
  for (VertexId v = 0; v < n; ++v) {
    for (int k = 0; k < 5; ++k) {
      const bool inside = rng.below(10) < 8;
      VertexId u = inside ? static_cast<VertexId>(rng.below(n / groups) * groups + truth[v])
                          : static_cast<VertexId>(rng.below(n));
      if (u != v) edges.push_back({v, u, 1.0});
    }
  }
  return WeightedGraph::from_edges(n, std::move(edges), false);
}

TEST(LeidenLarge, RenumberingInPlaceGivesTheSamePartitionWithoutTheCopy) {
  std::vector<std::uint32_t> truth;
  const WeightedGraph g = planted_60k(truth);
  const auto copied = leiden(g);
  EXPECT_GE(normalized_mutual_information(copied.membership, truth), 0.95);
  expect_connected_clusters(g, copied.membership);

  WeightedGraph h = g;
  std::vector<VertexId> old_of_new;
  const auto in_place = leiden_reordering(h, {}, old_of_new);
  ASSERT_EQ(old_of_new.size(), g.num_vertices());
  // Same graph, renumbered.
  EXPECT_EQ(h.num_arcs(), g.num_arcs());
  for (VertexId i = 0; i < h.num_vertices(); i += 997) {
    EXPECT_EQ(h.adjacency().degree(i), g.adjacency().degree(old_of_new[i]));
  }
  // Same run, same partition (cluster numbers aside), same quality.
  std::vector<std::uint32_t> back(g.num_vertices());
  for (VertexId i = 0; i < g.num_vertices(); ++i) back[old_of_new[i]] = in_place.membership[i];
  EXPECT_DOUBLE_EQ(normalized_mutual_information(back, copied.membership), 1.0);
  EXPECT_DOUBLE_EQ(in_place.modularity, copied.modularity);

  // Small graphs are left as they are.
  WeightedGraph small = ring_of_cliques(5, 4);
  EXPECT_EQ(leiden_reordering(small, {}, old_of_new).clusters, 5u);
  EXPECT_TRUE(old_of_new.empty());
}

}  // namespace
}  // namespace litrev
