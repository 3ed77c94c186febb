#include "graph/leiden.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>
#include <stdexcept>

#include "graph/partition.hpp"
#include "graph/random.hpp"
#include "src/core/cancellation.hpp"

namespace litrev {

namespace {

constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);

// One level of the hierarchy: the input graph (viewed, not copied) or an aggregate (owned).
// No self-loops: the weight inside an aggregate vertex never changes the gain of a move.
struct Level {
  Adjacency adj;
  std::vector<double> node_weight;  // a_v
  std::vector<ArcIndex> offsets;
  std::vector<VertexId> targets;
  std::vector<Weight> weights;

  VertexId size() const { return adj.num_vertices(); }
  void view_owned() { adj = Adjacency{offsets, targets, weights}; }
};

class Engine {
 public:
  // relabel: renumber the input's vertices by cluster after the first local moving (large
  // graphs; see relabel_by_cluster).
  // input: a view of the caller's graph, or a level owning its arrays (then the engine frees
  // them as soon as it has relabelled the graph, and release_base() hands the graph back).
  Engine(Level input, double r, double randomness, std::uint64_t seed, bool relabel)
      : Engine(input.size(), r, randomness, seed) {
    input_ = std::move(input);
    if (!input_.offsets.empty()) input_.view_owned();
    relabel_ = relabel;
  }

 private:
  Engine(VertexId n, double r, double randomness, std::uint64_t seed)
      : r_(r),
        randomness_(randomness),
        rng_(seed),
        cluster_weight_(n, 0.0),
        link_(n, 0.0),
        inner_(n, 0.0),
        cluster_size_(n, 0),
        queue_(n),
        ids_(n, kNone),
        flag_(n, 0) {}

 public:
  // One Leiden pass from `membership` (ids < n, in the labels of base()). Returns the
  // improvement of sum_c (2 w_c - r A_c^2) (what the moves maximise); 0 when no vertex moved.
  double pass(std::vector<std::uint32_t>& membership) {
    const VertexId n = base().size();
    std::vector<std::uint32_t> m = std::move(membership);
    std::vector<std::uint32_t> vertex_of;  // base vertex -> vertex of the current level
    Level aggregate_level;
    const Level* cur = &base();
    improvement_ = 0.0;
    for (;;) {
      throw_if_cancelled();
      move_nodes(*cur, m);
      if (cur == &input_ && relabel_) {
        relabel_by_cluster(m);
        cur = &relabelled_;
      }
      const std::uint32_t k = renumber(m);
      if (k == cur->size()) break;
      std::vector<std::uint32_t> refined;
      std::uint32_t r = refine(*cur, m, k, refined);
      if (r == cur->size()) {  // refinement merged nothing: aggregate by the clusters themselves
        refined = m;
        r = k;
      }
      std::vector<std::uint32_t> next_m;
      Level next = aggregate(*cur, refined, r, m, next_m);
      if (vertex_of.empty()) {
        vertex_of = std::move(refined);
      } else {
        for (auto& x : vertex_of) x = refined[x];
      }
      aggregate_level = std::move(next);
      aggregate_level.view_owned();
      cur = &aggregate_level;
      m = std::move(next_m);
    }
    if (vertex_of.empty()) {
      membership = std::move(m);
    } else {
      membership.resize(n);
      for (VertexId x = 0; x < n; ++x) membership[x] = m[vertex_of[x]];
    }
    return 2.0 * improvement_;
  }

  // The level the passes run on: the input, or the input relabelled cluster by cluster.
  const Level& base() const { return old_of_new_.empty() ? input_ : relabelled_; }
  // base() vertex -> input vertex; empty when not relabelled.
  const std::vector<VertexId>& old_of_new() const { return old_of_new_; }
  // Moves base() out (for an engine given an owning level); the engine is done afterwards.
  Level release_base() { return std::move(old_of_new_.empty() ? input_ : relabelled_); }

