#pragma once
// Colours of the drawings, chosen to stay apart for colour-blind readers: clusters take the
// Okabe-Ito palette (Okabe & Ito 2002), then Paul Tol's "muted" set, then grey; years take
// viridis (van der Walt & Smith 2015), even in lightness, readable in grey and by deuteranopes.

#include <cstdint>
#include <string>

namespace litrev::map {

// Cluster 0 (the largest) first. Beyond the 17 distinct colours, and for no cluster: grey.
std::string cluster_color(std::uint32_t cluster);
inline constexpr const char* kNoClusterColor = "#bbbbbb";

// t in [0, 1] (clamped): dark purple (oldest) to yellow (newest).
std::string viridis(double t);

}  // namespace litrev::map
