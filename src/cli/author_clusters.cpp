#include "src/cli/author_clusters.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "graph/author_cocitation.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/graph_input.hpp"
#include "src/cli/people_overrides.hpp"

namespace litrev::cli {
namespace {

std::string_view normalization_name(Normalization n) {
  switch (n) {
    case Normalization::none: return "none";
    case Normalization::association_strength: return "association";
    case Normalization::cosine: return "cosine";
  }
  return "none";
}

std::int64_t save_run(Store& store, const AuthorClusterRequest& request, const Clustering& run,
                      const std::vector<ClusterLabel>& labels, const CitedAuthors& authors) {
  ClusterRun saved;
  saved.network = network_name(run.network);
  saved.quality_function = quality_function_name(run.quality_function);
  saved.seed = static_cast<std::int64_t>(run.seed);
  saved.quality = run.quality;
  saved.modularity = run.modularity;
  const auto& o = request.options;
  saved.parameters_json =
      nlohmann::json{{"resolution", run.resolution},
                     {"counting", o.network_options.counting == Counting::fractional ? "fractional" : "full"},
                     {"authors", request.all_authors ? "all" : "first"},
                     {"normalization", normalization_name(o.network_options.normalization)},
                     {"min_citations", o.network_options.min_citations},
                     {"top_nodes", o.network_options.top_n},
                     {"min_size", o.min_cluster_size},
                     {"unclustered", o.small_clusters == SmallClusterPolicy::unclustered}}
          .dump();
  for (const auto& c : run.clusters) {
    ClusterRun::Cluster cluster;
    cluster.cluster = c.id + 1;
    cluster.size = static_cast<std::int64_t>(c.vertices.size());
    cluster.label = labels[c.id].label;
    for (const auto& t : labels[c.id].terms) cluster.terms.push_back(t.term);
    saved.clusters.push_back(std::move(cluster));
    for (VertexId g : c.vertices) {
      ClusterRun::Assignment a;
      a.cluster = c.id + 1;
      a.identity = "author:" + authors.groups.groups[g].key;
      saved.assignments.push_back(std::move(a));
    }
  }
  return store.save_cluster_run(saved);
}

}  // namespace

int run_author_cocitation_clusters(Context& ctx, const AuthorClusterRequest& request) {
  const GraphInput in = load_graph_input(ctx, true);
  const CitedAuthors authors = cited_authors(in.corpus, in.graph, load_people_overrides(ctx.store(), in.corpus));
  const auto counting = request.all_authors ? CitedAuthorCounting::all_authors : CitedAuthorCounting::first_author;
  const auto started = std::chrono::steady_clock::now();
  const Clustering run = cluster_author_cocitation(in.graph, authors, counting, request.options);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const auto labels =
      label_clusters(author_cluster_documents(in.corpus, in.graph, authors, counting, run), request.terms);
  const std::int64_t run_id = request.save ? save_run(ctx.store(), request, run, labels, authors) : 0;

  // Per author: citations and citing works, to list each cluster's most cited authors.
  std::vector<CitedAuthorMetrics> metrics(authors.groups.groups.size());
  for (const auto& m : rank_cited_authors(in.graph, authors, counting)) metrics[m.group] = m;

  nlohmann::json clusters = nlohmann::json::array();
  std::string text;
  for (const auto& c : run.clusters) {
    std::vector<VertexId> members = c.vertices;
    std::stable_sort(members.begin(), members.end(), [&](VertexId a, VertexId b) {
      return metrics[a].citations > metrics[b].citations;
    });
    nlohmann::json ids = nlohmann::json::array(), top = nlohmann::json::array(), terms = nlohmann::json::array();
    for (VertexId g : c.vertices) ids.push_back(authors.groups.groups[g].key);
    for (std::size_t i = 0; i < members.size() && i < request.show; ++i) {
      const auto& m = metrics[members[i]];
      top.push_back({{"id", authors.groups.groups[members[i]].key}, {"name", authors.groups.groups[members[i]].name},
                     {"citations", m.citations}, {"citing_works", m.citing_works}});
    }
    const ClusterLabel& label = labels[c.id];
    for (const auto& t : label.terms) terms.push_back(t.term);
    clusters.push_back({{"id", c.id + 1}, {"size", c.vertices.size()}, {"label", label.label}, {"terms", terms},
                        {"authors", std::move(ids)}, {"top_authors", top}});
    text += fmt::format("\nCluster {} ({} authors): {}\n", c.id + 1, c.vertices.size(),
                        label.label.empty() ? "(no distinctive terms)" : label.label);
    if (!label.terms.empty()) {
      std::string all;
      for (const auto& t : label.terms) all += (all.empty() ? "" : ", ") + t.term;
      text += fmt::format("  terms: {}\n", all);
    }
    for (const auto& a : top)
      text += fmt::format("  {:>4}  {}\n", a["citations"].get<std::uint32_t>(), a["name"].get<std::string>());
  }
  const std::string_view counting_name = request.all_authors ? "all-author" : "first-author";
  if (request.json) {
    ctx.print_json({{"run", run_id ? nlohmann::json(run_id) : nlohmann::json(nullptr)},
                    {"network", network_name(run.network)},
                    {"authors", counting_name},
                    {"quality_function", quality_function_name(run.quality_function)},
                    {"resolution", run.resolution},
                    {"seed", run.seed},
                    {"quality", run.quality},
                    {"modularity", run.modularity},
                    {"nodes", run.network_nodes},
                    {"edges", run.network_edges},
                    {"unclustered", run.unclustered.size()},
                    {"clusters", std::move(clusters)}});
    return kOk;
  }
  ctx.out() << fmt::format(
      "{} clusters of the author co-citation network ({} counting; {} authors, {} links); {}modularity {:.4f}; "
      "resolution {}, seed {}; {:.2f} s{}\n",
      run.clusters.size(), counting_name, run.network_nodes, run.network_edges,
      run.quality_function == QualityFunction::cpm ? fmt::format("CPM quality {:.4f}, ", run.quality) : "",
      run.modularity, run.resolution, run.seed, secs, run_id ? fmt::format("; saved as run {}", run_id) : "");
  if (!run.unclustered.empty()) ctx.out() << fmt::format("{} authors unclustered\n", run.unclustered.size());
  ctx.out() << text;
  return kOk;
}

}  // namespace litrev::cli