 private:
  // Fast local moving: every vertex is queued once in random order; a vertex that moves queues
  // its neighbours outside its new cluster again. Clusters are ids < n; one empty cluster is
  // always a candidate.
  void move_nodes(const Level& g, std::vector<std::uint32_t>& m) {
    const VertexId n = g.size();
    const Adjacency& adj = g.adj;
    std::fill_n(cluster_weight_.begin(), n, 0.0);
    std::fill_n(cluster_size_.begin(), n, 0);
    for (VertexId v = 0; v < n; ++v) {
      cluster_weight_[m[v]] += g.node_weight[v];
      ++cluster_size_[m[v]];
    }
    empty_.clear();
    for (VertexId c = n; c-- > 0;) {
      if (cluster_size_[c] == 0) empty_.push_back(c);
    }
    random_order(n);
    std::fill_n(flag_.begin(), n, 1);  // flag_ = "in the queue"
    std::size_t head = 0;
    std::size_t count = n;
    while (count > 0) {
      cancel_.tick();
      const VertexId v = queue_[head];
      head = head + 1 == n ? 0 : head + 1;
      --count;
      flag_[v] = 0;
      const std::uint32_t current = m[v];
      const double av = g.node_weight[v];

      // Weights are > 0, so link_[c] > 0 also marks c as listed: one random access per arc
      // less than a separate "seen" array.
      neighbours_.clear();
      for (ArcIndex a = adj.begin(v); a < adj.end(v); ++a) {
        const std::uint32_t c = m[adj.targets[a]];
        if (link_[c] == 0.0) neighbours_.push_back(c);
        link_[c] += adj.weights[a];
      }
      cluster_weight_[current] -= av;
      if (--cluster_size_[current] == 0) empty_.push_back(current);

      const double stay = link_[current] - r_ * av * cluster_weight_[current];
      std::uint32_t best = current;
      double best_gain = stay;
      for (std::uint32_t c : neighbours_) {
        const double gain = link_[c] - r_ * av * cluster_weight_[c];
        if (gain > best_gain) {
          best = c;
          best_gain = gain;
        }
      }
      if (0.0 > best_gain) {  // alone in an empty cluster is better
        best = empty_.back();
        best_gain = 0.0;
      }
      // A move must win by more than rounding noise, or two clusters could trade a vertex
      // back and forth forever.
      if (best != current && best_gain - stay <= 1e-13 * (std::abs(best_gain) + std::abs(stay))) best = current;

      cluster_weight_[best] += av;
      if (cluster_size_[best]++ == 0) empty_.pop_back();  // best was the top empty cluster
      for (std::uint32_t c : neighbours_) link_[c] = 0.0;
      if (best != current) {
        m[v] = best;
        improvement_ += best_gain - stay;
        for (VertexId u : adj.neighbors(v)) {
          if (!flag_[u] && m[u] != best) {
            flag_[u] = 1;
            std::size_t tail = head + count;
            if (tail >= n) tail -= n;
            queue_[tail] = u;
            ++count;
          }
        }
      }
    }
  }

  // Cluster ids 0..k-1 in order of first appearance; returns k.
  std::uint32_t renumber(std::vector<std::uint32_t>& m) {
    std::uint32_t k = 0;
    for (auto& c : m) {
      if (ids_[c] == kNone) ids_[c] = k++;
      c = ids_[c];
    }
    std::fill(ids_.begin(), ids_.end(), kNone);
    return k;
  }

