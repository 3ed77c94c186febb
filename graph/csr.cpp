#include "graph/csr.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace litrev {

double Adjacency::strength(VertexId v) const {
  if (weights.empty()) return static_cast<double>(degree(v));
  double s = 0.0;
  for (ArcIndex a = begin(v); a < end(v); ++a) s += weights[a];
  return s;
}

Digraph make_digraph(VertexId n, const std::vector<std::pair<VertexId, VertexId>>& sorted_arcs) {
  if (sorted_arcs.size() > std::numeric_limits<ArcIndex>::max()) {
    throw std::length_error("graph too large: more than 2^32 arcs");
  }
  // Boost's bidirectional CSR only has the unsorted constructor; it is a stable counting sort
  // by source, so sorted input keeps every row sorted and in-rows come out sorted by source.
  return Digraph(boost::edges_are_unsorted_multi_pass, sorted_arcs.begin(), sorted_arcs.end(), n);
}

Adjacency out_adjacency(const Digraph& g) {
  return {g.m_forward.m_rowstart, g.m_forward.m_column, {}};
}

Adjacency in_adjacency(const Digraph& g) {
  return {g.m_backward.m_rowstart, g.m_backward.m_column, {}};
}

namespace {

void check_arc_count(std::size_t arcs) {
  if (arcs > std::numeric_limits<ArcIndex>::max()) {
    throw std::length_error("graph too large: more than 2^32 arcs");
  }
}

// Sorts each row by target and merges repeated targets (weights summed), in place.
void sort_and_merge_rows(std::vector<ArcIndex>& offsets, std::vector<VertexId>& targets,
                         std::vector<Weight>& weights) {
  const auto n = offsets.size() - 1;
  std::vector<std::pair<VertexId, double>> row;
  ArcIndex out = 0;
  for (std::size_t v = 0; v < n; ++v) {
    const ArcIndex b = offsets[v];
    const ArcIndex e = offsets[v + 1];
    offsets[v] = out;
    row.clear();
    for (ArcIndex a = b; a < e; ++a) row.emplace_back(targets[a], weights[a]);
    std::sort(row.begin(), row.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    for (std::size_t i = 0; i < row.size();) {
      const VertexId t = row[i].first;
      double w = 0.0;
      for (; i < row.size() && row[i].first == t; ++i) w += row[i].second;
      if (w == 0.0) continue;
      targets[out] = t;
      weights[out] = static_cast<Weight>(w);
      ++out;
    }
  }
  offsets[n] = out;
  targets.resize(out);
  weights.resize(out);
  targets.shrink_to_fit();
  weights.shrink_to_fit();
}

}  // namespace

WeightedGraph WeightedGraph::from_edges(VertexId n, std::vector<WeightedEdge> edges, bool directed) {
  std::vector<ArcIndex> offsets(static_cast<std::size_t>(n) + 1, 0);
  std::size_t arcs = 0;
  for (const auto& e : edges) {
    if (e.source >= n || e.target >= n) throw std::out_of_range("edge endpoint out of range");
    if (e.source == e.target) continue;
    ++offsets[e.source + 1];
    ++arcs;
    if (!directed) {
      ++offsets[e.target + 1];
      ++arcs;
    }
  }
  check_arc_count(arcs);
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
  std::vector<VertexId> targets(arcs);
  std::vector<Weight> weights(arcs);
  std::vector<ArcIndex> fill(offsets.begin(), offsets.end() - 1);
  for (const auto& e : edges) {
    if (e.source == e.target) continue;
    targets[fill[e.source]] = e.target;
    weights[fill[e.source]++] = static_cast<Weight>(e.weight);
    if (!directed) {
      targets[fill[e.target]] = e.source;
      weights[fill[e.target]++] = static_cast<Weight>(e.weight);
    }
  }
  edges = {};
  fill = {};
  sort_and_merge_rows(offsets, targets, weights);
  return from_rows(directed, std::move(offsets), std::move(targets), std::move(weights));
}

WeightedGraph WeightedGraph::from_rows(bool directed, std::vector<ArcIndex> offsets,
                                       std::vector<VertexId> targets, std::vector<Weight> weights) {
  if (offsets.empty() || offsets.back() != targets.size() || targets.size() != weights.size()) {
    throw std::invalid_argument("WeightedGraph::from_rows: inconsistent sizes");
  }
  WeightedGraph g;
  g.directed_ = directed;
  g.offsets_ = std::move(offsets);
  g.targets_ = std::move(targets);
  g.weights_ = std::move(weights);
  return g;
}

WeightedGraph::Rows WeightedGraph::release() && {
  Rows rows{directed_, std::move(offsets_), std::move(targets_), std::move(weights_)};
  *this = WeightedGraph{};
  return rows;
}

double WeightedGraph::total_weight() const {
  double s = 0.0;
  for (Weight w : weights_) s += w;
  return directed_ ? s : s / 2.0;
}

WeightedGraph WeightedGraph::transpose() const {
  if (!directed_) return *this;
  const VertexId n = num_vertices();
  std::vector<ArcIndex> offsets(static_cast<std::size_t>(n) + 1, 0);
  for (VertexId t : targets_) ++offsets[t + 1];
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
  std::vector<VertexId> targets(targets_.size());
  std::vector<Weight> weights(targets_.size());
  std::vector<ArcIndex> fill(offsets.begin(), offsets.end() - 1);
  // Rows are visited in source order, so each transposed row comes out sorted.
  for (VertexId v = 0; v < n; ++v) {
    for (ArcIndex a = offsets_[v]; a < offsets_[v + 1]; ++a) {
      const ArcIndex slot = fill[targets_[a]]++;
      targets[slot] = v;
      weights[slot] = weights_[a];
    }
  }
  return from_rows(true, std::move(offsets), std::move(targets), std::move(weights));
}

namespace {

// Merges the sorted out-row and in-row of every vertex into one undirected row; a neighbour
// found in both gets the sum of both weights.
WeightedGraph merge_directions(const Adjacency& out, const Adjacency& in) {
  const VertexId n = out.num_vertices();
  std::vector<ArcIndex> offsets(static_cast<std::size_t>(n) + 1, 0);
  std::vector<VertexId> targets;
  std::vector<Weight> weights;
  const std::size_t upper = out.num_arcs() + in.num_arcs();
  check_arc_count(upper);
  targets.reserve(upper);
  weights.reserve(upper);
  for (VertexId v = 0; v < n; ++v) {
    ArcIndex i = out.begin(v);
    ArcIndex j = in.begin(v);
    const ArcIndex ie = out.end(v);
    const ArcIndex je = in.end(v);
    while (i < ie || j < je) {
      VertexId t;
      double w = 0.0;
      if (j == je || (i < ie && out.targets[i] < in.targets[j])) {
        t = out.targets[i];
        w = out.weight(i++);
      } else if (i == ie || in.targets[j] < out.targets[i]) {
        t = in.targets[j];
        w = in.weight(j++);
      } else {
        t = out.targets[i];
        w = out.weight(i++) + in.weight(j++);
      }
      if (t == v) continue;
      targets.push_back(t);
      weights.push_back(static_cast<Weight>(w));
    }
    offsets[v + 1] = static_cast<ArcIndex>(targets.size());
  }
  targets.shrink_to_fit();
  weights.shrink_to_fit();
  return WeightedGraph::from_rows(false, std::move(offsets), std::move(targets), std::move(weights));
}

}  // namespace

WeightedGraph symmetrize(const Digraph& g) { return merge_directions(out_adjacency(g), in_adjacency(g)); }

WeightedGraph symmetrize(const WeightedGraph& g) {
  if (!g.directed()) return g;
  const WeightedGraph t = g.transpose();
  return merge_directions(g.adjacency(), t.adjacency());
}

}  // namespace litrev
