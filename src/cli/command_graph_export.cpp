// litrev graph export: a network for Gephi (GEXF, GraphML), Graphviz (DOT), VOSviewer (map and
// network files), Pajek (.net) or a spreadsheet (CSV edge list), with the clusters of a saved
// `graph cluster` run and the nodes' metrics as attributes.
#include <fmt/format.h>

#include <ostream>

#include "graph/betweenness.hpp"
#include "graph/clustering.hpp"
#include "graph/export.hpp"
#include "graph/networks.hpp"
#include "graph/pagerank.hpp"
#include "graph/partition.hpp"
#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/graph_input.hpp"
#include "src/cli/output_file.hpp"
#include "src/cli/saved_clusters.hpp"

namespace litrev::cli {
namespace {

void write_atomically(const std::string& path, const std::string& content) {
  write_file_atomically(path, [&](std::ostream& out) { out << content; });
}

class GraphExportCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("--format", format_, "graphml, gexf, dot, vosviewer, pajek or csv")
        ->required()
        ->check(CLI::IsMember({"graphml", "gexf", "dot", "vosviewer", "pajek", "csv"}));
    sub.add_option("-o,--out", out_,
                   "Output file (vosviewer: the map file; the network file is written beside it as FILE.network.txt)")
        ->required();
    sub.add_option("--network", network_, "citation (directed), cocitation or coupling")
        ->check(CLI::IsMember({"citation", "cocitation", "coupling"}));
    sub.add_flag("--externals", externals_, "citation network: include cited works outside the library");
    sub.add_option("--min-citations", network_options_.min_citations, "Leave out nodes cited fewer times");
    sub.add_option("--top-nodes", network_options_.top_n, "Keep only the N most cited nodes (0: all)");
    sub.add_option("--run", run_id_, "Clusters of this saved run (default: the latest run clustering works, if any)");
    sub.add_flag("--no-clusters", no_clusters_, "Leave clusters out");
    sub.add_flag("--betweenness", with_betweenness_, "Add betweenness to the node attributes (slower)");
  }

  int run(Context& ctx) override {
    const GraphInput in = load_graph_input(ctx, false);
    network_options_.include_externals = externals_;
    const Network net = network_ == "cocitation" ? cocitation_network(in.graph, network_options_)
                        : network_ == "coupling" ? coupling_network(in.graph, network_options_)
                                                 : direct_citation_network(in.graph, network_options_);
    const std::vector<std::uint32_t> cluster_of = clusters(ctx, in);
    ExportNetwork x = make_export_network(in.corpus, in.graph, net.graph, net.nodes,
                                          cluster_of.empty() ? nullptr : &cluster_of);
    add_metrics(in, net, x);

    if (format_ == "vosviewer") {
      const VosviewerFiles files = to_vosviewer(x);
      write_atomically(out_, files.map);
      write_atomically(out_ + ".network.txt", files.network);
    } else {
      write_atomically(out_, format_ == "graphml" ? to_graphml(x)
                             : format_ == "gexf" ? to_gexf(x)
                             : format_ == "dot"  ? to_dot(x)
                             : format_ == "pajek" ? to_pajek(x)
                                                  : to_csv_edges(x));
    }
    if (!ctx.quiet())
      ctx.err() << fmt::format("{} network: {} nodes, {} links written to {}{}\n", network_, x.nodes.size(),
                               x.edges.size(), out_, format_ == "vosviewer" ? " and " + out_ + ".network.txt" : "");
    return kOk;
  }

 private:
  // Cluster of each citation-graph vertex from a saved run; empty when none is wanted or saved.
  std::vector<std::uint32_t> clusters(Context& ctx, const GraphInput& in) const {
    if (no_clusters_) return {};
    std::optional<ClusterRun> run;
    if (run_id_ > 0) {
      run = ctx.store().cluster_run(run_id_);
      if (!run) throw NotFoundError(fmt::format("no clustering run {} in the library", run_id_));
      if (run->network == network_name(NetworkKind::author_cocitation))
        throw UsageError(fmt::format("run {} clusters cited authors; graph export writes networks of works", run_id_));
    } else {
      // The latest run of a network of works: an author co-citation run assigns authors.
      auto runs = ctx.store().cluster_runs();
      std::erase_if(runs, [](const ClusterRun& r) { return r.network == network_name(NetworkKind::author_cocitation); });
      if (runs.empty()) return {};
      run = ctx.store().cluster_run(runs.back().id);
    }
    return vertex_clusters(in, *run);
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
};

}  // namespace

std::unique_ptr<Command> make_graph_export_command() { return std::make_unique<GraphExportCommand>(); }

}  // namespace litrev::cli
