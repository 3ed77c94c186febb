#pragma once
// How `graph cluster` reports the thresholds of a run, given or chosen: one line for people,
// one object for --json and the saved run's parameters.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "graph/clustering.hpp"

namespace litrev::cli {

// "Co-citation network: the 789 works cited at least 4 times by library works (of 32,538 cited
// works; threshold chosen for a readable map of about 1,000 nodes, change it with ...), 25,826 links"
std::string network_summary(const Clustering& run);

// "6 clusters (2 smaller than 10 nodes merged into their closest neighbour; ...); modularity
// 0.5541; resolution 1, seed 42; 0.04 s; saved as run 3", and the unclustered nodes if any.
std::string clusters_summary(const Clustering& run, double seconds, std::int64_t run_id);

// {min_citations, top_nodes, min_citations_chosen, candidate_nodes, target_nodes, min_size,
//  min_size_chosen, merged_clusters}
nlohmann::json thresholds_json(const Clustering& run);

}  // namespace litrev::cli
