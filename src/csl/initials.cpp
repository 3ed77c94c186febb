#include "src/csl/initials.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <vector>

#include "src/core/text.hpp"

namespace litrev::csl {
namespace {

std::u32string decode(std::string_view s) {
  std::u32string out;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      cp = 0xFFFD;
      n = 1;
    }
    out.push_back(static_cast<char32_t>(cp));
    p += n;
    left -= n;
  }
  return out;
}

std::string encode(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

// citeproc-js's "romanesque" scripts: Latin, Greek, Cyrillic, Hebrew, Arabic, Thai.
bool starts_romanesque(char32_t c) {
  return c == U'&' || in(c, U'a', U'z') || in(c, U'A', U'Z') || in(c, 0x0E01, 0x0E5B) || in(c, 0xC0, 0x17F) ||
         in(c, 0x370, 0x3FF) || in(c, 0x400, 0x52F) || in(c, 0x590, 0x5D4) || in(c, 0x5D6, 0x5FF) ||
         in(c, 0x1F00, 0x1FFF) || in(c, 0x600, 0x6FF);
}
bool is_romanesque(char32_t c) { return c == U'-' || in(c, U'0', U'9') || (c != U'&' && starts_romanesque(c)); }
bool initial_letter(char32_t c) {
  return in(c, U'A', U'Z') || in(c, 0x0E01, 0x0E5B) || in(c, 0xC0, 0x17F) || in(c, 0x400, 0x42F) || in(c, 0x590, 0x5D4) ||
         in(c, 0x5D6, 0x5FF) || in(c, 0x600, 0x6FF) || c == 0x370 || c == 0x372 || c == 0x376 || c == 0x386 ||
         in(c, 0x388, 0x3AB) || (c >= 0x3E2 && c <= 0x3EE && c % 2 == 0) || c == 0x3F4 || c == 0x3F7 || in(c, 0x3FD, 0x3FF);
}
bool name_letter(char32_t c) {
  return in(c, U'a', U'z') || in(c, U'A', U'Z') || in(c, 0x0E01, 0x0E5B) || in(c, 0xC0, 0x17F) || in(c, 0x400, 0x52F) ||
         in(c, 0x600, 0x6FF) || in(c, 0x370, 0x3FF) || in(c, 0x1F00, 0x1FFF);
}
bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0 || c == 0xFEFF; }
char32_t upper(char32_t c) { return static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(c))); }
char32_t lower(char32_t c) { return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))); }

