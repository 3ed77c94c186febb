#include "graph/betweenness.hpp"

#include <algorithm>
#include <numeric>
#include <thread>

#include "graph/random.hpp"
#include "src/core/cancellation.hpp"

namespace litrev {

namespace {

// The per-thread state of Brandes' algorithm, sized once and reset only where a search went.
//
// The breadth-first search itself only needs two bits per vertex (seen; found on the level
// being built), which stay in the L1 cache even for large graphs, so it does not count paths:
// it records, level by level, each vertex's successors on shortest paths (the arcs to vertices
// found while its level was expanded). Path counts (sigma) are then pushed along those arcs
// in BFS order, and dependencies pulled back along them in reverse, touching only the
// shortest-path arcs rather than every arc.
class BrandesWorker {
 public:
  explicit BrandesWorker(const Adjacency& adjacency)
      : adj_(adjacency),
        seen_((adjacency.num_vertices() + 63) / 64, 0),
        fresh_((adjacency.num_vertices() + 63) / 64, 0),
        sigma_(adjacency.num_vertices(), 0.0),
        coef_(adjacency.num_vertices(), 0.0),
        scores_(adjacency.num_vertices(), 0.0),
        order_(adjacency.num_vertices()),
        first_successor_(static_cast<std::size_t>(adjacency.num_vertices()) + 1),
        successors_(adjacency.num_arcs()) {}

  void add_source(VertexId s) {
    // Raw pointers in locals: the compiler cannot otherwise prove that the stores below leave
    // the vectors' own pointers alone, and reloads them on every arc.
    const ArcIndex* const offsets = adj_.offsets.data();
    const VertexId* const targets = adj_.targets.data();
    std::uint64_t* const seen = seen_.data();
    std::uint64_t* const fresh = fresh_.data();
    VertexId* const order = order_.data();
    VertexId* const successors = successors_.data();
    ArcIndex* const first_successor = first_successor_.data();
    std::size_t count = 1;
    std::size_t arcs = 0;
    order[0] = s;
    set(seen, s);
    for (std::size_t level_begin = 0, level_end = 1; level_begin < level_end;) {
      for (std::size_t head = level_begin; head < level_end; ++head) {
        const VertexId v = order[head];
        first_successor[head] = static_cast<ArcIndex>(arcs);
        for (ArcIndex a = offsets[v], e = offsets[v + 1]; a < e; ++a) {
          const VertexId w = targets[a];
          const std::uint64_t bit = std::uint64_t{1} << (w & 63);
          if (!(seen[w >> 6] & bit)) {  // first seen (measured: a branch beats branch-free here)
            seen[w >> 6] |= bit;
            fresh[w >> 6] |= bit;
            order[count++] = w;
          }
          // Whether w is one level down is a coin toss for the branch predictor: no branch.
          successors[arcs] = w;
          arcs += (fresh[w >> 6] & bit) != 0;
        }
      }
      for (std::size_t i = level_end; i < count; ++i) clear(fresh, order[i]);
      level_begin = level_end;
      level_end = count;
    }
    first_successor_[count] = static_cast<ArcIndex>(arcs);

    // Shortest-path counts, pushed down level by level.
    sigma_[s] = 1.0;
    for (std::size_t i = 0; i < count; ++i) {
      const double sv = sigma_[order_[i]];
      for (ArcIndex k = first_successor_[i]; k < first_successor_[i + 1]; ++k) sigma_[successors_[k]] += sv;
    }
    // Dependencies, farthest first: delta(v) = sigma(v) * sum over successors w of
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
      clear(seen, v);
      sigma_[v] = 0.0;
    }
  }

  const std::vector<double>& scores() const { return scores_; }

 private:
  static void set(std::uint64_t* bits, VertexId v) { bits[v >> 6] |= std::uint64_t{1} << (v & 63); }
  static void clear(std::uint64_t* bits, VertexId v) { bits[v >> 6] &= ~(std::uint64_t{1} << (v & 63)); }

  const Adjacency& adj_;
  std::vector<std::uint64_t> seen_;
  std::vector<std::uint64_t> fresh_;  // found while the current level is expanded
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

  // Only vertices with an arc can start a shortest path; in a citation graph that leaves out
  // every external (they cite nothing), which is most of the vertices.
  std::vector<VertexId> sources;
  for (VertexId v = 0; v < n; ++v) {
    if (adjacency.degree(v) > 0) sources.push_back(v);
  }
  const auto candidates = static_cast<VertexId>(sources.size());
  if (candidates > options.exact_up_to && options.samples < candidates) {
    // Partial Fisher-Yates: the first `samples` entries become a uniform sample.
    Rng rng(options.seed);
    const VertexId k = std::max<VertexId>(options.samples, 1);
    for (VertexId i = 0; i < k; ++i) std::swap(sources[i], sources[i + rng.below(candidates - i)]);
    sources.resize(k);
    std::sort(sources.begin(), sources.end());  // memory order: friendlier to the caches
    result.sampled = true;
  }
  result.sources = static_cast<std::uint32_t>(sources.size());

  const unsigned threads = std::clamp<unsigned>(options.threads, 1, std::max<std::uint32_t>(result.sources, 1));
  std::vector<BrandesWorker> workers;
  workers.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) workers.emplace_back(adjacency);
  // Workers may not throw (an exception leaving a thread ends the process): they stop at the
  // next source after Ctrl-C, and the caller's thread throws once they are joined.
  auto run = [&](unsigned t) {
    for (std::size_t i = t; i < sources.size() && !cancellation_requested(); i += threads)
      workers[t].add_source(sources[i]);
  };
  if (threads == 1) {
    run(0);
  } else {
    std::vector<std::jthread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(run, t);
  }
  throw_if_cancelled();
  for (const auto& w : workers) {
    const auto& part = w.scores();
    for (VertexId v = 0; v < n; ++v) result.scores[v] += part[v];
  }

  double scale = undirected ? 0.5 : 1.0;  // each undirected pair was seen from both ends
  if (result.sampled) scale *= static_cast<double>(candidates) / static_cast<double>(result.sources);
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
