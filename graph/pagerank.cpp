#include "graph/pagerank.hpp"

#include <cmath>
#include <numeric>
#include <stdexcept>

#include "graph/components.hpp"
#include "src/core/cancellation.hpp"

namespace litrev {

PageRankResult pagerank(const Adjacency& out, const Adjacency& in, const PageRankOptions& options) {
  if (!(options.damping >= 0.0 && options.damping < 1.0)) {
    throw std::invalid_argument("PageRank damping must be in [0, 1)");
  }
  const VertexId n = out.num_vertices();
  PageRankResult result;
  if (n == 0) return result;
  const double d = options.damping;

  // share[u] = d / out-strength(u): what one unit of z[u] sends along an arc of weight 1.
  std::vector<double> share(n, 0.0);
  for (VertexId u = 0; u < n; ++u) {
    const double s = out.strength(u);
    if (s > 0.0) share[u] = d / s;
  }
  auto inflow = [&](const std::vector<double>& z, VertexId v) {
    double sum = 0.0;
    if (in.weights.empty()) {
      for (VertexId u : in.neighbors(v)) sum += z[u] * share[u];
    } else {
      for (ArcIndex a = in.begin(v); a < in.end(v); ++a) sum += z[in.targets[a]] * share[in.targets[a]] * in.weights[a];
    }
    return sum;
  };

  // Vertices grouped by strong component, upstream components first (Tarjan numbers them in
  // reverse topological order).
  const Components scc = strong_components(out);
  std::vector<ArcIndex> start(static_cast<std::size_t>(scc.count) + 1, 0);
  for (VertexId v = 0; v < n; ++v) ++start[scc.count - scc.component[v]];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<VertexId> order(n);
  {
    std::vector<ArcIndex> fill(start.begin(), start.end() - 1);
    for (VertexId v = 0; v < n; ++v) order[fill[scc.count - 1 - scc.component[v]]++] = v;
  }

  std::vector<double> z(n, 0.0);
  CancelCheck cancel;
  for (std::uint32_t c = 0; c < scc.count; ++c) {
    cancel.tick();
    const ArcIndex b = start[c];
    const ArcIndex e = start[c + 1];
    const VertexId first = order[b];
    bool cyclic = e - b > 1;
    if (!cyclic) {
      for (VertexId u : in.neighbors(first)) cyclic |= (u == first);
    }
    if (!cyclic) {  // every in-neighbour is upstream and final
      z[first] = 1.0 + inflow(z, first);
      continue;
    }
    for (ArcIndex i = b; i < e; ++i) z[order[i]] = 1.0;
    int sweeps = 0;
    for (;;) {
      throw_if_cancelled();
      double change = 0.0;
      double total = 0.0;
      for (ArcIndex i = b; i < e; ++i) {
        const VertexId v = order[i];
        const double next = 1.0 + inflow(z, v);
        change += std::abs(next - z[v]);
        total += next;
        z[v] = next;
      }
      ++sweeps;
      // The error left is at most change * d / (1 - d) (geometric tail of the contraction).
      if (change * d <= options.tolerance * (1.0 - d) * total) break;
      if (sweeps >= options.max_iterations) {
        result.converged = false;
        break;
      }
    }
    result.iterations = std::max(result.iterations, sweeps);
  }

  const double sum = std::accumulate(z.begin(), z.end(), 0.0);
  for (double& x : z) x /= sum;
  result.scores = std::move(z);
  return result;
}

PageRankResult pagerank(const CitationGraph& graph, const PageRankOptions& options) {
  return pagerank(graph.out(), graph.in(), options);
}

PageRankResult pagerank(const WeightedGraph& graph, const PageRankOptions& options) {
  if (!graph.directed()) return pagerank(graph.adjacency(), graph.adjacency(), options);
  const WeightedGraph reversed = graph.transpose();
  return pagerank(graph.adjacency(), reversed.adjacency(), options);
}

}  // namespace litrev
