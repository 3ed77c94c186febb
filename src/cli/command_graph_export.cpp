// litrev graph export: a network for Gephi (GEXF, GraphML), Graphviz (DOT), VOSviewer (map and
// network files), Pajek (.net and .clu) or a spreadsheet (CSV nodes and edges files), with the
// clusters of a saved `graph cluster` run, numbered as that command printed them, and the
// nodes' metrics as attributes.
#include <fmt/format.h>

#include <filesystem>
#include <optional>
#include <ostream>
#include <unordered_map>

#include "graph/betweenness.hpp"
#include "graph/clustering.hpp"
#include "graph/export.hpp"
#include "graph/networks.hpp"
#include "graph/pagerank.hpp"
#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/graph_input.hpp"
#include "src/cli/output_file.hpp"
#include "src/cli/saved_clusters.hpp"

namespace litrev::cli {
namespace {

// FILE.ext -> FILE.suffix: where a format's second file goes (net.net -> net.clu).
std::string beside(const std::string& path, const std::string& suffix) {
  return std::filesystem::path(path).replace_extension(suffix).string();
}

class GraphExportCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("--format", format_, "graphml, gexf, dot, vosviewer, pajek or csv")
        ->required()
        ->check(CLI::IsMember({"graphml", "gexf", "dot", "vosviewer", "pajek", "csv"}));
    sub.add_option("-o,--out", out_,
                   "Output file, - for standard output. Two files for three formats: vosviewer writes the "
                   "network beside the map as FILE.network.txt, pajek the clusters as FILE.clu, csv the nodes "
                   "as FILE.nodes.csv (FILE: the edges)")
        ->required();
    network_opt_ = sub.add_option("--network", network_,
                                  "citation (directed), cocitation or coupling (default: the clusters' run's "
                                  "network, else citation)")
                       ->check(CLI::IsMember({"citation", "cocitation", "coupling"}));
    sub.add_flag("--externals", externals_, "citation network: include cited works outside the library");
    min_citations_opt_ = sub.add_option("--min-citations", network_options_.min_citations,
                                        "Leave out nodes cited fewer times (default: the run's)");
    top_nodes_opt_ = sub.add_option("--top-nodes", network_options_.top_n,
                                    "Keep only the N most cited nodes (0: all; default: the run's)");
    sub.add_option("--run", run_id_,
                   "Clusters of this saved run, whose network is exported (default: the latest run of the "
                   "network exported)");
    sub.add_flag("--no-clusters", no_clusters_, "Leave clusters out");
    sub.add_flag("--betweenness", with_betweenness_, "Add betweenness to the node attributes (slower)");
  }

  int run(Context& ctx) override {
    if (out_ == "-" && (format_ == "vosviewer" || format_ == "pajek" || format_ == "csv"))
      throw UsageError(fmt::format("--out -: {} writes two files; give a file name", format_));
    const std::optional<ClusterRun> run = clusters_run(ctx);
    const GraphInput in = load_graph_input(ctx, false);
    network_options_.include_externals = externals_;
    const Network net = network_ == "cocitation" ? cocitation_network(in.graph, network_options_)
                        : network_ == "coupling" ? coupling_network(in.graph, network_options_)
                                                 : direct_citation_network(in.graph, network_options_);
    const std::vector<std::int64_t> cluster_of = run ? saved_cluster_numbers(in, *run) : std::vector<std::int64_t>{};
    ExportNetwork x = make_export_network(in.corpus, in.graph, net.graph, net.nodes, run ? &cluster_of : nullptr);
    add_metrics(in, net, x);

    // Every file of the export is complete before any replaces its predecessor.
    std::vector<std::pair<std::string, std::string>> files;
    if (format_ == "vosviewer") {
      VosviewerFiles vos = to_vosviewer(x);
      files = {{out_, std::move(vos.map)}, {out_ + ".network.txt", std::move(vos.network)}};
    } else if (format_ == "pajek") {
      files = {{out_, to_pajek(x)}, {beside(out_, ".clu"), to_pajek_partition(x)}};
    } else if (format_ == "csv") {
      files = {{out_, to_csv_edges(x)}, {beside(out_, ".nodes.csv"), to_csv_nodes(x)}};
    } else {
      files = {{out_, format_ == "graphml" ? to_graphml(x) : format_ == "gexf" ? to_gexf(x) : to_dot(x)}};
    }
    std::vector<std::unique_ptr<OutputFile>> outputs;
    for (const auto& [path, text] : files) {
      outputs.push_back(std::make_unique<OutputFile>(path));
      outputs.back()->stream() << text;
    }
    for (auto& o : outputs) o->commit();

    if (!ctx.quiet()) {
      std::size_t clustered = 0;
      for (const auto& n : x.nodes) clustered += n.cluster > 0 ? 1 : 0;
      std::string names;
      for (const auto& [path, text] : files) names += (names.empty() ? "" : " and ") + path;
      ctx.err() << fmt::format("{} network: {} nodes, {} links{} written to {}\n", network_, x.nodes.size(),
                               x.edges.size(),
                               run ? fmt::format(", clusters of run {} ({} nodes without one)", run->id,
                                                 x.nodes.size() - clustered)
                                   : "",
                               names);
    }
    return kOk;
  }

