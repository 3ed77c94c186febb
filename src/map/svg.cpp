#include "src/map/svg.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

#include "src/map/labels.hpp"
#include "src/map/palette.hpp"

namespace litrev::map {

namespace {

// XML 1.0 forbids most control characters, even escaped.
std::string xml_text(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out.push_back(c);
  return out;
}

std::string num(double v) { return fmt::format("{:.1f}", v); }

pugi::xml_node svg_root(pugi::xml_document& doc, double width, double height, const SvgOptions& options) {
  if (options.xml_declaration) {
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
  }
  auto svg = doc.append_child("svg");
  svg.append_attribute("xmlns") = "http://www.w3.org/2000/svg";
  svg.append_attribute("width") = num(width).c_str();
  svg.append_attribute("height") = num(height).c_str();
  svg.append_attribute("viewBox") = fmt::format("0 0 {} {}", num(width), num(height)).c_str();
  svg.append_attribute("font-family") = "Helvetica, Arial, sans-serif";
  auto bg = svg.append_child("rect");
  bg.append_attribute("width") = "100%";
  bg.append_attribute("height") = "100%";
  bg.append_attribute("fill") = "#ffffff";
  return svg;
}

pugi::xml_node text(pugi::xml_node parent, double x, double y, const std::string& s, double size,
                    const char* anchor = "start", const char* fill = "#222222") {
  auto t = parent.append_child("text");
  t.append_attribute("x") = num(x).c_str();
  t.append_attribute("y") = num(y).c_str();
  t.append_attribute("font-size") = num(size).c_str();
  t.append_attribute("text-anchor") = anchor;
  t.append_attribute("fill") = fill;
  t.text().set(xml_text(s).c_str());
  return t;
}

void title(pugi::xml_node parent, const std::string& s) { parent.append_child("title").text().set(xml_text(s).c_str()); }

std::string save(const pugi::xml_document& doc, const SvgOptions& options) {
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default | (options.xml_declaration ? 0u : pugi::format_no_declaration),
           pugi::encoding_utf8);
  return out.str();
}

std::string tooltip(const MapNode& n, const std::vector<MapCluster>& clusters) {
  std::string s = n.reference.empty() ? n.label : n.reference;
  if (n.cluster < clusters.size() && !clusters[n.cluster].label.empty())
    s += fmt::format("\nCluster {}: {}", n.cluster + 1, clusters[n.cluster].label);
  s += fmt::format("\nCitations: {}", n.citations);
  if (n.burst) s += fmt::format("\nCitation burst {}-{} (strength {:.2f})", n.burst->begin, n.burst->end, n.burst->strength);
  return s;
}

}  // namespace

double node_radius(double size, double max_size, double min_radius, double max_radius) {
  if (!(max_size > 0) || !(size > 0)) return min_radius;
  return min_radius + (max_radius - min_radius) * std::sqrt(std::min(size, max_size) / max_size);
}

