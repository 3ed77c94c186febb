#include "src/cli/cluster_report.hpp"

#include <fmt/format.h>

#include <array>
#include <utility>

namespace litrev::cli {

namespace {

constexpr std::array<std::pair<Normalization, std::string_view>, 3> kNormalizationNames = {{
    {Normalization::none, "none"},
    {Normalization::association_strength, "association"},
    {Normalization::cosine, "cosine"},
}};

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

nlohmann::json run_json(const Clustering& run, std::int64_t run_id) {
  return {{"run", run_id ? nlohmann::json(run_id) : nlohmann::json(nullptr)},
          {"network", network_name(run.network)},
          {"quality_function", quality_function_name(run.quality_function)},
          {"resolution", run.resolution},
          {"seed", run.seed},
          {"quality", run.quality},
          {"modularity", run.modularity},
          {"nodes", run.network_nodes},
          {"edges", run.network_edges},
          {"thresholds", thresholds_json(run)},
          {"unclustered", run.unclustered.size()}};
}

std::string_view normalization_name(Normalization normalization) {
  for (const auto& [n, name] : kNormalizationNames) {
    if (n == normalization) return name;
  }
  return "none";
}

std::optional<Normalization> normalization_from_name(std::string_view name) {
  for (const auto& [n, known] : kNormalizationNames) {
    if (known == name) return n;
  }
  return std::nullopt;
}

ClusterRun saved_run(const Clustering& run, const ClusterOptions& options, const std::vector<ClusterLabel>& labels,
                     const std::function<ClusterRun::Assignment(VertexId)>& member, const nlohmann::json& extra) {
  ClusterRun saved;
  saved.network = network_name(run.network);
  saved.quality_function = quality_function_name(run.quality_function);
  saved.seed = static_cast<std::int64_t>(run.seed);
  saved.quality = run.quality;
  saved.modularity = run.modularity;
  nlohmann::json parameters = {
      {"resolution", run.resolution},
      {"counting", options.network_options.counting == Counting::fractional ? "fractional" : "full"},
      {"normalization", normalization_name(options.network_options.normalization)},
      {"min_citations", run.min_citations},
      {"top_nodes", run.top_nodes},
      {"min_size", run.min_cluster_size},
      {"thresholds", thresholds_json(run)},
      {"unclustered", options.small_clusters == SmallClusterPolicy::unclustered}};
  parameters.update(extra);
  saved.parameters_json = parameters.dump();
  for (const auto& c : run.clusters) {
    ClusterRun::Cluster cluster;
    cluster.cluster = c.id + 1;
    cluster.size = static_cast<std::int64_t>(c.vertices.size());
    cluster.label = labels[c.id].label;
    for (const auto& t : labels[c.id].terms) cluster.terms.push_back(t.term);
    saved.clusters.push_back(std::move(cluster));
    for (VertexId v : c.vertices) {
      ClusterRun::Assignment a = member(v);
      a.cluster = c.id + 1;
      saved.assignments.push_back(std::move(a));
    }
  }
  return saved;
}

}  // namespace litrev::cli
