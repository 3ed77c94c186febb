#pragma once
// Citation bursts: Kleinberg's two-state automaton (Kleinberg 2003, "Bursty and hierarchical
// structure in streams", Data Min. Knowl. Disc. 7:373, section 4: bursts in batches), as
// CiteSpace applies it to the citations a reference receives per year (Chen 2006, JASIST
// 57:359).
//
// Batches are years. In year t the library has d_t citing works (works of that year citing
// anything) of which r_t cite the reference. State 0 emits citations at the reference's mean
// rate p0 = sum r / sum d, the burst state 1 at p1 = s * p0 (at most 0.9999). Being in state q
// in year t costs -ln[C(d_t, r_t) p_q^r_t (1 - p_q)^(d_t - r_t)]; entering state 1 costs
// gamma * ln(n) (n = number of years), leaving it nothing. The cheapest state sequence (Viterbi)
// starts in state 0; each run of state-1 years is a burst, and its strength is what the burst
// state saves over those years, sum of [cost in state 0 - cost in state 1] (Kleinberg's weight,
// CiteSpace's "Strength"). Runs shorter than min_duration years are dropped.
//
// Defaults are CiteSpace's: s = 2, gamma = 1, two states, minimum duration 2 years.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "graph/citation_graph.hpp"
#include "src/core/citation_corpus.hpp"

namespace litrev {

struct BurstOptions {
  double s = 2.0;       // rate ratio of the burst state
  double gamma = 1.0;   // cost of entering the burst state, in units of ln(n)
  int min_duration = 2; // years
  std::uint32_t min_citations = 2;  // references cited fewer times are not examined
};

struct Burst {
  int begin = 0;  // first year in the burst state
  int end = 0;    // last year (inclusive)
  double strength = 0.0;
};

// The bursts of one series: citations[t] of citing[t] works in year first_year + t.
std::vector<Burst> detect_bursts(std::span<const std::uint32_t> citations, std::span<const std::uint32_t> citing,
                                 int first_year, const BurstOptions& options = {});

struct VertexBursts {
  VertexId vertex = 0;
  std::uint32_t citations = 0;
  std::vector<Burst> bursts;  // in time order
  double strongest() const;
};

struct BurstAnalysis {
  int first_year = 0, last_year = 0;          // years of the citing works (empty range: none)
  std::vector<std::uint32_t> citing_per_year; // d_t
  std::vector<VertexBursts> vertices;         // only vertices with a burst, strongest first
};

// Bursts of every cited vertex (library works and externals) of the citation graph, over the
// years of the library works citing them. Works without a year do not count.
BurstAnalysis citation_bursts(const CitationCorpus& corpus, const CitationGraph& graph, const BurstOptions& options = {});

// Per citation-graph vertex: its strongest burst, or none.
std::vector<std::optional<Burst>> strongest_bursts(const BurstAnalysis& analysis, const CitationGraph& graph);

}  // namespace litrev
