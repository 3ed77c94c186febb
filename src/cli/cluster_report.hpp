#pragma once
// How `graph cluster` reports a run of any network, its thresholds given or chosen: lines for
// people, objects for --json, and the run as saved in the library.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/cluster_terms.hpp"
#include "graph/clustering.hpp"
#include "src/store/store.hpp"

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

// {run (null when not saved), network, quality_function, resolution, seed, quality, modularity,
//  nodes, edges, thresholds, unclustered}: what every --json report starts with.
nlohmann::json run_json(const Clustering& run, std::int64_t run_id);

// "none", "association", "cosine" (the --normalization values)
std::string_view normalization_name(Normalization normalization);
std::optional<Normalization> normalization_from_name(std::string_view name);

// The run as the library keeps it: its parameters (the options, the thresholds it used, and
// `extra` parameters of its network), each cluster's label, and each member as member(v) names
// it (a library work, an external cited work or an author).
ClusterRun saved_run(const Clustering& run, const ClusterOptions& options, const std::vector<ClusterLabel>& labels,
                     const std::function<ClusterRun::Assignment(VertexId)>& member,
                     const nlohmann::json& extra = nlohmann::json::object());

}  // namespace litrev::cli
