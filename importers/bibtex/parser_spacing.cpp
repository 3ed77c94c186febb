#include "importers/bibtex/parser_spacing.hpp"

#include "importers/bibtex/lexer.hpp"

#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace litrev::bibtex {

namespace {
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
}  // namespace

std::span<const std::string_view> default_line_break_fields() {
  static constexpr std::array<std::string_view, 10> kFields = {
      "cited-references",  // WoS: one cited reference per line
      "references",        // Scopus separates by "; " but some exports break lines
      "abstract",          // paragraphs
      "note",
      "annote",
      "annotation",
      "comment",
      "comments",
      "file",    // JabRef/Mendeley: one attached file per line in some versions
      "review",  // JabRef's review field: free text
  };
  return kFields;
}

void ValueBuilder::start(std::string& out, Spacing spacing, bool trim_ends) {
  out.clear();
  out_ = &out;
  spacing_ = spacing;
  trim_ends_ = trim_ends;
  // Whitespace at the very start is dropped when trimming: as if a space came before.
  prev_space_ = trim_ends;
  pending_space_ = false;
  pending_newlines_ = 0;
}

void ValueBuilder::finish() {
  // collapse writes a run's space as soon as it starts; a trailing one goes here.
  if (spacing_ == Spacing::collapse && trim_ends_ && !out_->empty() && out_->back() == ' ') out_->pop_back();
  pending_space_ = false;
  pending_newlines_ = 0;
}

void ValueBuilder::append(const char* b, const char* e) {
  std::string& out = *out_;
  const std::size_t old = out.size();
  // Each output byte comes from an input byte, except the separator owed by the previous
  // piece (at most two newlines): size for the worst case, then trim.
  out.resize(old + static_cast<std::size_t>(e - b) + 2);
  char* const base = out.data();
  char* o = base + old;
  if (spacing_ == Spacing::collapse) {
    // The hot loop of the whole parser. Eight bytes at a time when they need no change:
    // no byte below '!' except single spaces, none right after other whitespace. Else
    // byte by byte, without branches: every byte is stored (whitespace as ' ') and the
    // output advances unless it is a second whitespace byte in a row.
    bool prev = prev_space_;
#if defined(__SSE2__)
    const __m128i blank = _mm_set1_epi8(' ');
    while (e - b >= 16) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b));
      const auto below = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(x, blank), blank)));
      const auto spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, blank)));
      if (below == spaces && (spaces & (spaces << 1)) == 0 && !(prev && (spaces & 1))) {
        _mm_storeu_si128(reinterpret_cast<__m128i*>(o), x);
        o += 16;
        b += 16;
        prev = (spaces >> 15) != 0;
        continue;
      }
      for (const char* stop = b + 16; b < stop; ++b) {
        const char c = *b;
        const bool is = lex::is_space(c);
        *o = is ? ' ' : c;
        o += !(is && prev);
        prev = is;
      }
    }
#endif
    while (e - b >= 8) {
      std::uint64_t w;
      std::memcpy(&w, b, 8);
      const std::uint64_t below = ~(((w & kLow7) + kOnes * 0x5F) | w) & kHigh;  // bytes < 0x21
      const std::uint64_t x = w ^ (kOnes * ' ');
      const std::uint64_t spaces = ~(((x & kLow7) + kLow7) | x | kLow7);  // bytes == ' '
      if (below == spaces && (spaces & (spaces << 8)) == 0 && !(prev && (spaces & 0x80))) {
        std::memcpy(o, b, 8);
        o += 8;
        prev = (spaces >> 63) != 0;
      } else {
        for (const char* stop = b + 8; b < stop; ++b) {
          const char c = *b;
          const bool space = lex::is_space(c);
          *o = space ? ' ' : c;
          o += !(space && prev);
          prev = space;
        }
        continue;
      }
      b += 8;
    }
    for (; b < e; ++b) {
      const char c = *b;
      const bool space = lex::is_space(c);
      *o = space ? ' ' : c;
      o += !(space && prev);
      prev = space;
    }
    prev_space_ = prev;
  } else {
#if defined(__SSE2__)
    // Sixteen bytes that need no change, copied as they are: nothing pending, no byte below
    // '!' except single spaces, none at either end of the block.
    const __m128i blank = _mm_set1_epi8(' ');
    while (e - b >= 16 && pending_newlines_ == 0 && !pending_space_) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b));
      const auto below = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(x, blank), blank)));
      const auto spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, blank)));
      if (below != spaces || (spaces & (spaces << 1)) != 0 || (spaces & 0x8001) != 0) break;
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o), x);
      o += 16;
      b += 16;
    }
#endif
    for (; b < e; ++b) {
      const char c = *b;
      if (c == '\n') {
        ++pending_newlines_;
        continue;
      }
      if (lex::is_space(c)) {
        pending_space_ = true;
        continue;
      }
      if (o != base) {  // (keep_lines values are always trimmed)
        if (pending_newlines_ > 0) {
          *o++ = '\n';
          if (pending_newlines_ > 1) *o++ = '\n';
        } else if (pending_space_) {
          *o++ = ' ';
        }
      }
      pending_newlines_ = 0;
      pending_space_ = false;
      *o++ = c;
    }
  }
  out.resize(static_cast<std::size_t>(o - base));
}

}  // namespace litrev::bibtex
