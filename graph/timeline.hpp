#pragma once
// The library over time: its works per publication year, in total and per cluster of a
// clustering run (the second tab of the map, `litrev graph timeline`).

#include <cstdint>
#include <span>
#include <vector>

#include "graph/citation_graph.hpp"
#include "src/core/citation_corpus.hpp"

namespace litrev {

// The cluster each library work belongs to, for counting works per cluster. cluster_of is per
// citation-graph vertex (kUnclustered: none). When the clusters hold cited works (co-citation),
// a library work belongs to the cluster it cites most (ties: the larger cluster, i.e. the
// smaller id), as cluster labels read it (cluster_terms.hpp), or else to its own cluster.
// Indexed by work vertex (< graph.num_works()).
std::vector<std::uint32_t> work_clusters(const CitationGraph& graph, std::span<const std::uint32_t> cluster_of,
                                         bool clusters_hold_cited_works);

struct Timeline {
  int first_year = 0, last_year = -1;  // empty when last_year < first_year
  std::vector<std::uint32_t> works;    // per year, first_year first
  std::vector<std::vector<std::uint32_t>> clusters;  // [cluster][year]
  std::uint32_t undated = 0;                         // works without a (plausible) year
  std::vector<std::uint32_t> undated_by_cluster;
  std::uint32_t unclustered = 0;  // dated works in no cluster
};

// Works per year; work_cluster (optional, from work_clusters) splits them over `clusters`
// clusters. Years outside [1000, 2200] count as undated (a typo must not stretch the axis).
Timeline works_timeline(const CitationCorpus& corpus, const CitationGraph& graph,
                        std::span<const std::uint32_t> work_cluster = {}, std::uint32_t clusters = 0);

}  // namespace litrev
