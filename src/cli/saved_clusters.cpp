#include "src/cli/saved_clusters.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <unordered_map>

#include "graph/partition.hpp"
#include "src/cli/exit_codes.hpp"

namespace litrev::cli {

std::optional<ClusterRun> find_cluster_run(const Store& store, std::int64_t run_id, std::string_view network) {
  if (run_id > 0) {
    auto run = store.cluster_run(run_id);
    if (!run) throw NotFoundError(fmt::format("no clustering run {} in the library", run_id));
    return run;
  }
  const auto runs = store.cluster_runs();
  for (auto it = runs.rbegin(); it != runs.rend(); ++it)
    if (it->network == network) return store.cluster_run(it->id);
  return std::nullopt;
}

RunSelection run_selection(const ClusterRun& run) {
  const auto p = nlohmann::json::parse(run.parameters_json, nullptr, false);
  RunSelection r{run.network};
  if (p.is_object()) {
    r.min_citations = p.value("min_citations", 0u);
    r.top_nodes = p.value("top_nodes", 0u);
  }
  return r;
}

std::vector<std::int64_t> saved_cluster_numbers(const GraphInput& in, const ClusterRun& run) {
  std::unordered_map<std::int64_t, VertexId> vertex_of_work_id;
  for (std::uint32_t i = 0; i < in.corpus.works.size(); ++i)
    vertex_of_work_id[in.corpus.works[i].work_id] = in.graph.vertex_of_work(i);
  std::vector<std::int64_t> cluster_of(in.graph.num_vertices(), 0);
  for (const auto& a : run.assignments) {
    VertexId v = kNoVertex;
    if (!a.work) v = in.graph.vertex_of_identity(a.identity);
    else if (auto it = vertex_of_work_id.find(*a.work); it != vertex_of_work_id.end()) v = it->second;
    if (v != kNoVertex && v < cluster_of.size()) cluster_of[v] = a.cluster;
  }
  return cluster_of;
}

std::vector<std::uint32_t> vertex_clusters(const GraphInput& in, const ClusterRun& run) {
  std::vector<std::uint32_t> cluster_of;
  for (const std::int64_t c : saved_cluster_numbers(in, run))
    cluster_of.push_back(c > 0 ? static_cast<std::uint32_t>(c - 1) : kUnclustered);
  return cluster_of;
}

std::vector<std::uint32_t> author_group_clusters(const AuthorGroups& groups, const ClusterRun& run) {
  std::unordered_map<std::string, std::uint32_t> group_of_key;
  for (std::uint32_t g = 0; g < groups.groups.size(); ++g) group_of_key["author:" + groups.groups[g].key] = g;
  std::vector<std::uint32_t> cluster_of(groups.groups.size(), kUnclustered);
  for (const auto& a : run.assignments) {
    const auto it = group_of_key.find(a.identity);
    if (it != group_of_key.end()) cluster_of[it->second] = static_cast<std::uint32_t>(a.cluster - 1);
  }
  return cluster_of;
}

}  // namespace litrev::cli