std::string map_svg(const MapView& view, const SvgOptions& options) {
  constexpr double kLegend = 320, kMargin = 40;
  pugi::xml_document doc;
  auto svg = svg_root(doc, options.width + kLegend, options.height, options);
  const double scale = std::min(options.width, options.height) / 2 - kMargin;
  auto px = [&](double x) { return options.width / 2 + x * scale; };
  auto py = [&](double y) { return options.height / 2 - y * scale; };
  double max_size = 0;
  for (const auto& n : view.nodes) max_size = std::max(max_size, n.size);
  const double max_radius = std::clamp(scale / std::sqrt(static_cast<double>(std::max<std::size_t>(view.nodes.size(), 1))) * 1.2, 6.0, 28.0);
  auto radius = [&](const MapNode& n) { return node_radius(n.size, max_size, 2.0, max_radius); };

  // Links: one path per colour (the source's), faint.
  auto links = svg.append_child("g");
  links.append_attribute("fill") = "none";
  links.append_attribute("stroke-opacity") = "0.18";
  links.append_attribute("stroke-width") = "0.6";
  std::vector<std::string> colors;
  std::vector<std::string> paths;
  for (const auto& l : view.links) {
    const auto& a = view.nodes[l.source];
    const auto& b = view.nodes[l.target];
    const auto it = std::find(colors.begin(), colors.end(), a.color);
    const std::size_t k = static_cast<std::size_t>(it - colors.begin());
    if (it == colors.end()) colors.push_back(a.color), paths.emplace_back();
    paths[k] += fmt::format("M{} {}L{} {}", num(px(a.x)), num(py(a.y)), num(px(b.x)), num(py(b.y)));
  }
  for (std::size_t k = 0; k < colors.size(); ++k) {
    auto p = links.append_child("path");
    p.append_attribute("stroke") = colors[k].c_str();
    p.append_attribute("d") = paths[k].c_str();
  }

  // Nodes, largest drawn first so small ones stay visible on top.
  std::vector<std::uint32_t> order(view.nodes.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return view.nodes[a].size > view.nodes[b].size; });
  auto nodes = svg.append_child("g");
  nodes.append_attribute("stroke") = "#ffffff";
  nodes.append_attribute("stroke-width") = "0.8";
  for (auto i : order) {
    const MapNode& n = view.nodes[i];
    auto c = nodes.append_child("circle");
    c.append_attribute("cx") = num(px(n.x)).c_str();
    c.append_attribute("cy") = num(py(n.y)).c_str();
    c.append_attribute("r") = num(radius(n)).c_str();
    c.append_attribute("fill") = n.color.c_str();
    c.append_attribute("fill-opacity") = "0.85";
    title(c, tooltip(n, view.clusters));
    if (n.burst) {
      auto ring = nodes.append_child("circle");
      ring.append_attribute("cx") = num(px(n.x)).c_str();
      ring.append_attribute("cy") = num(py(n.y)).c_str();
      ring.append_attribute("r") = num(radius(n) + 2.5).c_str();
      ring.append_attribute("fill") = "none";
      ring.append_attribute("stroke") = "#c0002a";
      ring.append_attribute("stroke-width") = "1.5";
    }
  }

  // Labels: the largest nodes first, where they fit.
  constexpr double kFont = 11;
  std::vector<LabelCandidate> candidates;
  for (auto i : order) {
    const MapNode& n = view.nodes[i];
    candidates.push_back({px(n.x), py(n.y), estimated_text_width(n.label, kFont), kFont * 1.2});
  }
  auto labels = svg.append_child("g");
  labels.append_attribute("paint-order") = "stroke";
  labels.append_attribute("stroke") = "#ffffff";
  labels.append_attribute("stroke-width") = "3";
  labels.append_attribute("stroke-linejoin") = "round";
  for (auto k : place_labels(candidates, 1.0)) {
    const MapNode& n = view.nodes[order[k]];
    text(labels, candidates[k].x, candidates[k].y + kFont * 0.35, n.label, kFont, "middle");
  }

  // Legend.
  auto legend = svg.append_child("g");
  double y = kMargin;
  const double lx = options.width + 10;
  text(legend, lx, y, view.title, 15)
      .append_attribute("font-weight") = "bold";
  y += 20;
  if (!view.description.empty()) {
    text(legend, lx, y, view.description, 10, "start", "#555555");
    y += 18;
  }
  if (view.color_by == "year" && view.year_range) {
    for (int k = 0; k <= 20; ++k) {
      auto r = legend.append_child("rect");
      r.append_attribute("x") = num(lx + k * 12).c_str();
      r.append_attribute("y") = num(y).c_str();
      r.append_attribute("width") = "12";
      r.append_attribute("height") = "10";
      r.append_attribute("fill") = viridis(k / 20.0).c_str();
    }
    text(legend, lx, y + 24, std::to_string(view.year_range->first), 10);
    text(legend, lx + 252, y + 24, std::to_string(view.year_range->second), 10, "end");
    y += 40;
  }
  for (std::size_t c = 0; c < view.clusters.size() && y < options.height - 20; ++c) {
    const MapCluster& cl = view.clusters[c];
    if (cl.size == 0) continue;  // a cluster of the run with no node on this map
    auto r = legend.append_child("circle");
    r.append_attribute("cx") = num(lx + 6).c_str();
    r.append_attribute("cy") = num(y - 4).c_str();
    r.append_attribute("r") = "5";
    r.append_attribute("fill") = cl.color.c_str();
    std::string line = fmt::format("{} ({}): {}", c + 1, cl.size, cl.label.empty() ? "-" : cl.label);
    if (line.size() > 52) {
      std::size_t cut = 49;
      while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
      line = line.substr(0, cut) + "...";
    }
    auto t = text(legend, lx + 16, y, line, 11);
    std::string terms;
    for (const auto& term : cl.terms) terms += (terms.empty() ? "" : ", ") + term;
    if (!terms.empty()) title(t, terms);
    y += 17;
  }
  return save(doc, options);
}

