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
    // The (target+1)-th largest count is excluded by the threshold one above it (it is at
    // least `floor`, since more than `target` nodes reach the floor)...
    const std::uint32_t above = sorted[target] + 1;
    const std::size_t kept_above = kept_at(above), kept_below = kept_at(above - 1);
    // ... unless the threshold one lower is nearer the target (in ratio) without doubling it:
    // ties make the kept count jump (1,046 works with references, 301 of them cited), and a map
    // of 1,046 is as readable as one of 1,000. Never an empty map.
    const bool nearer = kept_below <= 2 * target && static_cast<double>(kept_below) * static_cast<double>(kept_above) <
                                                        static_cast<double>(target) * static_cast<double>(target);
    t.min_count = kept_above == 0 || nearer ? above - 1 : above;
  }
  t.kept = kept_at(t.min_count);
  return t;
}

std::size_t readable_nodes(std::size_t citing_works, std::size_t cap) {
  return std::max<std::size_t>(1, std::min(cap, citing_works));
}

std::uint32_t default_min_cluster_size(std::size_t network_nodes) {
  return static_cast<std::uint32_t>(std::clamp<std::size_t>(network_nodes / 100, 2, 20));
}

}  // namespace litrev
