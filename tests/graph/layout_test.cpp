// The map layout: deterministic, clusters drawn apart, components packed without overlap.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "graph/layout.hpp"
#include "graph/partition.hpp"
#include "graph/random.hpp"

namespace litrev {
namespace {

// k cliques of `size` nodes, each joined to the next by `bridges` links.
WeightedGraph cliques(std::uint32_t k, std::uint32_t size, std::uint32_t bridges, std::vector<std::uint32_t>& cluster) {
  std::vector<WeightedEdge> edges;
  cluster.clear();
  for (std::uint32_t c = 0; c < k; ++c)
    for (std::uint32_t i = 0; i < size; ++i) {
      cluster.push_back(c);
      for (std::uint32_t j = i + 1; j < size; ++j) edges.push_back({c * size + i, c * size + j, 1.0});
    }
  for (std::uint32_t c = 0; c + 1 < k; ++c)
    for (std::uint32_t b = 0; b < bridges; ++b) edges.push_back({c * size + b, (c + 1) * size + b, 1.0});
  return WeightedGraph::from_edges(k * size, std::move(edges), false);
}

// n nodes in 8 planted groups, 6 links each, 85% inside the group.
WeightedGraph planted(std::uint32_t n, std::vector<std::uint32_t>& cluster) {
  Rng rng(3);
  cluster.resize(n);
  for (std::uint32_t v = 0; v < n; ++v) cluster[v] = v % 8;
  std::vector<WeightedEdge> edges;
  for (std::uint32_t v = 0; v < n; ++v)
    for (int e = 0; e < 6; ++e) {
      std::uint32_t u = static_cast<std::uint32_t>(rng.below(n));
      if (rng.unit() < 0.85) u = u - u % 8 + cluster[v];
      if (u < n && u != v) edges.push_back({v, u, 1.0});
    }
  return WeightedGraph::from_edges(n, std::move(edges), false);
}

TEST(Layout, SameSeedSamePositions) {
  std::vector<std::uint32_t> cluster;
  const WeightedGraph g = layout_weights(planted(600, cluster));
  LayoutOptions o;
  o.seed = 11;
  const Layout a = layout_network(g, cluster, o), b = layout_network(g, cluster, o);
  ASSERT_EQ(a.positions.size(), 600u);
  for (std::size_t i = 0; i < a.positions.size(); ++i) {
    EXPECT_EQ(a.positions[i].x, b.positions[i].x) << i;
    EXPECT_EQ(a.positions[i].y, b.positions[i].y) << i;
  }
  o.seed = 12;
  const Layout c = layout_network(g, cluster, o);
  double moved = 0;
  for (std::size_t i = 0; i < a.positions.size(); ++i) moved += std::hypot(a.positions[i].x - c.positions[i].x, a.positions[i].y - c.positions[i].y);
  EXPECT_GT(moved, 1.0) << "another seed gives another map";
}

TEST(Layout, ThreadsDoNotChangeThePositions) {
  std::vector<std::uint32_t> cluster;
  // Large enough for the force loop to be split over threads (4,096 nodes and more).
  const WeightedGraph g = layout_weights(planted(5000, cluster));
  LayoutOptions o;
  o.max_steps = 20;
  o.threads = 1;
  const Layout one = layout_network(g, cluster, o);
  o.threads = 3;
  const Layout three = layout_network(g, cluster, o);
  for (std::size_t i = 0; i < one.positions.size(); ++i) {
    ASSERT_EQ(one.positions[i].x, three.positions[i].x) << i;
    ASSERT_EQ(one.positions[i].y, three.positions[i].y) << i;
  }
}

TEST(Layout, FitsTheUnitSquareCentred) {
  std::vector<std::uint32_t> cluster;
  const Layout l = layout_network(layout_weights(planted(300, cluster)), cluster);
  double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
  for (const Point& p : l.positions) {
    ASSERT_TRUE(std::isfinite(p.x) && std::isfinite(p.y));
    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
  }
  EXPECT_NEAR(std::max(x1 - x0, y1 - y0), 2.0, 1e-9);
  EXPECT_NEAR(x0 + x1, 0.0, 1e-9);
  EXPECT_NEAR(y0 + y1, 0.0, 1e-9);
}

TEST(Layout, KeepsClustersApart) {
  std::vector<std::uint32_t> cluster;
  const WeightedGraph g = layout_weights(cliques(4, 15, 3, cluster));
  const Layout l = layout_network(g, cluster);
  EXPECT_GT(cluster_silhouette(l.positions, cluster), 0.6);
  // Every node is nearer its own clique's centre than any other clique's.
  std::vector<Point> centre(4);
  for (std::size_t v = 0; v < cluster.size(); ++v) centre[cluster[v]].x += l.positions[v].x / 15, centre[cluster[v]].y += l.positions[v].y / 15;
  for (std::size_t v = 0; v < cluster.size(); ++v) {
    const auto d = [&](std::uint32_t c) { return std::hypot(l.positions[v].x - centre[c].x, l.positions[v].y - centre[c].y); };
    for (std::uint32_t c = 0; c < 4; ++c)
      if (c != cluster[v]) {
        EXPECT_LT(d(cluster[v]), d(c)) << "node " << v;
      }
  }
}

TEST(Layout, WeakerLinksBetweenClustersSeparateThemMore) {
  std::vector<std::uint32_t> cluster;
  const WeightedGraph g = layout_weights(planted(800, cluster));
  LayoutOptions together;
  together.between_clusters = 1.0;
  const double plain = cluster_silhouette(layout_network(g, cluster, together).positions, cluster);
  const double apart = cluster_silhouette(layout_network(g, cluster).positions, cluster);
  EXPECT_GT(apart, plain);
  EXPECT_GT(apart, 0.3);
}

TEST(Layout, ComponentsDoNotOverlap) {
  // A 30-node clique, five pairs and three isolated nodes.
  std::vector<WeightedEdge> edges;
  for (std::uint32_t i = 0; i < 30; ++i)
    for (std::uint32_t j = i + 1; j < 30; ++j) edges.push_back({i, j, 1.0});
  for (std::uint32_t p = 0; p < 5; ++p) edges.push_back({30 + 2 * p, 31 + 2 * p, 1.0});
  const WeightedGraph g = WeightedGraph::from_edges(43, std::move(edges), false);
  const Layout l = layout_network(layout_weights(g), {});
  EXPECT_EQ(l.stats.components, 9u);
  // The clique's bounding circle holds none of the other nodes.
  Point c;
  for (std::uint32_t i = 0; i < 30; ++i) c.x += l.positions[i].x / 30, c.y += l.positions[i].y / 30;
  double radius = 0;
  for (std::uint32_t i = 0; i < 30; ++i) radius = std::max(radius, std::hypot(l.positions[i].x - c.x, l.positions[i].y - c.y));
  for (std::uint32_t v = 30; v < 43; ++v) EXPECT_GT(std::hypot(l.positions[v].x - c.x, l.positions[v].y - c.y), radius) << v;
  // No two nodes at the same place.
  for (std::uint32_t a = 0; a < 43; ++a)
    for (std::uint32_t b = a + 1; b < 43; ++b)
      EXPECT_GT(std::hypot(l.positions[a].x - l.positions[b].x, l.positions[a].y - l.positions[b].y), 1e-6) << a << "," << b;
}

TEST(Layout, TinyGraphs) {
  EXPECT_TRUE(layout_network(WeightedGraph::from_edges(0, {}, false), {}).positions.empty());
  const Layout one = layout_network(WeightedGraph::from_edges(1, {}, false), {});
  ASSERT_EQ(one.positions.size(), 1u);
  EXPECT_EQ(one.positions[0].x, 0.0);
  const Layout two = layout_network(layout_weights(WeightedGraph::from_edges(2, {{0, 1, 3.0}}, false)), {});
  const double d = std::hypot(two.positions[0].x - two.positions[1].x, two.positions[0].y - two.positions[1].y);
  EXPECT_GE(d, 2.0 - 1e-9);  // the longer side of their box spans [-1, 1]
  EXPECT_LE(d, 2.0 * std::sqrt(2.0) + 1e-9);
}

// Three dense groups joined in a chain by a few bridging nodes, as a mixed library's co-citation
// network (generative AI, bibliometrics, management) joins its fields.
WeightedGraph bridged_groups() {
  Rng rng(5);
  const std::uint32_t begin[4] = {0, 150, 300, 420};
  std::vector<WeightedEdge> edges;
  for (int g = 0; g < 3; ++g)
    for (std::uint32_t v = begin[g]; v < begin[g + 1]; ++v)
      for (int e = 0; e < 6; ++e) {
        const auto u = static_cast<std::uint32_t>(begin[g] + rng.below(begin[g + 1] - begin[g]));
        if (u != v) edges.push_back({v, u, 1.0});
      }
  for (std::uint32_t b = 420; b < 440; ++b)
    for (int g : {b < 430 ? 0 : 1, b < 430 ? 1 : 2})
      for (int e = 0; e < 2; ++e)
        edges.push_back({b, static_cast<std::uint32_t>(begin[g] + rng.below(begin[g + 1] - begin[g])), 1.0});
  return WeightedGraph::from_edges(440, std::move(edges), false);
}

TEST(Layout, DenseGroupsKeepTheirInnerStructure) {
  // VOS's unit repulsion shrank each group to a point at the ends of a line (median distance to
  // the nearest node 0.0014 of the map's radius); the logarithmic repulsion keeps nodes apart.
  const Layout l = layout_network(layout_weights(bridged_groups()), {});
  const auto& x = l.positions;
  Point c;
  for (const Point& p : x) c.x += p.x / static_cast<double>(x.size()), c.y += p.y / static_cast<double>(x.size());
  double radius = 0;
  for (const Point& p : x) radius += ((p.x - c.x) * (p.x - c.x) + (p.y - c.y) * (p.y - c.y)) / static_cast<double>(x.size());
  radius = std::sqrt(radius);
  std::vector<double> nearest;
  for (std::size_t i = 0; i < x.size(); ++i) {
    double best = 1e300;
    for (std::size_t j = 0; j < x.size(); ++j)
      if (j != i) best = std::min(best, std::hypot(x[i].x - x[j].x, x[i].y - x[j].y));
    nearest.push_back(best);
  }
  std::nth_element(nearest.begin(), nearest.begin() + static_cast<std::ptrdiff_t>(nearest.size() / 2), nearest.end());
  EXPECT_GT(nearest[nearest.size() / 2] / radius, 0.006);
}

TEST(Layout, LongMapsLieAcross) {
  // Three groups in a chain make a long map; drawn upright it used a third of a wide screen.
  const Layout l = layout_network(layout_weights(bridged_groups()), {});
  double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
  for (const Point& p : l.positions) {
    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
  }
  EXPECT_NEAR(x1 - x0, 2.0, 1e-9);
  EXPECT_LT(y1 - y0, 1.5);
}

TEST(Layout, AssociationStrengthWeighsLinksAgainstChance) {
  // A hub linked to everyone, and 3 linked to the hub and to 4: both of 3's links count once,
  // but the one to the hub is what chance predicts, so it weighs less (1/(4*2) against 1/(2*2)).
  std::vector<WeightedEdge> edges = {{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {0, 4, 1}, {3, 4, 1}};
  const WeightedGraph w = layout_weights(WeightedGraph::from_edges(5, edges, false));
  const Adjacency adj = w.adjacency();
  double hub_link = 0, pair = 0;
  for (ArcIndex a = adj.begin(0); a < adj.end(0); ++a)
    if (adj.targets[a] == 3) hub_link = adj.weight(a);
  for (ArcIndex a = adj.begin(3); a < adj.end(3); ++a)
    if (adj.targets[a] == 4) pair = adj.weight(a);
  EXPECT_NEAR(pair, 2 * hub_link, 1e-9);
  // Mean weight 1.
  double sum = 0;
  for (std::size_t a = 0; a < adj.num_arcs(); ++a) sum += adj.weights[a];
  EXPECT_NEAR(sum / static_cast<double>(adj.num_arcs()), 1.0, 1e-6);
}

}  // namespace
}  // namespace litrev
