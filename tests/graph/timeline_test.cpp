// Works per year and per cluster, and the historiograph's selection and layout.
#include <gtest/gtest.h>

#include "graph/historiograph.hpp"
#include "graph/partition.hpp"
#include "graph/timeline.hpp"
#include "graph/corpus_builder.hpp"

namespace litrev {
namespace {

TEST(Timeline, CountsWorksPerYearAndCluster) {
  test::CorpusBuilder b;
  b.work("a", 2001), b.work("b", 2001), b.work("c", 2003), b.work("d"), b.work("e", 9999), b.work("f", 2004);
  const auto graph = CitationGraph::build(b.corpus());
  // Clusters of works (coupling-like): a, c in 0; b in 1; f none; d (undated) in 1.
  std::vector<std::uint32_t> cluster_of = {0, 1, 0, 1, kUnclustered, kUnclustered};
  const auto per_work = work_clusters(graph, cluster_of, false);
  const Timeline t = works_timeline(b.corpus(), graph, per_work, 2);
  EXPECT_EQ(t.first_year, 2001);
  EXPECT_EQ(t.last_year, 2004);
  EXPECT_EQ(t.works, (std::vector<std::uint32_t>{2, 0, 1, 1}));
  ASSERT_EQ(t.clusters.size(), 2u);
  EXPECT_EQ(t.clusters[0], (std::vector<std::uint32_t>{1, 0, 1, 0}));
  EXPECT_EQ(t.clusters[1], (std::vector<std::uint32_t>{1, 0, 0, 0}));
  EXPECT_EQ(t.undated, 2u) << "no year, and 9999";
  EXPECT_EQ(t.undated_by_cluster, (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(t.unclustered, 1u);
}

TEST(Timeline, CoCitationClustersCountTheWorksCitingThem) {
  test::CorpusBuilder b;
  const auto w1 = b.work("w1", 2010), w2 = b.work("w2", 2011), w3 = b.work("w3", 2011);
  const auto x = b.external("ref:x"), y = b.external("ref:y"), z = b.external("ref:z");
  b.cites_external(w1, x).cites_external(w1, y).cites_external(w1, z);  // x, y in cluster 0; z in 1
  b.cites_external(w2, z);
  const auto graph = CitationGraph::build(b.corpus());
  std::vector<std::uint32_t> cluster_of(graph.num_vertices(), kUnclustered);
  cluster_of[graph.vertex_of_external(x)] = cluster_of[graph.vertex_of_external(y)] = 0;
  cluster_of[graph.vertex_of_external(z)] = 1;
  const auto per_work = work_clusters(graph, cluster_of, true);
  EXPECT_EQ(per_work[graph.vertex_of_work(w1)], 0u) << "cites cluster 0 twice";
  EXPECT_EQ(per_work[graph.vertex_of_work(w2)], 1u);
  EXPECT_EQ(per_work[graph.vertex_of_work(w3)], kUnclustered) << "cites nothing";
  const Timeline t = works_timeline(b.corpus(), graph, per_work, 2);
  EXPECT_EQ(t.clusters[0], (std::vector<std::uint32_t>{1, 0}));
  EXPECT_EQ(t.clusters[1], (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(t.unclustered, 1u);
}

TEST(Timeline, EmptyLibrary) {
  test::CorpusBuilder b;
  const Timeline t = works_timeline(b.corpus(), CitationGraph::build(b.corpus()));
  EXPECT_TRUE(t.works.empty());
  EXPECT_LT(t.last_year, t.first_year);
}

TEST(Historiograph, KeepsTheMostLocallyCitedWorksByYear) {
  test::CorpusBuilder b;
  const auto root = b.work("root", 1980), mid = b.work("mid", 1990), late = b.work("late", 2000);
  const auto lone = b.work("lone", 1995), undated = b.work("undated");
  for (int k = 0; k < 4; ++k) {
    const auto w = b.work("citer" + std::to_string(k), 2010);
    b.cites(w, root).cites(w, mid);
    if (k < 2) b.cites(w, late);
    b.cites(w, undated);
  }
  b.cites(mid, root).cites(late, mid).cites(late, root).cites(lone, root);
  const auto graph = CitationGraph::build(b.corpus());
  const Historiograph h = historiograph(b.corpus(), graph, {.top = 3, .min_citations = 1});
  ASSERT_EQ(h.nodes.size(), 3u);
  // root (7 local citations), mid (5), late (2); the undated work (4) cannot be placed.
  EXPECT_EQ(h.nodes[0], graph.vertex_of_work(root));
  EXPECT_EQ(h.nodes[1], graph.vertex_of_work(mid));
  EXPECT_EQ(h.nodes[2], graph.vertex_of_work(late));
  EXPECT_EQ(h.local_citations, (std::vector<std::uint32_t>{7, 5, 2}));
  EXPECT_EQ(h.years, (std::vector<int>{1980, 1990, 2000}));
  EXPECT_EQ(h.column, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(h.arcs.size(), 3u);  // mid -> root, late -> mid, late -> root
  for (const auto& a : h.arcs) EXPECT_GT(h.column[a.citing], h.column[a.cited]);
}

TEST(Historiograph, OrdersAColumnByItsNeighbours) {
  // Two chains: a1 <- a2 and b1 <- b2, with a1 above b1 in 1990 (more cited); their citers in
  // 2000 follow them: a2 above b2 whatever their own citations.
  test::CorpusBuilder b;
  const auto a1 = b.work("a1", 1990), b1 = b.work("b1", 1990), a2 = b.work("a2", 2000), b2 = b.work("b2", 2000);
  b.cites(a2, a1).cites(b2, b1);
  for (int k = 0; k < 3; ++k) b.cites(b.work("x" + std::to_string(k), 2020), a1);
  for (int k = 0; k < 2; ++k) b.cites(b.work("y" + std::to_string(k), 2020), b2);
  b.cites(b.work("z", 2020), a2);
  const auto graph = CitationGraph::build(b.corpus());
  const Historiograph h = historiograph(b.corpus(), graph, {.top = 4, .min_citations = 1});
  ASSERT_EQ(h.nodes.size(), 4u);
  auto row = [&](std::uint32_t work) {
    for (std::size_t i = 0; i < h.nodes.size(); ++i)
      if (h.nodes[i] == graph.vertex_of_work(work)) return h.row[i];
    return 99.0;
  };
  EXPECT_LT(row(a1), row(b1));
  EXPECT_LT(row(a2), row(b2)) << "b2 is more cited but its neighbour sits lower";
}

}  // namespace
}  // namespace litrev
