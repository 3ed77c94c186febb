#include "src/core/suggest.hpp"

#include <algorithm>

namespace litrev {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_folded(std::string_view text, std::string_view prefix) {
  if (prefix.size() > text.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(text[i]) != lower(prefix[i])) return false;
  return true;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  // Three rows of the dynamic programme (the transposition looks two rows back).
  std::vector<std::size_t> before(m + 1), previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    std::size_t row_min = current[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      std::size_t d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
        d = std::min(d, before[j - 2] + 1);
      current[j] = d;
      row_min = std::min(row_min, d);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], limit + 1);
}

ClosestMatches::ClosestMatches(std::string_view word, std::size_t max_results)
    : word_(word), max_results_(max_results), limit_(std::max<std::size_t>(2, word.size() / 3)) {}

void ClosestMatches::consider(std::string_view candidate) {
  std::size_t distance = edit_distance(word_, candidate, limit_);
  // A prefix counts as one edit: "dimaggio" means "dimaggio1983" more surely than "dimaggi".
  if (distance > limit_ && word_.size() >= 3 && starts_with_folded(candidate, word_)) distance = 1;
  if (distance > limit_ || (distance == 0 && candidate == word_)) return;
  if (best_.size() == max_results_ && distance >= best_.back().distance) return;
  const auto at = std::upper_bound(best_.begin(), best_.end(), distance,
                                   [](std::size_t d, const Scored& s) { return d < s.distance; });
  best_.insert(at, Scored{distance, std::string(candidate)});
  if (best_.size() > max_results_) best_.pop_back();
}

std::vector<std::string> ClosestMatches::best() const {
  std::vector<std::string> out;
  for (const auto& s : best_) out.push_back(s.text);
  return out;
}

std::vector<std::string> closest_matches(std::string_view word, const std::vector<std::string>& candidates,
                                         std::size_t max_results) {
  ClosestMatches matches(word, max_results);
  for (const auto& c : candidates) matches.consider(c);
  return matches.best();
}

std::string quoted_alternatives(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
    out += "'" + words[i] + "'";
  }
  return out;
}

}  // namespace litrev
