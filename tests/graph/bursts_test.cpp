// Kleinberg's two-state burst detection: a hand-computed series, an exhaustive oracle over
// every state sequence, the parameters, and the per-reference series of a corpus.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "graph/bursts.hpp"
#include "graph/random.hpp"
#include "graph/corpus_builder.hpp"

namespace litrev {
namespace {

// Worked by hand: 10 citing works a year for six years; the reference is cited 0, 1, 5, 6, 1, 0
// times. p0 = 13/60, p1 = 26/60; a year in state 1 saves r ln(p1/p0) + (d - r) ln((1-p1)/(1-p0))
// = 0.6931 r - 0.3238 (10 - r): -3.24, -2.22, +1.85, +2.86, -2.22, -3.24. Entering the burst costs
// ln 6 = 1.79, so the cheapest sequence bursts in years 3 and 4 only (saving 4.71 - 1.79 > 0;
// taking year 2 or 5 too would add -2.22). Strength = 1.8468 + 2.8637 = 4.7105.
TEST(Bursts, HandComputedSeries) {
  const std::vector<std::uint32_t> r = {0, 1, 5, 6, 1, 0}, d(6, 10);
  const auto bursts = detect_bursts(r, d, 2000);
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].begin, 2002);
  EXPECT_EQ(bursts[0].end, 2003);
  const double p0 = 13.0 / 60, p1 = 26.0 / 60;
  const double gain = 11 * std::log(p1 / p0) + 9 * std::log((1 - p1) / (1 - p0));
  EXPECT_NEAR(bursts[0].strength, gain, 1e-12);
  EXPECT_NEAR(bursts[0].strength, 4.7105, 1e-4);
}

TEST(Bursts, ParametersAsCiteSpaceDescribesThem) {
  const std::vector<std::uint32_t> r = {0, 1, 5, 6, 1, 0}, d(6, 10);
  BurstOptions strict;
  strict.gamma = 3.0;  // entering costs 3 ln 6 = 5.38 > 4.71: no burst pays
  EXPECT_TRUE(detect_bursts(r, d, 2000, strict).empty());
  BurstOptions longer;
  longer.min_duration = 3;  // the two-year burst is too short
  EXPECT_TRUE(detect_bursts(r, d, 2000, longer).empty());
  BurstOptions one_year;
  one_year.min_duration = 1;
  EXPECT_EQ(detect_bursts(r, d, 2000, one_year).size(), 1u);
  // A flat series never bursts.
  EXPECT_TRUE(detect_bursts(std::vector<std::uint32_t>(8, 3), std::vector<std::uint32_t>(8, 10), 2000).empty());
  // Nothing to examine.
  EXPECT_TRUE(detect_bursts(std::vector<std::uint32_t>(5, 0), std::vector<std::uint32_t>(5, 10), 2000).empty());
  EXPECT_TRUE(detect_bursts({}, {}, 2000).empty());
}

// The exhaustive oracle: the cost of every state sequence, the cheapest wins.
std::vector<std::uint8_t> brute_force(const std::vector<std::uint32_t>& r, const std::vector<std::uint32_t>& d,
                                      const BurstOptions& o) {
  const std::size_t n = r.size();
  double R = 0, D = 0;
  for (std::size_t t = 0; t < n; ++t) R += r[t], D += d[t];
  const double p[2] = {R / D, std::min(o.s * R / D, 0.9999)};
  auto cost = [&](int q, std::size_t t) {
    return -(r[t] * std::log(p[q]) + (d[t] - r[t]) * std::log(1 - p[q])) -
           (std::lgamma(d[t] + 1.0) - std::lgamma(r[t] + 1.0) - std::lgamma(d[t] - r[t] + 1.0));
  };
  double best = INFINITY;
  std::vector<std::uint8_t> best_states;
  for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
    double c = 0;
    int previous = 0;
    std::vector<std::uint8_t> states(n);
    for (std::size_t t = 0; t < n; ++t) {
      const int q = (mask >> t) & 1;
      states[t] = static_cast<std::uint8_t>(q);
      if (q > previous) c += o.gamma * std::log(static_cast<double>(n));
      c += cost(q, t);
      previous = q;
    }
    if (c < best - 1e-9) best = c, best_states = states;
  }
  return best_states;
}

TEST(Bursts, ViterbiFindsTheCheapestSequence) {
  Rng rng(5);
  BurstOptions o;
  o.min_duration = 1;
  for (int trial = 0; trial < 300; ++trial) {
    const std::size_t n = 2 + rng.below(9);
    std::vector<std::uint32_t> r(n), d(n);
    for (std::size_t t = 0; t < n; ++t) {
      d[t] = 1 + static_cast<std::uint32_t>(rng.below(30));
      r[t] = static_cast<std::uint32_t>(rng.below(d[t] + 1) * rng.unit());
    }
    if (std::accumulate(r.begin(), r.end(), 0u) == 0) continue;
    const auto states = brute_force(r, d, o);
    std::vector<std::uint8_t> found(n, 0);
    for (const Burst& b : detect_bursts(r, d, 0, o))
      for (int y = b.begin; y <= b.end; ++y) found[static_cast<std::size_t>(y)] = 1;
    EXPECT_EQ(found, states) << "trial " << trial;
  }
}

TEST(Bursts, CitationsPerYearOfEachReference) {
  // Ten works a year from 2010 to 2015, all citing a classic; a fashionable reference is cited
  // by most works of 2012-2013 only.
  test::CorpusBuilder b;
  const auto classic = b.external("ref:classic|1990", "Classic 1990");
  const auto fashion = b.external("ref:fashion|2011", "Fashion 2011");
  for (int year = 2010; year <= 2015; ++year)
    for (int k = 0; k < 10; ++k) {
      const auto w = b.work("w" + std::to_string(year) + "_" + std::to_string(k), year);
      b.cites_external(w, classic);
      if ((year == 2012 || year == 2013) && k < 8) b.cites_external(w, fashion);
      if (year == 2014 && k == 0) b.cites_external(w, fashion);
    }
  const auto graph = CitationGraph::build(b.corpus());
  const BurstAnalysis a = citation_bursts(b.corpus(), graph);
  EXPECT_EQ(a.first_year, 2010);
  EXPECT_EQ(a.last_year, 2015);
  EXPECT_EQ(a.citing_per_year, std::vector<std::uint32_t>(6, 10));
  ASSERT_EQ(a.vertices.size(), 1u);
  EXPECT_EQ(a.vertices[0].vertex, graph.vertex_of_external(fashion));
  EXPECT_EQ(a.vertices[0].citations, 17u);
  ASSERT_EQ(a.vertices[0].bursts.size(), 1u);
  EXPECT_EQ(a.vertices[0].bursts[0].begin, 2012);
  EXPECT_EQ(a.vertices[0].bursts[0].end, 2013);
  const auto best = strongest_bursts(a, graph);
  EXPECT_FALSE(best[graph.vertex_of_external(classic)]);
  ASSERT_TRUE(best[graph.vertex_of_external(fashion)]);
  EXPECT_EQ(best[graph.vertex_of_external(fashion)]->begin, 2012);
}

}  // namespace
}  // namespace litrev
