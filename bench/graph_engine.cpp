// Times the citation-graph engine on a generated citation graph (an edge list from
// ../shared/tools/gen_citation_graph.py), step by step, with the peak memory after each step.
// bench/graph.sh runs it beside the igraph/leidenalg oracle on the same graph.
//
//   bench_graph_engine EDGES.tsv [--truth COMMUNITIES.tsv] [--samples K] [--threads T]
//                      [--skip STEP]... [--seed S] [--cluster citation|cocitation]
//
// --samples 0 = exact betweenness (default: exact up to 100,000 vertices, else 1,000 sampled
// sources). Steps: build, pagerank, betweenness, cocitation, coupling, leiden. Leiden runs on
// the symmetrized direct-citation network (as the oracle does), or with --cluster cocitation on
// the co-citation network. Prints one JSON object.

#include <fmt/core.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "graph/betweenness.hpp"
#include "graph/citation_graph.hpp"
#include "graph/edge_list.hpp"
#include "graph/leiden.hpp"
#include "graph/networks.hpp"
#include "graph/pagerank.hpp"
#include "graph/partition.hpp"

namespace {

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
  return secs(usage.ru_utime) + secs(usage.ru_stime);
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux: kilobytes
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class Steps {
 public:
  template <typename F>
  auto run(const std::string& name, F&& f) {
    // Wall and CPU time: on a shared machine the CPU time is the steadier measure.
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = cpu_seconds();
    auto result = f();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    json_ += fmt::format("{}\"{}\": {{\"seconds\": {:.3f}, \"cpu_seconds\": {:.3f}, \"peak_rss_mb\": {:.0f}",
                         json_.empty() ? "" : ", ", name, s, cpu_seconds() - c0, peak_rss_mb());
    return result;
  }
  // Adds fields to the step just run, then closes it.
  void close(const std::string& extra = {}) { json_ += extra + "}"; }
  const std::string& json() const { return json_; }

 private:
  std::string json_;
};

}  // namespace

