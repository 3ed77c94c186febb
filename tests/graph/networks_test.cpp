#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "corpus_builder.hpp"
#include "graph/networks.hpp"
#include "graph_fixtures.hpp"

namespace litrev {
namespace {

// Weights are stored in single precision (csr.hpp).
constexpr double kSingle = 1e-6;

// Library works A, B, C; cited works outside the library X, Y, Z.
//   A cites X Y Z;  B cites X Y;  C cites Y Z A.
class SmallCorpus : public ::testing::Test {
 protected:
  SmallCorpus() {
    a_ = b_.work("A");
    bw_ = b_.work("B");
    c_ = b_.work("C");
    x_ = b_.external("x");
    y_ = b_.external("y");
    z_ = b_.external("z");
    b_.cites_external(a_, x_).cites_external(a_, y_).cites_external(a_, z_);
    b_.cites_external(bw_, x_).cites_external(bw_, y_);
    b_.cites_external(c_, y_).cites_external(c_, z_).cites(c_, a_);
    graph_ = CitationGraph::build(b_.corpus());
  }

  // Link weights keyed by the two node labels ("X-Y", labels sorted).
  std::map<std::string, double> links(const Network& net) const {
    std::map<std::string, double> out;
    const Adjacency adj = net.graph.adjacency();
    for (VertexId i = 0; i < adj.num_vertices(); ++i) {
      for (ArcIndex k = adj.begin(i); k < adj.end(i); ++k) {
        std::string s = label(net.nodes[i]);
        std::string t = label(net.nodes[adj.targets[k]]);
        if (s < t) out[s + "-" + t] = adj.weight(k);
      }
    }
    return out;
  }
  std::string label(VertexId v) const {
    const NodeRef r = graph_.node(v);
    return r.kind == NodeKind::work ? b_.corpus().works[r.index].key : b_.corpus().externals[r.index].identity;
  }
  double occurrences_of(const Network& net, const std::string& name) const {
    for (VertexId i = 0; i < net.nodes.size(); ++i) {
      if (label(net.nodes[i]) == name) return net.occurrences[i];
    }
    return -1;
  }

