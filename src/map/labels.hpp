#pragma once
// Which nodes get a label: the most important first, each only where its text does not overlap
// a label already placed (greedy, as VOSviewer shows labels). The page does the same in the
// browser with measured text at every zoom; this is for the static SVG.

#include <cstdint>
#include <string>
#include <vector>

namespace litrev::map {

struct LabelCandidate {
  double x = 0.0, y = 0.0;  // centre of the text, in drawing units
  double width = 0.0, height = 0.0;
};

// Indexes of the candidates that get their label, given in priority order (most important
// first): no two chosen boxes overlap (a gap of `gap` units is kept around each).
std::vector<std::uint32_t> place_labels(const std::vector<LabelCandidate>& candidates, double gap = 1.0);

// Width of a label set in a sans-serif face of size font_size: about 0.56 em per character
// (UTF-8 continuation bytes not counted).
double estimated_text_width(const std::string& text, double font_size);

}  // namespace litrev::map
