// The map page and the SVG drawings: hostile library text stays text, every drawing is
// well-formed XML, labels never overlap.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <regex>

#include "map_assets.hpp"
#include "src/map/html.hpp"
#include "src/map/labels.hpp"
#include "src/map/palette.hpp"
#include "src/map/svg.hpp"

namespace litrev::map {
namespace {

const std::string kHostile = "</script><script>alert('x')</script> <b>\"Bold\" & <!-- co";

MapDocument hostile_document() {
  MapDocument doc;
  doc.title = kHostile;
  doc.generated = "test";
  MapView v;
  v.id = "works";
  v.title = "Co-citation " + kHostile;
  v.size_by = "citations";
  v.color_by = "cluster";
  for (int i = 0; i < 3; ++i) {
    MapNode n;
    n.id = "k" + std::to_string(i);
    n.label = i == 0 ? kHostile : "Author " + std::to_string(2000 + i);
    n.reference = kHostile + " \xE2\x80\xA8 line separator";
    n.x = i * 0.5 - 0.5;
    n.y = i * 0.2;
    n.size = i + 1;
    n.citations = i + 1;
    n.color = cluster_color(0);
    n.cluster = 0;
    n.notes = {kHostile};
    n.tags = {"<tag>"};
    n.url = "https://doi.org/10.1/x\"onmouseover=\"alert(1)";
    v.nodes.push_back(n);
  }
  v.links = {{0, 1, 1.0}, {1, 2, 2.0}};
  v.clusters = {MapCluster{kHostile, {kHostile}, cluster_color(0), 3}};
  doc.views.push_back(v);
  TimelineData t;
  t.first_year = 2000;
  t.totals = {1, 0, 2};
  t.clusters = {{kHostile, cluster_color(0), {1, 0, 1}}};
  doc.timeline = t;
  HistoriographData h;
  h.years = {2000, 2002};
  h.nodes = {{kHostile, kHostile, "https://hal.science/hal-1", 2000, 0, 0, 3, cluster_color(1)},
             {"B 2002", "B", "", 2002, 1, 0, 1, cluster_color(1)}};
  h.arcs = {{1, 0}};
  doc.historiograph = h;
  return doc;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(ScriptSafeJson, EscapesWhatCouldEndTheScriptElement) {
  const nlohmann::json value = {{"t", kHostile + "\xE2\x80\xA8\xE2\x80\xA9"}};
  const std::string safe = script_safe_json(value.dump());
  EXPECT_EQ(safe.find('<'), std::string::npos);
  EXPECT_EQ(safe.find('>'), std::string::npos);
  EXPECT_EQ(safe.find('&'), std::string::npos);
  EXPECT_EQ(safe.find("\xE2\x80\xA8"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(safe), value) << "still the same JSON value";
}

TEST(MapHtml, HostileTitlesStayText) {
  const std::string html = to_html(hostile_document());
  // Our two script elements only; the data's "</script>" is \u003c/script\u003e.
  EXPECT_EQ(count(html, "<script"), 2u);
  EXPECT_EQ(count(html, "</script>"), 2u);
  EXPECT_NE(html.find("<title>&lt;/script&gt;&lt;script&gt;alert(&#39;x&#39;)"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("<!-- co"), std::string::npos);
  // The data island parses back to the library's text.
  const auto open = html.find("<script type=\"application/json\" id=\"litrev-data\">");
  ASSERT_NE(open, std::string::npos);
  const auto start = html.find('>', open) + 1;
  const auto data = nlohmann::json::parse(html.substr(start, html.find("</script>", start) - start));
  EXPECT_EQ(data["title"], kHostile);
  EXPECT_EQ(data["views"][0]["nodes"][0]["label"], kHostile);
  EXPECT_EQ(data["views"][0]["nodes"][0]["notes"][0], kHostile);
  EXPECT_EQ(data["views"][0]["links"], (nlohmann::json{0, 1, 1, 2}));
}

TEST(MapHtml, SelfContained) {
  const std::string html = to_html(hostile_document());
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  EXPECT_EQ(html.find("<script src"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("{{"), std::string::npos) << "every placeholder filled";
  EXPECT_NE(html.find("window.litrevMap"), std::string::npos);
}

TEST(MapHtml, InvalidUtf8BecomesReplacementCharacters) {
  MapDocument doc = hostile_document();
  doc.views[0].nodes[1].label = "bad \xC3\x28 byte";
  std::string html;
  ASSERT_NO_THROW(html = to_html(doc));
  EXPECT_NE(html.find("bad \xEF\xBF\xBD( byte"), std::string::npos);
}

TEST(MapAssets, ScriptAndStyleCannotEndTheirElements) {
  EXPECT_EQ(std::string(assets::map_js()).find("</script"), std::string::npos);
  EXPECT_EQ(std::string(assets::map_css()).find("</style"), std::string::npos);
  EXPECT_EQ(std::string(assets::map_js()).find("http"), std::string::npos) << "the page loads nothing";
}

void expect_well_formed(const std::string& svg, pugi::xml_document& doc) {
  const auto parsed = doc.load_string(svg.c_str());
  ASSERT_TRUE(parsed) << parsed.description() << " at " << parsed.offset;
  EXPECT_STREQ(doc.document_element().name(), "svg");
}

TEST(MapSvg, WellFormedWithTextLabels) {
  const MapDocument input = hostile_document();
  pugi::xml_document doc;
  expect_well_formed(map_svg(input.views[0]), doc);
  EXPECT_EQ(doc.select_nodes("//circle[@fill-opacity]").size(), 3u);
  bool hostile_label = false;
  for (const auto& t : doc.select_nodes("//text")) hostile_label |= std::string(t.node().text().get()) == kHostile;
  EXPECT_TRUE(hostile_label) << "the label is text, escaped, and reads back as written";
  EXPECT_EQ(doc.select_nodes("//path").size(), 1u) << "links of one colour are one path";
}

TEST(MapSvg, LegendNamesOnlyTheClustersOnTheMap) {
  // A saved run's cluster with no node among the drawn ones is not listed; a long label is cut
  // between characters, not inside one.
  MapView v = hostile_document().views[0];
  v.clusters.push_back(MapCluster{"absent cluster", {}, cluster_color(1), 0});
  // "1 (3): " and 41 x: the 49th byte is the second of the first "é".
  v.clusters[0].label = std::string(41, 'x') + "\xC3\xA9t\xC3\xA9 \xC3\xA9t\xC3\xA9";
  const std::string svg = map_svg(v);
  pugi::xml_document doc;
  expect_well_formed(svg, doc);
  EXPECT_EQ(svg.find("absent cluster"), std::string::npos);
  EXPECT_NE(svg.find("1 (3): " + std::string(41, 'x') + "..."), std::string::npos);
  EXPECT_EQ(svg.find("\xC3..."), std::string::npos) << "half a character before the ellipsis";
}

TEST(MapSvg, HistoriographAndTimelineWellFormed) {
  const MapDocument input = hostile_document();
  pugi::xml_document h, t;
  expect_well_formed(historiograph_svg(*input.historiograph), h);
  EXPECT_EQ(h.select_nodes("//circle").size(), 2u);
  EXPECT_EQ(h.select_nodes("//a").size(), 1u) << "only the work with a page links";
  expect_well_formed(timeline_svg(*input.timeline), t);
  EXPECT_EQ(t.select_nodes("//rect[title]").size(), 3u);  // 2000: one in the cluster; 2002: one in, one out
}

TEST(MapSvg, LabelsDoNotOverlap) {
  MapView v;
  v.title = "dense";
  v.color_by = "cluster";
  for (int i = 0; i < 400; ++i) {
    MapNode n;
    n.label = "Author " + std::to_string(i);
    n.x = std::sin(i * 1.7) * 0.3;
    n.y = std::cos(i * 2.3) * 0.3;
    n.size = i;
    n.color = cluster_color(0);
    v.nodes.push_back(n);
  }
  pugi::xml_document doc;
  expect_well_formed(map_svg(v), doc);
  struct Box {
    double x, y, w;
  };
  std::vector<Box> boxes;
  for (const auto& t : doc.select_nodes("//g/text")) {
    const auto node = t.node();
    if (std::string(node.attribute("text-anchor").value()) != "middle") continue;
    boxes.push_back({node.attribute("x").as_double(), node.attribute("y").as_double(),
                     estimated_text_width(node.text().get(), 11)});
  }
  ASSERT_GT(boxes.size(), 5u);
  ASSERT_LT(boxes.size(), 400u) << "not every label fits";
  for (std::size_t a = 0; a < boxes.size(); ++a)
    for (std::size_t b = a + 1; b < boxes.size(); ++b) {
      const bool apart = std::abs(boxes[a].x - boxes[b].x) * 2 >= boxes[a].w + boxes[b].w ||
                         std::abs(boxes[a].y - boxes[b].y) >= 11 * 1.2;
      EXPECT_TRUE(apart) << a << " and " << b;
    }
}

TEST(PlaceLabels, MostImportantFirstAndNoOverlap) {
  const std::vector<LabelCandidate> c = {{0, 0, 40, 10}, {10, 2, 40, 10}, {100, 0, 40, 10}, {75, 0, 10, 10}};
  EXPECT_EQ(place_labels(c, 1.0), (std::vector<std::uint32_t>{0, 2}));
}

TEST(Palette, ColourBlindSafeScales) {
  EXPECT_EQ(cluster_color(0), "#0072b2");
  EXPECT_EQ(cluster_color(1000), kNoClusterColor);
  EXPECT_EQ(viridis(0), "#440154");
  EXPECT_EQ(viridis(1), "#fde725");
  EXPECT_EQ(viridis(-3), viridis(0));
  EXPECT_TRUE(std::regex_match(viridis(0.37), std::regex("#[0-9a-f]{6}")));
}

}  // namespace
}  // namespace litrev::map
