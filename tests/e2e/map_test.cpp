// graph map, timeline, bursts and historiograph on the sample library in bib/.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "support/test_support.hpp"

namespace litrev::test {
namespace {

using nlohmann::json;

class MapSample : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const auto r = run_litrev({"--db", db(), "import", "bibtex", std::string(LITREV_SOURCE_DIR) + "/bib/responsible-ai.bib"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_EQ(run({"note", "dimaggio1983", "Coercive </script> <b>mimetic</b> isomorphism"}).exit_code, 0);
    ASSERT_EQ(run({"tag", "dimaggio1983", "institutions"}).exit_code, 0);
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string db() { return (*dir_ / "sample.db").string(); }
  static std::string path(const std::string& name) { return (*dir_ / name).string(); }
  static RunResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db()});
    return run_litrev(args);
  }
  // The JSON data island of a map page.
  static json page_data(const std::string& html) {
    const std::string open = "<script type=\"application/json\" id=\"litrev-data\">";
    const auto start = html.find(open);
    EXPECT_NE(start, std::string::npos);
    const auto from = start + open.size();
    return json::parse(html.substr(from, html.find("</script>", from) - from));
  }
  static TempDir* dir_;
};
TempDir* MapSample::dir_ = nullptr;

TEST_F(MapSample, MapPageHasWorksAuthorsTimelineAndHistoriograph) {
  const auto r = run({"graph", "map", "--out", path("map.html")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("clusters computed now"), std::string::npos) << "no saved run yet: says so";
  const std::string html = read_file(path("map.html"));
  const json data = page_data(html);
  ASSERT_EQ(data["views"].size(), 2u);
  EXPECT_EQ(data["views"][0]["id"], "works");
  EXPECT_EQ(data["views"][1]["id"], "authors");
  EXPECT_GT(data["views"][0]["nodes"].size(), 20u);
  EXPECT_GT(data["views"][0]["clusters"].size(), 1u);
  EXPECT_TRUE(data.contains("timeline"));
  EXPECT_TRUE(data["hasHistoriograph"].get<bool>());
  // The note (with markup) and the tag reach the tooltip data as text.
  bool found = false;
  for (const auto& n : data["views"][0]["nodes"])
    if (n["id"] == "dimaggio1983") {
      found = true;
      EXPECT_EQ(n["notes"][0], "Coercive </script> <b>mimetic</b> isomorphism");
      EXPECT_EQ(n["tags"][0], "institutions");
      EXPECT_EQ(n["url"], "https://doi.org/10.2307/2095101");
      EXPECT_EQ(n["label"], "DiMaggio 1983");
    }
  EXPECT_TRUE(found);
  EXPECT_EQ(html.find("<b>mimetic"), std::string::npos);
}

TEST_F(MapSample, SameLibrarySameMap) {
  ASSERT_EQ(run({"-q", "graph", "map", "--out", path("a.html"), "--no-authors"}).exit_code, 0);
  ASSERT_EQ(run({"-q", "graph", "map", "--out", path("b.html"), "--no-authors"}).exit_code, 0);
  const json a = page_data(read_file(path("a.html"))), b = page_data(read_file(path("b.html")));
  EXPECT_EQ(a["views"], b["views"]);
}

TEST_F(MapSample, MapUsesTheSavedRunsClusters) {
  const auto cluster = run({"graph", "cluster", "--network", "coupling", "--json"});
  ASSERT_EQ(cluster.exit_code, 0) << cluster.err;
  const json saved = json::parse(cluster.out);
  const auto r = run({"graph", "map", "--network", "coupling", "--out", path("coupling.html"), "--no-authors"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("computed now"), std::string::npos);
  const json view = page_data(read_file(path("coupling.html")))["views"][0];
  ASSERT_EQ(view["clusters"].size(), saved["clusters"].size());
  EXPECT_EQ(view["clusters"][0]["label"], saved["clusters"][0]["label"]);
  // Each node sits in the cluster the run gave its work.
  std::map<std::string, int> run_cluster;
  for (const auto& c : saved["clusters"])
    for (const auto& w : c["works"]) run_cluster[w.get<std::string>()] = c["id"].get<int>() - 1;
  std::size_t checked = 0;
  for (const auto& n : view["nodes"]) {
    if (!n.contains("cluster") || !run_cluster.contains(n["id"])) continue;
    EXPECT_EQ(n["cluster"].get<int>(), run_cluster[n["id"]]) << n["id"];
    ++checked;
  }
  EXPECT_GT(checked, 10u);
}

TEST_F(MapSample, SvgIsWellFormedWithLabels) {
  const auto r = run({"graph", "map", "--out", path("map.svg"), "--color", "year", "--size", "pagerank"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_file(path("map.svg").c_str()));
  EXPECT_GT(doc.select_nodes("//circle[@fill-opacity]").size(), 20u);
  EXPECT_GT(doc.select_nodes("//g/text[@text-anchor='middle']").size(), 5u);
}

TEST_F(MapSample, AuthorMapsAndBadOptions) {
  ASSERT_EQ(run({"-q", "graph", "map", "--network", "authors", "--out", path("authors.html")}).exit_code, 0);
  EXPECT_EQ(page_data(read_file(path("authors.html")))["views"][0]["id"], "authors");
  ASSERT_EQ(run({"-q", "graph", "map", "--network", "coauthorship", "--min-citations", "0", "--out", path("co.html")}).exit_code, 0);
  EXPECT_EQ(run({"graph", "map", "--network", "authors", "--color", "year", "--out", path("x.html")}).exit_code, 2);
  EXPECT_EQ(run({"graph", "map", "--network", "nonsense", "--out", path("x.html")}).exit_code, 2);
  EXPECT_EQ(run({"graph", "map", "--run", "999", "--out", path("x.html")}).exit_code, 4);
}

TEST_F(MapSample, TimelineCountsEveryWork) {
  const auto r = run({"graph", "timeline", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json t = json::parse(r.out);
  std::uint32_t total = t["undated"];
  for (const auto& v : t["works"]) total += v.get<std::uint32_t>();
  EXPECT_EQ(total, 115u) << "every work of the sample library, dated or not";
  EXPECT_FALSE(t["clusters"].empty());
  const auto text = run({"graph", "timeline", "--no-clusters"});
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("year  works"), std::string::npos);
}

TEST_F(MapSample, BurstsAndTheRankColumn) {
  const auto r = run({"graph", "bursts", "--json", "--top", "0", "--gamma", "0.5"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json b = json::parse(r.out);
  EXPECT_EQ(b["parameters"]["ratio"], 2.0);
  EXPECT_EQ(b["parameters"]["min_duration"], 2);
  for (const auto& burst : b["bursts"]) {
    EXPECT_GE(burst["end"].get<int>() - burst["begin"].get<int>() + 1, 2);
    EXPECT_GT(burst["strength"].get<double>(), 0.0);
  }
  const auto text = run({"graph", "bursts"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("strongest citation bursts"), std::string::npos);
  const auto rank = run({"graph", "rank", "--json", "--top", "3"});
  ASSERT_EQ(rank.exit_code, 0);
  EXPECT_TRUE(json::parse(rank.out)[0].contains("burst"));
}

TEST_F(MapSample, HistoriographTableAndDrawing) {
  const auto r = run({"graph", "historiograph", "--json", "--top", "10"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json h = json::parse(r.out);
  ASSERT_EQ(h["works"].size(), 10u);
  for (std::size_t i = 1; i < h["works"].size(); ++i) EXPECT_LE(h["works"][i - 1]["year"], h["works"][i]["year"]);
  // The table names works as people cite them, not by their keys.
  const auto text = run({"graph", "historiograph", "--top", "10"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("DiMaggio 1983"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("dimaggio1983"), std::string::npos) << text.out;
  ASSERT_EQ(run({"-q", "graph", "historiograph", "--out", path("hist.svg")}).exit_code, 0);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_file(path("hist.svg").c_str()));
  EXPECT_EQ(doc.select_nodes("//circle").size(), 30u);
}

}  // namespace
}  // namespace litrev::test
