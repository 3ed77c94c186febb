#include "src/map/html.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <stdexcept>

#include "map_assets.hpp"
#include "src/map/svg.hpp"

namespace litrev::map {

namespace {

using nlohmann::json;

json view_json(const MapView& v) {
  json nodes = json::array();
  for (const MapNode& n : v.nodes) {
    json o = {{"id", n.id}, {"label", n.label}, {"x", n.x}, {"y", n.y}, {"size", n.size}, {"color", n.color},
              {"citations", n.citations}, {"crank", n.citation_rank}};
    if (!n.reference.empty()) o["ref"] = n.reference;
    if (n.year) o["year"] = *n.year;
    if (n.cluster != kNoCluster) o["cluster"] = n.cluster;
    if (n.pagerank_rank) o["prank"] = n.pagerank_rank;
    if (!n.url.empty()) o["url"] = n.url;
    if (!n.tags.empty()) o["tags"] = n.tags;
    if (!n.notes.empty()) o["notes"] = n.notes;
    if (n.burst) o["burst"] = {n.burst->begin, n.burst->end, std::round(n.burst->strength * 100) / 100};
    if (n.in_library) o["lib"] = 1;
    nodes.push_back(std::move(o));
  }
  // Links as flat arrays: 20,000 links as objects would triple the page.
  json ends = json::array(), weights = json::array();
  for (const MapLink& l : v.links) {
    ends.push_back(l.source);
    ends.push_back(l.target);
    weights.push_back(std::round(l.weight * 1000) / 1000);
  }
  json clusters = json::array();
  for (const MapCluster& c : v.clusters)
    clusters.push_back({{"label", c.label}, {"terms", c.terms}, {"color", c.color}, {"size", c.size}});
  json o = {{"id", v.id},           {"title", v.title},       {"description", v.description},
            {"sizeBy", v.size_by},  {"colorBy", v.color_by},  {"nodes", std::move(nodes)},
            {"links", std::move(ends)}, {"weights", std::move(weights)}, {"clusters", std::move(clusters)}};
  if (v.year_range) o["yearRange"] = {v.year_range->first, v.year_range->second};
  return o;
}

json timeline_json(const TimelineData& t) {
  json series = json::array();
  for (const auto& s : t.clusters) series.push_back({{"label", s.label}, {"color", s.color}, {"counts", s.counts}});
  return {{"firstYear", t.first_year}, {"totals", t.totals}, {"clusters", series}, {"undated", t.undated}};
}

// Replaces each {{NAME}} of the template once, left to right; the values are not scanned again.
std::string fill(std::string_view tmpl, const std::map<std::string, std::string, std::less<>>& values) {
  std::string out;
  std::size_t at = 0;
  while (true) {
    const auto open = tmpl.find("{{", at);
    if (open == std::string_view::npos) break;
    const auto close = tmpl.find("}}", open);
    if (close == std::string_view::npos) break;
    const auto it = values.find(tmpl.substr(open + 2, close - open - 2));
    if (it == values.end()) throw std::logic_error(fmt::format("map.html.in: unknown placeholder {}", tmpl.substr(open, close + 2 - open)));
    out.append(tmpl.substr(at, open - at));
    out += it->second;
    at = close + 2;
  }
  out.append(tmpl.substr(at));
  return out;
}

}  // namespace

std::string script_safe_json(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else if (c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' && (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
      out += text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string to_html(const MapDocument& document) {
  json data = {{"title", document.title}, {"generated", document.generated}, {"views", json::array()}};
  for (const MapView& v : document.views) data["views"].push_back(view_json(v));
  if (document.timeline) data["timeline"] = timeline_json(*document.timeline);
  SvgOptions inline_svg;
  inline_svg.xml_declaration = false;
  inline_svg.width = 1000;
  const std::string timeline = document.timeline ? timeline_svg(*document.timeline, inline_svg) : "";
  const std::string historiograph = document.historiograph ? historiograph_svg(*document.historiograph, inline_svg) : "";
  data["hasHistoriograph"] = document.historiograph.has_value();
  const std::string text = data.dump(-1, ' ', false, json::error_handler_t::replace);
  return fill(assets::map_html_in(), {{"TITLE", html_escape(document.title)},
                                      {"CSS", std::string(assets::map_css())},
                                      {"JS", std::string(assets::map_js())},
                                      {"DATA", script_safe_json(text)},
                                      {"TIMELINE_SVG", timeline},
                                      {"HISTORIOGRAPH_SVG", historiograph}});
}

}  // namespace litrev::map
