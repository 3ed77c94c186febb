#include "src/core/text.hpp"

#include <utf8proc.h>

#include <array>
#include <cstdlib>
#include <memory>

namespace litrev {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string ascii_upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char c : trim(s)) {
    if (is_space(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

std::size_t valid_utf8_prefix(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // Fast path: eight ASCII bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t chunk;
      __builtin_memcpy(&chunk, p + i, 8);
      if (chunk & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    char32_t min;
    if ((c & 0xE0) == 0xC0) len = 2, min = 0x80;
    else if ((c & 0xF0) == 0xE0) len = 3, min = 0x800;
    else if ((c & 0xF8) == 0xF0) len = 4, min = 0x10000;
    else return i;
    if (i + len > n) return i;
    char32_t cp = c & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return n;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string cp1252_to_utf8(std::string_view s) {
  // 0x80-0x9F differ from Latin-1; undefined slots map to U+FFFD.
  static constexpr std::array<char32_t, 32> k80to9F = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (unsigned char c : s) {
    if (c < 0x80) out.push_back(static_cast<char>(c));
    else if (c < 0xA0) append_utf8(out, k80to9F[c - 0x80]);
    else append_utf8(out, c);
  }
  return out;
}

namespace {
struct FreeDeleter {
  void operator()(void* p) const { std::free(p); }
};

std::string utf8proc_apply(std::string_view s, int options) {
  if (s.empty()) return {};
  utf8proc_uint8_t* out = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                              static_cast<utf8proc_ssize_t>(s.size()), &out,
                              static_cast<utf8proc_option_t>(options));
  std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(out);
  if (n < 0) return std::string(s);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

bool all_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}
}  // namespace

std::string nfc(std::string_view s) {
  if (all_ascii(s)) return std::string(s);
  return utf8proc_apply(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string fold(std::string_view s) {
  if (all_ascii(s)) return ascii_lower(s);
  return utf8proc_apply(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                               UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
}

// Iterates the folded text and cuts it at every code point that is not a letter or digit.
template <typename Sink>
static void for_each_word(std::string_view s, Sink&& sink) {
  const std::string folded = fold(s);
  std::string word;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
  utf8proc_ssize_t i = 0;
  const auto n = static_cast<utf8proc_ssize_t>(folded.size());
  while (i < n) {
    utf8proc_int32_t cp;
    const auto len = utf8proc_iterate(p + i, n - i, &cp);
    if (len <= 0) {
      ++i;
      continue;
    }
    const auto cat = utf8proc_category(cp);
    const bool alnum = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                       (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
    if (alnum) {
      word.append(folded, static_cast<std::size_t>(i), static_cast<std::size_t>(len));
    } else if (!word.empty()) {
      sink(std::move(word));
      word.clear();
    }
    i += len;
  }
  if (!word.empty()) sink(std::move(word));
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  for_each_word(s, [&](std::string&& w) { out.push_back(std::move(w)); });
  return out;
}

std::string lowercase(std::string_view s) {
  if (all_ascii(s)) return ascii_lower(s);
  return utf8proc_apply(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
}

namespace {
bool is_word_code_point(utf8proc_int32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  const auto cat = utf8proc_category(cp);
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
         (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) ||
         (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

// Hyphens and apostrophes (ASCII, typographic, modifier letter) join two word characters.
bool is_joiner(utf8proc_int32_t cp) {
  return cp == '-' || cp == '\'' || cp == 0x2010 || cp == 0x2011 || cp == 0x2019 || cp == 0x02BC;
}
}  // namespace

std::vector<TextWord> text_words(std::string_view s) {
  const std::string text = nfc(s);
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto n = static_cast<utf8proc_ssize_t>(text.size());
  std::vector<TextWord> out;
  TextWord word;
  bool punctuation = false;  // since the last word
  auto next_is_word = [&](utf8proc_ssize_t at) {
    utf8proc_int32_t cp;
    return at < n && utf8proc_iterate(p + at, n - at, &cp) > 0 && is_word_code_point(cp);
  };
  utf8proc_ssize_t i = 0;
  while (i < n) {
    utf8proc_int32_t cp = p[i];
    utf8proc_ssize_t len = 1;
    if (cp >= 0x80) {
      len = utf8proc_iterate(p + i, n - i, &cp);
      if (len <= 0) {
        len = 1;
        cp = 0xFFFD;
      }
    }
    if (is_word_code_point(cp) || (!word.text.empty() && is_joiner(cp) && next_is_word(i + len))) {
      if (word.text.empty()) {
        word.after_punctuation = punctuation && !out.empty();
        punctuation = false;
      }
      word.text.append(text, static_cast<std::size_t>(i), static_cast<std::size_t>(len));
    } else {
      if (!word.text.empty()) out.push_back(std::move(word));
      word = {};
      if (cp != ' ' && cp != '\t' && cp != '\n' && cp != '\r' && cp != 0xA0) punctuation = true;
    }
    i += len;
  }
  if (!word.text.empty()) out.push_back(std::move(word));
  return out;
}

std::vector<WordSpan> word_spans(std::string_view s) {
  std::vector<WordSpan> spans;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  const auto n = static_cast<utf8proc_ssize_t>(s.size());
  utf8proc_ssize_t i = 0;
  bool inside = false;
  while (i < n) {
    bool word_char = false;
    utf8proc_ssize_t len = 1;
    if (p[i] < 0x80) {  // the common case without a table lookup
      const char c = static_cast<char>(p[i]);
      word_char = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    } else {
      utf8proc_int32_t cp;
      len = utf8proc_iterate(p + i, n - i, &cp);
      if (len <= 0) {
        len = 1;
      } else {
        const auto cat = utf8proc_category(cp);
        word_char = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                    (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) ||
                    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO) || cat == UTF8PROC_CATEGORY_CO;
      }
    }
    const auto at = static_cast<std::size_t>(i);
    if (word_char && !inside) spans.push_back({at, at});
    if (word_char) spans.back().end = at + static_cast<std::size_t>(len);
    inside = word_char;
    i += len;
  }
  return spans;
}

std::string normalized_title(std::string_view title) {
  std::string out;
  for_each_word(title, [&](std::string&& w) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  });
  return out;
}

}  // namespace litrev

namespace litrev {

namespace {
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
}  // namespace

void ControlCharFilter::feed(std::string_view in, std::string& out) {
  for (const char ch : in) {
    const auto c = static_cast<unsigned char>(ch);
    if (pending_c2_) {
      pending_c2_ = false;
      if (c >= 0x80 && c <= 0x9F) {  // U+0080..U+009F: the C1 controls (CSI is U+009B)
        out += kReplacement;
        continue;
      }
      out.push_back('\xC2');
    }
    if (c == 0xC2) pending_c2_ = true;
    else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) out += kReplacement;
    else out.push_back(ch);
  }
}

void ControlCharFilter::finish(std::string& out) {
  if (pending_c2_) out.push_back('\xC2');
  pending_c2_ = false;
}

std::string printable_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  ControlCharFilter filter;
  filter.feed(s, out);
  filter.finish(out);
  return out;
}

}  // namespace litrev