  // Refinement: inside each cluster of m, starting from singletons, a singleton vertex that is
  // well connected to its cluster joins a well-connected sub-cluster (or stays alone) chosen
  // at random with probability ~ exp(gain / randomness) among non-negative gains.
  std::uint32_t refine(const Level& g, const std::vector<std::uint32_t>& m, std::uint32_t k,
                       std::vector<std::uint32_t>& refined) {
    const VertexId n = g.size();
    const Adjacency& adj = g.adj;
    // Vertices grouped by cluster, in random order inside each.
    random_order(n);
    std::vector<VertexId> start(static_cast<std::size_t>(k) + 1, 0);
    for (VertexId v = 0; v < n; ++v) ++start[m[v] + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<VertexId> order(n);
    {
      std::vector<VertexId> fill(start.begin(), start.end() - 1);
      for (VertexId i = 0; i < n; ++i) order[fill[m[queue_[i]]]++] = queue_[i];
    }
    std::vector<double> total(k, 0.0);
    refined.resize(n);
    for (VertexId v = 0; v < n; ++v) {
      refined[v] = v;
      cluster_weight_[v] = g.node_weight[v];  // weight of each refined sub-cluster
      total[m[v]] += g.node_weight[v];
      double inside = 0.0;  // weight from v to the rest of its cluster
      for (ArcIndex a = adj.begin(v); a < adj.end(v); ++a) {
        if (m[adj.targets[a]] == m[v]) inside += adj.weights[a];
      }
      inner_[v] = inside;  // for a sub-cluster: weight to the rest of its cluster
      flag_[v] = 0;        // flag_ = "sub-cluster has grown beyond one vertex"
    }

    std::vector<std::pair<std::uint32_t, double>> candidates;
    for (std::uint32_t c = 0; c < k; ++c) {
      const double tot = total[c];
      for (VertexId i = start[c]; i < start[c + 1]; ++i) {
        const VertexId v = order[i];
        cancel_.tick();
        if (refined[v] != v || flag_[v]) continue;  // no longer a singleton
        const double av = g.node_weight[v];
        if (inner_[v] < r_ * av * (tot - av)) continue;  // not well connected to its cluster

        // v's neighbours inside its cluster, as (sub-cluster, weight): read once, used twice.
        neighbours_.clear();
        inside_.clear();
        for (ArcIndex a = adj.begin(v); a < adj.end(v); ++a) {
          const VertexId u = adj.targets[a];
          if (m[u] != c) continue;
          const std::uint32_t s = refined[u];
          if (link_[s] == 0.0) neighbours_.push_back(s);
          link_[s] += adj.weights[a];
          inside_.emplace_back(s, adj.weights[a]);
        }
        cluster_weight_[v] = 0.0;  // v leaves its singleton

        candidates.clear();
        double max_gain = 0.0;  // staying alone gains 0
        for (std::uint32_t s : neighbours_) {
          const double ws = cluster_weight_[s];
          if (inner_[s] < r_ * ws * (tot - ws)) continue;  // sub-cluster not well connected
          const double gain = link_[s] - r_ * av * ws;
          if (gain < 0.0) continue;
          candidates.emplace_back(s, gain);
          max_gain = std::max(max_gain, gain);
        }
        std::uint32_t chosen = v;
        if (!candidates.empty()) {
          double sum = std::exp(-max_gain / randomness_);
          for (auto& [s, gain] : candidates) {
            gain = std::exp((gain - max_gain) / randomness_);
            sum += gain;
          }
          double x = rng_.unit() * sum - std::exp(-max_gain / randomness_);
          for (const auto& [s, p] : candidates) {
            if (x < 0.0) break;
            chosen = s;
            x -= p;
          }
        }
        for (std::uint32_t s : neighbours_) link_[s] = 0.0;
        cluster_weight_[chosen] += av;
        if (chosen == v) continue;
        refined[v] = chosen;
        flag_[chosen] = 1;
        // The merged sub-cluster's weight to the rest of the cluster: v's links to others
        // join it, the links between v and the sub-cluster become internal.
        for (const auto& [s, w] : inside_) inner_[chosen] += s == chosen ? -w : w;
      }
    }
    return renumber(refined);
  }

  // The graph of the refined sub-clusters; next_m gives each its (unrefined) cluster.
  Level aggregate(const Level& g, const std::vector<std::uint32_t>& refined, std::uint32_t r,
                  const std::vector<std::uint32_t>& m, std::vector<std::uint32_t>& next_m) {
    const VertexId n = g.size();
    const Adjacency& adj = g.adj;
    std::vector<VertexId> start(static_cast<std::size_t>(r) + 1, 0);
    for (VertexId v = 0; v < n; ++v) ++start[refined[v] + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<VertexId> members(n);
    {
      std::vector<VertexId> fill(start.begin(), start.end() - 1);
      for (VertexId v = 0; v < n; ++v) members[fill[refined[v]]++] = v;
    }
    Level out;
    out.node_weight.assign(r, 0.0);
    out.offsets.assign(static_cast<std::size_t>(r) + 1, 0);
    out.targets.reserve(adj.num_arcs());
    out.weights.reserve(adj.num_arcs());
    next_m.resize(r);
    for (std::uint32_t s = 0; s < r; ++s) {
      neighbours_.clear();
      for (VertexId i = start[s]; i < start[s + 1]; ++i) {
        const VertexId v = members[i];
        out.node_weight[s] += g.node_weight[v];
        for (ArcIndex a = adj.begin(v); a < adj.end(v); ++a) {
          const std::uint32_t t = refined[adj.targets[a]];
          if (t == s) continue;
          if (link_[t] == 0.0) neighbours_.push_back(t);
          link_[t] += adj.weights[a];
        }
      }
      for (std::uint32_t t : neighbours_) {
        out.targets.push_back(t);
        out.weights.push_back(static_cast<Weight>(link_[t]));
        link_[t] = 0.0;
      }
      out.offsets[s + 1] = static_cast<ArcIndex>(out.targets.size());
      next_m[s] = m[members[start[s]]];
    }
    // No shrink_to_fit: the unused tail of the reservation was never touched, so it costs
    // address space only, while a shrink would copy.
    return out;
  }

  // queue_[0..n) = a random permutation of 0..n-1. Once the vertices are relabelled by
  // cluster, blocks of consecutive vertices are visited in random order and the vertices of a
  // block in random order: still random at every scale that matters to the algorithm, but
  // each block's arrays and rows are read together rather than one cache miss per vertex.
  void random_order(VertexId n) {
    std::iota(queue_.begin(), queue_.begin() + n, VertexId{0});
    if (old_of_new_.empty()) {
      rng_.shuffle(std::span<VertexId>(queue_.data(), n));
      return;
    }
    constexpr VertexId kBlock = 256;
    const VertexId blocks = (n + kBlock - 1) / kBlock;
    std::vector<VertexId> block_order(blocks);
    std::iota(block_order.begin(), block_order.end(), VertexId{0});
    rng_.shuffle(std::span<VertexId>(block_order));
    VertexId i = 0;
    for (VertexId b : block_order) {
      const VertexId first = b * kBlock;
      const VertexId last = std::min(n, first + kBlock);
      const VertexId begin = i;
      for (VertexId v = first; v < last; ++v) queue_[i++] = v;
      rng_.shuffle(std::span<VertexId>(queue_.data() + begin, last - first));
    }
  }

  // Renumbers the input's vertices cluster by cluster (m: the clusters after the first local
  // moving, rewritten in the new labels). Neighbours mostly share a cluster, so afterwards the
  // per-vertex arrays are read within a cluster's range instead of all over memory: several
  // times faster on graphs larger than the caches, for the cost of one copy of the graph.
  void relabel_by_cluster(std::vector<std::uint32_t>& m) {
    const Level& g = input_;
    const VertexId n = g.size();
    std::vector<VertexId> start(static_cast<std::size_t>(n) + 1, 0);
    for (VertexId v = 0; v < n; ++v) ++start[m[v] + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    old_of_new_.resize(n);
    std::vector<VertexId> new_of_old(n);
    for (VertexId v = 0; v < n; ++v) {
      const VertexId i = start[m[v]]++;
      old_of_new_[i] = v;
      new_of_old[v] = i;
    }
    Level& out = relabelled_;
    out.node_weight.resize(n);
    out.offsets.resize(static_cast<std::size_t>(n) + 1);
    out.targets.resize(g.adj.num_arcs());
    out.weights.resize(g.adj.num_arcs());
    ArcIndex k = 0;
    for (VertexId i = 0; i < n; ++i) {
      const VertexId v = old_of_new_[i];
      out.node_weight[i] = g.node_weight[v];
      out.offsets[i] = k;
      for (ArcIndex a = g.adj.begin(v); a < g.adj.end(v); ++a, ++k) {
        out.targets[k] = new_of_old[g.adj.targets[a]];
        out.weights[k] = g.adj.weights[a];
      }
    }
    out.offsets[n] = k;
    out.view_owned();
    std::vector<std::uint32_t> moved(n);
    for (VertexId i = 0; i < n; ++i) moved[i] = m[old_of_new_[i]];
    m = std::move(moved);
    relabel_ = false;
    if (!input_.offsets.empty()) input_ = Level{};  // an owned input is not needed any more
  }

  Level input_;  // the caller's graph (a view), or the graph handed over
  Level relabelled_;
  std::vector<VertexId> old_of_new_;
  bool relabel_ = false;
  double improvement_ = 0.0;  // sum of the gains of this pass's moves
  double r_;
  double randomness_;
  Rng rng_;
  // Scratch arrays sized for the input graph, reused by every level.
  std::vector<double> cluster_weight_;
  std::vector<double> link_;   // weight from the current vertex to each cluster; kept at 0
  std::vector<double> inner_;
  std::vector<std::uint32_t> cluster_size_;
  std::vector<VertexId> queue_;
  std::vector<std::uint32_t> ids_;  // kept at kNone
  std::vector<char> flag_;
  CancelCheck cancel_;  // Ctrl-C: one look every few thousand vertex visits
  std::vector<std::pair<std::uint32_t, Weight>> inside_;
  std::vector<std::uint32_t> neighbours_;
  std::vector<std::uint32_t> empty_;
};

double quality_of(const WeightedGraph& graph, const std::vector<std::uint32_t>& membership,
                  const LeidenOptions& options) {
  return options.quality == QualityFunction::modularity
             ? modularity(graph, membership, options.resolution)
             : cpm_quality(graph, membership, options.resolution, options.node_sizes);
}

// Relabelling costs a copy of the graph; below this many vertices the arrays fit in the
// caches anyway.
constexpr VertexId kRelabelFrom = 50'000;

}  // namespace

namespace {

void validate(const WeightedGraph& graph, const LeidenOptions& options) {
  if (graph.directed()) throw std::invalid_argument("Leiden needs an undirected graph (symmetrize it first)");
  if (!(options.resolution >= 0.0)) throw std::invalid_argument("Leiden resolution must be >= 0");
  if (!(options.randomness > 0.0)) throw std::invalid_argument("Leiden randomness must be > 0");
  const VertexId n = graph.num_vertices();
  if (!options.node_sizes.empty() && options.node_sizes.size() != n) {
    throw std::invalid_argument("Leiden node_sizes must have one entry per vertex");
  }
  if (!options.initial_membership.empty() && options.initial_membership.size() != n) {
    throw std::invalid_argument("Leiden initial_membership must have one entry per vertex");
  }
  for (std::uint32_t c : options.initial_membership) {
    if (c >= n) throw std::invalid_argument("Leiden initial cluster id out of range");
  }
  for (Weight w : graph.adjacency().weights) {
    if (!(w > 0.0)) throw std::invalid_argument("Leiden needs positive edge weights");
  }
}

// The node weights a_v of the input and the factor r of the gains (see leiden.hpp).
std::vector<double> node_weights(const WeightedGraph& graph, const LeidenOptions& options, double& r) {
  const VertexId n = graph.num_vertices();
  std::vector<double> a(n);
  r = options.resolution;
  if (options.quality == QualityFunction::modularity) {
    const Adjacency adj = graph.adjacency();
    for (VertexId v = 0; v < n; ++v) a[v] = adj.strength(v);
    const double m = graph.total_weight();
    r = m > 0.0 ? options.resolution / (2.0 * m) : 0.0;
  } else {
    for (VertexId v = 0; v < n; ++v) a[v] = options.node_sizes.empty() ? 1.0 : options.node_sizes[v];
  }
  return a;
}

std::vector<std::uint32_t> starting_membership(VertexId n, const LeidenOptions& options) {
  if (!options.initial_membership.empty()) return options.initial_membership;
  std::vector<std::uint32_t> membership(n);
  std::iota(membership.begin(), membership.end(), std::uint32_t{0});
  return membership;
}

// Passes until one no longer improves (leidenalg's n_iterations = -1). The objective is in
// units of edge weight; a real improvement is far above rounding noise. membership is in the
// labels of engine.base() on return.
int optimise(Engine& engine, std::vector<std::uint32_t>& membership, const LeidenOptions& options,
             double total_weight) {
  const double noise = 1e-12 * 2.0 * total_weight;
  const int cap = options.max_iterations < 0 ? 1000 : options.max_iterations;
  int iterations = 0;
  while (iterations < cap) {
    const double improvement = engine.pass(membership);
    ++iterations;
    if (improvement <= noise) break;
  }
  return iterations;
}

LeidenResult finish(const WeightedGraph& graph, std::vector<std::uint32_t> membership, const LeidenOptions& options,
                    int iterations) {
  LeidenResult result;
  result.iterations = iterations;
  result.clusters = renumber_by_size(membership);
  result.modularity = modularity(graph, membership, 1.0);
  const bool same = options.quality == QualityFunction::modularity && options.resolution == 1.0;
  result.quality = same ? result.modularity : quality_of(graph, membership, options);
  result.membership = std::move(membership);
  return result;
}

}  // namespace

LeidenResult leiden(const WeightedGraph& graph, const LeidenOptions& options) {
  validate(graph, options);
  const VertexId n = graph.num_vertices();
  if (n == 0) return {};
  std::vector<std::uint32_t> membership = starting_membership(n, options);
  int iterations = 0;
  if (graph.num_arcs() > 0) {
    Level base;
    base.adj = graph.adjacency();
    double r = 0.0;
    base.node_weight = node_weights(graph, options, r);
    Engine engine(std::move(base), r, options.randomness, options.seed, n >= kRelabelFrom);
    iterations = optimise(engine, membership, options, graph.total_weight());
    if (!engine.old_of_new().empty()) {
      std::vector<std::uint32_t> back(n);
      for (VertexId i = 0; i < n; ++i) back[engine.old_of_new()[i]] = membership[i];
      membership = std::move(back);
    }
  }
  return finish(graph, std::move(membership), options, iterations);
}

LeidenResult leiden_reordering(WeightedGraph& graph, const LeidenOptions& options, std::vector<VertexId>& old_of_new) {
  validate(graph, options);
  old_of_new.clear();
  const VertexId n = graph.num_vertices();
  if (n == 0) return {};
  std::vector<std::uint32_t> membership = starting_membership(n, options);
  int iterations = 0;
  if (graph.num_arcs() > 0 && n >= kRelabelFrom) {
    const double total = graph.total_weight();
    Level base;
    double r = 0.0;
    base.node_weight = node_weights(graph, options, r);
    WeightedGraph::Rows rows = std::move(graph).release();
    base.offsets = std::move(rows.offsets);
    base.targets = std::move(rows.targets);
    base.weights = std::move(rows.weights);
    base.view_owned();
    Engine engine(std::move(base), r, options.randomness, options.seed, true);
    iterations = optimise(engine, membership, options, total);
    old_of_new = engine.old_of_new();
    Level out = engine.release_base();
    graph = WeightedGraph::from_rows(false, std::move(out.offsets), std::move(out.targets), std::move(out.weights));
    LeidenOptions renumbered = options;  // node sizes follow the vertices
    renumbered.initial_membership.clear();
    for (VertexId i = 0; i < n && !options.node_sizes.empty(); ++i) {
      renumbered.node_sizes[i] = options.node_sizes[old_of_new[i]];
    }
    return finish(graph, std::move(membership), renumbered, iterations);
  }
  return leiden(graph, options);
}

}  // namespace litrev
