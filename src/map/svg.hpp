#pragma once
// Static drawings for papers and slides, built with pugixml (always well-formed, every text
// escaped): the map of a view (same layout, colours and sizes as the page; the most important
// labels that fit without overlapping, as text), the historiograph and the timeline chart.

#include <string>

#include "src/map/map_document.hpp"

namespace litrev::map {

struct SvgOptions {
  double width = 1200;   // the drawing; the legend adds a column on the right
  double height = 900;
  bool xml_declaration = true;  // false: for inlining into the HTML page
};

std::string map_svg(const MapView& view, const SvgOptions& options = {});
std::string historiograph_svg(const HistoriographData& data, const SvgOptions& options = {});
std::string timeline_svg(const TimelineData& data, const SvgOptions& options = {});

// Circle radius for a size value, shared by the SVG and the page (map.js says the same):
// area proportional to size, from min_radius (size 0) up to max_radius (the largest size).
double node_radius(double size, double max_size, double min_radius, double max_radius);

}  // namespace litrev::map
