#include "src/store/duplicates.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <unordered_map>

#include "src/core/text.hpp"

namespace litrev::store {
namespace {

// A block of titles sharing their first words bigger than this is a generic opening ("the
// role of the"), not a duplicate signal; its pairs still meet through the trigram index.
constexpr std::size_t kMaxPrefixBlock = 500;
// A word found in more titles than this is a stop word for candidate generation: its posting
// list is not read (a near-duplicate pair shares rarer words too), which bounds the work per
// title whatever the library.
constexpr std::size_t kMaxPosting = 2000;

struct Prepared {
  std::vector<std::uint32_t> by_code;  // distinct trigrams, sorted by code (similarity)
  std::vector<std::uint32_t> words_by_rarity;  // distinct word ids, rarest first (candidates)
  std::vector<std::uint32_t> words_by_id;      // the same, sorted (quick word overlap)
  std::size_t words = 0;
  std::string norm;
  std::string first_words;
};

std::vector<std::uint32_t> trigrams(const std::string& norm) {
  const std::string padded = " " + norm + " ";
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i + 3 <= padded.size(); ++i)
    out.push_back((static_cast<std::uint32_t>(static_cast<unsigned char>(padded[i])) << 16) |
                  (static_cast<std::uint32_t>(static_cast<unsigned char>(padded[i + 1])) << 8) |
                  static_cast<unsigned char>(padded[i + 2]));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::size_t overlap(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  std::size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else ++n, ++i, ++j;
  }
  return n;
}

double title_similarity(const Prepared& x, const Prepared& y) {
  const std::size_t o = overlap(x.by_code, y.by_code);
  const double small = static_cast<double>(std::min(x.by_code.size(), y.by_code.size()));
  const double large = static_cast<double>(std::max(x.by_code.size(), y.by_code.size()));
  const double jaccard = static_cast<double>(o) / (small + large - static_cast<double>(o));
  const bool contained_ok = small >= 0.5 * large && std::min(x.words, y.words) >= 3;
  return contained_ok ? std::max(jaccard, 0.95 * static_cast<double>(o) / small) : jaccard;
}

bool share_doi(const DuplicateInput& a, const DuplicateInput& b) {
  for (const auto& d : a.dois)
    if (std::find(b.dois.begin(), b.dois.end(), d) != b.dois.end()) return true;
  return false;
}

// Trigrams, word count and first words of one title; empty trigrams for a one-word title
// ("Editorial", "Introduction": no evidence either way).
Prepared prepare(const DuplicateInput& work) {
  Prepared p;
  p.norm = normalized_title(work.title);
  p.words = p.norm.empty() ? 0 : static_cast<std::size_t>(std::count(p.norm.begin(), p.norm.end(), ' ')) + 1;
  if (p.words < 2) return p;
  p.by_code = trigrams(p.norm);
  std::size_t cut = 0;
  for (int w = 0; w < 4 && cut != std::string::npos; ++w) cut = p.norm.find(' ', cut + 1);
  p.first_words = p.norm.substr(0, cut);
  return p;
}

// The adjustments add at most 0.10, so a pair needs a title similarity of min_score - 0.10.
double title_threshold(double min_score) { return std::max(0.3, min_score - 0.10); }

std::optional<DuplicatePair> score(const DuplicateInput& a, const Prepared& pa, const DuplicateInput& b,
                                   const Prepared& pb, double min_score) {
  if (pa.by_code.empty() || pb.by_code.empty()) return std::nullopt;
  // Size filter: Jaccard is at most small/large, containment needs small >= large/2.
  const auto small = std::min(pa.by_code.size(), pb.by_code.size());
  const auto large = std::max(pa.by_code.size(), pb.by_code.size());
  if (static_cast<double>(small) < std::min(0.5, title_threshold(min_score)) * static_cast<double>(large))
    return std::nullopt;
  const double sim = title_similarity(pa, pb);
  if (sim < title_threshold(min_score)) return std::nullopt;
  double value = sim;
  std::string reason = fmt::format("title similarity {:.2f}", sim);
  if (a.year && b.year) {
    if (*a.year == *b.year) value += 0.05, reason += "; same year";
    else if (std::abs(*a.year - *b.year) > 1) value -= 0.15, reason += fmt::format("; years {} and {}", *a.year, *b.year);
    else reason += "; years one apart";
  }
  if (!a.family.empty() && !b.family.empty()) {
    if (a.family == b.family) value += 0.05, reason += "; same first author";
    else value -= 0.15, reason += "; different first authors";
  }
  if (!a.dois.empty() && !b.dois.empty() && !share_doi(a, b)) value -= 0.10, reason += "; different DOIs";
  value = std::clamp(value, 0.0, 1.0);
  if (value < min_score) return std::nullopt;
  return DuplicatePair{0, 0, value, std::move(reason)};
}

}  // namespace

