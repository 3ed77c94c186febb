#pragma once
// Default sizes for a readable cluster map of any library, from 100 to 1,000,000 works, as
// VOSviewer's thresholds do: keep the most cited nodes (about a thousand), and merge clusters too
// small to read into their closest neighbour. Pure functions of counts, usable by any network
// (works, cited works, cited authors).

#include <cstddef>
#include <cstdint>
#include <span>

namespace litrev {

// About this many nodes make a map one can read and label (VOSviewer's default selection for
// co-citation maps is of the same order); see graph/README.md for the measurements.
inline constexpr std::size_t kReadableNodes = 1000;

struct NodeThreshold {
  std::uint32_t min_count = 0;  // keep the nodes counted at least this often
  std::size_t kept = 0;         // how many nodes that keeps
  std::size_t candidates = 0;   // out of how many
};

// The smallest threshold >= floor that keeps at most `target` of the counted nodes (counts:
// one per candidate node, e.g. the citations each cited work receives from the library). A
// threshold, not a cut at exactly `target`: nodes counted as often are all in or all out. With
// fewer than `target` candidates above `floor`, the threshold is `floor`.
NodeThreshold choose_node_threshold(std::span<const std::uint32_t> counts, std::size_t target = kReadableNodes,
                                    std::uint32_t floor = 0);

// Clusters smaller than this are merged into the cluster they are most linked with: 1% of the
// network's nodes, at least 2 (so that a cluster can have a theme) and at most 20.
std::uint32_t default_min_cluster_size(std::size_t network_nodes);

}  // namespace litrev
