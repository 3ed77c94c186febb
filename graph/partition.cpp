#include "graph/partition.hpp"

#include <algorithm>
#include <cmath>
#include <queue>
#include <stdexcept>
#include <unordered_map>

namespace litrev {

namespace {

void check_size(const WeightedGraph& graph, std::span<const std::uint32_t> membership) {
  if (membership.size() != graph.num_vertices()) {
    throw std::invalid_argument("membership size differs from the number of vertices");
  }
}

// Dense cluster ids (kUnclustered vertices become singletons), so per-cluster sums fit in
// vectors.
std::vector<std::uint32_t> dense_ids(std::span<const std::uint32_t> membership, std::uint32_t& count) {
  std::unordered_map<std::uint32_t, std::uint32_t> ids;
  std::vector<std::uint32_t> dense(membership.size());
  count = 0;
  for (std::size_t v = 0; v < membership.size(); ++v) {
    if (membership[v] == kUnclustered) {
      dense[v] = count++;
      continue;
    }
    const auto [it, inserted] = ids.emplace(membership[v], count);
    if (inserted) ++count;
    dense[v] = it->second;
  }
  return dense;
}

}  // namespace

double modularity(const WeightedGraph& graph, std::span<const std::uint32_t> membership, double resolution) {
  check_size(graph, membership);
  const double m = graph.total_weight();
  if (m <= 0.0) return 0.0;
  std::uint32_t k = 0;
  const auto c = dense_ids(membership, k);
  std::vector<double> inside(k, 0.0);
  std::vector<double> strength(k, 0.0);
  const Adjacency adj = graph.adjacency();
  for (VertexId v = 0; v < adj.num_vertices(); ++v) {
    for (ArcIndex a = adj.begin(v); a < adj.end(v); ++a) {
      const double w = adj.weight(a);
      strength[c[v]] += w;
      if (c[adj.targets[a]] == c[v]) inside[c[v]] += w;  // each internal edge seen twice
    }
  }
  double q = 0.0;
  for (std::uint32_t i = 0; i < k; ++i) q += inside[i] - resolution * strength[i] * strength[i] / (2.0 * m);
  return q / (2.0 * m);
}

double cpm_quality(const WeightedGraph& graph, std::span<const std::uint32_t> membership, double resolution,
                   std::span<const double> node_sizes) {
  check_size(graph, membership);
  if (!node_sizes.empty() && node_sizes.size() != membership.size()) {
    throw std::invalid_argument("node_sizes size differs from the number of vertices");
  }
  std::uint32_t k = 0;
  const auto c = dense_ids(membership, k);
  std::vector<double> inside(k, 0.0);
  std::vector<double> size(k, 0.0);
  const Adjacency adj = graph.adjacency();
  for (VertexId v = 0; v < adj.num_vertices(); ++v) {
    size[c[v]] += node_sizes.empty() ? 1.0 : node_sizes[v];
    for (ArcIndex a = adj.begin(v); a < adj.end(v); ++a) {
      if (c[adj.targets[a]] == c[v]) inside[c[v]] += adj.weight(a);
    }
  }
  double q = 0.0;
  for (std::uint32_t i = 0; i < k; ++i) q += inside[i] - resolution * size[i] * (size[i] - 1.0);
  return q;
}

std::uint32_t renumber_by_size(std::vector<std::uint32_t>& membership) {
  struct Info {
    std::uint32_t id;
    std::uint32_t size = 0;
    std::uint32_t first = 0;
  };
  std::unordered_map<std::uint32_t, std::uint32_t> slot;
  std::vector<Info> info;
  for (std::uint32_t v = 0; v < membership.size(); ++v) {
    if (membership[v] == kUnclustered) continue;
    const auto [it, inserted] = slot.emplace(membership[v], static_cast<std::uint32_t>(info.size()));
    if (inserted) info.push_back({membership[v], 0, v});
    ++info[it->second].size;
  }
  std::vector<std::uint32_t> order(info.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (info[a].size != info[b].size) return info[a].size > info[b].size;
    return info[a].first < info[b].first;
  });
  std::vector<std::uint32_t> new_id(info.size());
  for (std::uint32_t rank = 0; rank < order.size(); ++rank) new_id[order[rank]] = rank;
  for (auto& m : membership) {
    if (m != kUnclustered) m = new_id[slot[m]];
  }
  return static_cast<std::uint32_t>(info.size());
}

