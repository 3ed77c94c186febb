// Times the map layout (graph/layout.hpp) on generated clustered networks of 2,000, 20,000 and
// 100,000 nodes with ten links per node (a co-citation map's density: 2,000 nodes, 20,000
// links), and says how far apart the planted clusters are drawn (silhouette, 1 = apart).
// Beside it, Boost.Graph's Fruchterman-Reingold on the same graphs up to --boost-max nodes.
//
//   bench_graph_layout [--sizes 2000,20000,100000] [--threads T] [--boost-max 20000] [--between F]
//
// Prints one line per size and layout.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <fmt/core.h>
#include <sys/resource.h>

#include <chrono>
#include <cstring>
#include <random>
#include <sstream>
#include <string>

#include "graph/layout.hpp"
#include "graph/partition.hpp"
#include "graph/random.hpp"

namespace {

using namespace litrev;

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
  return secs(usage.ru_utime) + secs(usage.ru_stime);
}

struct Generated {
  WeightedGraph graph;
  std::vector<std::uint32_t> cluster;
};

// n nodes in n/200 planted clusters of unequal sizes (at least 5); ten links per node, 80% of
// them inside the node's cluster, one end drawn with a heavy tail (a few hubs, as cited works).
Generated generate(VertexId n, std::uint64_t seed) {
  Rng rng(seed);
  const std::uint32_t k = std::max<std::uint32_t>(5, n / 200);
  Generated g;
  g.cluster.resize(n);
  std::vector<std::vector<VertexId>> members(k);
  for (VertexId v = 0; v < n; ++v) {
    const auto c = static_cast<std::uint32_t>(std::min<double>(k - 1, k * rng.unit() * rng.unit() * 1.999));
    g.cluster[v] = c;
    members[c].push_back(v);
  }
  auto skewed = [&](const std::vector<VertexId>& pool) { return pool[static_cast<std::size_t>(pool.size() * std::pow(rng.unit(), 2.0))]; };
  std::vector<WeightedEdge> edges;
  for (VertexId v = 0; v < n; ++v) {
    for (int e = 0; e < 10; ++e) {
      const auto& pool = rng.unit() < 0.8 && members[g.cluster[v]].size() > 1 ? members[g.cluster[v]] : members[rng.below(k)];
      if (pool.empty()) continue;
      const VertexId u = skewed(pool);
      if (u != v) edges.push_back({v, u, 1.0 + static_cast<double>(rng.below(3))});
    }
  }
  g.graph = WeightedGraph::from_edges(n, std::move(edges), false);
  return g;
}

void run_ours(const Generated& g, double between, unsigned threads) {
  LayoutOptions options;
  options.between_clusters = between;
  options.threads = threads;
  const auto t0 = std::chrono::steady_clock::now();
  const double c0 = cpu_seconds();
  const WeightedGraph weights = layout_weights(g.graph);
  const Layout layout = layout_network(weights, g.cluster, options);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double cpu = cpu_seconds() - c0;
  fmt::print("{:>7} nodes {:>8} links  litrev multilevel (between {:.2f}): {:7.2f} s wall {:7.2f} s CPU, "
             "{} levels, {} steps, silhouette {:.3f}\n",
             g.graph.num_vertices(), g.graph.num_edges(), between, wall, cpu, layout.stats.levels,
             layout.stats.steps, cluster_silhouette(layout.positions, g.cluster));
}

void run_boost(const Generated& g) {
  using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  using Topology = boost::square_topology<std::minstd_rand>;
  const Adjacency adj = g.graph.adjacency();
  BoostGraph bg(adj.num_vertices());
  for (VertexId v = 0; v < adj.num_vertices(); ++v)
    for (VertexId u : adj.neighbors(v))
      if (v < u) boost::add_edge(v, u, bg);
  std::minstd_rand gen(42);
  Topology topology(gen, 1000.0);
  std::vector<Topology::point_type> position(adj.num_vertices());
  auto map = boost::make_iterator_property_map(position.begin(), boost::get(boost::vertex_index, bg));
  const auto t0 = std::chrono::steady_clock::now();
  const double c0 = cpu_seconds();
  boost::random_graph_layout(bg, map, topology);
  boost::fruchterman_reingold_force_directed_layout(bg, map, topology);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::vector<Point> points(position.size());
  for (std::size_t i = 0; i < points.size(); ++i) points[i] = {position[i][0], position[i][1]};
  fmt::print("{:>7} nodes {:>8} links  Boost Fruchterman-Reingold (100 steps, grid):     {:7.2f} s wall {:7.2f} s CPU, "
             "silhouette {:.3f}\n",
             g.graph.num_vertices(), g.graph.num_edges(), wall, cpu_seconds() - c0, cluster_silhouette(points, g.cluster));
}

}  // namespace

int main(int argc, char** argv) {
  std::string sizes = "2000,20000,100000";
  unsigned threads = 0;
  VertexId boost_max = 20000;
  double between = LayoutOptions{}.between_clusters;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--sizes")) sizes = argv[i + 1];
    else if (!std::strcmp(argv[i], "--threads")) threads = static_cast<unsigned>(std::stoul(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--boost-max")) boost_max = static_cast<VertexId>(std::stoul(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--between")) between = std::stod(argv[i + 1]);
  }
  std::stringstream list(sizes);
  for (std::string item; std::getline(list, item, ',');) {
    const auto n = static_cast<VertexId>(std::stoul(item));
    const Generated g = generate(n, 7);
    run_ours(g, between, threads);
    if (between != 1.0) run_ours(g, 1.0, threads);
    if (n <= boost_max) run_boost(g);
  }
}
