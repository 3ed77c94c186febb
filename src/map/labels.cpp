#include "src/map/labels.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace litrev::map {

std::vector<std::uint32_t> place_labels(const std::vector<LabelCandidate>& candidates, double gap) {
  // Placed boxes in a uniform grid whose cells are as large as the largest box, so a new box
  // only meets boxes of its own and neighbouring cells.
  double cell = 1.0;
  for (const auto& c : candidates) cell = std::max({cell, c.width + 2 * gap, c.height + 2 * gap});
  std::unordered_map<std::int64_t, std::vector<std::uint32_t>> grid;
  auto key = [](std::int64_t gx, std::int64_t gy) { return gx * 1000003 + gy; };
  auto overlaps = [&](const LabelCandidate& a, const LabelCandidate& b) {
    return std::abs(a.x - b.x) * 2 < a.width + b.width + 2 * gap && std::abs(a.y - b.y) * 2 < a.height + b.height + 2 * gap;
  };
  std::vector<std::uint32_t> chosen;
  for (std::uint32_t i = 0; i < candidates.size(); ++i) {
    const auto& c = candidates[i];
    const auto gx = static_cast<std::int64_t>(std::floor(c.x / cell)), gy = static_cast<std::int64_t>(std::floor(c.y / cell));
    bool free = true;
    for (std::int64_t dx = -1; dx <= 1 && free; ++dx)
      for (std::int64_t dy = -1; dy <= 1 && free; ++dy) {
        const auto it = grid.find(key(gx + dx, gy + dy));
        if (it == grid.end()) continue;
        for (std::uint32_t j : it->second)
          if (overlaps(c, candidates[j])) {
            free = false;
            break;
          }
      }
    if (!free) continue;
    grid[key(gx, gy)].push_back(i);
    chosen.push_back(i);
  }
  return chosen;
}

double estimated_text_width(const std::string& text, double font_size) {
  std::size_t chars = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++chars;
  return static_cast<double>(chars) * 0.56 * font_size;
}

}  // namespace litrev::map
