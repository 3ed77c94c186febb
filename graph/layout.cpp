#include "graph/layout.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <thread>

#include "graph/components.hpp"
#include "graph/partition.hpp"
#include "graph/random.hpp"

namespace litrev {

namespace {

// One level of the multilevel hierarchy: a weighted undirected graph with node masses and
// clusters, and (below the finest) the coarse node each of its nodes went into.
struct Level {
  WeightedGraph graph;
  std::vector<double> mass;
  std::vector<std::uint32_t> cluster;
  std::vector<VertexId> parent;  // -> node of the next (coarser) level
};

// Pairs nodes along their heaviest link (weight over the product of masses, which keeps coarse
// nodes of similar sizes) inside a cluster; a node left without a partner joins its heaviest
// neighbour's group. Returns the coarser level, or nothing when it would not shrink enough.
bool coarsen(Level& fine, Level& coarse, Rng& rng) {
  const Adjacency adj = fine.graph.adjacency();
  const VertexId n = adj.num_vertices();
  std::vector<VertexId> order(n);
  std::iota(order.begin(), order.end(), 0);
  rng.shuffle(std::span<VertexId>(order));
  std::vector<VertexId> group(n, kNoVertex);
  VertexId groups = 0;
  for (VertexId v : order) {
    if (group[v] != kNoVertex) continue;
    VertexId best = kNoVertex;
    double best_score = 0.0;
    for (ArcIndex a = adj.begin(v); a < adj.end(v); ++a) {
      const VertexId u = adj.targets[a];
      if (group[u] != kNoVertex || fine.cluster[u] != fine.cluster[v]) continue;
      const double score = adj.weight(a) / (fine.mass[u] * fine.mass[v]);
      if (score > best_score) best_score = score, best = u;
    }
    if (best == kNoVertex) continue;
    group[v] = group[best] = groups++;
  }
  for (VertexId v : order) {
    if (group[v] != kNoVertex) continue;
    VertexId best = kNoVertex;
    double best_weight = 0.0;
    for (ArcIndex a = adj.begin(v); a < adj.end(v); ++a) {
      const VertexId u = adj.targets[a];
      if (group[u] == kNoVertex || fine.cluster[u] != fine.cluster[v]) continue;
      if (adj.weight(a) > best_weight) best_weight = adj.weight(a), best = u;
    }
    group[v] = best == kNoVertex ? groups++ : group[best];
  }
  if (groups > n - n / 5 || groups < 2) return false;
  coarse.mass.assign(groups, 0.0);
  coarse.cluster.assign(groups, 0);
  for (VertexId v = 0; v < n; ++v) {
    coarse.mass[group[v]] += fine.mass[v];
    coarse.cluster[group[v]] = fine.cluster[v];
  }
  std::vector<WeightedEdge> edges;
  edges.reserve(adj.num_arcs() / 2);
  for (VertexId v = 0; v < n; ++v)
    for (ArcIndex a = adj.begin(v); a < adj.end(v); ++a)
      if (v < adj.targets[a] && group[v] != group[adj.targets[a]])
        edges.push_back({group[v], group[adj.targets[a]], adj.weight(a)});
  coarse.graph = WeightedGraph::from_edges(groups, std::move(edges), false);
  fine.parent = std::move(group);
  return true;
}

// A quadtree over the current positions, for the Barnes-Hut sum of the repulsions (1/d).
class QuadTree {
 public:
  QuadTree(std::span<const Point> points, std::span<const double> mass) : points_(points), mass_(mass) {
    order_.resize(points.size());
    std::iota(order_.begin(), order_.end(), 0u);
    scratch_.resize(points.size());
    double x0 = points[0].x, x1 = x0, y0 = points[0].y, y1 = y0;
    for (const Point& p : points) {
      x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
      y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
    }
    const double half = std::max({x1 - x0, y1 - y0, 1e-12}) / 2 * 1.0001;
    cells_.reserve(points.size() / 2 + 8);
    build((x0 + x1) / 2, (y0 + y1) / 2, half, 0, static_cast<std::uint32_t>(points.size()), 0);
  }

