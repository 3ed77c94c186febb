#include <gtest/gtest.h>

#include "corpus_builder.hpp"
#include "graph/missing.hpp"
#include "graph/ranking.hpp"

namespace litrev {
namespace {

TEST(HIndex, LargestHWithHValuesAtLeastH) {
  EXPECT_EQ(h_index({}), 0u);
  EXPECT_EQ(h_index({0, 0}), 0u);
  EXPECT_EQ(h_index({3, 2}), 2u);
  EXPECT_EQ(h_index({10, 8, 5, 4, 3}), 4u);
  EXPECT_EQ(h_index({25, 8, 5, 3, 3}), 3u);
  EXPECT_EQ(h_index({1, 1, 1, 1}), 1u);
}

// W1..W3 cite older works; Alice wrote W0 and W1, Bob W0, W2 and W3, Carol W3.
// Outside the library: E cited by W1 W2 W3; F by W3; G by W1 and W2 (written two ways).
class SmallLibrary : public ::testing::Test {
 protected:
  SmallLibrary() {
    for (int i = 0; i < 4; ++i) w_[i] = b_.work("W" + std::to_string(i));
    b_.corpus().works[0].global_citations = 120;
    b_.cites(w_[1], w_[0]).cites(w_[2], w_[0]).cites(w_[3], w_[0]).cites(w_[2], w_[1]).cites(w_[3], w_[1]);
    b_.cites(w_[3], w_[2]);
    const auto e = b_.external("ref:e|2001", "E 2001");
    const auto f = b_.external("ref:f|2002", "F 2002");
    const auto g1 = b_.external("doi:10.1/g", "G 2003", "", "G, 2003, J");
    const auto g2 = b_.external("doi:10.1/g", "G 2003", "10.1/g", "G, 2003, J, V1, P1, DOI 10.1/g");
    b_.cites_external(w_[1], e).cites_external(w_[2], e).cites_external(w_[3], e).cites_external(w_[3], f);
    b_.cites_external(w_[1], g1).cites_external(w_[2], g2);
    alice_ = b_.person("Doe", "Alice");
    bob_ = b_.person("Roe", "Bob");
    carol_ = b_.person("Poe", "Carol");
    b_.wrote(alice_, w_[0]).wrote(bob_, w_[0]).wrote(alice_, w_[1]).wrote(bob_, w_[2]);
    b_.wrote(carol_, w_[3]).wrote(bob_, w_[3]);
    graph_ = CitationGraph::build(b_.corpus());
    groups_ = group_authors(b_.corpus());
  }
  test::CorpusBuilder b_;
  std::uint32_t w_[4];
  std::uint32_t alice_, bob_, carol_;
  CitationGraph graph_;
  AuthorGroups groups_;
};

TEST_F(SmallLibrary, WorksAreRankedByLocalCitationsWithAllMetrics) {
  const auto ranking = rank_works(b_.corpus(), graph_);
  ASSERT_EQ(ranking.works.size(), 4u);
  EXPECT_EQ(ranking.works[0].citations, 3u);
  EXPECT_EQ(ranking.works[1].citations, 2u);
  EXPECT_EQ(ranking.works[3].citations, 0u);
  EXPECT_EQ(ranking.works[0].global_citations, 120);
  EXPECT_FALSE(ranking.works[1].global_citations.has_value());
  EXPECT_FALSE(ranking.betweenness_sampled);
  // The only pair joined through a library work: W3 reaches G through W1 or through W2.
  EXPECT_DOUBLE_EQ(ranking.works[1].betweenness, 0.5);
  EXPECT_DOUBLE_EQ(ranking.works[2].betweenness, 0.5);
  EXPECT_DOUBLE_EQ(ranking.works[0].betweenness, 0.0);
  EXPECT_GT(ranking.works[0].pagerank, ranking.works[3].pagerank);
  EXPECT_EQ(order_works(ranking, WorkOrder::citations), (std::vector<std::uint32_t>{0, 1, 2, 3}));
  EXPECT_EQ(order_works(ranking, WorkOrder::global_citations, 1), (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(order_works(ranking, WorkOrder::pagerank, 2).front(), 0u);
  EXPECT_EQ(ranking.works[3].references, 5u);  // W0, W1, W2 and the externals E, F
  EXPECT_EQ(ranking.works[0].references, 0u);
}

TEST_F(SmallLibrary, BetweennessLeavesOutWorksCitedOnceByDefault) {
  const auto ranking = rank_works(b_.corpus(), graph_);
  // W2 (cited once, by W3) bridges W3 alone to G: as high as W1, cited twice.
  EXPECT_EQ(order_works(ranking, WorkOrder::betweenness, 2), (std::vector<std::uint32_t>{1, 2}));
  EXPECT_EQ(default_min_citations(WorkOrder::betweenness), 2u);
  EXPECT_EQ(default_min_citations(WorkOrder::citations), 0u);
  const auto order = order_works(ranking, WorkOrder::betweenness, 0, default_min_citations(WorkOrder::betweenness));
  EXPECT_EQ(order, (std::vector<std::uint32_t>{1, 0}));
}

TEST_F(SmallLibrary, AuthorMetricsUseFullAndFractionalCountsAndHIndex) {
  const auto works = rank_works(b_.corpus(), graph_);
  const auto ranking = rank_authors(b_.corpus(), graph_, groups_, works);
  const auto& alice = ranking.authors[groups_.group_of_person[alice_]];
  const auto& bob = ranking.authors[groups_.group_of_person[bob_]];
  const auto& carol = ranking.authors[groups_.group_of_person[carol_]];
  EXPECT_EQ(alice.name, "Doe, Alice");
  EXPECT_EQ(alice.works, 2u);
  EXPECT_EQ(alice.citations, 5u);
  EXPECT_DOUBLE_EQ(alice.fractional_citations, 3.0 / 2 + 2.0);
  EXPECT_EQ(alice.h_index, 2u);
  EXPECT_EQ(bob.works, 3u);
  EXPECT_EQ(bob.citations, 4u);
  EXPECT_DOUBLE_EQ(bob.fractional_citations, 3.0 / 2 + 1.0 + 0.0);
  EXPECT_EQ(bob.h_index, 1u);
  EXPECT_EQ(carol.h_index, 0u);
  EXPECT_NEAR(alice.pagerank, works.works[0].pagerank + works.works[1].pagerank, 1e-15);
  // Co-authorship is the path Alice - Bob - Carol: Bob is the broker.
  EXPECT_EQ(bob.betweenness, 1.0);
  EXPECT_EQ(alice.betweenness, 0.0);
  // Alice and Bob only cite each other, so they pass each other everything; Carol is never
  // cited.
  EXPECT_NEAR(alice.citation_pagerank, bob.citation_pagerank, 1e-10);
  EXPECT_GT(bob.citation_pagerank, carol.citation_pagerank);
  EXPECT_NEAR(alice.citation_pagerank + bob.citation_pagerank + carol.citation_pagerank, 1.0, 1e-12);
  const auto top = order_authors(ranking, AuthorOrder::citations, 2);
  EXPECT_EQ(top, (std::vector<std::uint32_t>{groups_.group_of_person[alice_], groups_.group_of_person[bob_]}));
}

TEST_F(SmallLibrary, AuthorCitationNetworkSharesEachCitationFractionally) {
  const auto authors = authors_by_work(b_.corpus(), groups_);
  const auto n = static_cast<std::uint32_t>(groups_.groups.size());
  const auto net = author_citation_network(graph_, authors, n);
  const auto a = groups_.group_of_person[alice_];
  const auto b = groups_.group_of_person[bob_];
  const auto c = groups_.group_of_person[carol_];
  auto weight = [&](std::uint32_t s, std::uint32_t t) {
    const Adjacency adj = net.adjacency();
    for (ArcIndex k = adj.begin(s); k < adj.end(s); ++k) {
      if (adj.targets[k] == t) return adj.weight(k);
    }
    return 0.0;
  };
  // Bob -> Alice: W2->W0 (1/2), W3->W0 (1/4), W2->W1 (1), W3->W1 (1/2).
  EXPECT_DOUBLE_EQ(weight(b, a), 0.5 + 0.25 + 1.0 + 0.5);
  EXPECT_DOUBLE_EQ(weight(a, b), 0.5);   // W1 -> W0
  EXPECT_DOUBLE_EQ(weight(c, b), 0.25 + 0.5);
  EXPECT_DOUBLE_EQ(weight(b, b), 0.0);   // self-citations are left out
  const auto full = author_citation_network(graph_, authors, n, {.counting = Counting::full});
  EXPECT_EQ(full.num_arcs(), net.num_arcs());

  const auto coauthors = coauthorship_network(authors, n);
  EXPECT_EQ(coauthors.num_edges(), 2u);
  EXPECT_DOUBLE_EQ(coauthors.total_weight(), 2.0);  // two works with two authors: 1/(2-1) each
}

TEST_F(SmallLibrary, MissingWorksAreTheExternalsCitedByAtLeastK) {
  const auto missing = missing_works(b_.corpus(), graph_, 2);
  ASSERT_EQ(missing.size(), 2u);
  EXPECT_EQ(missing[0].identity, "ref:e|2001");
  EXPECT_EQ(missing[0].count, 3u);
  EXPECT_EQ(missing[0].cited_by, (std::vector<std::uint32_t>{1, 2, 3}));
  EXPECT_EQ(missing[0].cocitation, 1u + 2u + 3u);  // library works cited beside it by W1, W2, W3
  // G was written two ways: one work, with the best metadata of both.
  EXPECT_EQ(missing[1].identity, "doi:10.1/g");
  EXPECT_EQ(missing[1].count, 2u);
  EXPECT_EQ(missing[1].doi, "10.1/g");
  EXPECT_EQ(missing[1].raw, "G, 2003, J, V1, P1, DOI 10.1/g");
  EXPECT_EQ(missing[1].label, "G 2003");
  EXPECT_EQ(missing_works(b_.corpus(), graph_, 1).size(), 3u);
  EXPECT_TRUE(missing_works(b_.corpus(), graph_, 4).empty());
}

}  // namespace
}  // namespace litrev
