#include "graph/betweenness.hpp"

#include <algorithm>
#include <numeric>
#include <thread>

#include "graph/random.hpp"

namespace litrev {

namespace {

// The per-thread state of Brandes' algorithm, sized once and reset only where a search went.
class BrandesWorker {
 public:
  explicit BrandesWorker(const Adjacency& adjacency)
      : adj_(adjacency),
        dist_(adjacency.num_vertices(), -1),
        sigma_(adjacency.num_vertices(), 0.0),
        coef_(adjacency.num_vertices(), 0.0),
        scores_(adjacency.num_vertices(), 0.0),
        order_(adjacency.num_vertices()),
        first_successor_(static_cast<std::size_t>(adjacency.num_vertices()) + 1),
        successors_(adjacency.num_arcs()) {}

  void add_source(VertexId s) {
    // Forward: breadth-first search counting shortest paths (sigma), and recording for each
    // vertex, in BFS order, its successors on shortest paths (the arcs one level down), so the
    // way back reads them in sequence instead of testing every arc again.
    std::size_t count = 1;
    std::size_t arcs = 0;
    order_[0] = s;
    dist_[s] = 0;
    sigma_[s] = 1.0;
    for (std::size_t head = 0; head < count; ++head) {
      const VertexId v = order_[head];
      const std::int32_t next = dist_[v] + 1;
      const double sv = sigma_[v];
      first_successor_[head] = static_cast<ArcIndex>(arcs);
      for (VertexId w : adj_.neighbors(v)) {
        std::int32_t d = dist_[w];
        if (d < 0) {  // first seen: rare, so well predicted
          dist_[w] = d = next;
          order_[count++] = w;
        }
        // Whether w is one level down is a coin toss for the branch predictor: no branch.
        const bool down = d == next;
        sigma_[w] += down ? sv : 0.0;
        successors_[arcs] = w;
        arcs += down;
      }
    }
    first_successor_[count] = static_cast<ArcIndex>(arcs);
    // Backward, farthest first: delta(v) = sigma(v) * sum over successors w of
    // (1 + delta(w)) / sigma(w); coef_ holds that last factor once w is done.
    for (std::size_t i = count; i-- > 0;) {
      const VertexId v = order_[i];
      double sum = 0.0;
      for (ArcIndex k = first_successor_[i]; k < first_successor_[i + 1]; ++k) sum += coef_[successors_[k]];
      const double delta = sigma_[v] * sum;
      if (i > 0) scores_[v] += delta;
      coef_[v] = (1.0 + delta) / sigma_[v];
    }
    for (std::size_t i = 0; i < count; ++i) {
      const VertexId v = order_[i];
      dist_[v] = -1;
      sigma_[v] = 0.0;
    }
  }

  const std::vector<double>& scores() const { return scores_; }

 private:
  const Adjacency& adj_;
  std::vector<std::int32_t> dist_;
  std::vector<double> sigma_;
  std::vector<double> coef_;
  std::vector<double> scores_;
  std::vector<VertexId> order_;
  std::vector<ArcIndex> first_successor_;  // indexed by BFS position
  std::vector<VertexId> successors_;
};

}  // namespace

BetweennessResult betweenness(const Adjacency& adjacency, bool undirected, const BetweennessOptions& options) {
  const VertexId n = adjacency.num_vertices();
  BetweennessResult result;
  result.scores.assign(n, 0.0);
  if (n == 0) return result;

  std::vector<VertexId> sources(n);
  std::iota(sources.begin(), sources.end(), VertexId{0});
  if (n > options.exact_up_to && options.samples < n) {
    // Partial Fisher-Yates: the first `samples` entries become a uniform sample.
    Rng rng(options.seed);
    const VertexId k = std::max<VertexId>(options.samples, 1);
    for (VertexId i = 0; i < k; ++i) std::swap(sources[i], sources[i + rng.below(n - i)]);
    sources.resize(k);
    std::sort(sources.begin(), sources.end());  // memory order: friendlier to the caches
    result.sampled = true;
  }
  result.sources = static_cast<std::uint32_t>(sources.size());

  const unsigned threads = std::clamp<unsigned>(options.threads, 1, std::max<std::uint32_t>(result.sources, 1));
  std::vector<BrandesWorker> workers;
  workers.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) workers.emplace_back(adjacency);
  auto run = [&](unsigned t) {
    for (std::size_t i = t; i < sources.size(); i += threads) workers[t].add_source(sources[i]);
  };
  if (threads == 1) {
    run(0);
  } else {
    std::vector<std::jthread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(run, t);
  }
  for (const auto& w : workers) {
    const auto& part = w.scores();
    for (VertexId v = 0; v < n; ++v) result.scores[v] += part[v];
  }

  double scale = undirected ? 0.5 : 1.0;  // each undirected pair was seen from both ends
  if (result.sampled) scale *= static_cast<double>(n) / static_cast<double>(result.sources);
  if (scale != 1.0) {
    for (double& x : result.scores) x *= scale;
  }
  return result;
}

BetweennessResult betweenness(const CitationGraph& graph, const BetweennessOptions& options) {
  if (options.directed) return betweenness(graph.out(), false, options);
  const WeightedGraph undirected = symmetrize(graph.digraph());
  return betweenness(undirected.adjacency(), true, options);
}

BetweennessResult betweenness(const WeightedGraph& graph, const BetweennessOptions& options) {
  return betweenness(graph.adjacency(), !graph.directed(), options);
}

}  // namespace litrev