  // Sum over other points j of mass_j * (p - x_j) / |p - x_j|^2; self is skipped.
  Point repulsion(std::uint32_t self, double theta) const {
    const Point p = points_[self];
    Point f;
    std::uint32_t stack[256];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const Cell& c = cells_[stack[--top]];
      if (c.leaf) {
        for (std::uint32_t k = c.first; k < c.first + c.count; ++k) {
          const std::uint32_t j = order_[k];
          if (j == self) continue;
          add(f, p.x - points_[j].x, p.y - points_[j].y, mass_[j]);
        }
        continue;
      }
      const double dx = p.x - c.mx, dy = p.y - c.my;
      const double dist2 = dx * dx + dy * dy;
      if (4 * c.half * c.half < theta * theta * dist2) {
        add(f, dx, dy, c.mass);
        continue;
      }
      for (std::uint32_t child : c.children)
        if (child != 0 && top < 255) stack[top++] = child;
    }
    return f;
  }

 private:
  struct Cell {
    double mx = 0, my = 0, mass = 0, half = 0;
    std::uint32_t children[4] = {0, 0, 0, 0};  // 0 = none (the root is never a child)
    std::uint32_t first = 0, count = 0;
    bool leaf = false;
  };
  static constexpr std::uint32_t kLeafSize = 8;

  static void add(Point& f, double dx, double dy, double m) {
    const double d2 = dx * dx + dy * dy;
    if (d2 > 0) f.x += m * dx / d2, f.y += m * dy / d2;
  }

  std::uint32_t build(double cx, double cy, double half, std::uint32_t begin, std::uint32_t end, int depth) {
    const auto index = static_cast<std::uint32_t>(cells_.size());
    cells_.emplace_back();
    Cell cell;
    cell.half = half;
    if (end - begin <= kLeafSize || depth >= 48) {
      cell.leaf = true, cell.first = begin, cell.count = end - begin;
      for (std::uint32_t k = begin; k < end; ++k) {
        const std::uint32_t j = order_[k];
        cell.mass += mass_[j], cell.mx += mass_[j] * points_[j].x, cell.my += mass_[j] * points_[j].y;
      }
    } else {
      // Counting sort of [begin, end) into the four quadrants.
      std::uint32_t counts[5] = {0, 0, 0, 0, 0};
      auto quadrant = [&](std::uint32_t j) { return (points_[j].x >= cx ? 1 : 0) + (points_[j].y >= cy ? 2 : 0); };
      for (std::uint32_t k = begin; k < end; ++k) ++counts[quadrant(order_[k]) + 1];
      for (int q = 0; q < 4; ++q) counts[q + 1] += counts[q];
      std::uint32_t fill[4] = {counts[0], counts[1], counts[2], counts[3]};
      for (std::uint32_t k = begin; k < end; ++k) scratch_[begin + fill[quadrant(order_[k])]++] = order_[k];
      std::copy(scratch_.begin() + begin, scratch_.begin() + end, order_.begin() + begin);
      for (int q = 0; q < 4; ++q) {
        if (counts[q + 1] == counts[q]) continue;
        const double h = half / 2;
        const std::uint32_t child = build(cx + ((q & 1) ? h : -h), cy + ((q & 2) ? h : -h), h, begin + counts[q],
                                          begin + counts[q + 1], depth + 1);
        cell.children[q] = child;
        const Cell& c = cells_[child];
        cell.mass += c.mass, cell.mx += c.mass * c.mx, cell.my += c.mass * c.my;
      }
    }
    if (cell.mass > 0) cell.mx /= cell.mass, cell.my /= cell.mass;
    cells_[index] = cell;
    return index;
  }

