#pragma once
// Networks of authors (vertices = author groups, see people.hpp).
//
// * co-authorship (undirected): two authors are linked by each work they signed together;
//   full counting = 1 per work, fractional = 1/(n-1) per work with n authors (each author
//   receives weight 1 from each co-authored work; Perianes-Rodriguez et al. 2016).
// * author citation (directed, citing author -> cited author): each citation from a library
//   work to a library work gives each (citing author, cited author) pair 1/(n_citing x
//   n_cited) under fractional counting, 1 under full counting. Self-citations (the same
//   author on both sides) are left out: they say nothing about influence between people.
// Works with more than max_authors authors are left out (hyper-authorship would link
// thousands of people who never worked together).

#include <cstdint>
#include <vector>

#include "graph/citation_graph.hpp"
#include "graph/csr.hpp"
#include "graph/networks.hpp"

namespace litrev {

struct AuthorNetworkOptions {
  Counting counting = Counting::fractional;
  std::uint32_t max_authors = 100;
};

// authors: for each corpus work, its author groups (authors_by_work()).
WeightedGraph coauthorship_network(const std::vector<std::vector<std::uint32_t>>& authors, std::uint32_t num_groups,
                                   const AuthorNetworkOptions& options = {});

WeightedGraph author_citation_network(const CitationGraph& graph,
                                      const std::vector<std::vector<std::uint32_t>>& authors,
                                      std::uint32_t num_groups, const AuthorNetworkOptions& options = {});

}  // namespace litrev
