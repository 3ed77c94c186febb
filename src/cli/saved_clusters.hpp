#pragma once
// The clusters of a saved `graph cluster` run, mapped onto what is drawn or exported, so that
// the map, the exports and the tables show the same clusters. The one place that reads a saved
// run's assignments and parameters.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/people.hpp"
#include "src/cli/graph_input.hpp"
#include "src/store/store.hpp"

namespace litrev::cli {

// Run `run_id` (NotFoundError when the library has none), or when run_id is 0 the latest run of
// `network` ("cocitation", "author-cocitation"...), or nothing.
std::optional<ClusterRun> find_cluster_run(const Store& store, std::int64_t run_id, std::string_view network);

// The network and node selection a run clustered, read from its saved parameters (0: not saved).
struct RunSelection {
  std::string network;
  std::uint32_t min_citations = 0, top_nodes = 0;
};
RunSelection run_selection(const ClusterRun& run);

// Per citation-graph vertex: the run's cluster number as saved and printed (1-based), 0 when the
// run does not assign it.
std::vector<std::int64_t> saved_cluster_numbers(const GraphInput& in, const ClusterRun& run);

// The same 0-based for indexing (cluster 1 -> 0), kUnclustered when the run does not assign it.
std::vector<std::uint32_t> vertex_clusters(const GraphInput& in, const ClusterRun& run);

// Per author group (author co-citation runs assign "author:<group key>").
std::vector<std::uint32_t> author_group_clusters(const AuthorGroups& groups, const ClusterRun& run);

}  // namespace litrev::cli