  std::span<const Point> points_;
  std::span<const double> mass_;
  std::vector<std::uint32_t> order_, scratch_;
  std::vector<Cell> cells_;
};

// Runs body(begin, end) over [0, n) on up to `threads` threads.
template <typename Body>
void parallel_for(std::size_t n, unsigned threads, const Body& body) {
  if (threads <= 1 || n < 4096) {
    body(0, n);
    return;
  }
  std::vector<std::jthread> workers;
  const std::size_t chunk = (n + threads - 1) / threads;
  for (unsigned t = 1; t < threads; ++t) {
    const std::size_t b = std::min(n, t * chunk), e = std::min(n, b + chunk);
    workers.emplace_back([&body, b, e] { body(b, e); });
  }
  body(0, std::min(n, chunk));
}

// The scale factor that minimizes the energy of this shape: E(l) = l^2 A - P ln(l) + const is
// least at l = sqrt(P / 2A), A the attraction term, P the sum of m_i m_j over pairs.
double optimal_scale(const Level& level, std::span<const Point> x) {
  const Adjacency adj = level.graph.adjacency();
  double attraction = 0.0;
  for (VertexId v = 0; v < adj.num_vertices(); ++v)
    for (ArcIndex a = adj.begin(v); a < adj.end(v); ++a) {
      const Point& q = x[adj.targets[a]];
      attraction += adj.weight(a) * ((x[v].x - q.x) * (x[v].x - q.x) + (x[v].y - q.y) * (x[v].y - q.y)) / 4;
    }
  const double total_mass = std::accumulate(level.mass.begin(), level.mass.end(), 0.0);
  double pair_mass = total_mass * total_mass;
  for (double m : level.mass) pair_mass -= m * m;
  pair_mass /= 2;
  return attraction > 0 && pair_mass > 0 ? std::sqrt(pair_mass / (2 * attraction)) : 1.0;
}

double rms_radius(std::span<const Point> x) {
  Point c;
  for (const Point& p : x) c.x += p.x, c.y += p.y;
  c.x /= static_cast<double>(x.size()), c.y /= static_cast<double>(x.size());
  double s = 0.0;
  for (const Point& p : x) s += (p.x - c.x) * (p.x - c.x) + (p.y - c.y) * (p.y - c.y);
  return std::sqrt(s / static_cast<double>(x.size()));
}

// Hu's adaptive cooling: every node moves `step` along its force; the step grows after five
// steps that lowered the summed squared force and shrinks after any that did not.
int refine(const Level& level, std::vector<Point>& x, double step, int max_steps, double theta, unsigned threads) {
  const std::size_t n = x.size();
  if (n < 2) return 0;
  const double scale = optimal_scale(level, x);
  for (Point& p : x) p.x *= scale, p.y *= scale;
  const double spacing = rms_radius(x) / std::sqrt(static_cast<double>(n)) * 2;
  step *= spacing;
  const double min_step = spacing * 0.005;
  const Adjacency adj = level.graph.adjacency();
  std::vector<Point> force(n);
  double previous = std::numeric_limits<double>::infinity();
  int progress = 0, steps = 0;
  constexpr double kCooling = 0.9;
  for (; steps < max_steps && step > min_step; ++steps) {
    const QuadTree tree(x, level.mass);
    parallel_for(n, threads, [&](std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) {
        Point f = tree.repulsion(static_cast<std::uint32_t>(i), theta);
        f.x *= level.mass[i], f.y *= level.mass[i];
        for (ArcIndex a = adj.begin(static_cast<VertexId>(i)); a < adj.end(static_cast<VertexId>(i)); ++a) {
          const Point& q = x[adj.targets[a]];
          f.x += adj.weight(a) * (q.x - x[i].x), f.y += adj.weight(a) * (q.y - x[i].y);
        }
        force[i] = f;
      }
    });
    double energy = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      const double norm = std::hypot(force[i].x, force[i].y);
      energy += norm * norm;
      if (norm > 0) x[i].x += step * force[i].x / norm, x[i].y += step * force[i].y / norm;
    }
    if (energy < previous) {
      if (++progress >= 5) progress = 0, step /= kCooling;
    } else {
      progress = 0, step *= kCooling;
    }
    previous = energy;
  }
  return steps;
}

// Lays out one connected component (local vertex ids) and returns positions scaled so that
// its mean link length is 1.
std::vector<Point> layout_component(Level finest, const LayoutOptions& options, unsigned threads, Rng& rng,
                                    LayoutStats& stats) {
  std::vector<Level> levels;
  levels.push_back(std::move(finest));
  while (levels.size() < 40 && levels.back().graph.num_vertices() > 8) {
    Level coarse;
    if (!coarsen(levels.back(), coarse, rng)) break;
    levels.push_back(std::move(coarse));
  }
  stats.levels = std::max(stats.levels, static_cast<int>(levels.size()));
  // Coarsest: seeded random positions in a disc, many steps.
  const Level& top = levels.back();
  std::vector<Point> x(top.graph.num_vertices());
  for (Point& p : x) {
    const double r = std::sqrt(rng.unit()) * std::sqrt(static_cast<double>(x.size())), a = 2 * std::numbers::pi * rng.unit();
    p = {r * std::cos(a), r * std::sin(a)};
  }
  stats.steps += refine(top, x, 1.0, options.max_steps * 3, options.theta, threads);
  for (std::size_t l = levels.size() - 1; l-- > 0;) {
    const Level& fine = levels[l];
    const double jitter = rms_radius(x) / std::sqrt(static_cast<double>(x.size())) * 0.2;
    std::vector<Point> finer(fine.graph.num_vertices());
    for (VertexId v = 0; v < finer.size(); ++v) {
      const double a = 2 * std::numbers::pi * rng.unit(), r = jitter * rng.unit();
      finer[v] = {x[fine.parent[v]].x + r * std::cos(a), x[fine.parent[v]].y + r * std::sin(a)};
    }
    x = std::move(finer);
    stats.steps += refine(fine, x, 0.5, options.max_steps, options.theta, threads);
  }
  // Unit: the mean link length, so that components share one scale.
  const Adjacency adj = levels.front().graph.adjacency();
  double length = 0.0;
  for (VertexId v = 0; v < adj.num_vertices(); ++v)
    for (ArcIndex a = adj.begin(v); a < adj.end(v); ++a)
      length += std::hypot(x[v].x - x[adj.targets[a]].x, x[v].y - x[adj.targets[a]].y);
  if (adj.num_arcs() > 0 && length > 0) {
    const double unit = static_cast<double>(adj.num_arcs()) / length;
    for (Point& p : x) p.x *= unit, p.y *= unit;
  }
  return x;
}

