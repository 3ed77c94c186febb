// litrev graph cluster: Leiden clusters of the co-citation, bibliographic-coupling or
// (symmetrized) direct-citation network, each named by its distinctive terms, with its most
// cited works and key authors (author co-citation: author_clusters.hpp). Every run is saved in
// the library with its parameters and the thresholds it used.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>

#include "graph/cluster_terms.hpp"
#include "graph/clustering.hpp"
#include "graph/people.hpp"
#include "src/cli/author_clusters.hpp"
#include "src/cli/cluster_report.hpp"
#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/graph_input.hpp"
#include "src/cli/people_overrides.hpp"
#include "src/cli/option_checks.hpp"

namespace litrev::cli {
namespace {

struct ClusterSummary {
  nlohmann::json json;
  std::string text;
};

class GraphClusterCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("--network", network_, "cocitation (cited works), coupling (library works sharing references), "
                                          "citation (direct citation, symmetrized), author-cocitation (cited "
                                          "authors co-cited by library works)")
        ->check(CLI::IsMember({"cocitation", "coupling", "citation", "author-cocitation"}))
        ->capture_default_str();
    sub.add_flag("--all-authors", all_authors_,
                 "author-cocitation: every author a cited reference names (default: first authors only)");
    sub.add_option("--quality", quality_, "Quality function: modularity or cpm")
        ->check(CLI::IsMember({"modularity", "cpm"}))
        ->capture_default_str();
    sub.add_option("--resolution", options_.leiden.resolution, "Resolution (higher: more, smaller clusters)")
        ->check(at_least(0))
        ->capture_default_str();
    sub.add_option("--seed", options_.leiden.seed, "Random seed (same seed, same clusters)")->capture_default_str();
    sub.add_flag("--fractional", fractional_, "Fractional counting of co-occurrences (default: full counting)");
    sub.add_option("--normalization", normalization_, "Link weights: none (raw counts), association (VOSviewer's "
                                                      "association strength) or cosine (Salton)")
        ->check(CLI::IsMember({"none", "association", "cosine"}))
        ->capture_default_str();
    min_citations_ = sub.add_option("--min-citations", options_.network_options.min_citations,
                                    fmt::format("Leave out nodes cited fewer times by library works (default: chosen "
                                                "so that about as many nodes remain as library works cite something, "
                                                "at most about {}; co-citation and author co-citation: at least 2)",
                                                kReadableNodes));
    top_nodes_ = sub.add_option("--top-nodes", options_.network_options.top_n,
                                "Keep only the N most cited nodes (0: all; default: none beyond --min-citations)");
    min_size_ = sub.add_option("--min-size", options_.min_cluster_size,
                               "Smaller clusters are merged into the cluster they are most linked with (default: 1% "
                               "of the network's nodes, from 2 to 20)");
    sub.add_flag("--unclustered", unclustered_, "Report small clusters' members as unclustered instead of merging them");
    sub.add_option("--terms", terms_.terms, "Distinctive phrases listed per cluster")->capture_default_str();
    sub.add_option("--show", show_, "Works and authors listed per cluster in the text output")->capture_default_str();
    sub.add_flag("--no-save", no_save_, "Do not save this run in the library");
    sub.add_flag("--json", json_, "Print {network, thresholds, quality_function, quality, modularity, clusters: [...]}");
  }

  int run(Context& ctx) override {
    options_.network = *network_from_name(network_);
    options_.leiden.quality = quality_ == "cpm" ? QualityFunction::cpm : QualityFunction::modularity;
    options_.network_options.counting = fractional_ ? Counting::fractional : Counting::full;
    options_.network_options.normalization = *normalization_from_name(normalization_);
    options_.small_clusters = unclustered_ ? SmallClusterPolicy::unclustered : SmallClusterPolicy::merge;
    // Without thresholds of their own, users get a map they can read, whatever the library's size.
    options_.choose_min_citations = min_citations_->count() == 0 && top_nodes_->count() == 0;
    options_.choose_min_cluster_size = min_size_->count() == 0;

    if (options_.network == NetworkKind::author_cocitation)
      return run_author_cocitation_clusters(ctx, {options_, terms_, show_, all_authors_, !no_save_, json_});
    if (all_authors_) throw UsageError("graph cluster: --all-authors is for --network author-cocitation");

    const GraphInput in = load_graph_input(ctx, true);
    const auto started = std::chrono::steady_clock::now();
    const Clustering run = cluster_graph(in.graph, options_);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    const std::vector<ClusterLabel> labels = label_clusters(cluster_documents(in.corpus, in.graph, run), terms_);

    const AuthorGroups groups = group_authors(in.corpus, load_people_overrides(ctx.store(), in.corpus));
    const auto authors_of_work = authors_by_work(in.corpus, groups);

    std::int64_t run_id = 0;
    if (!no_save_) {
      const auto member = [&](VertexId v) {
        ClusterRun::Assignment a;
        const NodeRef node = in.graph.node(v);
        if (node.kind == NodeKind::work) a.work = in.corpus.works[node.index].work_id;
        else a.identity = in.corpus.externals[node.index].identity;
        return a;
      };
      run_id = ctx.store().save_cluster_run(saved_run(run, options_, labels, member));
    }

    nlohmann::json clusters = nlohmann::json::array();
    std::string text;
    for (const auto& c : run.clusters) {
      const ClusterSummary s = summarize(in, c, labels[c.id], authors_of_work, groups);
      clusters.push_back(s.json);
      text += s.text;
    }
    if (json_) {
      nlohmann::json report = run_json(run, run_id);
      report["clusters"] = std::move(clusters);
      ctx.print_json(report);
      return kOk;
    }
    ctx.out() << network_summary(run) << "\n";
    ctx.out() << clusters_summary(run, secs, run_id);
    ctx.out() << text;
    return kOk;
  }

