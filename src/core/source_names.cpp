#include "src/core/source_names.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "src/core/text.hpp"

namespace litrev {
namespace {

using Words = std::vector<std::string>;

// Words ISO 4 and WoS leave out of an abbreviation (English, French, German, Spanish, Italian,
// Portuguese articles, prepositions and conjunctions).
bool is_dropped_word(std::string_view w) {
  static constexpr std::array<std::string_view, 46> kDropped = {
      "a",   "an",  "the", "of",  "and", "in",  "for", "on",  "to",   "at",  "by",  "with",
      "from", "de", "la",  "le",  "les", "l",   "des", "du",  "d",    "et",  "en",  "au",
      "aux", "der", "die", "das", "und", "fur", "zur", "im",  "y",    "el",  "los", "las",
      "del", "da",  "do",  "dos", "di",  "e",   "il",  "per", "della", "für"};
  return std::find(kDropped.begin(), kDropped.end(), w) != kDropped.end();
}

// "sociol" for "sociological", "natl" for "national" (prefix + suffix: ISO 4 contractions keep
// the last letter). A contraction ending in "s" is refused: "res" would then be "reviews".
bool word_abbreviates(std::string_view a, std::string_view w) {
  if (a.size() > w.size()) return false;
  if (w.starts_with(a)) return true;
  if (a.size() < 3 || a.back() == 's' || a.front() != w.front()) return false;
  for (std::size_t cut = 1; cut < a.size(); ++cut)
    if (w.starts_with(a.substr(0, cut)) && w.ends_with(a.substr(cut)) && w.size() >= a.size() + 2) return true;
  return false;
}

bool is_letters(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// a[i..] against f[j..] (f without dropped words); `matched` counts words of a that stood for
// something. Backtracking is shallow: only dropped words and acronyms branch.
bool match_from(const Words& a, std::size_t i, const Words& f, std::size_t j, std::size_t matched) {
  if (i == a.size()) return j == f.size() || (matched >= 2 && j > 0);
  const std::string& x = a[i];
  if (j < f.size() && word_abbreviates(x, f[j]) && match_from(a, i + 1, f, j + 1, matched + 1)) return true;
  if (x.size() >= 2 && x.size() <= 4 && is_letters(x) && j + x.size() <= f.size()) {
    bool acronym = true;
    for (std::size_t k = 0; k < x.size() && acronym; ++k) acronym = f[j + k].front() == x[k];
    if (acronym && match_from(a, i + 1, f, j + x.size(), matched + 1)) return true;
  }
  return is_dropped_word(x) && match_from(a, i + 1, f, j, matched);
}

Words significant(Words ws) {
  std::erase_if(ws, [](const std::string& w) { return is_dropped_word(w); });
  return ws;
}

bool abbreviates_words(const Words& a, const Words& f) {
  if (a.empty() || f.empty()) return false;
  return match_from(a, 0, significant(f), 0, 0);
}

}  // namespace

bool abbreviates(std::string_view abbreviation, std::string_view full) {
  return abbreviates_words(words(abbreviation), words(full));
}

bool abbreviates_title(std::string_view abbreviation, std::string_view title) {
  const Words a = significant(words(abbreviation)), f = significant(words(title));
  if (a.size() < 2 || f.size() < 2) return false;
  if (!word_abbreviates(a[0], f[0]) || !word_abbreviates(a[1], f[1])) return false;
  // Greedy: matching each word to the earliest title word it can stand for never loses a match.
  std::size_t j = 2;
  for (std::size_t i = 2; i < a.size(); ++i, ++j) {
    while (j < f.size() && !word_abbreviates(a[i], f[j])) ++j;
    if (j == f.size()) return false;
  }
  return true;
}

bool source_names_match(std::string_view a, std::string_view b) {
  const Words x = words(a), y = words(b);
  if (x.empty() || y.empty()) return false;
  return x == y || abbreviates_words(x, y) || abbreviates_words(y, x);
}

}  // namespace litrev
