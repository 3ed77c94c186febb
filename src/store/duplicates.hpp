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
// least half the longer, three words or more). Candidate pairs share one of the rarer half of
// their words or their first four words (see the .cpp), so the cost grows with the pairs that
// are alike, not with n². Then: +0.05 same year, -0.15 years more than
// one apart; +0.05 same first author, -0.15 different; -0.10 two different DOIs. Pairs scoring
// at least min_score are returned, best first.
std::vector<DuplicatePair> find_similar_titles(const std::vector<DuplicateInput>& works, double min_score);

// The same scoring for one pair, without the candidate filters (a = 0, b = 1); nullopt below
// min_score. For tests and one-off comparisons.
std::optional<DuplicatePair> score_pair(const DuplicateInput& a, const DuplicateInput& b, double min_score);

}  // namespace litrev::store
