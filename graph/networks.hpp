#pragma once
// The bibliometric networks built from the citation graph:
//
// * co-citation: two cited works (library or external) are linked when a library work cites
//   both; weight = number of such citing works.
// * bibliographic coupling: two library works are linked when they cite a common reference;
//   weight = number of shared references.
// * direct citation: the citation arcs among the retained nodes (directed, weight 1).
//
// Counting (Perianes-Rodriguez, Waltman & van Eck 2016, J. Informetrics 10:1178): full = 1 per
// shared citing work / reference; fractional = a citing work with n retained references gives
// each pair 1/(n-1) (co-citation), a reference cited by n retained works gives each pair of
// them 1/(n-1) (coupling), so each list hands out weight 1 per node it contains.
//
// Normalization, applied to the counts:
// * association strength (VOSviewer; van Eck & Waltman 2009, JASIST 60:1635): s_ij =
//   2m c_ij / (k_i k_j), k_i the total link weight of i and m the total link weight of the
//   network: observed over expected co-occurrence (1 = as often as chance predicts).
// * Salton's cosine: s_ij = c_ij / sqrt(o_i o_j), o_i the occurrences of i (co-citation: works
//   citing it; coupling: its references), the cosine of the two binary citation vectors.
// Clustering defaults to raw counts with modularity: modularity already compares each link
// with k_i k_j / 2m, the same null model as association strength (clustering association-
// strength-normalized links with VOSviewer's method is a modularity variant; Waltman, van Eck
// & Noyons 2010, J. Informetrics 4:629), and the leidenalg oracle is defined on raw counts.
//
// Cost: pairs are accumulated row by row (a sparse product, Gustavson's method) into one dense
// accumulator, so memory is the output network only, and time is the number of (list, pair)
// visits, sum over lists of length^2. Lists longer than max_list_length (review articles with
// thousands of references; references cited by most of the library) are left out and counted:
// they would dominate the cost and carry little structure.

#include <cstdint>
#include <span>
#include <vector>

#include "graph/citation_graph.hpp"
#include "graph/csr.hpp"

namespace litrev {

enum class Counting { full, fractional };
enum class Normalization { none, association_strength, cosine };

struct NetworkOptions {
  Counting counting = Counting::full;
  Normalization normalization = Normalization::none;
  // Nodes cited by fewer library works are left out (co-citation: at least 1 anyway). For
  // coupling and direct citation it applies to the library works' local citations.
  std::uint32_t min_citations = 0;
  std::uint32_t top_n = 0;  // keep the N most cited nodes (ties: lower vertex); 0 = all
  std::uint32_t max_list_length = 1000;
  double min_weight = 0.0;  // links below this count (before normalization) are dropped
  bool include_externals = false;  // direct citation only: externals as nodes too
};

struct Network {
  WeightedGraph graph;
  // network vertex -> citation-graph vertex (co_occurrence_network: -> item)
  std::vector<VertexId> nodes;
  std::vector<double> occurrences;  // per network vertex (see cosine above)
  std::size_t skipped_lists = 0;    // lists longer than max_list_length, left out
};

// The citation-graph vertices each network can hold before its thresholds, ascending: vertices
// cited at least once (co-citation), library works with references (coupling), library works
// (direct citation; externals too when include_externals).
std::vector<VertexId> cocitation_candidates(const CitationGraph& graph);
std::vector<VertexId> coupling_candidates(const CitationGraph& graph);
std::vector<VertexId> citation_candidates(const CitationGraph& graph, bool include_externals);

Network cocitation_network(const CitationGraph& graph, const NetworkOptions& options = {});
Network coupling_network(const CitationGraph& graph, const NetworkOptions& options = {});
// Directed; counting, normalization, max_list_length and min_weight do not apply.
Network direct_citation_network(const CitationGraph& graph, const NetworkOptions& options = {});

// The co-occurrence network of any items over any lists, the engine of co-citation and coupling
// (and of author co-citation, author_cocitation.hpp). nodes: the items kept, ascending;
// containing: item -> the lists holding it (ascending); members: list -> its items. Two kept items
// are linked by the lists holding both; counting, normalization, max_list_length (on list
// lengths) and min_weight apply as above.
Network co_occurrence_network(std::vector<VertexId> nodes, const Adjacency& containing, const Adjacency& members,
                              const NetworkOptions& options);

// The normalized weights of an undirected count network (occurrences: one per vertex, used by
// the cosine).
WeightedGraph normalize(const WeightedGraph& counts, Normalization normalization,
                        std::span<const double> occurrences);

}  // namespace litrev
