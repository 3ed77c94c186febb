#include "importers/bibtex/lexer.hpp"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace litrev::bibtex::lex {

namespace {

const char* find_byte(const char* p, const char* end, char c) {
  if (p >= end) return end;
  const void* hit = std::memchr(p, c, static_cast<std::size_t>(end - p));
  return hit ? static_cast<const char*>(hit) : end;
}

// Eight bytes at a time: does the word hold a byte equal to any of the (up to three)
// targets? The classic "has zero byte" test on word ^ broadcast(target). Lets the brace
// scans skip plain text without a table lookup per byte.
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
inline std::uint64_t zero_bytes(std::uint64_t v) { return (v - kOnes) & ~v & kHighs; }
inline std::uint64_t broadcast(char c) { return kOnes * static_cast<unsigned char>(c); }

template <char A, char B, char C, char D>
const char* skip_until_any(const char* p, const char* end) {
  static_assert(A != 0);
#if defined(__SSE2__)
  // Sixteen bytes at a time where SSE2 is there (every x86-64).
  const __m128i a = _mm_set1_epi8(A), b = _mm_set1_epi8(B), c = _mm_set1_epi8(C), d = _mm_set1_epi8(D);
  while (end - p >= 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, a), _mm_cmpeq_epi8(x, b)), _mm_cmpeq_epi8(x, c));
    if constexpr (D != 0) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, d));
    if (const int mask = _mm_movemask_epi8(hit)) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  while (end - p >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    std::uint64_t hit = zero_bytes(w ^ broadcast(A)) | zero_bytes(w ^ broadcast(B)) | zero_bytes(w ^ broadcast(C));
    if constexpr (D != 0) hit |= zero_bytes(w ^ broadcast(D));
    if (hit) break;  // the exact byte is found by the loop below
    p += 8;
  }
  while (p < end && *p != A && *p != B && *p != C && (D == 0 || *p != D)) ++p;
  return p;
}

// A '\n' inside a value: does the next line say the value ran away? Returns its '@'.
inline const char* runaway_at(const char* newline, const char* end, Runaway rule) {
  if (rule == Runaway::never) return nullptr;
  const char* q = skip_blank(newline + 1, end);
  if (q < end && *q == '@' && (rule == Runaway::at_any_at_line || looks_like_entry_header(q, end))) return q;
  return nullptr;
}

// An odd number of backslashes right before p.
inline bool escaped(const char* start, const char* p) {
  std::size_t n = 0;
  while (p > start && p[-1] == '\\') --p, ++n;
  return n % 2 == 1;
}

}  // namespace

const char* end_of_line(const char* p, const char* end) { return find_byte(p, end, '\n'); }

const char* skip_comments_slow(const char* p, const char* end) {
  for (;;) {
    p = skip_space(p, end);
    if (p < end && *p == '%') {
      p = end_of_line(p, end);
      continue;
    }
    return p;
  }
}

bool at_line_start(const char* begin, const char* p) {
  while (p > begin && p[-1] != '\n' && is_space(p[-1])) --p;
  return p == begin || p[-1] == '\n';
}

bool looks_like_entry_header(const char* p, const char* end) {
  const char* q = skip_blank(p + 1, end);
  if (q >= end || !is_ascii_letter(*q)) return false;
  q = skip_class(q, end, kBare);
  q = skip_blank(q, end);
  return q < end && (*q == '{' || *q == '(');
}

const char* find_line_starting_with_at(const char* begin, const char* p, const char* end) {
  const char* q = p;
  if (!at_line_start(begin, q)) {
    q = find_byte(q, end, '\n');
    if (q == end) return end;
    ++q;
  }
  for (;;) {
    const char* r = skip_blank(q, end);
    if (r < end && *r == '@') return r;
    q = find_byte(r, end, '\n');
    if (q == end) return end;
    ++q;
  }
}

Span scan_braced(const char* p, const char* end, Runaway runaway) {
  std::size_t depth = 0, max_depth = 0;
  for (;;) {
    p = skip_until_any<'{', '}', '\n', 0>(p, end);
    if (p == end) return {end, Span::Stop::end_of_text, max_depth};
    switch (*p) {
      case '{': max_depth = std::max(max_depth, ++depth); break;
      case '}':
        if (depth == 0) return {p, Span::Stop::closed, max_depth};
        --depth;
        break;
      default:  // '\n'
        if (const char* at = runaway_at(p, end, runaway)) return {at, Span::Stop::runaway, max_depth};
    }
    ++p;
  }
}

Span scan_braced_escaped(const char* p, const char* end, Runaway runaway) {
  std::size_t depth = 0, max_depth = 0;
  for (; p < end; ++p) {
    switch (*p) {
      case '\\':
        if (p + 1 < end && p[1] != '\n') ++p;
        break;
      case '{': max_depth = std::max(max_depth, ++depth); break;
      case '}':
        if (depth == 0) return {p, Span::Stop::closed, max_depth};
        --depth;
        break;
      case '\n':
        if (const char* at = runaway_at(p, end, runaway)) return {at, Span::Stop::runaway, max_depth};
        break;
      default: break;
    }
  }
  return {end, Span::Stop::end_of_text, max_depth};
}

