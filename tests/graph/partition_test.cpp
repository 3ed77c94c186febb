#include <gtest/gtest.h>

#include "graph/partition.hpp"

namespace litrev {
namespace {

WeightedGraph zachary() {
  const std::vector<std::pair<VertexId, VertexId>> e = {
      {0, 1},   {0, 2},   {0, 3},   {0, 4},   {0, 5},   {0, 6},   {0, 7},   {0, 8},   {0, 10},  {0, 11},
      {0, 12},  {0, 13},  {0, 17},  {0, 19},  {0, 21},  {0, 31},  {1, 2},   {1, 3},   {1, 7},   {1, 13},
      {1, 17},  {1, 19},  {1, 21},  {1, 30},  {2, 3},   {2, 7},   {2, 27},  {2, 28},  {2, 32},  {2, 9},
      {2, 8},   {2, 13},  {3, 7},   {3, 12},  {3, 13},  {4, 6},   {4, 10},  {5, 6},   {5, 10},  {5, 16},
      {6, 16},  {8, 30},  {8, 32},  {8, 33},  {9, 33},  {13, 33}, {14, 32}, {14, 33}, {15, 32}, {15, 33},
      {18, 32}, {18, 33}, {19, 33}, {20, 32}, {20, 33}, {22, 32}, {22, 33}, {23, 25}, {23, 27}, {23, 32},
      {23, 33}, {23, 29}, {24, 25}, {24, 27}, {24, 31}, {25, 31}, {26, 29}, {26, 33}, {27, 33}, {28, 31},
      {28, 33}, {29, 32}, {29, 33}, {30, 32}, {30, 33}, {31, 32}, {31, 33}, {32, 33}};
  std::vector<WeightedEdge> edges;
  for (auto [u, v] : e) edges.push_back({u, v, 1.0});
  return WeightedGraph::from_edges(34, std::move(edges), false);
}

const std::vector<std::uint32_t> kFactions = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0,
                                              0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

TEST(Modularity, ZacharyFactionsAsIgraphComputesThem) {
  EXPECT_NEAR(modularity(zachary(), kFactions), 0.37146614069691, 1e-12);
}

TEST(Modularity, ResolutionWeighsTheNullModel) {
  const auto g = zachary();
  // Q(gamma) = Q(1) + (1 - gamma) * sum_c (K_c / 2m)^2, so the two values fix that sum.
  const double q1 = modularity(g, kFactions, 1.0);
  const double q0 = modularity(g, kFactions, 0.0);
  const double q_half = modularity(g, kFactions, 0.5);
  EXPECT_NEAR(q_half, (q1 + q0) / 2.0, 1e-12);
  std::vector<std::uint32_t> one(34, 0);
  EXPECT_NEAR(modularity(g, one), 0.0, 1e-12);
  EXPECT_NEAR(modularity(g, one, 0.0), 1.0, 1e-12);
}

TEST(Modularity, UnclusteredVerticesCountAsSingletons) {
  const auto g = zachary();
  std::vector<std::uint32_t> m(34);
  for (VertexId v = 0; v < 34; ++v) m[v] = v;
  std::vector<std::uint32_t> u(34, kUnclustered);
  EXPECT_DOUBLE_EQ(modularity(g, m), modularity(g, u));
}

TEST(CompareCommunities, NmiAndAriAsIgraph) {
  const std::vector<std::uint32_t> a = {0, 0, 0, 1, 1, 1};
  const std::vector<std::uint32_t> b = {0, 0, 1, 1, 2, 2};
  EXPECT_NEAR(normalized_mutual_information(a, b), 0.5158037429793888, 1e-12);
  EXPECT_NEAR(adjusted_rand_index(a, b), 0.242424242424242, 1e-12);
  EXPECT_DOUBLE_EQ(normalized_mutual_information(a, a), 1.0);
  EXPECT_DOUBLE_EQ(adjusted_rand_index(b, b), 1.0);
  // Labels are names, not values.
  const std::vector<std::uint32_t> renamed = {7, 7, 7, 3, 3, 3};
  EXPECT_DOUBLE_EQ(normalized_mutual_information(a, renamed), 1.0);
  EXPECT_THROW(normalized_mutual_information(a, std::vector<std::uint32_t>{0}), std::invalid_argument);
}

TEST(RenumberBySize, LargestClusterFirstThenSmallestVertex) {
  std::vector<std::uint32_t> m = {5, 9, 9, 2, 2, 5, 9, kUnclustered};
  EXPECT_EQ(renumber_by_size(m), 3u);
  EXPECT_EQ(m, (std::vector<std::uint32_t>{1, 0, 0, 2, 2, 1, 0, kUnclustered}));
}

// Triangle {0,1,2} and triangle {3,4,5} linked by 2-3; 6 hangs on 5; 7 is isolated.
WeightedGraph two_triangles() {
  return WeightedGraph::from_edges(
      8, {{0, 1, 1}, {1, 2, 1}, {0, 2, 1}, {3, 4, 1}, {4, 5, 1}, {3, 5, 1}, {2, 3, 1}, {5, 6, 3}}, false);
}

TEST(MinClusterSize, SmallClustersMergeIntoTheirMostLinkedNeighbour) {
  const auto r = enforce_min_cluster_size(two_triangles(), {0, 0, 0, 1, 1, 1, 2, 3}, 2, SmallClusterPolicy::merge);
  EXPECT_EQ(r.clusters, 2u);
  EXPECT_EQ(r.merged, 1u);
  EXPECT_EQ(r.unclustered, 1u);  // 7 has no link to merge along
  EXPECT_EQ(r.membership[6], r.membership[5]);
  EXPECT_EQ(r.membership[7], kUnclustered);
  EXPECT_EQ(r.membership[3], 0u);  // {3,4,5,6} is now the largest
}

TEST(MinClusterSize, SmallClustersCanBeMarkedUnclustered) {
  const auto r =
      enforce_min_cluster_size(two_triangles(), {0, 0, 0, 1, 1, 1, 2, 3}, 2, SmallClusterPolicy::unclustered);
  EXPECT_EQ(r.clusters, 2u);
  EXPECT_EQ(r.unclustered, 2u);
  EXPECT_EQ(r.membership[6], kUnclustered);
}

TEST(MinClusterSize, MergedSmallClustersCanGrowTogether) {
  // Clusters {0}, {1}, {2} on a path 0-1-2 with min size 3: all end up together.
  const auto g = WeightedGraph::from_edges(3, {{0, 1, 1}, {1, 2, 1}}, false);
  const auto r = enforce_min_cluster_size(g, {0, 1, 2}, 3, SmallClusterPolicy::merge);
  EXPECT_EQ(r.clusters, 1u);
  EXPECT_EQ(r.unclustered, 0u);
}

}  // namespace
}  // namespace litrev
