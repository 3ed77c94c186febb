#pragma once
// Connected components of CSR graphs.

#include <cstdint>
#include <vector>

#include "graph/csr.hpp"

namespace litrev {

struct Components {
  std::vector<std::uint32_t> component;  // indexed by vertex
  std::uint32_t count = 0;
};

// Strongly connected components (Tarjan, iterative so deep citation chains cannot overflow the
// call stack). Components are numbered in reverse topological order: if an arc goes from
// component a to component b != a, then a > b (sinks get the smallest numbers).
Components strong_components(const Adjacency& out);

// Components of an undirected graph (or the weak components of a directed one given both its
// out- and in-adjacency), numbered in order of their smallest vertex.
Components weak_components(const Adjacency& out, const Adjacency& in);
Components connected_components(const Adjacency& undirected);

}  // namespace litrev
