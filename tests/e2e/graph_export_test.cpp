// graph export on the sample library in bib/: one cluster numbering, the saved run's, in every
// output (graph cluster's text and --json, GraphML, GEXF, DOT, VOSviewer, Pajek, CSV); --run of
// another network is an error; and the files are read by networkx and igraph (Debian's
// python3-networkx and python3-igraph) when they are installed.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "support/test_support.hpp"

namespace litrev::test {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

class GraphExportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const auto r = run_litrev({"--db", db(), "import", "bibtex", std::string(LITREV_SOURCE_DIR) + "/bib/responsible-ai.bib"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto c = run_litrev({"--db", db(), "graph", "cluster", "--json", "--network", "coupling", "--seed", "3"});
    ASSERT_EQ(c.exit_code, 0) << c.err;
    run_ = new json(json::parse(c.out));
  }
  static void TearDownTestSuite() {
    delete run_;
    delete dir_;
  }
  static std::string db() { return (*dir_ / "sample.db").string(); }
  static std::string run_id() { return std::to_string((*run_)["run"].get<int>()); }
  // Cluster of each node, as graph cluster --json printed it.
  static std::map<std::string, int> membership() {
    std::map<std::string, int> m;
    for (const auto& c : (*run_)["clusters"])
      for (const auto& w : c["works"]) m[w.get<std::string>()] = c["id"].get<int>();
    return m;
  }
  static RunResult export_as(const std::string& format, const fs::path& out, std::vector<std::string> more = {}) {
    std::vector<std::string> args = {"--db", db(), "graph", "export", "--format", format, "--out", out.string()};
    args.insert(args.end(), more.begin(), more.end());
    return run_litrev(args);
  }
  static TempDir* dir_;
  static json* run_;
};
TempDir* GraphExportTest::dir_ = nullptr;
json* GraphExportTest::run_ = nullptr;

// node id -> cluster, from each format's own way of writing it.
std::map<std::string, int> clusters_in(const std::string& format, const fs::path& out) {
  std::map<std::string, int> m;
  const std::string text = read_file(out);
  std::smatch match;
  if (format == "graphml") {
    static const std::regex node(R"re(<node id="([^"]*)">([\s\S]*?)</node>)re");
    static const std::regex cluster(R"re(<data key="cluster">(\d+)</data>)re");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), node); it != std::sregex_iterator(); ++it) {
      const std::string body = (*it)[2];
      if (std::regex_search(body, match, cluster)) m[(*it)[1]] = std::stoi(match[1]);
    }
  } else if (format == "gexf") {
    static const std::regex node(R"re(<node id="([^"]*)"[^>]*>([\s\S]*?)</node>)re");
    static const std::regex cluster(R"re(<attvalue for="1" value="(\d+)")re");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), node); it != std::sregex_iterator(); ++it) {
      const std::string body = (*it)[2];
      if (std::regex_search(body, match, cluster)) m[(*it)[1]] = std::stoi(match[1]);
    }
  } else if (format == "dot") {
    static const std::regex node(R"re(^  "([^"]*)" \[label=.*, cluster=(\d+),)re");
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
      if (std::regex_search(line, match, node)) m[match[1]] = std::stoi(match[2]);
  } else if (format == "vosviewer") {  // id, label, description (the node id), cluster
    std::istringstream lines(text);
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
      std::vector<std::string> cols;
      std::istringstream cells(line);
      for (std::string cell; std::getline(cells, cell, '\t');) cols.push_back(cell);
      if (cols.size() > 3 && !cols[3].empty()) m[cols[2]] = std::stoi(cols[3]);
    }
  } else if (format == "csv" || format == "pajek") {
    // The nodes file (id first, cluster fourth; the sample's ids need no quotes), and for Pajek
    // the .clu partition in the same node order.
    const fs::path nodes = fs::path(out).replace_extension(".nodes.csv");
    std::vector<std::string> ids, clusters;
    std::istringstream lines(read_file(nodes));
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
      ids.push_back(line.substr(0, line.find(',')));
      std::vector<std::string> cols;
      std::istringstream cells(line);
      for (std::string cell; std::getline(cells, cell, ',');) cols.push_back(cell);
      clusters.push_back(cols.size() > 3 ? cols[3] : "");
    }
    if (format == "pajek") {
      std::istringstream clu(read_file(fs::path(out).replace_extension(".clu")));
      std::getline(clu, line);  // *Vertices n
      clusters.clear();
      while (std::getline(clu, line)) clusters.push_back(line == "0" ? "" : line);
    }
    for (std::size_t i = 0; i < ids.size() && i < clusters.size(); ++i)
      if (!clusters[i].empty()) m[ids[i]] = std::stoi(clusters[i]);
  }
  return m;
}