Span scan_quoted(const char* p, const char* end, Runaway runaway) {
  const char* const start = p;
  std::size_t depth = 0, max_depth = 0;
  for (;;) {
    p = skip_until_any<'{', '}', '"', '\n'>(p, end);
    if (p == end) return {end, Span::Stop::end_of_text, max_depth};
    switch (*p) {
      case '{': max_depth = std::max(max_depth, ++depth); break;
      case '}':
        // BibTeX would report an unbalanced '}' here; staying at depth 0 keeps the quote
        // as the terminator, which is what the author meant.
        if (depth > 0) --depth;
        break;
      case '"':
        // BibTeX ends the value at any '"' at depth 0, but `"M\"uller"` (an umlaut without
        // braces) is a common slip and never meant as the end: an odd run of backslashes
        // before the quote escapes it.
        if (depth == 0 && !escaped(start, p)) return {p, Span::Stop::closed, max_depth};
        break;
      default:  // '\n'
        if (const char* at = runaway_at(p, end, runaway)) return {at, Span::Stop::runaway, max_depth};
    }
    ++p;
  }
}

Span scan_comment_block(const char* p, const char* end, char open, char close, Runaway runaway) {
  std::size_t depth = 0, max_depth = 0;
  for (; p < end; ++p) {
    if (*p == open) {
      max_depth = std::max(max_depth, ++depth);
    } else if (*p == close) {
      if (depth == 0) return {p, Span::Stop::closed, max_depth};
      --depth;
    } else if (*p == '\n') {
      if (const char* at = runaway_at(p, end, runaway)) return {at, Span::Stop::runaway, max_depth};
    }
  }
  return {end, Span::Stop::end_of_text, max_depth};
}

std::size_t count_code_points(const char* b, const char* e) {
  std::size_t n = 0;
  for (; b < e; ++b) n += (static_cast<unsigned char>(*b) & 0xC0) != 0x80;
  return n;
}

LineTracker::LineTracker(const char* begin, const char* end)
    : begin_(begin), end_(end), counted_(begin), line_start_(begin), col_pos_(begin) {}

std::size_t count_newlines(const char* p, const char* end) {
  std::size_t n = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time: each lane counts its matches (at most 255 rounds), then the
  // lanes are summed with psadbw.
  const __m128i nl = _mm_set1_epi8('\n');
  while (end - p >= 16) {
    __m128i acc = _mm_setzero_si128();
    const std::ptrdiff_t rounds = std::min<std::ptrdiff_t>((end - p) / 16, 255);
    for (std::ptrdiff_t i = 0; i < rounds; ++i, p += 16)
      acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), nl));
    const __m128i sums = _mm_sad_epu8(acc, _mm_setzero_si128());
    n += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) + static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
  }
#endif
  // Eight bytes at a time: an exact "this byte is zero" mask of word ^ "\n\n\n...",
  // then a popcount.
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  const std::uint64_t pattern = broadcast('\n');
  while (end - p >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    w ^= pattern;
    const std::uint64_t zero = ~(((w & kLow7) + kLow7) | w | kLow7);
    // One bit per matching byte (bit 7); summing the bytes by a multiply avoids needing
    // the POPCNT instruction (not in baseline x86-64).
    n += static_cast<std::size_t>(((zero >> 7) * kOnes) >> 56);
    p += 8;
  }
  for (; p < end; ++p) n += *p == '\n';
  return n;
}

void LineTracker::advance_to(const char* p) {
  if (const std::size_t n = count_newlines(counted_, p)) {
    line_ += static_cast<std::uint32_t>(n);
    line_start_ = static_cast<const char*>(memrchr(counted_, '\n', static_cast<std::size_t>(p - counted_))) + 1;
  }
  counted_ = p;
}

void LineTracker::retreat_to(const char* p) {
  line_ -= static_cast<std::uint32_t>(count_newlines(p, counted_));
  const void* nl = p > begin_ ? memrchr(begin_, '\n', static_cast<std::size_t>(p - begin_)) : nullptr;
  line_start_ = nl ? static_cast<const char*>(nl) + 1 : begin_;
  counted_ = p;
}

Position LineTracker::at(const char* p) {
  if (p > end_) p = end_;
  if (p >= counted_)
    advance_to(p);
  else
    retreat_to(p);
  if (col_pos_ < line_start_ || col_pos_ > p) {
    col_pos_ = line_start_;
    col_ = 1;
  }
  col_ += static_cast<std::uint32_t>(count_code_points(col_pos_, p));
  col_pos_ = p;
  return {line_, col_};
}

}  // namespace litrev::bibtex::lex