 private:
  ClusterSummary summarize(const GraphInput& in, const ClusterMembers& c, const ClusterLabel& label,
                           const std::vector<std::vector<std::uint32_t>>& authors_of_work,
                           const AuthorGroups& groups) const {
    // Most cited members first (local citations), then key order for stability.
    std::vector<VertexId> members = c.vertices;
    std::stable_sort(members.begin(), members.end(), [&](VertexId a, VertexId b) {
      return in.graph.local_citations(a) > in.graph.local_citations(b);
    });
    // Key authors: those with the most library works in the cluster, then most citations.
    std::map<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>> author_weight;
    for (VertexId v : c.vertices) {
      const NodeRef node = in.graph.node(v);
      if (node.kind != NodeKind::work) continue;
      for (auto g : authors_of_work[node.index]) {
        ++author_weight[g].first;
        author_weight[g].second += in.graph.local_citations(v);
      }
    }
    std::vector<std::pair<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>>> authors(author_weight.begin(), author_weight.end());
    std::stable_sort(authors.begin(), authors.end(), [](const auto& a, const auto& b) { return a.second > b.second; });

    nlohmann::json works = nlohmann::json::array(), top = nlohmann::json::array(), terms = nlohmann::json::array(),
                   key_authors = nlohmann::json::array();
    for (VertexId v : c.vertices) works.push_back(vertex_key(in, v));
    for (std::size_t i = 0; i < members.size() && i < show_; ++i) {
      nlohmann::json t = {{"key", vertex_key(in, members[i])}, {"title", vertex_title(in, members[i])},
                          {"citations", in.graph.local_citations(members[i])}};
      // A cited work outside the library keeps the form its references write it in.
      if (const NodeRef node = in.graph.node(members[i]); node.kind == NodeKind::external)
        t["reference"] = in.corpus.externals[node.index].cited_as;
      top.push_back(std::move(t));
    }
    for (const auto& t : label.terms) terms.push_back(t.term);
    for (std::size_t i = 0; i < authors.size() && i < show_; ++i)
      key_authors.push_back({{"name", groups.groups[authors[i].first].name}, {"works", authors[i].second.first},
                             {"citations", authors[i].second.second}});

    ClusterSummary s;
    s.json = {{"id", c.id + 1}, {"size", c.vertices.size()}, {"label", label.label}, {"terms", terms},
              {"label_documents", label.documents}, {"works", std::move(works)}, {"top_works", top},
              {"key_authors", key_authors}};
    // Co-citation labels come from the library works citing the cluster most: few of them, a weak label.
    const std::string described =
        options_.network == NetworkKind::cocitation ? fmt::format(", cited most by {} library works", label.documents) : "";
    s.text = fmt::format("\nCluster {} ({} nodes{}): {}\n", c.id + 1, c.vertices.size(), described,
                         label.label.empty() ? "(no distinctive terms)" : label.label);
    if (label.terms.size() > 0) {
      std::string all;
      for (const auto& t : label.terms) all += (all.empty() ? "" : ", ") + t.term;
      s.text += fmt::format("  terms: {}\n", all);
    }
    for (const auto& t : top) s.text += fmt::format("  {:>3}  {}\n", t["citations"].get<std::uint32_t>(), t["title"].get<std::string>());
    if (!key_authors.empty()) {
      std::string names;
      for (const auto& a : key_authors) names += (names.empty() ? "" : "; ") + a["name"].get<std::string>();
      s.text += fmt::format("  key authors: {}\n", names);
    }
    return s;
  }

  ClusterOptions options_{.network = NetworkKind::cocitation};
  CLI::Option* min_citations_ = nullptr;
  CLI::Option* top_nodes_ = nullptr;
  CLI::Option* min_size_ = nullptr;
  std::string network_ = "cocitation";
  std::string quality_ = "modularity";
  std::string normalization_ = "none";
  bool fractional_ = false;
  bool unclustered_ = false;
  bool all_authors_ = false;
  TermOptions terms_;
  std::size_t show_ = 5;
  bool no_save_ = false;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_graph_cluster_command() { return std::make_unique<GraphClusterCommand>(); }

}  // namespace litrev::cli