// Turns the map about its centre so that its principal axis is horizontal: screens and pages
// are wider than tall, and an elongated map drawn upright would use a third of the width.
void lie_across(std::vector<Point>& x) {
  Point c;
  for (const Point& p : x) c.x += p.x, c.y += p.y;
  c.x /= static_cast<double>(x.size()), c.y /= static_cast<double>(x.size());
  double sxx = 0, syy = 0, sxy = 0;
  for (const Point& p : x) {
    sxx += (p.x - c.x) * (p.x - c.x), syy += (p.y - c.y) * (p.y - c.y), sxy += (p.x - c.x) * (p.y - c.y);
  }
  const double major = 0.5 * std::atan2(2 * sxy, sxx - syy);
  const double cs = std::cos(-major), sn = std::sin(-major);
  for (Point& p : x) {
    const double dx = p.x - c.x, dy = p.y - c.y;
    p = {dx * cs - dy * sn, dx * sn + dy * cs};
  }
}

}  // namespace

WeightedGraph layout_weights(const WeightedGraph& counts) {
  const Adjacency adj = counts.adjacency();
  const VertexId n = adj.num_vertices();
  std::vector<double> strength(n);
  for (VertexId v = 0; v < n; ++v) strength[v] = adj.strength(v);
  std::vector<WeightedEdge> edges;
  double total = 0.0;
  for (VertexId v = 0; v < n; ++v)
    for (ArcIndex a = adj.begin(v); a < adj.end(v); ++a)
      if (v < adj.targets[a] && adj.weight(a) > 0) {
        edges.push_back({v, adj.targets[a], adj.weight(a) / (strength[v] * strength[adj.targets[a]])});
        total += edges.back().weight;
      }
  if (!edges.empty()) {
    const double mean = total / static_cast<double>(edges.size());
    for (auto& e : edges) e.weight /= mean;
  }
  return WeightedGraph::from_edges(n, std::move(edges), false);
}

