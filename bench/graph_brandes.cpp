// Exact directed betweenness: litrev's Brandes on the CSR arrays against Boost.Graph's generic
// brandes_betweenness_centrality on the very same Boost CSR graph, with the largest
// difference between the two results; then litrev's exact undirected betweenness.
//
//   bench_graph_brandes EDGES.tsv [--threads T]

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/property_map/property_map.hpp>
#include <fmt/core.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "graph/betweenness.hpp"
#include "graph/citation_graph.hpp"
#include "graph/edge_list.hpp"

namespace {

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
  return secs(usage.ru_utime) + secs(usage.ru_stime);
}

template <typename F>
std::pair<double, double> timed(F&& f) {
  const auto t0 = std::chrono::steady_clock::now();
  const double c0 = cpu_seconds();
  f();
  return {std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), cpu_seconds() - c0};
}

}  // namespace

int main(int argc, char** argv) {
  using namespace litrev;
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s EDGES.tsv [--threads T]\n", argv[0]);
    return 2;
  }
  unsigned threads = 1;
  if (argc >= 4 && std::string(argv[2]) == "--threads") threads = static_cast<unsigned>(std::stoul(argv[3]));
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const auto corpus = corpus_from_edge_list(parse_edge_list(text.str()));
  const auto graph = CitationGraph::build(corpus);
  const Digraph& g = graph.digraph();

  BetweennessResult mine;
  BetweennessOptions options;
  options.exact_up_to = graph.num_vertices();
  options.threads = threads;
  const auto [mine_wall, mine_cpu] = timed([&] { mine = betweenness(graph, options); });

  std::vector<double> theirs(graph.num_vertices(), 0.0);
  const auto [boost_wall, boost_cpu] = timed([&] {
    boost::brandes_betweenness_centrality(
        g, boost::centrality_map(boost::make_iterator_property_map(theirs.begin(), get(boost::vertex_index, g))));
  });

  // And on the symmetrized graph (litrev only: Boost's CSR graph is directed).
  BetweennessResult undirected;
  auto undirected_options = options;
  undirected_options.directed = false;
  const auto [und_wall, und_cpu] = timed([&] { undirected = betweenness(graph, undirected_options); });

  double max_rel = 0.0;
  for (VertexId v = 0; v < graph.num_vertices(); ++v) {
    max_rel = std::max(max_rel, std::abs(mine.scores[v] - theirs[v]) / std::max(1.0, std::abs(theirs[v])));
  }
  fmt::print(
      "{{\"input\": \"{}\", \"vertices\": {}, \"arcs\": {}, \"litrev\": {{\"seconds\": {:.3f}, \"cpu_seconds\": {:.3f}, "
      "\"threads\": {}}}, \"boost\": {{\"seconds\": {:.3f}, \"cpu_seconds\": {:.3f}}}, \"max_relative_difference\": {:.3g}, "
      "\"litrev_undirected\": {{\"seconds\": {:.3f}, \"cpu_seconds\": {:.3f}}}}}\n",
      argv[1], graph.num_vertices(), graph.num_arcs(), mine_wall, mine_cpu, threads, boost_wall, boost_cpu, max_rel,
      und_wall, und_cpu);
  return 0;
}