TEST_F(GraphExportTest, EveryFormatNumbersClustersAsGraphClusterDoes) {
  const auto expected = membership();
  ASSERT_GT(expected.size(), 20u);
  for (const std::string format : {"graphml", "gexf", "dot", "vosviewer", "csv", "pajek"}) {
    SCOPED_TRACE(format);
    const fs::path out = *dir_ / ("net." + format);
    if (format == "pajek") {
      // The CSV nodes file gives Pajek's vertices their ids: write it beside.
      ASSERT_EQ(export_as("csv", fs::path(out).replace_extension(".csv"), {"--run", run_id()}).exit_code, 0);
    }
    const auto r = export_as(format, out, {"--run", run_id()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto got = clusters_in(format, out);
    std::size_t agree = 0;
    for (const auto& [key, cluster] : expected) {
      auto it = got.find(key);
      if (it != got.end() && it->second == cluster) ++agree;
    }
    EXPECT_EQ(agree, expected.size()) << "cluster ids agree on " << agree << "/" << expected.size() << " works";
    EXPECT_EQ(got.size(), expected.size()) << "nodes with a cluster";
  }
}

TEST_F(GraphExportTest, TextAndJsonOfARunNumberClustersAlike) {
  const auto text = run_litrev({"--db", db(), "graph", "cluster", "--network", "coupling", "--seed", "3", "--no-save"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  for (const auto& c : (*run_)["clusters"]) {
    const std::string line = "\nCluster " + std::to_string(c["id"].get<int>()) + " (" +
                             std::to_string(c["size"].get<int>()) + " nodes)";
    EXPECT_NE(text.out.find(line), std::string::npos) << line << " in\n" << text.out;
  }
}

TEST_F(GraphExportTest, TheLatestRunGivesTheNetworkWhenNoneIsNamed) {
  // No --network: the latest run's network (coupling), fully coloured.
  const auto r = export_as("graphml", *dir_ / "default.graphml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("coupling network"), std::string::npos) << r.err;
  EXPECT_EQ(clusters_in("graphml", *dir_ / "default.graphml").size(), membership().size());
}

TEST_F(GraphExportTest, ARunOfAnotherNetworkIsAnError) {
  const auto r = export_as("graphml", *dir_ / "wrong.graphml", {"--run", run_id(), "--network", "citation"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("run " + run_id() + " clusters the coupling network, not the citation network"), std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(*dir_ / "wrong.graphml"));
  const auto m = export_as("graphml", *dir_ / "wrong.graphml", {"--run", run_id(), "--min-citations", "5"});
  EXPECT_EQ(m.exit_code, 2) << m.err;
  const auto missing = export_as("graphml", *dir_ / "wrong.graphml", {"--run", "999"});
  EXPECT_EQ(missing.exit_code, 4) << missing.err;
  // Without clusters, any network.
  EXPECT_EQ(export_as("graphml", *dir_ / "plain.graphml", {"--network", "citation", "--no-clusters"}).exit_code, 0);
}

TEST(GraphExportLabels, TwoWorksOfOneAuthorAndYearGetDistinctLabels) {
  // Pajek readers (networkx, igraph) know vertices by label: two "Smith (2010)" would be one.
  TempDir tmp;
  write_file(tmp / "lib.bib", R"(@article{smith2010x, author = {Smith, Ann}, title = {One}, year = {2010}}
@article{smith2010y, author = {Smith, Bob}, title = {Two}, year = {2010}}
@article{doe2011, author = {Doe, Jane}, title = {Three}, year = {2011}, cites = {smith2010x, smith2010y}}
)");
  const auto db = (tmp / "lib.db").string();
  ASSERT_EQ(run_litrev({"--db", db, "import", "bibtex", (tmp / "lib.bib").string()}).exit_code, 0);
  const auto r = run_litrev({"--db", db, "graph", "export", "--format", "pajek", "--out", (tmp / "g.net").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string net = read_file(tmp / "g.net");
  EXPECT_NE(net.find("\"Smith (2010a)\""), std::string::npos) << net;
  EXPECT_NE(net.find("\"Smith (2010b)\""), std::string::npos) << net;
  EXPECT_NE(net.find("\"Doe (2011)\""), std::string::npos) << net;
}

TEST_F(GraphExportTest, NetworkxAndIgraphReadEveryFormat) {
  const std::string python = "/usr/bin/python3";
  if (!program_available(python)) GTEST_SKIP() << "no /usr/bin/python3";
  const fs::path base = *dir_ / "read";
  for (const std::string format : {"graphml", "gexf", "pajek", "csv"}) {
    const fs::path out = format == "pajek" ? fs::path(base.string() + ".net") : fs::path(base.string() + "." + format);
    ASSERT_EQ(export_as(format, out, {"--run", run_id()}).exit_code, 0) << format;
  }
  const auto r = run_program({python, test_data("graph/read_exports.py").string(), base.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json result = json::parse(r.out);
  if (result["readers"].empty()) GTEST_SKIP() << "neither networkx nor igraph is installed for " << python;
  const auto expected = membership();
  const json& csv = result["readers"].contains("networkx csv") ? result["readers"]["networkx csv"] : json::object();
  const std::size_t nodes = csv.value("nodes", 0u), edges = csv.value("edges", 0u);
  for (const auto& [reader, got] : result["readers"].items()) {
    SCOPED_TRACE(reader);
    ASSERT_FALSE(got.contains("error")) << got["error"];
    if (nodes > 0) {
      EXPECT_EQ(got["nodes"], nodes);
      EXPECT_EQ(got["edges"], edges);
    }
    EXPECT_GT(got["edges"].get<int>(), 0);
    if (got["clusters"].empty()) continue;  // igraph's Pajek reader reads no partition
    std::map<std::string, int> clusters;
    for (const auto& [id, c] : got["clusters"].items()) clusters[id] = c.get<int>();
    EXPECT_EQ(clusters, expected);
  }
  for (const auto& s : result["skipped"]) std::cout << "[ skipped ] " << s.get<std::string>() << " is not installed\n";
}

}  // namespace
}  // namespace litrev::test
