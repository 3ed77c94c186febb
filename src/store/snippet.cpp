#include "src/store/snippet.hpp"

#include <algorithm>

#include "src/core/text.hpp"

namespace litrev::store {
namespace {

bool is_operator(std::string_view word) { return word == "AND" || word == "OR" || word == "NOT" || word == "NEAR"; }

// Index just past what starts at `at` (after spaces): a quoted phrase, a parenthesised group,
// or one word; `at` when nothing follows.
std::size_t end_of_operand(std::string_view q, std::size_t at) {
  while (at < q.size() && (q[at] == ' ' || q[at] == '\t' || q[at] == '\n')) ++at;
  if (at >= q.size()) return at;
  if (q[at] == '"') {
    const auto close = q.find('"', at + 1);
    return close == std::string_view::npos ? q.size() : close + 1;
  }
  if (q[at] == '(') {
    int depth = 0;
    for (std::size_t i = at; i < q.size(); ++i) {
      if (q[i] == '(') ++depth;
      if (q[i] == ')' && --depth == 0) return i + 1;
    }
    return q.size();
  }
  const auto spans = word_spans(q.substr(at));
  return spans.empty() ? q.size() : at + spans.front().end;
}

struct Hit {
  std::size_t token;
  std::size_t term;
};

struct Window {
  std::size_t distinct = 0, hits = 0;
  std::size_t first = 0, last = 0;  // tokens of the first and last hit in it
  bool better_than(const Window& o) const { return distinct != o.distinct ? distinct > o.distinct : hits > o.hits; }
};

// The best window of `width` tokens starting at a hit: two pointers over the hits.
Window best_window(const std::vector<Hit>& hits, std::size_t terms, std::size_t width) {
  Window best;
  std::vector<std::size_t> count(terms, 0);
  std::size_t distinct = 0, end = 0;
  for (std::size_t begin = 0; begin < hits.size(); ++begin) {
    while (end < hits.size() && hits[end].token < hits[begin].token + width) {
      if (count[hits[end].term]++ == 0) ++distinct;
      ++end;
    }
    const Window w{distinct, end - begin, hits[begin].token, hits[end - 1].token};
    if (w.better_than(best)) best = w;
    if (--count[hits[begin].term] == 0) --distinct;
  }
  return best;
}

struct ColumnMatch {
  std::vector<WordSpan> spans;
  std::vector<Hit> hits;
  Window window;
};

ColumnMatch match_column(std::string_view text, std::span<const SnippetTerm> terms, std::size_t width) {
  ColumnMatch m;
  m.spans = word_spans(text);
  std::string word;
  for (std::size_t t = 0; t < m.spans.size(); ++t) {
    const std::string_view raw = text.substr(m.spans[t].begin, m.spans[t].end - m.spans[t].begin);
    // ASCII words (most of them) are folded in place, without core fold()'s allocations.
    if (std::all_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
      word.assign(raw);
      for (char& c : word)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    } else {
      word = fold(raw);
    }
    for (std::size_t k = 0; k < terms.size(); ++k) {
      const auto& term = terms[k];
      if (term.prefix ? word.starts_with(term.folded) : word == term.folded) {
        m.hits.push_back({t, k});
        break;
      }
    }
  }
  if (!m.hits.empty()) m.window = best_window(m.hits, terms.size(), width);
  return m;
}

}  // namespace

std::vector<SnippetTerm> snippet_terms(std::string_view q) {
  // Byte ranges of "quoted phrases" (their words are words, even AND or NOT) and of
  // {column lists} (names, not words).
  auto ranges = [&](char open, char close) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (auto at = q.find(open); at != std::string_view::npos; at = q.find(open, out.back().second + 1)) {
      const auto end = q.find(close, at + 1);
      out.emplace_back(at, end == std::string_view::npos ? q.size() : end);
      if (end == std::string_view::npos) break;
    }
    return out;
  };
  const auto phrases = ranges('"', '"');
  const auto column_lists = ranges('{', '}');
  auto inside = [](const auto& list, std::size_t at) {
    return std::any_of(list.begin(), list.end(), [&](const auto& r) { return at > r.first && at < r.second; });
  };

  std::vector<SnippetTerm> terms;
  std::size_t skip_until = 0;  // what NOT excludes
  for (const auto& span : word_spans(q)) {
    if (span.begin < skip_until || inside(column_lists, span.begin)) continue;
    const std::string_view word = q.substr(span.begin, span.end - span.begin);
    const bool literal = inside(phrases, span.begin);
    if (!literal && word == "NOT") {
      skip_until = end_of_operand(q, span.end);
      continue;
    }
    if (!literal && is_operator(word)) continue;
    std::size_t after = span.end;
    while (after < q.size() && q[after] == ' ') ++after;
    if (!literal && after < q.size() && q[after] == ':') continue;  // a column filter
    SnippetTerm term{fold(word), !literal && span.end < q.size() && q[span.end] == '*'};
    if (term.folded.empty()) continue;
    const bool known = std::any_of(terms.begin(), terms.end(), [&](const SnippetTerm& t) {
      return t.folded == term.folded && t.prefix == term.prefix;
    });
    if (!known) terms.push_back(std::move(term));
  }
  return terms;
}

std::string make_snippet(std::span<const std::string_view> texts, std::span<const SnippetTerm> terms,
                         std::size_t window) {
  if (terms.empty() || window == 0) return {};
  std::size_t best_column = texts.size();
  ColumnMatch best;
  for (std::size_t c = 0; c < texts.size(); ++c) {
    ColumnMatch m = match_column(texts[c], terms, window);
    if (m.hits.empty()) continue;
    if (best_column == texts.size() || m.window.better_than(best.window)) {
      best = std::move(m);
      best_column = c;
    }
  }
  if (best_column == texts.size()) return {};
  const std::string_view text = texts[best_column];
  const auto& spans = best.spans;
  // Centre the hits in the window where the text allows it.
  const std::size_t used = best.window.last - best.window.first + 1;
  std::size_t first = best.window.first - std::min(best.window.first, (window - used) / 2);
  const std::size_t last = std::min(spans.size(), first + window) - 1;
  if (last + 1 - first < window) first = last + 1 > window ? last + 1 - window : 0;

  std::string out = first > 0 ? "…" : "";
  auto hit = std::lower_bound(best.hits.begin(), best.hits.end(), first,
                              [](const Hit& h, std::size_t t) { return h.token < t; });
  std::size_t at = spans[first].begin;
  for (std::size_t t = first; t <= last; ++t) {
    // What separates two words, on one line: an abstract's line breaks and indentation are
    // layout, and a snippet is printed as one line under its work.
    bool in_space = false;
    for (std::size_t i = at; i < spans[t].begin; ++i) {
      const char c = text[i];
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
      if (!space) out.push_back(c);
      else if (!in_space) out.push_back(' ');
      in_space = space;
    }
    const std::string_view word = text.substr(spans[t].begin, spans[t].end - spans[t].begin);
    if (hit != best.hits.end() && hit->token == t) {
      out += '[';
      out += word;
      out += ']';
      ++hit;
    } else {
      out += word;
    }
    at = spans[t].end;
  }
  if (last + 1 < spans.size()) out += "…";
  return out;
}

}  // namespace litrev::store