// Final clean-up shared by both modes: no trailing space, no space around hyphens, single spaces.
std::u32string tidy(const std::u32string& s) {
  std::u32string t = s;
  while (!t.empty() && is_space(t.back())) t.pop_back();
  std::u32string out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char32_t c = t[i];
    if (c == U'-') {
      while (!out.empty() && (out.back() == U' ' || out.back() == U'\t')) out.pop_back();
      out.push_back(c);
      while (i + 1 < t.size() && (t[i + 1] == U' ' || t[i + 1] == U'\t')) ++i;
    } else if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r') {
      if (!out.empty() && out.back() == U' ') continue;
      out.push_back(U' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string initialize_given(std::string_view given_utf8, std::string_view terminator_utf8, bool normalize_only,
                             bool initialize_with_hyphen) {
  if (given_utf8.empty()) return {};
  if (given_utf8 == "Lord" || given_utf8 == "Lady") return std::string(given_utf8);
  std::u32string name = decode(given_utf8);
  const std::u32string term = decode(terminator_utf8);
  if (!starts_romanesque(name[0])) return std::string(given_utf8);
  if (!initialize_with_hyphen)
    for (auto& c : name)
      if (c == U'-') c = U' ';
  // Hyphens lose their spaces, spaces collapse, a hyphen before a lower-case letter is no
  // separator ("Jean-marie" stays one word).
  {
    std::u32string t;
    for (std::size_t i = 0; i < name.size(); ++i) {
      const char32_t c = name[i];
      if (c == U'-') {
        while (!t.empty() && is_space(t.back())) t.pop_back();
        std::size_t j = i + 1;
        while (j < name.size() && is_space(name[j])) ++j;
        t.push_back(j < name.size() && in(name[j], U'a', U'z') ? U'\u2013' : U'-');
        i = j - 1;
      } else if (is_space(c) && c != 0xA0 && c != 0xFEFF) {
        if (!t.empty() && t.back() == U' ') continue;
        t.push_back(U' ');
      } else {
        t.push_back(c);
      }
    }
    name = t;
  }
  // "J.R.R." -> "J. R. R."
  for (std::size_t i = name.size() - 1; i-- > 0;)
    if (name[i] == U'.' && name[i + 1] != U' ') name.insert(i + 1, 1, U' ');
  // Split into names and separators (runs of spaces and hyphens).
  std::vector<std::u32string> parts;  // even: names, odd: separators
  std::u32string cur;
  bool in_sep = false;
  for (char32_t c : name) {
    const bool sep = c == U'-' || c == U' ' || c == U'\t';
    if (sep != in_sep) {
      parts.push_back(cur);
      cur.clear();
      in_sep = sep;
    }
    cur.push_back(c);
  }
  parts.push_back(cur);
  if (parts.size() == 1) {
    const auto dot = parts[0].rfind(U'.');
    const std::u32string tail = dot == std::u32string::npos ? parts[0] : parts[0].substr(dot + 1);
    if (tail.size() == 1 && lower(tail[0]) != tail[0]) parts[0] += U'.';
  }
  const std::size_t n = parts.size();
  if (normalize_only) {
    std::vector<bool> abbrev(n, false);
    for (std::size_t i = 0; i < n; i += 2) {
      auto& p = parts[i];
      if (p.size() > 1 && p.back() == U'.') {
        p.erase(p.rfind(U'.'), 1);
        abbrev[i] = true;
      } else if (p.size() == 1 && upper(p[0]) == p[0]) {
        abbrev[i] = true;
      }
    }
    std::u32string term_nofeff = term;
    if (!term_nofeff.empty() && term_nofeff.back() == 0xFEFF) term_nofeff.pop_back();
    for (std::size_t i = 0; i < n; i += 2) {
      if (!abbrev[i]) continue;
      if (i + 2 < n) {
        std::u32string sep = abbrev[i + 2] ? U"" : U" ";
        if (parts[i + 2].size() > 1) sep = term_nofeff + sep;
        else sep = term;
        parts[i + 1] = sep;
      }
      if (i + 1 == n) parts[i] += term;
    }
  } else {
    for (std::size_t i = 0; i < n; i += 2) {
      auto& p = parts[i];
      if (p.empty()) continue;
      // An initial: a capital, letters, periods ("Paul", "Ch.", "J.").
      std::size_t k = 0;
      const bool m = initial_letter(p[0]);
      std::u32string first, rest;
      bool periods = false;
      if (m) {
        first = p.substr(0, 1);
        k = 1;
        while (k < p.size() && name_letter(p[k])) rest.push_back(p[k++]);
        while (k < p.size() && p[k] == U'.') {
          periods = true;
          ++k;
        }
        if (!rest.empty() && periods) {
          first += rest;
          rest.clear();
        }
      }
      if (m && upper(first[0]) == first[0]) {
        std::u32string extra;
        if (!rest.empty()) {
          std::u32string s;
          for (char32_t c : rest) {
            if (upper(c) != c) break;
            s.push_back(c);
          }
          if (s.size() < rest.size())
            for (char32_t c : s) extra.push_back(lower(c));
        }
        p = first + extra;
        if (i + 1 < n) {
          const bool hyphen = parts[i + 1].find(U'-') != std::u32string::npos;
          parts[i + 1] = hyphen ? term + U"-" : term;
        } else {
          p += term;
        }
      } else if (std::any_of(p.begin(), p.end(), is_romanesque) && (!m || !periods)) {
        p = U" " + p;
      }
    }
  }
  std::u32string joined;
  for (const auto& p : parts) joined += p;
  joined = tidy(joined);
  for (std::size_t i = 0; i + 1 < joined.size(); ++i)
    if (joined[i] == U'\u2013' && in(joined[i + 1], U'a', U'z')) joined[i] = U'-';
  return encode(joined);
}

}  // namespace litrev::csl
