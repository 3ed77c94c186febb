#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "corpus_builder.hpp"
#include "graph/export.hpp"
#include "graph/networks.hpp"

namespace litrev {
namespace {

// Three works co-citing two externals; an author name with quotes and a title with a control
// character test the escaping.
class SmallExport : public ::testing::Test {
 protected:
  SmallExport() {
    const auto a = b_.work("obrien2001", 2001);
    const auto c = b_.work("lee2003", 2003);
    const auto d = b_.work("", 2005);
    b_.corpus().works[d].title = std::string("Bad\x01title, with; punctuation");
    const auto x = b_.external("doi:10.1/x", "Smith J, 1990, \"Quoted\" <Journal>");
    const auto y = b_.external("ref:y", "Y, 1995");
    b_.cites_external(a, x).cites_external(a, y).cites_external(c, x).cites_external(c, y).cites(d, a);
    b_.cites_external(d, x);
    const auto p = b_.person("O'Brien & \"Co\"", "Ann");
    b_.wrote(p, a);
    graph_ = CitationGraph::build(b_.corpus());
    net_ = cocitation_network(graph_);
    cluster_of_.assign(graph_.num_vertices(), 0);
    cluster_of_[graph_.vertex_of_external(x)] = 3;  // the run's cluster number, as graph cluster prints it
    cluster_of_[graph_.vertex_of_external(y)] = 3;
    exported_ = make_export_network(b_.corpus(), graph_, net_.graph, net_.nodes, &cluster_of_);
    for (auto& n : exported_.nodes) n.metrics = {{"pagerank", 0.25}, {"betweenness", 1.5}};
  }
  test::CorpusBuilder b_;
  CitationGraph graph_;
  Network net_;
  std::vector<std::int64_t> cluster_of_;
  ExportNetwork exported_;
};

TEST_F(SmallExport, NodesCarryIdsLabelsClustersAndCitations) {
  ASSERT_EQ(exported_.nodes.size(), 3u);  // obrien2001 (cited by the third work), x, y
  EXPECT_FALSE(exported_.directed);
  EXPECT_EQ(exported_.nodes[0].id, "obrien2001");
  EXPECT_EQ(exported_.nodes[0].label, "O'Brien & \"Co\" (2001)");
  EXPECT_EQ(exported_.nodes[0].cluster, 0);
  EXPECT_EQ(exported_.nodes[1].id, "doi:10.1/x");
  EXPECT_EQ(exported_.nodes[1].cluster, 3);
  EXPECT_EQ(exported_.nodes[1].citations, 3.0);
  EXPECT_EQ(exported_.edges.size(), 2u);  // x-y (cited together twice), obrien2001-x; each once
}

TEST_F(SmallExport, GraphmlIsWellFormedWithAttributes) {
  const std::string text = to_graphml(exported_);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(text.c_str())) << text;
  const auto graph = doc.child("graphml").child("graph");
  EXPECT_STREQ(graph.attribute("edgedefault").value(), "undirected");
  EXPECT_EQ(std::distance(graph.children("node").begin(), graph.children("node").end()), 3);
  EXPECT_EQ(std::distance(graph.children("edge").begin(), graph.children("edge").end()), 2);
  const auto x = graph.find_child_by_attribute("node", "id", "doi:10.1/x");
  EXPECT_STREQ(x.find_child_by_attribute("data", "key", "label").text().get(), "Smith J, 1990, \"Quoted\" <Journal>");
  EXPECT_STREQ(x.find_child_by_attribute("data", "key", "cluster").text().get(), "3");
  EXPECT_FALSE(graph.find_child_by_attribute("node", "id", "obrien2001").find_child_by_attribute("data", "key", "cluster"));
  EXPECT_TRUE(doc.child("graphml").find_child_by_attribute("key", "attr.name", "pagerank"));
}

TEST_F(SmallExport, GexfIsWellFormedForGephi) {
  const std::string text = to_gexf(exported_);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(text.c_str())) << text;
  const auto graph = doc.child("gexf").child("graph");
  // 1.2draft: the namespace networkx (2.8 to 3.x) looks for, and Gephi reads.
  EXPECT_STREQ(doc.child("gexf").attribute("version").value(), "1.2");
  EXPECT_STREQ(doc.child("gexf").attribute("xmlns").value(), "http://www.gexf.net/1.2draft");
  const auto x = graph.child("nodes").find_child_by_attribute("node", "id", "doi:10.1/x");
  EXPECT_STREQ(x.child("attvalues").find_child_by_attribute("attvalue", "for", "1").attribute("value").value(), "3");
  EXPECT_STREQ(graph.attribute("defaultedgetype").value(), "undirected");
  const auto nodes = graph.child("nodes");
  EXPECT_EQ(std::distance(nodes.children("node").begin(), nodes.children("node").end()), 3);
  EXPECT_TRUE(graph.child("attributes").find_child_by_attribute("attribute", "title", "betweenness"));
  EXPECT_TRUE(graph.child("edges").child("edge").attribute("weight"));
}

