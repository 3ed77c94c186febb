#include <gtest/gtest.h>

#include <set>

#include "corpus_builder.hpp"
#include "graph/clustering.hpp"
#include "graph/cluster_terms.hpp"
#include "graph/label_words.hpp"

namespace litrev {
namespace {

// Two subjects: works 0-9 cite references r0-r5, works 10-19 cite s0-s5 (each work cites three
// of its subject's references), one bridging citation, and work 20 cites nothing shared.
class TwoSubjects : public ::testing::Test {
 protected:
  TwoSubjects() {
    for (int i = 0; i < 21; ++i) b_.work("w" + std::to_string(i));
    for (int j = 0; j < 6; ++j) {
      r_.push_back(b_.external("ref:r" + std::to_string(j)));
      s_.push_back(b_.external("ref:s" + std::to_string(j)));
    }
    for (std::uint32_t i = 0; i < 10; ++i) {
      for (std::uint32_t k = 0; k < 3; ++k) {
        b_.cites_external(i, r_[(i + k) % 6]);
        b_.cites_external(i + 10, s_[(i + k) % 6]);
      }
    }
    b_.cites(15, 3);
    b_.cites_external(20, b_.external("ref:alone"));
    graph_ = CitationGraph::build(b_.corpus());
  }
  test::CorpusBuilder b_;
  std::vector<std::uint32_t> r_, s_;
  CitationGraph graph_;
};

TEST_F(TwoSubjects, CouplingClustersSeparateTheSubjects) {
  const auto run = cluster_graph(graph_);
  EXPECT_EQ(run.network, NetworkKind::coupling);
  EXPECT_EQ(network_name(run.network), "coupling");
  EXPECT_EQ(quality_function_name(run.quality_function), "modularity");
  EXPECT_EQ(run.network_nodes, 21u);
  ASSERT_GE(run.clusters.size(), 2u);
  for (VertexId v = 1; v < 10; ++v) EXPECT_EQ(run.cluster_of[v], run.cluster_of[0]);
  for (VertexId v = 11; v < 20; ++v) EXPECT_EQ(run.cluster_of[v], run.cluster_of[10]);
  EXPECT_NE(run.cluster_of[0], run.cluster_of[10]);
  EXPECT_EQ(run.cluster_of[graph_.vertex_of_external(r_[0])], kUnclustered);  // not in a coupling network
  EXPECT_GT(run.modularity, 0.3);
  EXPECT_DOUBLE_EQ(run.quality, run.modularity);
  EXPECT_EQ(run.clusters[0].id, 0u);
  EXPECT_GE(run.clusters[0].vertices.size(), run.clusters[1].vertices.size());
}

TEST_F(TwoSubjects, SmallClustersAreReportedUnclusteredOnRequest) {
  ClusterOptions options;
  options.min_cluster_size = 3;
  options.small_clusters = SmallClusterPolicy::unclustered;
  const auto run = cluster_graph(graph_, options);
  EXPECT_EQ(run.clusters.size(), 2u);
  EXPECT_EQ(run.unclustered, (std::vector<VertexId>{20}));  // work 20 shares no reference
  EXPECT_EQ(run.cluster_of[20], kUnclustered);
}

TEST_F(TwoSubjects, CoCitationAndDirectCitationNetworksCanBeClustered) {
  ClusterOptions options;
  options.network = NetworkKind::cocitation;
  const auto cocited = cluster_graph(graph_, options);
  EXPECT_NE(cocited.cluster_of[graph_.vertex_of_external(r_[0])], cocited.cluster_of[graph_.vertex_of_external(s_[0])]);
  EXPECT_EQ(cocited.cluster_of[graph_.vertex_of_external(r_[0])], cocited.cluster_of[graph_.vertex_of_external(r_[3])]);

  options.network = NetworkKind::citation;
  const auto direct = cluster_graph(graph_, options);
  EXPECT_EQ(direct.network_nodes, 21u);
  EXPECT_EQ(direct.network_edges, 1u);
  EXPECT_EQ(direct.cluster_of[15], direct.cluster_of[3]);

  EXPECT_EQ(network_from_name("cocitation"), NetworkKind::cocitation);
  EXPECT_EQ(network_from_name("citation"), NetworkKind::citation);
  EXPECT_FALSE(network_from_name("bogus").has_value());
}

TEST_F(TwoSubjects, CpmRunsReportTheirQualityFunction) {
  ClusterOptions options;
  options.leiden.quality = QualityFunction::cpm;
  options.leiden.resolution = 0.05;
  const auto run = cluster_graph(graph_, options);
  EXPECT_EQ(quality_function_name(run.quality_function), "cpm");
  EXPECT_NE(run.quality, run.modularity);
  EXPECT_NE(run.cluster_of[0], run.cluster_of[10]);
}

LabelDocument doc(std::string title, std::vector<std::string> keywords = {}) {
  return {.title = std::move(title), .abstract = {}, .keywords = std::move(keywords)};
}

TEST(ClusterTerms, DistinctiveTermsNameEachCluster) {
  const ClusterDocuments clusters = {.clusters = {
      {doc("Institutional theory and the iron cage: isomorphism in organizational fields"),
       doc("Institutional isomorphism revisited: organizational fields and legitimacy", {"legitimacy"}),
       doc("The study of institutional theory in organizational fields")},
      {doc("Trading in numbers: quantification and commensuration of rankings"),
       doc("Rankings and reactivity: how public measures recreate social worlds", {"Commensuration"}),
       doc("Commensuration as a social process: the study of rankings")},
  }, .rest = {}};
  const auto labels = label_clusters(clusters);
  ASSERT_EQ(labels.size(), 2u);
  // Two-word terms win over their words when they are as frequent.
  EXPECT_EQ(labels[0].label, "organizational fields, institutional theory, isomorphism");
  EXPECT_EQ(labels[1].label, "commensuration, rankings");  // "social" alone says too little
  for (const auto& l : labels) {
    for (const auto& t : l.terms) {
      EXPECT_NE(t.term, "study");  // academic filler
      EXPECT_NE(t.term, "the");
    }
  }
}

TEST(ClusterTerms, FrenchStopWordsAndNumbersAreLeftOut) {
  EXPECT_TRUE(is_stop_word("les"));
  EXPECT_TRUE(is_stop_word("dans"));
  EXPECT_TRUE(is_stop_word("the"));
  EXPECT_FALSE(is_stop_word("instruments"));
  const ClusterDocuments clusters = {.clusters = {
      {doc("Les instruments de l'action publique dans les politiques 2004"),
       doc("Gouverner par les instruments : l'action publique")},
      {doc("Sociologie des conventions et économie des grandeurs"), doc("Les économies de la grandeur")},
  }, .rest = {}};
  const auto labels = label_clusters(clusters, {.terms = 4, .label_terms = 2});
  EXPECT_EQ(labels[0].terms.front().term, "action publique");
  for (const auto& t : labels[0].terms) EXPECT_EQ(t.term.find("2004"), std::string::npos);
}

TEST(ClusterTerms, VertexDocumentsUseTitlesAbstractsAndKeywords) {
  test::CorpusBuilder b;
  const auto w = b.work("w");
  b.corpus().works[w].title = "Audit society";
  b.corpus().works[w].abstract_text = "Rituals of verification.";
  b.corpus().works[w].keywords = {"audit"};
  const auto e = b.external("ref:x", "POWER M, 1997, AUDIT SOC", "", "POWER M, 1997, AUDIT SOC RITUALS VERIFI");
  b.cites_external(w, e);
  const auto g = CitationGraph::build(b.corpus());
  const auto d = vertex_document(b.corpus(), g, g.vertex_of_work(w));
  EXPECT_EQ(d.title, "Audit society");
  EXPECT_EQ(d.abstract, "Rituals of verification.");
  EXPECT_EQ(d.keywords, (std::vector<std::string>{"audit"}));
  EXPECT_EQ(vertex_document(b.corpus(), g, g.vertex_of_external(e)).title, "POWER M, 1997, AUDIT SOC RITUALS VERIFI");
}

}  // namespace
}  // namespace litrev

