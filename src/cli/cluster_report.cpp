#include "src/cli/cluster_report.hpp"

#include <fmt/format.h>

namespace litrev::cli {

namespace {

// 32538 -> "32,538"
std::string with_thousands(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string network_summary(const Clustering& run) {
  std::string title, kept, noun;
  switch (run.network) {
    case NetworkKind::cocitation:
      title = "Co-citation";
      noun = "cited works";
      kept = run.min_citations > 1 ? fmt::format("works cited at least {} times by library works", run.min_citations)
                                   : "works cited by library works";
      break;
    case NetworkKind::author_cocitation:
      title = "Author co-citation";
      noun = "cited authors";
      kept = run.min_citations > 1 ? fmt::format("authors cited by at least {} library works", run.min_citations)
                                   : "authors cited by library works";
      break;
    case NetworkKind::coupling:
    case NetworkKind::citation:
      title = run.network == NetworkKind::coupling ? "Bibliographic coupling" : "Direct citation";
      noun = run.network == NetworkKind::coupling ? "library works with references" : "library works";
      kept = noun + (run.min_citations > 1   ? fmt::format(" cited at least {} times", run.min_citations)
                     : run.min_citations == 1 ? " cited at least once"
                                              : "");
      break;
  }
  if (run.top_nodes > 0) kept += fmt::format(", the {} most cited", run.top_nodes);
  std::string of;
  if (run.network_nodes < run.candidate_nodes) {
    of = fmt::format(" (of {} {}; {})", with_thousands(run.candidate_nodes), noun,
                     run.min_citations_chosen
                         ? fmt::format("threshold chosen for a readable map of about {} nodes, change it with "
                                       "--min-citations or --top-nodes",
                                       with_thousands(run.target_nodes))
                         : "thresholds --min-citations / --top-nodes");
  }
  return fmt::format("{} network: the {} {}{}, {} links", title, with_thousands(run.network_nodes), kept, of,
                     with_thousands(run.network_edges));
}

std::string clusters_summary(const Clustering& run, double seconds, std::int64_t run_id) {
  const std::string nodes = run.network == NetworkKind::author_cocitation ? "authors" : "nodes";
  std::string out = fmt::format(
      "{} clusters{}; {}modularity {:.4f}; resolution {}, seed {}; {:.2f} s{}\n", run.clusters.size(),
      run.merged_clusters > 0 ? fmt::format(" ({} smaller than {} {} merged into their closest neighbour{})",
                                            run.merged_clusters, run.min_cluster_size, nodes,
                                            run.min_cluster_size_chosen ? "; change with --min-size" : "")
                              : "",
      run.quality_function == QualityFunction::cpm ? fmt::format("CPM quality {:.4f}, ", run.quality) : "",
      run.modularity, run.resolution, run.seed, seconds, run_id ? fmt::format("; saved as run {}", run_id) : "");
  if (!run.unclustered.empty()) {
    out += fmt::format("{} {} unclustered (in groups of fewer than {} linked to no cluster)\n", run.unclustered.size(),
                       nodes, run.min_cluster_size);
  }
  return out;
}

nlohmann::json thresholds_json(const Clustering& run) {
  return {{"min_citations", run.min_citations},
          {"top_nodes", run.top_nodes},
          {"min_citations_chosen", run.min_citations_chosen},
          {"candidate_nodes", run.candidate_nodes},
          {"target_nodes", run.target_nodes},
          {"min_size", run.min_cluster_size},
          {"min_size_chosen", run.min_cluster_size_chosen},
          {"merged_clusters", run.merged_clusters}};
}

}  // namespace litrev::cli
