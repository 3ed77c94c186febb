#pragma once
// What a drawing of the literature shows, as plain values: the CLI gathers it from the library
// (layout, clusters of a saved run, ranks, bursts, notes, tags), and the writers turn it into
// one self-contained HTML page (html.hpp) or static SVG (svg.hpp). Nothing here reads the store
// or computes a layout.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace litrev::map {

inline constexpr std::uint32_t kNoCluster = 0xFFFFFFFFu;

struct MapBurst {
  int begin = 0, end = 0;
  double strength = 0.0;
};

struct MapNode {
  std::string id;         // the work's key, the external's identity, the author's key
  std::string label;      // short: "DiMaggio 1983"
  std::string reference;  // full reference for the tooltip
  std::optional<int> year;
  std::uint32_t cluster = kNoCluster;  // index into MapView::clusters
  double x = 0.0, y = 0.0;             // layout, in [-1, 1]
  double size = 0.0;                   // what the circle's area shows (citations or PageRank)
  std::string color;                   // "#rrggbb"
  double citations = 0.0;
  std::uint32_t citation_rank = 0;     // 1 = most cited of the view
  std::uint32_t pagerank_rank = 0;     // 0 = not computed
  std::string url;                     // DOI or HAL page, or empty
  std::vector<std::string> tags;
  std::vector<std::string> notes;      // Markdown, shown as text
  std::optional<MapBurst> burst;       // strongest citation burst
  bool in_library = false;
};

struct MapLink {
  std::uint32_t source = 0, target = 0;  // indexes into MapView::nodes
  double weight = 1.0;
};

struct MapCluster {
  std::string label;               // distinctive terms, may be empty
  std::vector<std::string> terms;
  std::string color;
  std::size_t size = 0;            // nodes of the view in it
};

struct MapView {
  std::string id;       // "works", "authors": DOM ids and test hooks
  std::string title;    // tab name: "Works (co-citation)"
  std::string description;  // one line under the legend: network, thresholds, run
  std::string size_by;  // "citations" or "pagerank"
  std::string color_by; // "cluster" or "year"
  std::vector<MapNode> nodes;
  std::vector<MapLink> links;
  std::vector<MapCluster> clusters;
  std::optional<std::pair<int, int>> year_range;  // colour scale ends when color_by == "year"
};

struct TimelineSeries {
  std::string label;
  std::string color;
  std::vector<std::uint32_t> counts;  // per year
};

struct TimelineData {
  int first_year = 0;
  std::vector<std::uint32_t> totals;  // per year
  std::vector<TimelineSeries> clusters;
  std::uint32_t undated = 0;
};

struct HistoriographNode {
  std::string label, reference, url;
  int year = 0;
  int column = 0;
  double row = 0.0;
  std::uint32_t local_citations = 0;
  std::string color;
};

struct HistoriographData {
  std::vector<int> years;  // one per column
  std::vector<HistoriographNode> nodes;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs;  // citing -> cited
};

struct MapDocument {
  std::string title;      // page title
  std::string generated;  // "litrev 0.1.0, 2026-05-04, library.db"
  std::vector<MapView> views;
  std::optional<TimelineData> timeline;
  std::optional<HistoriographData> historiograph;
};

}  // namespace litrev::map