TEST_F(SmallExport, ControlCharactersNeverReachTheXml) {
  // The third work enters a direct-citation export with its title as label.
  const auto direct = direct_citation_network(graph_);
  auto net = make_export_network(b_.corpus(), graph_, direct.graph, direct.nodes);
  EXPECT_TRUE(net.directed);
  net.nodes[2].label = std::string("Bad\x01title");
  const std::string text = to_graphml(net);
  EXPECT_EQ(text.find('\x01'), std::string::npos);
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(text.c_str()));
  EXPECT_STREQ(doc.child("graphml").child("graph").attribute("edgedefault").value(), "directed");
}

TEST_F(SmallExport, DotPajekCsvAndVosviewerTexts) {
  const std::string dot = to_dot(exported_);
  EXPECT_EQ(dot.rfind("graph litrev {\n", 0), 0u);
  EXPECT_NE(dot.find("\"obrien2001\" [label=\"O'Brien & \\\"Co\\\" (2001)\", citations=1];"), std::string::npos);
  EXPECT_NE(dot.find("\"doi:10.1/x\" -- \"ref:y\" [weight=2];"), std::string::npos);

  const std::string pajek = to_pajek(exported_);
  // Pajek strings have no escapes: a double quote becomes a single one.
  EXPECT_EQ(pajek.rfind("*Vertices 3\n1 \"O'Brien & 'Co' (2001)\"\n", 0), 0u) << pajek;
  EXPECT_NE(pajek.find("*Edges\n"), std::string::npos);
  EXPECT_NE(pajek.find("2 3 2\n"), std::string::npos);

  EXPECT_EQ(to_pajek_partition(exported_), "*Vertices 3\n0\n3\n3\n");

  const std::string csv = to_csv_edges(exported_);
  EXPECT_EQ(csv.rfind("source,target,weight\n", 0), 0u);
  EXPECT_NE(csv.find("doi:10.1/x,ref:y,2\n"), std::string::npos);
  EXPECT_EQ(to_csv_nodes(exported_),
            "id,label,year,cluster,citations,pagerank,betweenness\n"
            "obrien2001,\"O'Brien & \"\"Co\"\" (2001)\",2001,,1,0.25,1.5\n"
            "doi:10.1/x,\"Smith J, 1990, \"\"Quoted\"\" <Journal>\",,3,3,0.25,1.5\n"
            "ref:y,\"Y, 1995\",,3,2,0.25,1.5\n");

  const auto vos = to_vosviewer(exported_);
  EXPECT_EQ(vos.map.substr(0, vos.map.find('\n')),
            "id\tlabel\tdescription\tcluster\tweight<Citations>\tweight<Total link strength>\tscore<pagerank>"
            "\tscore<betweenness>");
  EXPECT_NE(vos.map.find("2\t\"Smith J, 1990, \"\"Quoted\"\" <Journal>\"\tdoi:10.1/x\t3\t3\t3\t0.25\t1.5\n"),
            std::string::npos);
  EXPECT_NE(vos.map.find("1\t\"O'Brien & \"\"Co\"\" (2001)\"\tobrien2001\t\t1\t1\t0.25\t1.5\n"), std::string::npos);
  EXPECT_NE(vos.network.find("2\t3\t2\n"), std::string::npos);
}

TEST(ExportLabels, RepeatedLabelsBecomeDistinctAsInBibliographies) {
  std::vector<std::string> labels = {"Smith (2010)", "Doe", "Smith (2010)", "Doe", "Smith (2010a)", "Roe (2001)"};
  make_labels_unique(labels);
  EXPECT_EQ(labels, (std::vector<std::string>{"Smith (2010b)", "Doe (1)", "Smith (2010c)", "Doe (2)", "Smith (2010a)",
                                              "Roe (2001)"}));
}

}  // namespace
}  // namespace litrev
