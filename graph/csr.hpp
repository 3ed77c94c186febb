#pragma once
// Compressed-sparse-row graphs: the one memory layout every algorithm in graph/ runs on.
//
// * The citation graph (directed, unweighted, built once) is a Boost
//   `compressed_sparse_row_graph<bidirectionalS>` so Boost.Graph algorithms apply to it as is.
// * Weighted graphs (similarity networks, the symmetrized citation graph, author networks and the
//   aggregated graphs inside Leiden) use WeightedGraph below. Boost's CSR graph is directed-only
//   and keeps edge properties in a separate bundle, so an undirected weighted graph would need
//   two arcs plus a property map per edge anyway; Leiden also builds a new graph at every level,
//   and its inner loops want plain contiguous arrays. WeightedGraph is exactly that: offsets,
//   targets, weights.
//
// Algorithms take an Adjacency (three spans), so they run the same on both.

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace litrev {

using VertexId = std::uint32_t;
// 32-bit arc indexes: 4 billion arcs is far beyond what fits in memory next to everything
// else, and halving the index size halves the offsets' cache footprint.
using ArcIndex = std::uint32_t;
inline constexpr VertexId kNoVertex = static_cast<VertexId>(-1);
// Stored arc weights are single precision: networks are counts (exact up to 2^24) or
// normalized similarities that clustering does not need to 16 digits, and at 1M works the
// co-citation network has 50 million arcs, where 4 bytes per arc saved is 200 MB. Sums and
// gains are computed in double.
using Weight = float;

// citing -> cited, no parallel arcs, no self-loops (see CitationGraph).
using Digraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property,
                                                   boost::no_property, boost::no_property,
                                                   VertexId, ArcIndex>;

// A read-only view of one direction of a CSR graph. weights empty = every arc weighs 1.
struct Adjacency {
  std::span<const ArcIndex> offsets;  // size n + 1
  std::span<const VertexId> targets;
  std::span<const Weight> weights;

  VertexId num_vertices() const { return offsets.empty() ? 0 : static_cast<VertexId>(offsets.size() - 1); }
  std::size_t num_arcs() const { return targets.size(); }
  ArcIndex begin(VertexId v) const { return offsets[v]; }
  ArcIndex end(VertexId v) const { return offsets[v + 1]; }
  std::uint32_t degree(VertexId v) const { return offsets[v + 1] - offsets[v]; }
  std::span<const VertexId> neighbors(VertexId v) const {
    return targets.subspan(offsets[v], offsets[v + 1] - offsets[v]);
  }
  double weight(ArcIndex a) const { return weights.empty() ? 1.0 : weights[a]; }
  // Sum of the weights of v's arcs.
  double strength(VertexId v) const;
};

// A Digraph from arcs sorted by (source, target) without repeats or self-loops (CitationGraph
// guarantees that; symmetrize() relies on rows sorted by target).
Digraph make_digraph(VertexId n, const std::vector<std::pair<VertexId, VertexId>>& sorted_arcs);

// Out-arcs (citing -> cited) and in-arcs (cited <- citing) of a Digraph. These read the CSR
// arrays that Boost keeps public (m_forward / m_backward), so the hot loops see plain arrays.
Adjacency out_adjacency(const Digraph& g);
Adjacency in_adjacency(const Digraph& g);

struct WeightedEdge {
  VertexId source = 0;
  VertexId target = 0;
  double weight = 1.0;
};

// An immutable weighted CSR graph. Undirected graphs store each edge {u,v} as the two arcs u->v
// and v->u; neighbours are sorted by vertex id within each row.
class WeightedGraph {
 public:
  WeightedGraph() = default;

  // Parallel edges are merged (weights summed in double, then stored as Weight; for an
  // undirected graph u-v and v-u are the same edge); self-loops and edges of weight 0 are
  // dropped. Throws std::out_of_range when an
  // endpoint is >= n.
  static WeightedGraph from_edges(VertexId n, std::vector<WeightedEdge> edges, bool directed);

  // Takes ready rows: offsets (n + 1), targets and weights. For an undirected graph every arc
  // must have its reverse with the same weight (not checked beyond sizes, for speed).
  static WeightedGraph from_rows(bool directed, std::vector<ArcIndex> offsets,
                                 std::vector<VertexId> targets, std::vector<Weight> weights);

  bool directed() const { return directed_; }
  VertexId num_vertices() const { return offsets_.empty() ? 0 : static_cast<VertexId>(offsets_.size() - 1); }
  std::size_t num_arcs() const { return targets_.size(); }
  // Undirected: number of edges {u,v}; directed: number of arcs.
  std::size_t num_edges() const { return directed_ ? targets_.size() : targets_.size() / 2; }
  // Sum of edge weights, each undirected edge counted once (the "m" of modularity).
  double total_weight() const;

  Adjacency adjacency() const { return {offsets_, targets_, weights_}; }
  // Directed graphs: the reversed arcs (in-adjacency). Undirected graphs: a copy.
  WeightedGraph transpose() const;

  // Moves the arrays out (the graph is left empty): for algorithms that rebuild a graph in
  // another order without holding two copies.
  struct Rows {
    bool directed = false;
    std::vector<ArcIndex> offsets;
    std::vector<VertexId> targets;
    std::vector<Weight> weights;
  };
  Rows release() &&;

 private:
  bool directed_ = false;
  std::vector<ArcIndex> offsets_{0};
  std::vector<VertexId> targets_;
  std::vector<Weight> weights_;
};

// The undirected version of a directed graph as the oracle (igraph) builds it: u->v and v->u
// become one edge whose weight is the sum of both directions (1 per unweighted arc).
WeightedGraph symmetrize(const Digraph& g);
WeightedGraph symmetrize(const WeightedGraph& g);

}  // namespace litrev