std::optional<DuplicatePair> score_pair(const DuplicateInput& a, const DuplicateInput& b, double min_score) {
  auto pair = score(a, prepare(a), b, prepare(b), min_score);
  if (pair) pair->b = 1;
  return pair;
}

std::vector<DuplicatePair> find_similar_titles(const std::vector<DuplicateInput>& works, double min_score) {
  std::vector<Prepared> prepared;
  prepared.reserve(works.size());
  std::unordered_map<std::string, std::uint32_t> dictionary;
  std::vector<std::uint32_t> frequency;  // by word id
  for (const auto& w : works) {
    Prepared p = prepare(w);
    if (!p.by_code.empty()) {
      std::size_t start = 0;
      while (start <= p.norm.size()) {
        const auto end = std::min(p.norm.find(' ', start), p.norm.size());
        const auto [it, added] = dictionary.try_emplace(p.norm.substr(start, end - start),
                                                        static_cast<std::uint32_t>(dictionary.size()));
        if (added) frequency.push_back(0);
        p.words_by_rarity.push_back(it->second);
        start = end + 1;
      }
      std::sort(p.words_by_rarity.begin(), p.words_by_rarity.end());
      p.words_by_rarity.erase(std::unique(p.words_by_rarity.begin(), p.words_by_rarity.end()), p.words_by_rarity.end());
      p.words_by_id = p.words_by_rarity;
      for (auto id : p.words_by_rarity) ++frequency[id];
    }
    prepared.push_back(std::move(p));
  }
  for (auto& p : prepared)
    std::sort(p.words_by_rarity.begin(), p.words_by_rarity.end(), [&](std::uint32_t a, std::uint32_t b) {
      return frequency[a] != frequency[b] ? frequency[a] < frequency[b] : a < b;
    });

  // Candidates: titles that share one of the rarer half of their words, or their first four
  // words. The first is prefix filtering for word Jaccard >= 1/2 (with words in one global
  // order, rarest first, two sets with Jaccard >= t share one of the first |x| - ceil(t |x|) + 1
  // words of each): a few typos or an added subtitle leave at least half the words in common.
  // The second catches a title with a long subtitle added. Trigrams then score the pair.
  std::vector<std::vector<std::uint32_t>> index(dictionary.size());
  std::unordered_map<std::string, std::vector<std::uint32_t>> blocks;
  std::vector<std::uint32_t> stamp(works.size(), UINT32_MAX);
  std::vector<DuplicatePair> out;
  std::vector<std::uint32_t> candidates;
  for (std::uint32_t x = 0; x < works.size(); ++x) {
    const auto& px = prepared[x];
    if (px.by_code.empty()) continue;
    const std::size_t n = px.words_by_rarity.size();
    const std::size_t prefix = n - (n + 1) / 2 + 1;
    candidates.clear();
    for (std::size_t k = 0; k < std::min(prefix, n); ++k)
      if (const auto& posting = index[px.words_by_rarity[k]]; posting.size() <= kMaxPosting)
        for (auto y : posting)
          if (stamp[y] != x) stamp[y] = x, candidates.push_back(y);
    auto& block = blocks[px.first_words];
    if (block.size() <= kMaxPrefixBlock)
      for (auto y : block)
        if (stamp[y] != x) stamp[y] = x, candidates.push_back(y);
    std::sort(candidates.begin(), candidates.end());
    for (auto y : candidates) {
      // Cheap word test before the trigram score: a typo variant or a title with a subtitle
      // shares at least half the words of the shorter title.
      const auto& py = prepared[y];
      if (2 * overlap(px.words_by_id, py.words_by_id) < std::min(px.words_by_id.size(), py.words_by_id.size())) continue;
      if (auto pair = score(works[y], py, works[x], px, min_score)) {
        pair->a = y;
        pair->b = x;
        out.push_back(std::move(*pair));
      }
    }
    for (std::size_t k = 0; k < std::min(prefix, n); ++k) index[px.words_by_rarity[k]].push_back(x);
    block.push_back(x);
  }
  std::sort(out.begin(), out.end(), [](const DuplicatePair& l, const DuplicatePair& r) {
    return l.score != r.score ? l.score > r.score : std::tie(l.a, l.b) < std::tie(r.a, r.b);
  });
  return out;
}

}  // namespace litrev::store
