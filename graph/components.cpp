#include "graph/components.hpp"

#include <algorithm>
#include <limits>

namespace litrev {

Components strong_components(const Adjacency& out) {
  constexpr std::uint32_t kUnvisited = std::numeric_limits<std::uint32_t>::max();
  const VertexId n = out.num_vertices();
  Components result;
  result.component.assign(n, kUnvisited);
  std::vector<std::uint32_t> index(n, kUnvisited);
  std::vector<std::uint32_t> low(n, 0);
  std::vector<VertexId> stack;  // Tarjan's vertex stack
  struct Frame {
    VertexId v;
    ArcIndex next;
  };
  std::vector<Frame> calls;
  std::uint32_t counter = 0;

  for (VertexId root = 0; root < n; ++root) {
    if (index[root] != kUnvisited) continue;
    index[root] = low[root] = counter++;
    stack.push_back(root);
    calls.push_back({root, out.begin(root)});
    while (!calls.empty()) {
      Frame& f = calls.back();
      const VertexId v = f.v;
      if (f.next < out.end(v)) {
        const VertexId w = out.targets[f.next++];
        if (index[w] == kUnvisited) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          calls.push_back({w, out.begin(w)});  // invalidates f
        } else if (result.component[w] == kUnvisited) {  // w is still on the stack
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      calls.pop_back();
      if (low[v] == index[v]) {
        VertexId w;
        do {
          w = stack.back();
          stack.pop_back();
          result.component[w] = result.count;
        } while (w != v);
        ++result.count;
      }
      if (!calls.empty()) {
        const VertexId u = calls.back().v;
        low[u] = std::min(low[u], low[v]);
      }
    }
  }
  return result;
}

namespace {

Components label_components(VertexId n, const Adjacency* a, const Adjacency* b) {
  constexpr std::uint32_t kUnset = std::numeric_limits<std::uint32_t>::max();
  Components result;
  result.component.assign(n, kUnset);
  std::vector<VertexId> queue;
  for (VertexId root = 0; root < n; ++root) {
    if (result.component[root] != kUnset) continue;
    const std::uint32_t c = result.count++;
    result.component[root] = c;
    queue.assign(1, root);
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const VertexId v = queue[head];
      for (const Adjacency* adj : {a, b}) {
        if (adj == nullptr) continue;
        for (VertexId w : adj->neighbors(v)) {
          if (result.component[w] == kUnset) {
            result.component[w] = c;
            queue.push_back(w);
          }
        }
      }
    }
  }
  return result;
}

}  // namespace

Components weak_components(const Adjacency& out, const Adjacency& in) {
  return label_components(out.num_vertices(), &out, &in);
}

Components connected_components(const Adjacency& undirected) {
  return label_components(undirected.num_vertices(), &undirected, nullptr);
}

}  // namespace litrev
