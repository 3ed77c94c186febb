#pragma once
// Options shared by several `graph` commands, declared once so they read the same everywhere.

#include <CLI/CLI.hpp>

#include "graph/betweenness.hpp"
#include "graph/pagerank.hpp"
#include "src/cli/option_checks.hpp"

namespace litrev::cli {

struct CentralityOptions {
  PageRankOptions pagerank;
  BetweennessOptions betweenness;

  void add_to(CLI::App& sub) {
    sub.add_option("--damping", pagerank.damping, "PageRank damping factor")->check(in_range(0, 1, true));
    sub.add_option("--exact-betweenness-up-to", betweenness.exact_up_to,
                   "Exact Brandes betweenness up to this many source vertices; above it, a seeded sampled estimate");
    sub.add_option("--samples", betweenness.samples, "Sources drawn for the sampled betweenness estimate")->check(at_least(1));
    sub.add_option("--seed", betweenness.seed, "Seed of the betweenness sample");
  }
};

inline std::string betweenness_method(bool sampled, std::uint32_t sources, std::uint64_t seed) {
  return sampled ? "sampled estimate from " + std::to_string(sources) + " sources (seed " + std::to_string(seed) + ")"
                 : "exact";
}

}  // namespace litrev::cli
