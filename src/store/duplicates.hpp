#pragma once
// Probable duplicates that the dedup rules did not merge: fuzzy title similarity with
// prefix-filtered candidate generation, so 100k works cost seconds, not n² comparisons.
// Pure computation over plain structs; Store::find_duplicates feeds it from the library.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace litrev::store {

struct DuplicateInput {
  std::string key;
  std::string title;   // title + subtitle
  std::optional<int> year;
  std::string family;  // folded first author family name, empty when unknown
  std::vector<std::string> dois;
};

struct DuplicatePair {
  std::size_t a = 0, b = 0;  // indexes into the input, a < b
  double score = 0;
  std::string reason;
};

// Title similarity: character trigrams of the normalized title; the score is their Jaccard
// index, or 0.95 × containment when one title is the other plus a subtitle (the shorter at
// least half the longer, three words or more). Then: +0.05 same year, -0.15 years more than
// one apart; +0.05 same first author, -0.15 different; -0.10 two different DOIs. Pairs scoring
// at least min_score are returned, best first.
std::vector<DuplicatePair> find_similar_titles(const std::vector<DuplicateInput>& works, double min_score);

}  // namespace litrev::store
