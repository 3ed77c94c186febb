#include "graph/thresholds.hpp"

#include <algorithm>
#include <vector>

namespace litrev {

NodeThreshold choose_node_threshold(std::span<const std::uint32_t> counts, std::size_t target, std::uint32_t floor) {
  NodeThreshold t;
  t.candidates = counts.size();
  std::vector<std::uint32_t> sorted(counts.begin(), counts.end());
  std::sort(sorted.begin(), sorted.end(), std::greater<>());
  auto kept_at = [&](std::uint32_t c) {  // how many are counted at least c times
    return static_cast<std::size_t>(std::upper_bound(sorted.begin(), sorted.end(), c, std::greater<>()) - sorted.begin());
  };
  t.min_count = floor;
  if (kept_at(floor) > target) {
    // The (target+1)-th largest count must be excluded: the threshold is one above it.
    t.min_count = std::max(floor, sorted[target] + 1);
  }
  t.kept = kept_at(t.min_count);
  return t;
}

std::uint32_t default_min_cluster_size(std::size_t network_nodes) {
  return static_cast<std::uint32_t>(std::clamp<std::size_t>(network_nodes / 100, 2, 20));
}

}  // namespace litrev