namespace litrev {
namespace {

TEST(ClusterDocuments, CoCitationClustersAreDescribedByTheWorksCitingThem) {
  // Works 0-3 (on audits) cite externals a0-a2; works 4-7 (on rankings) cite b0-b2.
  test::CorpusBuilder b;
  std::vector<std::uint32_t> a, r;
  for (int i = 0; i < 8; ++i) {
    const auto w = b.work("w" + std::to_string(i));
    b.corpus().works[w].title = i < 4 ? "Audit and verification rituals" : "Rankings and commensuration";
  }
  for (int j = 0; j < 3; ++j) {
    a.push_back(b.external("ref:a" + std::to_string(j), "POWER M, 1997, AUDIT SOC"));
    r.push_back(b.external("ref:b" + std::to_string(j), "ESPELAND WN, 2007, AM J SOCIOL"));
  }
  for (std::uint32_t i = 0; i < 4; ++i) {
    for (std::uint32_t j = 0; j < 3; ++j) {
      b.cites_external(i, a[j]);
      b.cites_external(i + 4, r[j]);
    }
  }
  const auto graph = CitationGraph::build(b.corpus());
  ClusterOptions options;
  options.network = NetworkKind::cocitation;
  const auto run = cluster_graph(graph, options);
  ASSERT_EQ(run.clusters.size(), 2u);
  const auto documents = cluster_documents(b.corpus(), graph, run);
  const auto audit = run.cluster_of[graph.vertex_of_external(a[0])];
  ASSERT_EQ(documents.clusters[audit].size(), 4u);
  EXPECT_EQ(documents.clusters[audit][0].title, "Audit and verification rituals");
  EXPECT_TRUE(documents.rest.empty());
  const auto labels = label_clusters(documents);
  // Words of the citing works' titles, none of the reference strings (authors, journals).
  EXPECT_NE(labels[audit].label.find("audit"), std::string::npos);
  EXPECT_NE(labels[1 - audit].label.find("rankings"), std::string::npos);
  for (const auto& l : labels) {
    for (const auto& t : l.terms) {
      EXPECT_EQ(t.term.find("power"), std::string::npos);
      EXPECT_EQ(t.term.find("sociol"), std::string::npos);
    }
  }

  // Coupling clusters are described by their own works.
  options.network = NetworkKind::coupling;
  const auto coupling = cluster_graph(graph, options);
  const auto own = cluster_documents(b.corpus(), graph, coupling);
  EXPECT_EQ(own.clusters[0].size() + own.clusters[1].size(), 8u);
}

}  // namespace
}  // namespace litrev
