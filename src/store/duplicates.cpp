#include "src/store/duplicates.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

#include "src/core/text.hpp"

namespace litrev::store {
namespace {

// A block of titles sharing their first words bigger than this is a generic opening ("the
// role of the"), not a duplicate signal; its pairs still meet through the trigram index.
constexpr std::size_t kMaxPrefixBlock = 500;

struct Prepared {
  std::vector<std::uint32_t> by_code;    // distinct trigrams, sorted by code (for overlap)
  std::vector<std::uint32_t> by_rarity;  // the same, rarest first (for prefix filtering)
  std::size_t words = 0;
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

}  // namespace

std::vector<DuplicatePair> find_similar_titles(const std::vector<DuplicateInput>& works, double min_score) {
  // The adjustments add at most 0.10, so a pair needs a title similarity of min_score - 0.10.
  const double threshold = std::max(0.3, min_score - 0.10);
  std::vector<Prepared> prepared(works.size());
  std::unordered_map<std::uint32_t, std::uint32_t> frequency;
  for (std::size_t i = 0; i < works.size(); ++i) {
    const std::string norm = normalized_title(works[i].title);
    auto& p = prepared[i];
    p.words = norm.empty() ? 0 : static_cast<std::size_t>(std::count(norm.begin(), norm.end(), ' ')) + 1;
    if (p.words < 2) continue;  // "Editorial", "Introduction": no evidence either way
    p.by_code = trigrams(norm);
    for (auto t : p.by_code) ++frequency[t];
    std::size_t cut = 0;
    for (int w = 0; w < 4 && cut != std::string::npos; ++w) cut = norm.find(' ', cut + 1);
    p.first_words = norm.substr(0, cut);
  }
  for (auto& p : prepared) {
    p.by_rarity = p.by_code;
    std::sort(p.by_rarity.begin(), p.by_rarity.end(), [&](std::uint32_t a, std::uint32_t b) {
      const auto fa = frequency[a], fb = frequency[b];
      return fa != fb ? fa < fb : a < b;
    });
  }

  // Prefix filtering: with tokens in one global order (rarest first), two sets whose overlap
  // is at least alpha share a token among the first |x| - alpha + 1 of each. Pairs considered
  // have size ratio >= 1/2 or Jaccard >= threshold, so alpha >= ceil(threshold * |x| / 2).
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> index;
  std::unordered_map<std::string, std::vector<std::uint32_t>> blocks;
  std::vector<std::uint32_t> stamp(works.size(), UINT32_MAX);
  std::vector<DuplicatePair> out;
  for (std::uint32_t x = 0; x < works.size(); ++x) {
    const auto& px = prepared[x];
    if (px.by_code.empty()) continue;
    const std::size_t n = px.by_rarity.size();
    const auto alpha = static_cast<std::size_t>(std::ceil(threshold * static_cast<double>(n) / 2.0));
    const std::size_t prefix = n - std::min(n, alpha) + 1;
    std::vector<std::uint32_t> candidates;
    for (std::size_t k = 0; k < std::min(prefix, n); ++k)
      if (auto it = index.find(px.by_rarity[k]); it != index.end())
        for (auto y : it->second)
          if (stamp[y] != x) stamp[y] = x, candidates.push_back(y);
    auto& block = blocks[px.first_words];
    if (block.size() <= kMaxPrefixBlock)
      for (auto y : block)
        if (stamp[y] != x) stamp[y] = x, candidates.push_back(y);
    std::sort(candidates.begin(), candidates.end());
    for (auto y : candidates) {
      const double sim = title_similarity(prepared[y], px);
      if (sim < threshold) continue;
      const auto& a = works[y];
      const auto& b = works[x];
      double score = sim;
      std::string reason = fmt::format("title similarity {:.2f}", sim);
      if (a.year && b.year) {
        if (*a.year == *b.year) score += 0.05, reason += "; same year";
        else if (std::abs(*a.year - *b.year) > 1) score -= 0.15, reason += fmt::format("; years {} and {}", *a.year, *b.year);
        else reason += "; years one apart";
      }
      if (!a.family.empty() && !b.family.empty()) {
        if (a.family == b.family) score += 0.05, reason += "; same first author";
        else score -= 0.15, reason += "; different first authors";
      }
      if (!a.dois.empty() && !b.dois.empty() && !share_doi(a, b)) score -= 0.10, reason += "; different DOIs";
      score = std::clamp(score, 0.0, 1.0);
      if (score >= min_score) out.push_back(DuplicatePair{y, x, score, std::move(reason)});
    }
    for (std::size_t k = 0; k < std::min(prefix, n); ++k) index[px.by_rarity[k]].push_back(x);
    block.push_back(x);
  }
  std::sort(out.begin(), out.end(), [](const DuplicatePair& l, const DuplicatePair& r) {
    return l.score != r.score ? l.score > r.score : std::tie(l.a, l.b) < std::tie(r.a, r.b);
  });
  return out;
}

}  // namespace litrev::store