 private:
  // Why the exported network is not the run's one; empty when it is. The network and node
  // selection not given on the command line are taken from the run.
  std::string mismatch(const ClusterRun& run) const {
    const RunSelection r = run_selection(run);
    if (r.network != "citation" && r.network != "cocitation" && r.network != "coupling")
      return fmt::format("run {} clusters cited authors ({} network); graph export writes networks of works",
                         run.id, r.network);
    if (network_opt_->count() > 0 && network_ != r.network)
      return fmt::format("run {} clusters the {} network, not the {} network", run.id, r.network, network_);
    if (min_citations_opt_->count() > 0 && network_options_.min_citations != r.min_citations)
      return fmt::format("run {} clusters nodes with at least {} citations, not {}", run.id, r.min_citations,
                         network_options_.min_citations);
    if (top_nodes_opt_->count() > 0 && network_options_.top_n != r.top_nodes)
      return fmt::format("run {} clusters the top {} nodes, not {}", run.id, r.top_nodes, network_options_.top_n);
    if (externals_ && r.network == "citation") return fmt::format("run {} clusters no cited works outside the library (--externals)", run.id);
    return {};
  }

  void adopt(const ClusterRun& run) {
    const RunSelection r = run_selection(run);
    network_ = r.network;
    network_options_.min_citations = r.min_citations;
    network_options_.top_n = r.top_nodes;
  }

  // The run whose clusters colour the export: --run N (which must have clustered the network
  // exported), else the latest run of that network; none with --no-clusters.
  std::optional<ClusterRun> clusters_run(Context& ctx) {
    if (no_clusters_) return std::nullopt;
    if (run_id_ > 0) {
      auto run = ctx.store().cluster_run(run_id_);
      if (!run) throw NotFoundError(fmt::format("no clustering run {} in the library", run_id_));
      if (const std::string why = mismatch(*run); !why.empty())
        throw UsageError(fmt::format("graph export --run {}: {}; export that network (leave --network, "
                                     "--min-citations, --top-nodes out to take the run's) or use --no-clusters",
                                     run_id_, why));
      adopt(*run);
      return run;
    }
    const auto runs = ctx.store().cluster_runs();
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
      if (!mismatch(*it).empty()) continue;
      adopt(*it);
      return ctx.store().cluster_run(it->id);
    }
    if (!ctx.quiet() && !runs.empty())
      ctx.warn(fmt::format("no saved clustering run of the {} network with these options: nodes have no cluster "
                           "(run `litrev graph cluster --network {}` first, or pass --run)",
                           network_, network_));
    return std::nullopt;
  }

  void add_metrics(const GraphInput& in, const Network& net, ExportNetwork& x) const {
    const PageRankResult pr = pagerank(in.graph);
    BetweennessResult bc;
    if (with_betweenness_) bc = betweenness(in.graph);
    for (std::size_t i = 0; i < x.nodes.size(); ++i) {
      const VertexId v = net.nodes[i];
      x.nodes[i].metrics.emplace_back("pagerank", pr.scores[v]);
      if (with_betweenness_) x.nodes[i].metrics.emplace_back("betweenness", bc.scores[v]);
    }
  }

  std::string format_;
  std::string out_;
  std::string network_ = "citation";
  bool externals_ = false;
  NetworkOptions network_options_;
  std::int64_t run_id_ = 0;
  bool no_clusters_ = false;
  bool with_betweenness_ = false;
  CLI::Option* network_opt_ = nullptr;
  CLI::Option* min_citations_opt_ = nullptr;
  CLI::Option* top_nodes_opt_ = nullptr;
};

}  // namespace

std::unique_ptr<Command> make_graph_export_command() { return std::make_unique<GraphExportCommand>(); }

}  // namespace litrev::cli
