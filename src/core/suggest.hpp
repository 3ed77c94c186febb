#pragma once
// "Did you mean ...?": the candidates closest to a mistyped word (a command, an option, a
// library key), for error messages. Pure functions.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace litrev {

// Optimal string alignment distance (insertions, deletions, substitutions and transpositions of
// adjacent bytes), case-insensitive for ASCII. Stops early and returns limit + 1 once the
// distance is known to exceed limit.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// Collects the candidates closest to `word`, fed one by one (a library's keys are streamed from
// the store, not held). A candidate counts when its distance is at most a third of the word's
// length (at least 2), or when the word, 3 bytes or longer, begins it ("dimaggio" finds
// "dimaggio1983"). Ties keep the order candidates came in.
class ClosestMatches {
 public:
  explicit ClosestMatches(std::string_view word, std::size_t max_results = 3);
  void consider(std::string_view candidate);
  // Best first.
  std::vector<std::string> best() const;

 private:
  struct Scored {
    std::size_t distance;
    std::string text;
  };
  std::string word_;
  std::size_t max_results_;
  std::size_t limit_;
  std::vector<Scored> best_;  // sorted, at most max_results_
};

// The best matches of word among candidates (see ClosestMatches).
std::vector<std::string> closest_matches(std::string_view word, const std::vector<std::string>& candidates,
                                         std::size_t max_results = 3);

// "'a'", "'a' or 'b'", "'a', 'b' or 'c'": for "did you mean ...?".
std::string quoted_alternatives(const std::vector<std::string>& words);

}  // namespace litrev
