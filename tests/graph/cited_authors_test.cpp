#include <gtest/gtest.h>

#include <algorithm>

#include "corpus_builder.hpp"
#include "graph/author_cocitation.hpp"
#include "graph/cited_authors.hpp"

namespace litrev {
namespace {

// A library where Latour is held once ("Latour, Bruno") and cited as "LATOUR B" (WoS, first
// author only) and "Latour, B., Woolgar, S." (Scopus, all authors); Callon is cited only.
struct LatourLibrary {
  test::CorpusBuilder b;
  std::uint32_t sci_action, citing1, citing2, latour;
  std::uint32_t wos_latour, scopus_lab_life, wos_callon;
  LatourLibrary() {
    sci_action = b.work("latour1987");
    citing1 = b.work("citing1");
    citing2 = b.work("citing2");
    latour = b.person("Latour", "Bruno");
    b.wrote(latour, sci_action);
    wos_latour = b.external("ref:latour|1988|pasteurization");
    b.corpus().externals[wos_latour].authors = {{"LATOUR", "B"}};
    scopus_lab_life = b.external("ref:latour|1979|laboratory life");
    b.corpus().externals[scopus_lab_life].authors = {{"Latour", "B"}, {"Woolgar", "S"}};
    wos_callon = b.external("ref:callon|1986|some elements");
    b.corpus().externals[wos_callon].authors = {{"CALLON", "M"}};
    b.cites_external(citing1, wos_latour).cites_external(citing1, wos_callon);
    b.cites(citing2, sci_action).cites_external(citing2, scopus_lab_life).cites_external(citing2, wos_callon);
  }
};

const CitedAuthorMetrics* find(const std::vector<CitedAuthorMetrics>& ranking, const CitedAuthors& authors,
                               std::string_view name) {
  for (const auto& m : ranking)
    if (authors.groups.groups[m.group].name == name) return &m;
  return nullptr;
}

TEST(CitedAuthors, ReferenceNamesJoinTheLibrarysAuthorByTheSameRules) {
  LatourLibrary lib;
  const auto graph = CitationGraph::build(lib.b.corpus());
  const CitedAuthors authors = cited_authors(lib.b.corpus(), graph);
  const auto latour_group = authors.groups.group_of_person[lib.latour];
  const auto& by = authors.by_vertex;
  EXPECT_EQ(by[graph.vertex_of_external(lib.wos_latour)], (std::vector<std::uint32_t>{latour_group}));
  ASSERT_EQ(by[graph.vertex_of_external(lib.scopus_lab_life)].size(), 2u);
  EXPECT_EQ(by[graph.vertex_of_external(lib.scopus_lab_life)][0], latour_group);
  EXPECT_EQ(authors.groups.groups[latour_group].name, "Latour, Bruno");  // the library's form is shown

  const auto ranking = rank_cited_authors(graph, authors, CitedAuthorCounting::first_author);
  const auto* latour = find(ranking, authors, "Latour, Bruno");
  ASSERT_NE(latour, nullptr);
  EXPECT_EQ(latour->citations, 3u);  // latour1987, the WoS and the Scopus reference
  EXPECT_EQ(latour->citing_works, 2u);
  EXPECT_EQ(latour->cited_works, 3u);
  EXPECT_EQ(latour->library_works, 1u);
  const auto* callon = find(ranking, authors, "Callon, M.");
  ASSERT_NE(callon, nullptr);
  EXPECT_EQ(callon->citations, 2u);
  EXPECT_EQ(find(ranking, authors, "Woolgar, S."), nullptr);  // second author: first-author counting
  EXPECT_EQ(&ranking.front(), latour);

  const auto all = rank_cited_authors(graph, authors, CitedAuthorCounting::all_authors);
  const auto* woolgar = find(all, authors, "Woolgar, S.");
  ASSERT_NE(woolgar, nullptr);
  EXPECT_EQ(woolgar->citations, 1u);
}

TEST(CitedAuthors, AnAmbiguousCitedNameStaysApart) {
  LatourLibrary lib;
  const auto other = lib.b.person("Latour", "Benoit");
  const auto w = lib.b.work("benoit");
  lib.b.wrote(other, w);
  const auto graph = CitationGraph::build(lib.b.corpus());
  const CitedAuthors authors = cited_authors(lib.b.corpus(), graph);
  const auto wos = authors.by_vertex[graph.vertex_of_external(lib.wos_latour)].front();
  EXPECT_NE(wos, authors.groups.group_of_person[lib.latour]);
  EXPECT_NE(wos, authors.groups.group_of_person[other]);
  EXPECT_EQ(authors.groups.groups[wos].ambiguous_among, 2u);
}

TEST(CitedAuthors, ReadableNamesOfReferenceAuthors) {
  EXPECT_EQ(cited_person("LATOUR", "B").name, "Latour, B.");
  EXPECT_EQ(cited_person("KNORR-CETINA", "KD").name, "Knorr-Cetina, K. D.");
  EXPECT_EQ(cited_person("McCarthy", "J.D.").name, "McCarthy, J. D.");
  EXPECT_EQ(cited_person("*OECD", "").name, "Oecd");
  EXPECT_EQ(cited_person("Latour", "Bruno").name, "Latour, Bruno");
}

TEST(AuthorCocitation, WeightIsTheNumberOfWorksCitingBoth) {
  LatourLibrary lib;
  const auto graph = CitationGraph::build(lib.b.corpus());
  const CitedAuthors authors = cited_authors(lib.b.corpus(), graph);
  const auto net = author_cocitation_network(graph, authors, CitedAuthorCounting::first_author);
  // Latour and Callon, both cited by citing1 and citing2.
  ASSERT_EQ(net.nodes.size(), 2u);
  ASSERT_EQ(net.graph.num_edges(), 1u);
  const Adjacency adj = net.graph.adjacency();
  EXPECT_FLOAT_EQ(adj.weights[0], 2.0F);
  EXPECT_EQ(authors.groups.groups[net.nodes[0]].name, "Latour, Bruno");

  // All authors: Woolgar is co-cited with Latour and Callon by citing2.
  const auto all = author_cocitation_network(graph, authors, CitedAuthorCounting::all_authors);
  EXPECT_EQ(all.nodes.size(), 3u);
  EXPECT_EQ(all.graph.num_edges(), 3u);
  // min_citations counts citing works: Woolgar has one.
  NetworkOptions o;
  o.min_citations = 2;
  EXPECT_EQ(author_cocitation_network(graph, authors, CitedAuthorCounting::all_authors, o).nodes.size(), 2u);
}

// Two schools cited by two sets of works: two clusters, each named by the works citing it.
TEST(AuthorCocitation, ClustersSeparateSchoolsAndAreNamedByTheirCitingWorks) {
  test::CorpusBuilder b;
  std::vector<std::uint32_t> sts, inst;
  for (const char* n : {"LATOUR B", "CALLON M", "LAW J", "WOOLGAR S"}) {
    const auto e = b.external(std::string("ref:") + n);
    const std::string s(n);
    b.corpus().externals[e].authors = {{s.substr(0, s.find(' ')), s.substr(s.find(' ') + 1)}};
    sts.push_back(e);
  }
  for (const char* n : {"DIMAGGIO PJ", "MEYER JW", "POWELL WW", "SCOTT WR"}) {
    const auto e = b.external(std::string("ref:") + n);
    const std::string s(n);
    b.corpus().externals[e].authors = {{s.substr(0, s.find(' ')), s.substr(s.find(' ') + 1)}};
    inst.push_back(e);
  }
  for (int i = 0; i < 4; ++i) {
    const auto w = b.work("sts" + std::to_string(i));
    b.corpus().works[w].title = "Actor network theory of laboratory science";
    for (auto e : sts) b.cites_external(w, e);
    const auto v = b.work("inst" + std::to_string(i));
    b.corpus().works[v].title = "Institutional isomorphism in organizational fields";
    for (auto e : inst) b.cites_external(v, e);
  }
  const auto bridge = b.work("bridge");
  b.cites_external(bridge, sts[0]).cites_external(bridge, inst[0]);
  const auto graph = CitationGraph::build(b.corpus());
  const CitedAuthors authors = cited_authors(b.corpus(), graph);
  ClusterOptions options;
  options.leiden.seed = 3;
  const Clustering run = cluster_author_cocitation(graph, authors, CitedAuthorCounting::first_author, options);
  EXPECT_EQ(run.network, NetworkKind::author_cocitation);
  ASSERT_EQ(run.clusters.size(), 2u);
  EXPECT_EQ(run.cluster_of.size(), authors.groups.groups.size());
  auto cluster_of_ref = [&](std::uint32_t e) {
    return run.cluster_of[authors.by_vertex[graph.vertex_of_external(e)].front()];
  };
  for (auto e : sts) EXPECT_EQ(cluster_of_ref(e), cluster_of_ref(sts[0]));
  for (auto e : inst) EXPECT_EQ(cluster_of_ref(e), cluster_of_ref(inst[0]));
  EXPECT_NE(cluster_of_ref(sts[0]), cluster_of_ref(inst[0]));

  const auto docs = author_cluster_documents(b.corpus(), graph, authors, CitedAuthorCounting::first_author, run);
  const auto sts_cluster = cluster_of_ref(sts[0]);
  // Four works each; the bridge cites one author of each and goes to the lower id on the tie.
  EXPECT_EQ(docs.clusters[0].size(), 5u);
  EXPECT_EQ(docs.clusters[1].size(), 4u);
  EXPECT_TRUE(docs.rest.empty());
  EXPECT_NE(docs.clusters[sts_cluster][0].title.find("Actor network"), std::string::npos);
  const auto labels = label_clusters(docs);
  EXPECT_NE(labels[sts_cluster].label.find("actor"), std::string::npos) << labels[sts_cluster].label;

  // Thresholds chosen as for works: 9 citing works, 8 authors cited 4 or 5 times: all kept.
  options.choose_min_citations = true;
  options.choose_min_cluster_size = true;
  const Clustering chosen = cluster_author_cocitation(graph, authors, CitedAuthorCounting::first_author, options);
  EXPECT_TRUE(chosen.min_citations_chosen);
  EXPECT_EQ(chosen.min_citations, 2u);
  EXPECT_EQ(chosen.target_nodes, 9u);
  EXPECT_EQ(chosen.candidate_nodes, 8u);
  EXPECT_EQ(chosen.network_nodes, 8u);
  EXPECT_EQ(chosen.min_cluster_size, 2u);
  EXPECT_EQ(author_citing_works(graph, authors, CitedAuthorCounting::first_author).size(), authors.groups.groups.size());
}

TEST(AuthorCocitation, ClusterGraphRefusesTheAuthorNetwork) {
  test::CorpusBuilder b;
  b.work("w");
  const auto graph = CitationGraph::build(b.corpus());
  ClusterOptions options;
  options.network = NetworkKind::author_cocitation;
  EXPECT_THROW(cluster_graph(graph, options), std::invalid_argument);
  EXPECT_EQ(network_from_name("author-cocitation"), NetworkKind::author_cocitation);
}

}  // namespace
}  // namespace litrev
