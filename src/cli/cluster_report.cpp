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