namespace {

// Cluster sizes of a and b and the non-empty cells of their contingency table.
struct Contingency {
  std::vector<double> rows;
  std::vector<double> cols;
  std::vector<double> cells;
  double n = 0.0;
};

Contingency contingency(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  if (a.size() != b.size()) throw std::invalid_argument("partitions of different sizes");
  std::uint32_t ka = 0;
  std::uint32_t kb = 0;
  const auto da = dense_ids(a, ka);
  const auto db = dense_ids(b, kb);
  Contingency t;
  t.rows.assign(ka, 0.0);
  t.cols.assign(kb, 0.0);
  std::vector<std::uint64_t> pairs(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    ++t.rows[da[i]];
    ++t.cols[db[i]];
    pairs[i] = (static_cast<std::uint64_t>(da[i]) << 32) | db[i];
  }
  std::sort(pairs.begin(), pairs.end());
  for (std::size_t i = 0; i < pairs.size();) {
    std::size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    t.cells.push_back(static_cast<double>(j - i));
    i = j;
  }
  t.n = static_cast<double>(a.size());
  return t;
}

double entropy(const std::vector<double>& counts, double n) {
  double h = 0.0;
  for (double c : counts) {
    if (c > 0.0) h -= (c / n) * std::log(c / n);
  }
  return h;
}

}  // namespace

double normalized_mutual_information(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  if (a.empty()) return 1.0;
  const Contingency t = contingency(a, b);
  const double ha = entropy(t.rows, t.n);
  const double hb = entropy(t.cols, t.n);
  if (ha + hb == 0.0) return 1.0;
  // I(X;Y) = H(X) + H(Y) - H(X,Y)
  const double mutual = ha + hb - entropy(t.cells, t.n);
  return 2.0 * mutual / (ha + hb);
}

double adjusted_rand_index(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  if (a.size() < 2) return 1.0;
  const Contingency t = contingency(a, b);
  auto pairs = [](double x) { return x * (x - 1.0) / 2.0; };
  double index = 0.0;
  for (double c : t.cells) index += pairs(c);
  double sum_rows = 0.0;
  for (double c : t.rows) sum_rows += pairs(c);
  double sum_cols = 0.0;
  for (double c : t.cols) sum_cols += pairs(c);
  const double expected = sum_rows * sum_cols / pairs(t.n);
  const double max_index = (sum_rows + sum_cols) / 2.0;
  if (max_index == expected) return 1.0;
  return (index - expected) / (max_index - expected);
}

ClusterSizeResult enforce_min_cluster_size(const WeightedGraph& graph, std::vector<std::uint32_t> membership,
                                           std::uint32_t min_size, SmallClusterPolicy policy) {
  check_size(graph, membership);
  ClusterSizeResult result;
  std::uint32_t k = renumber_by_size(membership);
  std::vector<std::vector<VertexId>> members(k);
  for (VertexId v = 0; v < membership.size(); ++v) {
    if (membership[v] != kUnclustered) members[membership[v]].push_back(v);
  }
  std::vector<bool> dropped(k, false);
  auto drop = [&](std::uint32_t c) {
    for (VertexId v : members[c]) membership[v] = kUnclustered;
    members[c].clear();
    dropped[c] = true;
  };

  if (policy == SmallClusterPolicy::unclustered) {
    for (std::uint32_t c = 0; c < k; ++c) {
      if (members[c].size() < min_size) drop(c);
    }
  } else {
    // Smallest first; an entry is stale when its cluster grew or was dropped since.
    using Entry = std::pair<std::size_t, std::uint32_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> small;
    for (std::uint32_t c = 0; c < k; ++c) {
      if (members[c].size() < min_size) small.emplace(members[c].size(), c);
    }
    const Adjacency adj = graph.adjacency();
    std::vector<double> link(k, 0.0);
    std::vector<char> seen(k, 0);
    std::vector<std::uint32_t> touched;
    while (!small.empty()) {
      const auto [size, c] = small.top();
      small.pop();
      if (dropped[c] || members[c].size() != size) continue;
      for (VertexId v : members[c]) {
        for (ArcIndex a = adj.begin(v); a < adj.end(v); ++a) {
          const std::uint32_t d = membership[adj.targets[a]];
          if (d == c || d == kUnclustered) continue;
          if (!seen[d]) {
            seen[d] = 1;
            touched.push_back(d);
          }
          link[d] += adj.weight(a);
        }
      }
      std::uint32_t best = kUnclustered;
      for (std::uint32_t d : touched) {
        if (link[d] <= 0.0) continue;
        if (best == kUnclustered || link[d] > link[best] ||
            (link[d] == link[best] && (members[d].size() > members[best].size() ||
                                       (members[d].size() == members[best].size() && d < best)))) {
          best = d;
        }
      }
      for (std::uint32_t d : touched) {
        link[d] = 0.0;
        seen[d] = 0;
      }
      touched.clear();
      if (best == kUnclustered) {
        drop(c);
        continue;
      }
      for (VertexId v : members[c]) membership[v] = best;
      members[best].insert(members[best].end(), members[c].begin(), members[c].end());
      members[c].clear();
      dropped[c] = true;
      ++result.merged;
      if (members[best].size() < min_size) small.emplace(members[best].size(), best);
    }
  }
  result.clusters = renumber_by_size(membership);
  result.unclustered = static_cast<std::uint32_t>(std::count(membership.begin(), membership.end(), kUnclustered));
  result.membership = std::move(membership);
  return result;
}

}  // namespace litrev