int main(int argc, char** argv) {
  using namespace litrev;
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s EDGES.tsv [--truth FILE] [--samples K] [--threads T] [--skip STEP]...\n", argv[0]);
    return 2;
  }
  std::string edges_path = argv[1];
  std::string truth_path;
  long samples = -1;
  unsigned threads = 1;
  std::uint64_t seed = 42;
  std::set<std::string> skip;
  std::string cluster_network = "citation";
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string opt = argv[i];
    if (opt == "--truth") truth_path = argv[i + 1];
    else if (opt == "--samples") samples = std::stol(argv[i + 1]);
    else if (opt == "--threads") threads = static_cast<unsigned>(std::stoul(argv[i + 1]));
    else if (opt == "--seed") seed = std::stoull(argv[i + 1]);
    else if (opt == "--skip") skip.insert(argv[i + 1]);
    else if (opt == "--cluster") cluster_network = argv[i + 1];
    else {
      std::fprintf(stderr, "unknown option %s\n", opt.c_str());
      return 2;
    }
  }

  Steps steps;
  // The corpus stands in for Store::load_citation_corpus: read the edges, make works of them.
  auto corpus = steps.run("load_corpus", [&] {
    const EdgeList edges = parse_edge_list(slurp(edges_path));
    return corpus_from_edge_list(edges);
  });
  steps.close(fmt::format(", \"works\": {}, \"citations\": {}", corpus.works.size(), corpus.citations.size()));

  const auto graph = steps.run("build", [&] { return CitationGraph::build(corpus); });
  steps.close(fmt::format(", \"vertices\": {}, \"arcs\": {}", graph.num_vertices(), graph.num_arcs()));

  if (!skip.count("pagerank")) {
    const auto pr = steps.run("pagerank", [&] { return pagerank(graph); });
    steps.close(fmt::format(", \"cyclic_sweeps\": {}", pr.iterations));
  }

  if (!skip.count("betweenness")) {
    BetweennessOptions options;
    options.directed = true;
    options.threads = threads;
    options.seed = seed;
    options.exact_up_to = 100'000;
    if (samples == 0) options.exact_up_to = graph.num_vertices();
    if (samples > 0) {
      options.exact_up_to = 0;
      options.samples = static_cast<std::uint32_t>(samples);
    }
    const auto bt = steps.run("betweenness_directed", [&] { return betweenness(graph, options); });
    steps.close(fmt::format(", \"sampled\": {}, \"sources\": {}, \"threads\": {}", bt.sampled, bt.sources, threads));
  }

  Network cocitation;
  if (!skip.count("cocitation") || cluster_network == "cocitation") {
    cocitation = steps.run("cocitation", [&] { return cocitation_network(graph); });
    steps.close(fmt::format(", \"nodes\": {}, \"edges\": {}, \"skipped_lists\": {}", cocitation.nodes.size(),
                            cocitation.graph.num_edges(), cocitation.skipped_lists));
    if (cluster_network != "cocitation") cocitation = {};
  }

  if (!skip.count("coupling")) {
    const auto net = steps.run("coupling", [&] { return coupling_network(graph); });
    steps.close(fmt::format(", \"nodes\": {}, \"edges\": {}, \"skipped_lists\": {}", net.nodes.size(),
                            net.graph.num_edges(), net.skipped_lists));
  }

  if (!skip.count("leiden")) {
    WeightedGraph undirected;
    if (cluster_network == "cocitation") {
      undirected = std::move(cocitation.graph);
    } else {
      undirected = steps.run("symmetrize", [&] { return symmetrize(graph.digraph()); });
      steps.close(fmt::format(", \"edges\": {}", undirected.num_edges()));
    }
    LeidenOptions options;
    options.seed = seed;
    // As cluster_graph() does: the network is ours, so Leiden may renumber it in place.
    std::vector<VertexId> old_of_new;
    auto r = steps.run("leiden", [&] { return leiden_reordering(undirected, options, old_of_new); });
    if (!old_of_new.empty()) {
      std::vector<std::uint32_t> back(r.membership.size());
      for (VertexId i = 0; i < back.size(); ++i) back[old_of_new[i]] = r.membership[i];
      r.membership = std::move(back);
    }
    std::string extra = fmt::format(", \"network\": \"{}\", \"modularity\": {:.6f}, \"clusters\": {}, \"iterations\": {}",
                                    cluster_network, r.modularity, r.clusters, r.iterations);
    std::uint32_t big = 0;
    {
      std::vector<std::uint32_t> sizes(r.clusters, 0);
      for (auto c : r.membership) ++sizes[c];
      for (auto s : sizes) big += s >= 10;
    }
    extra += fmt::format(", \"clusters_ge_10_nodes\": {}", big);
    if (!truth_path.empty() && cluster_network == "citation") {
      // Truth labels by work key; works are the graph's first vertices, in corpus order.
      const EdgeList truth_rows = parse_edge_list(slurp(truth_path));
      std::unordered_map<std::string, std::string> label;
      std::vector<std::string> names = truth_rows.names;
      for (const auto& e : truth_rows.edges) label[names[e.source]] = names[e.target];
      std::vector<std::uint32_t> mine;
      std::vector<std::uint32_t> truth;
      std::unordered_map<std::string, std::uint32_t> ids;
      for (VertexId v = 0; v < graph.num_works(); ++v) {
        const auto it = label.find(corpus.works[graph.node(v).index].key);
        if (it == label.end()) continue;
        mine.push_back(r.membership[v]);
        truth.push_back(ids.emplace(it->second, static_cast<std::uint32_t>(ids.size())).first->second);
      }
      extra += fmt::format(", \"nmi_vs_truth\": {:.6f}, \"ari_vs_truth\": {:.6f}",
                           normalized_mutual_information(mine, truth), adjusted_rand_index(mine, truth));
    }
    steps.close(extra);
  }

  fmt::print("{{\"input\": \"{}\", {}, \"peak_rss_mb\": {:.0f}}}\n", edges_path, steps.json(), peak_rss_mb());
  return 0;
}
