#include "graph/bursts.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace litrev {

namespace {

// -ln of p^r (1-p)^(d-r); the binomial coefficient is left out: it is the same in both states,
// so it changes neither the best sequence nor the strength.
double cost(double p, std::uint32_t r, std::uint32_t d) {
  const double hits = r == 0 ? 0.0 : -static_cast<double>(r) * std::log(p);
  const double misses = d == r ? 0.0 : -static_cast<double>(d - r) * std::log(1.0 - p);
  return hits + misses;
}

}  // namespace

double VertexBursts::strongest() const {
  double s = 0.0;
  for (const Burst& b : bursts) s = std::max(s, b.strength);
  return s;
}

std::vector<Burst> detect_bursts(std::span<const std::uint32_t> citations, std::span<const std::uint32_t> citing,
                                 int first_year, const BurstOptions& options) {
  const std::size_t n = std::min(citations.size(), citing.size());
  double r_total = 0.0, d_total = 0.0;
  for (std::size_t t = 0; t < n; ++t) r_total += citations[t], d_total += citing[t];
  if (n == 0 || r_total <= 0.0 || d_total <= 0.0) return {};
  const double p0 = r_total / d_total;
  const double p1 = std::min(options.s * p0, 0.9999);
  if (p1 <= p0) return {};  // a reference cited by every citing work cannot burst
  const double enter = options.gamma * std::log(static_cast<double>(n));

  // Viterbi over two states; from[t][q] = state at t-1 on the best path ending in q at t.
  std::vector<std::array<std::uint8_t, 2>> from(n);
  double best0 = 0.0, best1 = std::numeric_limits<double>::infinity();  // before the first year: state 0
  for (std::size_t t = 0; t < n; ++t) {
    const double c0 = cost(p0, citations[t], citing[t]), c1 = cost(p1, citations[t], citing[t]);
    // Into 0: from 0 or from 1 (leaving is free). Into 1: stay, or enter from 0.
    const bool zero_from_one = best1 < best0;
    const bool one_from_zero = best0 + enter < best1;
    const double next0 = std::min(best0, best1) + c0;
    const double next1 = (one_from_zero ? best0 + enter : best1) + c1;
    from[t] = {static_cast<std::uint8_t>(zero_from_one ? 1 : 0), static_cast<std::uint8_t>(one_from_zero ? 0 : 1)};
    best0 = next0, best1 = next1;
  }
  std::vector<std::uint8_t> state(n);
  state[n - 1] = best1 < best0 ? 1 : 0;
  for (std::size_t t = n - 1; t > 0; --t) state[t - 1] = from[t][state[t]];

  std::vector<Burst> bursts;
  for (std::size_t t = 0; t < n;) {
    if (state[t] == 0) {
      ++t;
      continue;
    }
    Burst b;
    b.begin = first_year + static_cast<int>(t);
    for (; t < n && state[t] == 1; ++t)
      b.strength += cost(p0, citations[t], citing[t]) - cost(p1, citations[t], citing[t]);
    b.end = first_year + static_cast<int>(t) - 1;
    if (b.end - b.begin + 1 >= options.min_duration) bursts.push_back(b);
  }
  return bursts;
}

BurstAnalysis citation_bursts(const CitationCorpus& corpus, const CitationGraph& graph, const BurstOptions& options) {
  BurstAnalysis result;
  const Adjacency out = graph.out(), in = graph.in();
  // Years of the citing works: works with a year that cite something.
  int first = std::numeric_limits<int>::max(), last = std::numeric_limits<int>::min();
  for (VertexId v = 0; v < graph.num_works(); ++v) {
    const auto& year = corpus.works[graph.node(v).index].year;
    if (!year || out.degree(v) == 0) continue;
    first = std::min(first, *year), last = std::max(last, *year);
  }
  if (first > last) return result;
  result.first_year = first, result.last_year = last;
  const auto years = static_cast<std::size_t>(last - first + 1);
  std::vector<int> year_of(graph.num_works(), -1);
  result.citing_per_year.assign(years, 0);
  for (VertexId v = 0; v < graph.num_works(); ++v) {
    const auto& year = corpus.works[graph.node(v).index].year;
    if (!year || out.degree(v) == 0) continue;
    year_of[v] = *year - first;
    ++result.citing_per_year[static_cast<std::size_t>(year_of[v])];
  }
  std::vector<std::uint32_t> series(years);
  for (VertexId v = 0; v < graph.num_vertices(); ++v) {
    if (in.degree(v) < options.min_citations) continue;
    std::fill(series.begin(), series.end(), 0);
    std::uint32_t counted = 0;
    for (VertexId citing : in.neighbors(v))
      if (year_of[citing] >= 0) ++series[static_cast<std::size_t>(year_of[citing])], ++counted;
    if (counted < options.min_citations) continue;
    auto bursts = detect_bursts(series, result.citing_per_year, first, options);
    if (bursts.empty()) continue;
    result.vertices.push_back({v, in.degree(v), std::move(bursts)});
  }
  std::stable_sort(result.vertices.begin(), result.vertices.end(),
                   [](const VertexBursts& a, const VertexBursts& b) { return a.strongest() > b.strongest(); });
  return result;
}

std::vector<std::optional<Burst>> strongest_bursts(const BurstAnalysis& analysis, const CitationGraph& graph) {
  std::vector<std::optional<Burst>> best(graph.num_vertices());
  for (const auto& vb : analysis.vertices)
    for (const Burst& b : vb.bursts)
      if (!best[vb.vertex] || b.strength > best[vb.vertex]->strength) best[vb.vertex] = b;
  return best;
}

}  // namespace litrev
