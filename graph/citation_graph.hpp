#pragma once
// The directed citation graph of a library, built once from a CitationCorpus.
//
// Nodes: every library work, then every cited work outside the library (one node per
// normalized identity, however many references point at it). Arcs: citing -> cited, each pair
// once, no self-citation. Vertex ids are dense: works first in corpus order, then externals in
// corpus order, so results (vectors indexed by vertex) are reproducible.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/csr.hpp"
#include "src/core/citation_corpus.hpp"

namespace litrev {

struct CitationGraphOptions {
  bool include_externals = true;
  // Externals cited by fewer library works are left out. They cannot be co-cited, cannot couple
  // two works and are never "missing works", but at WoS scale they are most of the references.
  std::uint32_t min_external_citations = 1;
};

enum class NodeKind : std::uint8_t { work, external };

// What a vertex stands for: corpus.works[index] or corpus.externals[index].
struct NodeRef {
  NodeKind kind = NodeKind::work;
  std::uint32_t index = 0;
};

struct CitationGraphStats {
  std::size_t citations_read = 0;
  std::size_t duplicate_citations = 0;  // the same citing -> cited pair seen again
  std::size_t self_citations = 0;       // a work citing itself (dropped)
  std::size_t invalid_citations = 0;    // index out of range, or neither/both targets set
  std::size_t filtered_citations = 0;   // to an external left out by the options
  std::size_t merged_externals = 0;     // externals sharing an identity with an earlier one
};

class CitationGraph {
 public:
  static CitationGraph build(const CitationCorpus& corpus, const CitationGraphOptions& options = {});

  const Digraph& digraph() const { return graph_; }
  Adjacency out() const { return out_adjacency(graph_); }  // v -> works v cites
  Adjacency in() const { return in_adjacency(graph_); }    // v <- works citing v

  VertexId num_vertices() const { return static_cast<VertexId>(nodes_.size()); }
  std::size_t num_arcs() const { return out().num_arcs(); }
  // Vertices [0, num_works()) are library works, the others externals.
  VertexId num_works() const { return num_works_; }
  bool is_work(VertexId v) const { return v < num_works_; }
  NodeRef node(VertexId v) const { return nodes_[v]; }

  // kNoVertex when that work or external is not in the graph.
  VertexId vertex_of_work(std::uint32_t work_index) const;
  VertexId vertex_of_external(std::uint32_t external_index) const;
  VertexId vertex_of_identity(std::string_view identity) const;

  // Number of library works citing v (its local citation score). Only library works cite, so
  // this is v's in-degree.
  std::uint32_t local_citations(VertexId v) const { return in().degree(v); }

  const CitationGraphStats& stats() const { return stats_; }

 private:
  Digraph graph_;
  std::vector<NodeRef> nodes_;
  VertexId num_works_ = 0;
  std::vector<VertexId> work_vertex_;
  std::vector<VertexId> external_vertex_;
  std::unordered_map<std::string, VertexId> identity_vertex_;  // filled while loading
  CitationGraphStats stats_;
};

}  // namespace litrev