  test::CorpusBuilder b_;
  std::uint32_t a_, bw_, c_, x_, y_, z_;
  CitationGraph graph_;
};

TEST_F(SmallCorpus, CoCitationCountsTheWorksCitingBoth) {
  const auto net = cocitation_network(graph_);
  EXPECT_EQ(net.nodes.size(), 4u);  // A, X, Y, Z: everything cited at least once
  EXPECT_EQ(links(net), (std::map<std::string, double>{{"A-y", 1}, {"A-z", 1}, {"x-y", 2}, {"x-z", 1}, {"y-z", 2}}));
  EXPECT_EQ(occurrences_of(net, "y"), 3.0);
  EXPECT_EQ(occurrences_of(net, "A"), 1.0);
}

TEST_F(SmallCorpus, FractionalCoCitationGivesEachCitingWorkWeightOnePerNode) {
  const auto net = cocitation_network(graph_, {.counting = Counting::fractional});
  EXPECT_EQ(links(net), (std::map<std::string, double>{
                            {"A-y", 0.5}, {"A-z", 0.5}, {"x-y", 1.5}, {"x-z", 0.5}, {"y-z", 1.0}}));
}

TEST_F(SmallCorpus, CouplingCountsSharedReferences) {
  const auto net = coupling_network(graph_);
  EXPECT_EQ(net.nodes.size(), 3u);
  EXPECT_EQ(links(net), (std::map<std::string, double>{{"A-B", 2}, {"A-C", 2}, {"B-C", 1}}));
  EXPECT_EQ(occurrences_of(net, "C"), 3.0);  // its references y, z and A

  const auto frac = coupling_network(graph_, {.counting = Counting::fractional});
  EXPECT_EQ(links(frac), (std::map<std::string, double>{{"A-B", 1.5}, {"A-C", 1.5}, {"B-C", 0.5}}));
}

TEST_F(SmallCorpus, AssociationStrengthIsObservedOverExpected) {
  const auto net = cocitation_network(graph_, {.normalization = Normalization::association_strength});
  // k_x = 3, k_y = 5, m = 7: s_xy = 2 m c_xy / (k_x k_y) = 28 / 15.
  EXPECT_NEAR(links(net).at("x-y"), 28.0 / 15.0, kSingle);
  EXPECT_NEAR(links(net).at("A-z"), 14.0 / (2.0 * 4.0), kSingle);
}

TEST_F(SmallCorpus, SaltonCosineDividesByTheGeometricMeanOfOccurrences) {
  const auto net = cocitation_network(graph_, {.normalization = Normalization::cosine});
  EXPECT_NEAR(links(net).at("x-y"), 2.0 / std::sqrt(2.0 * 3.0), kSingle);
  EXPECT_NEAR(links(net).at("A-y"), 1.0 / std::sqrt(1.0 * 3.0), kSingle);
  const auto coupling = coupling_network(graph_, {.normalization = Normalization::cosine});
  EXPECT_NEAR(links(coupling).at("A-B"), 2.0 / std::sqrt(3.0 * 2.0), kSingle);
}

TEST_F(SmallCorpus, ThresholdsKeepTheMostCitedNodes) {
  const auto min2 = cocitation_network(graph_, {.min_citations = 2});
  EXPECT_EQ(links(min2), (std::map<std::string, double>{{"x-y", 2}, {"x-z", 1}, {"y-z", 2}}));
  const auto top2 = cocitation_network(graph_, {.top_n = 2});  // y (3), then x before z (tie)
  EXPECT_EQ(links(top2), (std::map<std::string, double>{{"x-y", 2}}));
  const auto strong = cocitation_network(graph_, {.min_weight = 2});
  EXPECT_EQ(links(strong), (std::map<std::string, double>{{"x-y", 2}, {"y-z", 2}}));
}

TEST_F(SmallCorpus, LongReferenceListsAreSkippedAndCounted) {
  const auto net = cocitation_network(graph_, {.max_list_length = 2});
  EXPECT_EQ(net.skipped_lists, 2u);  // A and C cite three works each
  EXPECT_EQ(links(net), (std::map<std::string, double>{{"x-y", 1}}));
}

TEST_F(SmallCorpus, DirectCitationKeepsLibraryWorksUnlessAskedOtherwise) {
  const auto works = direct_citation_network(graph_);
  EXPECT_TRUE(works.graph.directed());
  EXPECT_EQ(works.nodes.size(), 3u);
  EXPECT_EQ(works.graph.num_arcs(), 1u);  // C -> A
  const auto all = direct_citation_network(graph_, {.include_externals = true});
  EXPECT_EQ(all.nodes.size(), 6u);
  EXPECT_EQ(all.graph.num_arcs(), 8u);
}

TEST(Networks, CouplingWeightIsTheNumberOfSharedReferencesOnRealLinks) {
  // The public corpus' direct citations as a library: every coupling link, checked against
  // the definition computed the slow way.
  LITREV_REQUIRE_SHARED(shared);
  const auto edges = test::load_edge_list(test::oracle_dir(shared) / "public_corpus_networks" / "direct_citation.tsv");
  const auto corpus = corpus_from_edge_list(edges);
  const auto graph = CitationGraph::build(corpus);
  const auto net = coupling_network(graph);
  // Check the definition pair by pair: weight = |refs(i) & refs(j)|.
  const Adjacency out = graph.out();
  const Adjacency adj = net.graph.adjacency();
  std::size_t checked = 0;
  for (VertexId i = 0; i < adj.num_vertices() && checked < 2000; ++i) {
    for (ArcIndex k = adj.begin(i); k < adj.end(i); ++k, ++checked) {
      const auto ri = out.neighbors(net.nodes[i]);
      const auto rj = out.neighbors(net.nodes[adj.targets[k]]);
      std::vector<VertexId> common;
      std::set_intersection(ri.begin(), ri.end(), rj.begin(), rj.end(), std::back_inserter(common));
      EXPECT_EQ(adj.weight(k), static_cast<double>(common.size()));
    }
  }
  EXPECT_GT(checked, 100u);
}

}  // namespace
}  // namespace litrev