std::string historiograph_svg(const HistoriographData& data, const SvgOptions& options) {
  constexpr double kColumn = 110, kRow = 34, kTop = 50, kLeft = 70;
  double rows = 1;
  for (const auto& n : data.nodes) rows = std::max(rows, std::abs(n.row) * 2 + 1);
  const double width = std::max(options.width / 2, kLeft * 2 + kColumn * static_cast<double>(std::max<std::size_t>(data.years.size(), 1)));
  const double height = kTop * 2 + kRow * rows;
  pugi::xml_document doc;
  auto svg = svg_root(doc, width, height, options);
  auto px = [&](int column) { return kLeft + kColumn * column; };
  auto py = [&](double row) { return height / 2 + row * kRow; };
  auto axis = svg.append_child("g");
  for (std::size_t c = 0; c < data.years.size(); ++c) {
    text(axis, px(static_cast<int>(c)), kTop - 20, std::to_string(data.years[c]), 12, "middle", "#555555");
    auto line = axis.append_child("line");
    line.append_attribute("x1") = num(px(static_cast<int>(c))).c_str();
    line.append_attribute("x2") = num(px(static_cast<int>(c))).c_str();
    line.append_attribute("y1") = num(kTop - 10).c_str();
    line.append_attribute("y2") = num(height - 10).c_str();
    line.append_attribute("stroke") = "#eeeeee";
  }
  auto arcs = svg.append_child("g");
  arcs.append_attribute("fill") = "none";
  arcs.append_attribute("stroke") = "#7a7a7a";
  arcs.append_attribute("stroke-opacity") = "0.55";
  for (const auto& [from, to] : data.arcs) {
    const auto& a = data.nodes[from];
    const auto& b = data.nodes[to];
    // Citing (later, right) to cited (earlier, left), bowed so arcs within a column show.
    const double x1 = px(a.column), y1 = py(a.row), x2 = px(b.column), y2 = py(b.row);
    const double bow = a.column == b.column ? 40 : 0;
    auto p = arcs.append_child("path");
    p.append_attribute("d") =
        fmt::format("M{} {}C{} {} {} {} {} {}", num(x1), num(y1), num((x1 + x2) / 2 + bow), num(y1),
                    num((x1 + x2) / 2 + bow), num(y2), num(x2), num(y2))
            .c_str();
  }
  std::uint32_t max_lcs = 1;
  for (const auto& n : data.nodes) max_lcs = std::max(max_lcs, n.local_citations);
  auto nodes = svg.append_child("g");
  for (const auto& n : data.nodes) {
    auto parent = nodes;
    if (!n.url.empty()) {
      parent = nodes.append_child("a");
      parent.append_attribute("href") = n.url.c_str();
      parent.append_attribute("target") = "_blank";
    }
    auto c = parent.append_child("circle");
    c.append_attribute("cx") = num(px(n.column)).c_str();
    c.append_attribute("cy") = num(py(n.row)).c_str();
    c.append_attribute("r") = num(node_radius(n.local_citations, max_lcs, 4, 12)).c_str();
    c.append_attribute("fill") = n.color.c_str();
    c.append_attribute("stroke") = "#ffffff";
    title(c, fmt::format("{}\nLocal citations: {}", n.reference, n.local_citations));
    text(parent, px(n.column), py(n.row) + 22, n.label, 10, "middle");
  }
  return save(doc, options);
}

std::string timeline_svg(const TimelineData& data, const SvgOptions& options) {
  constexpr double kLeft = 50, kBottom = 40, kTop = 20, kRight = 20;
  const std::size_t years = data.totals.size();
  const double width = options.width, height = std::min(options.height, 420.0);
  pugi::xml_document doc;
  auto svg = svg_root(doc, width, height, options);
  std::uint32_t max = 1;
  for (auto v : data.totals) max = std::max(max, v);
  const double bar = years ? (width - kLeft - kRight) / static_cast<double>(years) : 0;
  const double plot = height - kTop - kBottom;
  auto axis = svg.append_child("g");
  for (int k = 0; k <= 4; ++k) {
    const double v = max * k / 4.0, y = height - kBottom - plot * k / 4.0;
    text(axis, kLeft - 6, y + 4, fmt::format("{:.0f}", v), 10, "end", "#555555");
    auto line = axis.append_child("line");
    line.append_attribute("x1") = num(kLeft).c_str();
    line.append_attribute("x2") = num(width - kRight).c_str();
    line.append_attribute("y1") = num(y).c_str();
    line.append_attribute("y2") = num(y).c_str();
    line.append_attribute("stroke") = "#e5e5e5";
  }
  const std::size_t every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(36.0 / std::max(bar, 1e-9))));
  auto bars = svg.append_child("g");
  for (std::size_t t = 0; t < years; ++t) {
    const double x = kLeft + bar * static_cast<double>(t);
    const int year = data.first_year + static_cast<int>(t);
    if (t % every == 0) text(axis, x + bar / 2, height - kBottom + 16, std::to_string(year), 10, "middle", "#555555");
    double base = height - kBottom;
    std::uint32_t stacked = 0;
    auto segment = [&](std::uint32_t count, const std::string& color, const std::string& what) {
      if (count == 0) return;
      const double h = plot * count / max;
      auto r = bars.append_child("rect");
      r.append_attribute("x") = num(x + bar * 0.1).c_str();
      r.append_attribute("y") = num(base - h).c_str();
      r.append_attribute("width") = num(bar * 0.8).c_str();
      r.append_attribute("height") = num(h).c_str();
      r.append_attribute("fill") = color.c_str();
      title(r, fmt::format("{}: {} works{}", year, count, what.empty() ? "" : " in " + what));
      base -= h;
    };
    for (const auto& s : data.clusters) {
      segment(s.counts[t], s.color, s.label);
      stacked += s.counts[t];
    }
    segment(data.totals[t] - std::min(stacked, data.totals[t]), kNoClusterColor,
            data.clusters.empty() ? "" : "no cluster");
  }
  return save(doc, options);
}

}  // namespace litrev::map
