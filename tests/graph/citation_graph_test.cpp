#include <gtest/gtest.h>

#include <algorithm>

#include "corpus_builder.hpp"
#include "graph/citation_graph.hpp"
#include "graph/components.hpp"
#include "graph/csr.hpp"

namespace litrev {
namespace {

std::vector<VertexId> as_vector(std::span<const VertexId> s) { return {s.begin(), s.end()}; }

TEST(WeightedGraph, UndirectedEdgesAreStoredBothWaysAndRepeatsAreSummed) {
  const auto g = WeightedGraph::from_edges(3, {{0, 1, 1.0}, {1, 0, 2.0}, {1, 2, 0.5}, {2, 2, 9.0}}, false);
  EXPECT_FALSE(g.directed());
  EXPECT_EQ(g.num_edges(), 2u);
  EXPECT_EQ(g.num_arcs(), 4u);
  const Adjacency a = g.adjacency();
  EXPECT_EQ(as_vector(a.neighbors(1)), (std::vector<VertexId>{0, 2}));
  EXPECT_DOUBLE_EQ(a.weight(a.begin(0)), 3.0);  // 0-1 and 1-0 are one edge
  EXPECT_DOUBLE_EQ(a.strength(1), 3.5);
  EXPECT_DOUBLE_EQ(g.total_weight(), 3.5);  // the self-loop was dropped
}

TEST(WeightedGraph, RejectsEndpointsOutOfRange) {
  EXPECT_THROW(WeightedGraph::from_edges(2, {{0, 2, 1.0}}, true), std::out_of_range);
}

TEST(WeightedGraph, TransposeReversesArcsWithSortedRows) {
  const auto g = WeightedGraph::from_edges(3, {{2, 0, 1.0}, {1, 0, 2.0}, {0, 2, 4.0}}, true);
  const auto t = g.transpose();
  EXPECT_EQ(as_vector(t.adjacency().neighbors(0)), (std::vector<VertexId>{1, 2}));
  EXPECT_DOUBLE_EQ(t.adjacency().weight(t.adjacency().begin(0)), 2.0);
  EXPECT_EQ(as_vector(t.adjacency().neighbors(2)), (std::vector<VertexId>{0}));
}

TEST(WeightedGraph, SymmetrizeSumsBothDirectionsLikeTheOracle) {
  const auto g = WeightedGraph::from_edges(3, {{0, 1, 1.0}, {1, 0, 1.0}, {1, 2, 1.0}}, true);
  const auto u = symmetrize(g);
  EXPECT_FALSE(u.directed());
  EXPECT_EQ(u.num_edges(), 2u);
  EXPECT_DOUBLE_EQ(u.adjacency().weight(u.adjacency().begin(0)), 2.0);
  EXPECT_DOUBLE_EQ(u.total_weight(), 3.0);
}

TEST(CitationGraph, OneVertexPerWorkAndPerExternalIdentity) {
  test::CorpusBuilder b;
  const auto w0 = b.work("a");
  const auto w1 = b.work("b");
  const auto w2 = b.work("c");
  // The same cited work reached through two references written differently.
  const auto e0 = b.external("doi:10.1086/226464", "McCarthy JD, 1977");
  const auto e1 = b.external("doi:10.1086/226464", "MCCARTHY JD, 1977, AM J SOCIOL");
  const auto e2 = b.external("ref:latour|1987|sci action");
  b.cites(w0, w1).cites(w0, w1).cites(w0, w0).cites_external(w0, e0).cites_external(w1, e1).cites_external(w2, e2);
  const auto g = CitationGraph::build(b.corpus());

  EXPECT_EQ(g.num_works(), 3u);
  EXPECT_EQ(g.num_vertices(), 5u);
  EXPECT_EQ(g.vertex_of_external(e0), g.vertex_of_external(e1));
  EXPECT_EQ(g.vertex_of_identity("doi:10.1086/226464"), g.vertex_of_external(e0));
  EXPECT_EQ(g.vertex_of_identity("doi:10.1/unknown"), kNoVertex);
  EXPECT_EQ(g.local_citations(g.vertex_of_external(e0)), 2u);
  EXPECT_EQ(g.local_citations(g.vertex_of_work(w1)), 1u);  // the repeated citation counts once
  EXPECT_EQ(g.num_arcs(), 4u);  // a->b, a->E, b->E, c->latour
  EXPECT_EQ(g.stats().duplicate_citations, 1u);
  EXPECT_EQ(g.stats().self_citations, 1u);
  EXPECT_EQ(g.stats().merged_externals, 1u);
  EXPECT_TRUE(g.is_work(g.vertex_of_work(w2)));
  EXPECT_FALSE(g.is_work(g.vertex_of_external(e2)));
  EXPECT_EQ(g.node(g.vertex_of_external(e2)).kind, NodeKind::external);
  // In-rows list the citing works in vertex order.
  EXPECT_EQ(as_vector(g.in().neighbors(g.vertex_of_external(e0))), (std::vector<VertexId>{0, 1}));
}

TEST(CitationGraph, ExternalsBelowTheThresholdAreLeftOut) {
  test::CorpusBuilder b;
  const auto w0 = b.work("a");
  const auto w1 = b.work("b");
  const auto once = b.external("ref:once");
  const auto twice = b.external("ref:twice");
  b.cites_external(w0, once).cites_external(w0, twice).cites_external(w1, twice);
  const auto g = CitationGraph::build(b.corpus(), {.include_externals = true, .min_external_citations = 2});
  EXPECT_EQ(g.num_vertices(), 3u);
  EXPECT_EQ(g.vertex_of_external(once), kNoVertex);
  EXPECT_NE(g.vertex_of_external(twice), kNoVertex);
  EXPECT_EQ(g.stats().filtered_citations, 1u);

  const auto works_only = CitationGraph::build(b.corpus(), {.include_externals = false});
  EXPECT_EQ(works_only.num_vertices(), 2u);
  EXPECT_EQ(works_only.num_arcs(), 0u);
}

TEST(CitationGraph, InvalidCitationsAreCountedNotFatal) {
  test::CorpusBuilder b;
  const auto w0 = b.work("a");
  b.cites(w0, 7);
  CorpusCitation neither;
  neither.citing_work = w0;
  b.corpus().citations.push_back(neither);
  const auto g = CitationGraph::build(b.corpus());
  EXPECT_EQ(g.stats().invalid_citations, 2u);
  EXPECT_EQ(g.num_arcs(), 0u);
}

TEST(Components, StrongComponentsAreNumberedSinksFirst) {
  // 0 -> 1 <-> 2 -> 3
  const auto g = WeightedGraph::from_edges(4, {{0, 1, 1}, {1, 2, 1}, {2, 1, 1}, {2, 3, 1}}, true);
  const auto scc = strong_components(g.adjacency());
  EXPECT_EQ(scc.count, 3u);
  EXPECT_EQ(scc.component[1], scc.component[2]);
  EXPECT_LT(scc.component[3], scc.component[1]);
  EXPECT_LT(scc.component[1], scc.component[0]);
}

TEST(Components, ConnectedComponentsFollowTheSmallestVertex) {
  const auto g = WeightedGraph::from_edges(5, {{3, 4, 1}, {0, 2, 1}}, false);
  const auto cc = connected_components(g.adjacency());
  EXPECT_EQ(cc.count, 3u);
  EXPECT_EQ(cc.component, (std::vector<std::uint32_t>{0, 1, 0, 2, 2}));
}

}  // namespace
}  // namespace litrev
