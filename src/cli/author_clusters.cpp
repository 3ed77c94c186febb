#include "src/cli/author_clusters.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "graph/author_cocitation.hpp"
#include "src/cli/cluster_report.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/graph_input.hpp"
#include "src/cli/people_overrides.hpp"

namespace litrev::cli {

int run_author_cocitation_clusters(Context& ctx, const AuthorClusterRequest& request) {
  const GraphInput in = load_graph_input(ctx, true);
  const CitedAuthors authors = cited_authors(in.corpus, in.graph, load_people_overrides(ctx.store(), in.corpus));
  const auto counting = request.all_authors ? CitedAuthorCounting::all_authors : CitedAuthorCounting::first_author;
  const auto started = std::chrono::steady_clock::now();
  const Clustering run = cluster_author_cocitation(in.graph, authors, counting, request.options);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const auto labels =
      label_clusters(author_cluster_documents(in.corpus, in.graph, authors, counting, run), request.terms);
  std::int64_t run_id = 0;
  if (request.save) {
    // Assignments name authors ("author:<people list id>"), never works.
    const auto member = [&](VertexId g) {
      ClusterRun::Assignment a;
      a.identity = "author:" + authors.groups.groups[g].key;
      return a;
    };
    run_id = ctx.store().save_cluster_run(
        saved_run(run, request.options, labels, member, {{"authors", request.all_authors ? "all" : "first"}}));
  }

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
                        {"label_documents", label.documents}, {"authors", std::move(ids)}, {"top_authors", top}});
    text += fmt::format("\nCluster {} ({} authors, cited most by {} library works): {}\n", c.id + 1,
                        c.vertices.size(), label.documents,
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
    nlohmann::json report = run_json(run, run_id);
    report["authors"] = counting_name;
    report["clusters"] = std::move(clusters);
    ctx.print_json(report);
    return kOk;
  }
  ctx.out() << network_summary(run) << fmt::format(" ({} counting)\n", counting_name);
  ctx.out() << clusters_summary(run, secs, run_id);
  ctx.out() << text;
  return kOk;
}

}  // namespace litrev::cli
