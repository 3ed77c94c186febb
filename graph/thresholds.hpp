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

// How many nodes a map of a library should hold: as many as library works citing something,
// up to `cap`. Co-citation clusters are named from the works citing them; a map of more cited
// works than citing works splits those few among many clusters, each named from a handful of
// abstracts (469 works on generative AI: 1,263 cited works gave 8 clusters, two named from 15
// and 21 works; 458 gave 5 clusters, each named from 50 to 130).
std::size_t readable_nodes(std::size_t citing_works, std::size_t cap = kReadableNodes);

struct NodeThreshold {
  std::uint32_t min_count = 0;  // keep the nodes counted at least this often
  std::size_t kept = 0;         // how many nodes that keeps
  std::size_t candidates = 0;   // out of how many
};

// A threshold >= floor keeping about `target` of the counted nodes (counts: one per candidate
// node, e.g. the citations each cited work receives from the library): of the smallest one
// keeping at most `target` and the one below it, the one whose kept count is nearer `target` in
// ratio, the one below only if it keeps at most 2 x target. A threshold, not a cut at exactly
// `target`: nodes counted as often are all in or all out. With at most `target` candidates
// reaching `floor`, the threshold is `floor`.
NodeThreshold choose_node_threshold(std::span<const std::uint32_t> counts, std::size_t target = kReadableNodes,
                                    std::uint32_t floor = 0);

// Clusters smaller than this are merged into the cluster they are most linked with: 1% of the
// network's nodes, at least 2 (so that a cluster can have a theme) and at most 20.
std::uint32_t default_min_cluster_size(std::size_t network_nodes);

}  // namespace litrev