Layout layout_network(const WeightedGraph& graph, std::span<const std::uint32_t> cluster_of,
                      const LayoutOptions& options) {
  const Adjacency adj = graph.adjacency();
  const VertexId n = adj.num_vertices();
  Layout result;
  result.positions.resize(n);
  if (n == 0) return result;
  const unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  auto cluster = [&](VertexId v) { return cluster_of.empty() ? 0u : cluster_of[v]; };

  const Components comps = connected_components(adj);
  result.stats.components = comps.count;
  std::vector<std::vector<VertexId>> members(comps.count);
  for (VertexId v = 0; v < n; ++v) members[comps.component[v]].push_back(v);
  std::vector<VertexId> local(n);
  for (const auto& m : members)
    for (VertexId i = 0; i < m.size(); ++i) local[m[i]] = i;

  struct Placed {
    std::vector<Point> x;
    double radius = 0.0;
    std::uint32_t component = 0;
  };
  std::vector<Placed> placed;
  Rng rng(options.seed);
  for (std::uint32_t c = 0; c < comps.count; ++c) {
    const auto& m = members[c];
    Level level;
    level.mass.assign(m.size(), 1.0);
    level.cluster.resize(m.size());
    std::vector<WeightedEdge> edges;
    for (VertexId i = 0; i < m.size(); ++i) {
      level.cluster[i] = cluster(m[i]);
      for (ArcIndex a = adj.begin(m[i]); a < adj.end(m[i]); ++a) {
        const VertexId j = adj.targets[a];
        if (m[i] >= j) continue;
        const double factor = cluster(m[i]) == cluster(j) ? 1.0 : options.between_clusters;
        edges.push_back({i, local[j], adj.weight(a) * factor});
      }
    }
    level.graph = WeightedGraph::from_edges(static_cast<VertexId>(m.size()), std::move(edges), false);
    Placed p;
    p.component = c;
    p.x = m.size() == 1 ? std::vector<Point>{Point{}} : layout_component(std::move(level), options, threads, rng, result.stats);
    Point centre;
    for (const Point& q : p.x) centre.x += q.x, centre.y += q.y;
    centre.x /= static_cast<double>(p.x.size()), centre.y /= static_cast<double>(p.x.size());
    for (Point& q : p.x) {
      q.x -= centre.x, q.y -= centre.y;
      p.radius = std::max(p.radius, std::hypot(q.x, q.y));
    }
    p.radius += 0.5;  // half a link of margin
    placed.push_back(std::move(p));
  }

  // Packing: the largest component in the middle, the others on rings around it, largest first.
  std::stable_sort(placed.begin(), placed.end(),
                   [&](const Placed& a, const Placed& b) { return members[a.component].size() > members[b.component].size(); });
  const double gap = 1.0;
  double ring_inner = placed[0].radius + gap, ring_radius = 0.0, ring_width = 0.0, angle = 0.0;
  for (std::size_t k = 0; k < placed.size(); ++k) {
    Point offset;
    if (k > 0) {
      const double r = placed[k].radius;
      if (ring_radius == 0.0) ring_radius = ring_inner + r, ring_width = 2 * r, angle = 0.0;
      const double needed = (2 * r + gap) / ring_radius;
      if (angle + needed > 2 * std::numbers::pi) {
        ring_inner += ring_width + gap;
        ring_radius = ring_inner + r, ring_width = 2 * r, angle = 0.0;
      }
      const double a = angle + (r + gap / 2) / ring_radius;
      offset = {ring_radius * std::cos(a), ring_radius * std::sin(a)};
      angle += (2 * r + gap) / ring_radius;
    }
    const auto& m = members[placed[k].component];
    for (VertexId i = 0; i < m.size(); ++i)
      result.positions[m[i]] = {placed[k].x[i].x + offset.x, placed[k].x[i].y + offset.y};
  }

  lie_across(result.positions);
  // Fit into [-1, 1]^2, centred, aspect kept.
  double x0 = result.positions[0].x, x1 = x0, y0 = result.positions[0].y, y1 = y0;
  for (const Point& p : result.positions) {
    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
  }
  const double half = std::max({x1 - x0, y1 - y0}) / 2;
  for (Point& p : result.positions) {
    p.x = half > 0 ? (p.x - (x0 + x1) / 2) / half : 0.0;
    p.y = half > 0 ? (p.y - (y0 + y1) / 2) / half : 0.0;
  }
  return result;
}

double cluster_silhouette(std::span<const Point> positions, std::span<const std::uint32_t> cluster_of,
                          std::size_t max_nodes) {
  std::vector<std::size_t> sample;
  for (std::size_t v = 0; v < positions.size(); ++v)
    if (cluster_of[v] != kUnclustered) sample.push_back(v);
  if (sample.size() > max_nodes) {
    std::vector<std::size_t> strided;
    for (std::size_t k = 0; k < max_nodes; ++k) strided.push_back(sample[k * sample.size() / max_nodes]);
    sample = std::move(strided);
  }
  std::uint32_t clusters = 0;
  for (auto v : sample) clusters = std::max(clusters, cluster_of[v] + 1);
  std::vector<std::size_t> size(clusters);
  for (auto v : sample) ++size[cluster_of[v]];
  double total = 0.0;
  std::size_t counted = 0;
  std::vector<double> sum(clusters);
  for (auto v : sample) {
    if (size[cluster_of[v]] < 2) continue;
    std::fill(sum.begin(), sum.end(), 0.0);
    for (auto u : sample)
      if (u != v) sum[cluster_of[u]] += std::hypot(positions[v].x - positions[u].x, positions[v].y - positions[u].y);
    const double a = sum[cluster_of[v]] / static_cast<double>(size[cluster_of[v]] - 1);
    double b = std::numeric_limits<double>::infinity();
    for (std::uint32_t c = 0; c < clusters; ++c)
      if (c != cluster_of[v] && size[c] > 0) b = std::min(b, sum[c] / static_cast<double>(size[c]));
    if (!std::isfinite(b)) continue;
    const double denom = std::max(a, b);
    total += denom > 0 ? (b - a) / denom : 0.0;
    ++counted;
  }
  return counted ? total / static_cast<double>(counted) : 0.0;
}

}  // namespace litrev
