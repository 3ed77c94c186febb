#include "src/export/bib_values.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include <utf8proc.h>

#include "src/core/name_lists.hpp"
#include "src/core/text.hpp"

namespace litrev {
namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

constexpr std::array<std::string_view, 12> kMonthNames = {"january", "february", "march",     "april",
                                                          "may",     "june",     "july",      "august",
                                                          "september", "october", "november", "december"};
constexpr std::array<std::string_view, 12> kMacros = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

// "mar", "March", "sept" -> 3, 9; seasons -> 21..24; 0 otherwise.
int month_word(std::string_view word) {
  const std::string w = ascii_lower(word);
  for (std::size_t i = 0; i < kMonthNames.size(); ++i)
    if (w == kMonthNames[i] || (w.size() >= 3 && kMonthNames[i].starts_with(w))) return static_cast<int>(i) + 1;
  static constexpr std::array<std::pair<std::string_view, int>, 5> kSeasons = {
      {{"spring", 21}, {"summer", 22}, {"autumn", 23}, {"fall", 23}, {"winter", 24}}};
  for (const auto& [name, code] : kSeasons)
    if (w == name) return code;
  return 0;
}

// One brace of a value, as the two ways of counting see it.
struct Brace {
  std::size_t pos;  // of the brace; an escaped brace has its backslash just before
  bool open;
  bool escaped;     // \{ or \}: pandoc reads text, BibTeX and biber still count it
  enum { keep, drop, spell } fate = keep;
};

// Decides each brace's fate: plain braces must balance among themselves (pandoc's count); then
// all kept braces together (BibTeX's count) must never go below zero nor end above it, which
// only escaped braces can still break. An escaped brace that does is spelled out.
void settle(std::vector<Brace>& braces) {
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < braces.size(); ++i) {
    if (braces[i].escaped) continue;
    if (braces[i].open) open.push_back(i);
    else if (open.empty()) braces[i].fate = Brace::drop;
    else open.pop_back();
  }
  for (std::size_t i : open) braces[i].fate = Brace::drop;
  int depth = 0;
  for (auto& b : braces) {
    if (b.fate != Brace::keep) continue;
    if (!b.open && depth == 0) b.fate = Brace::spell;  // only an escaped brace can get here
    else depth += b.open ? 1 : -1;
  }
  // depth escaped open braces too many: spell out the last ones that can go, those after which
  // the count never falls to zero (removing one lowers everything after it by one).
  for (std::size_t k = braces.size(); depth > 0 && k-- > 0;) {
    Brace& b = braces[k];
    if (b.fate != Brace::keep || !b.escaped || !b.open) continue;
    int level = 0, lowest = 0;  // the count after b, relative to just after it
    for (std::size_t j = k + 1; j < braces.size(); ++j) {
      if (braces[j].fate != Brace::keep) continue;
      level += braces[j].open ? 1 : -1;
      lowest = std::min(lowest, level);
    }
    int before = 0;  // the count just after b
    for (std::size_t j = 0; j <= k; ++j)
      if (braces[j].fate == Brace::keep) before += braces[j].open ? 1 : -1;
    if (before + lowest >= 1) {
      b.fate = Brace::spell;
      --depth;
    }
  }
}

}  // namespace

std::string bib_field_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    const bool ok = is_ascii_letter(c) || is_digit(c) || c == '_' || c == ':' || c == '+' || c == '-';
    if (!ok) c = '-';
    if (c == '-' && (out.empty() || out.back() == '-')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  // A name starts with a letter: BibTeX and biber read a leading digit as a number.
  std::size_t start = 0;
  while (start < out.size() && !is_ascii_letter(out[start])) ++start;
  return out.substr(start);
}

std::string bib_citation_key(std::string_view key) {
  static constexpr std::string_view kPunctuation = "-_:./+&@!?*$;[]";
  std::string out;
  for (std::size_t i = 0; i < key.size();) {
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(key.data() + i),
                                    static_cast<utf8proc_ssize_t>(key.size() - i), &cp);
    const std::size_t len = n > 0 ? static_cast<std::size_t>(n) : 1;
    bool keep = false;
    if (n > 0 && cp < 0x80) {
      const char c = static_cast<char>(cp);
      keep = is_ascii_letter(c) || is_digit(c) || kPunctuation.find(c) != std::string_view::npos;
    } else if (n > 0) {
      const auto cat = utf8proc_category(cp);
      keep = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;  // letters, marks, numbers
    }
    if (keep) out.append(key.substr(i, len));
    i += len;
  }
  return out;
}

std::string brace_safe_value(std::string_view value) {
  std::vector<Brace> braces;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '{' && value[i] != '}') continue;
    std::size_t backslashes = 0;
    while (backslashes < i && value[i - 1 - backslashes] == '\\') ++backslashes;
    braces.push_back({i, value[i] == '{', backslashes % 2 == 1});
  }
  settle(braces);
  bool lines_ok = true;
  for (std::size_t i = value.find('\n'); i != std::string_view::npos; i = value.find('\n', i + 1)) {
    std::size_t j = i + 1;
    while (j < value.size() && (value[j] == ' ' || value[j] == '\t')) ++j;
    if (j < value.size() && value[j] == '@') lines_ok = false;
  }
  if (lines_ok && std::all_of(braces.begin(), braces.end(), [](const Brace& b) { return b.fate == Brace::keep; }))
    return std::string(value);

  std::string out;
  out.reserve(value.size() + 16);
  std::size_t next = 0;  // the next brace
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (next < braces.size() && braces[next].pos == i + 1 && braces[next].escaped && braces[next].fate == Brace::spell)
      continue;  // the backslash of a brace spelled out below
    if (next < braces.size() && braces[next].pos == i) {
      const Brace& b = braces[next++];
      if (b.fate == Brace::keep) out.push_back(value[i]);
      else if (b.fate == Brace::spell) out += b.open ? "\\textbraceleft{}" : "\\textbraceright{}";
      // dropped: a plain brace without partner, an error in LaTeX too
      continue;
    }
    if (value[i] == '\n') {
      std::size_t j = i + 1;
      while (j < value.size() && (value[j] == ' ' || value[j] == '\t')) ++j;
      if (j < value.size() && value[j] == '@') {
        out.push_back(' ');
        i = j - 1;
        continue;
      }
    }
    out.push_back(value[i]);
  }
  return out;
}

std::optional<MonthValue> parse_month_value(std::string_view value, std::string_view year) {
  std::vector<int> months, numbers;
  int season = 0;
  const std::string_view y = trim(year);
  std::size_t i = 0;
  while (i < value.size()) {
    const char c = value[i];
    if (is_ascii_letter(c)) {
      std::size_t j = i;
      while (j < value.size() && is_ascii_letter(value[j])) ++j;
      const int m = month_word(value.substr(i, j - i));
      if (m == 0) return std::nullopt;
      if (m > 12) season = m;
      else months.push_back(m);
      i = j;
    } else if (is_digit(c)) {
      std::size_t j = i;
      while (j < value.size() && is_digit(value[j])) ++j;
      const std::string_view digits = value.substr(i, j - i);
      // "14th", "1st", "2nd", "3rd"
      std::size_t k = j;
      while (k < value.size() && is_ascii_letter(value[k])) ++k;
      const std::string suffix = ascii_lower(value.substr(j, k - j));
      if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return std::nullopt;
      if (digits.size() == 4 && digits == y) {
        // the year again ("2024 MAY 11")
      } else if (digits.size() <= 2) {
        numbers.push_back(std::stoi(std::string(digits)));
      } else {
        return std::nullopt;
      }
      i = k;
    } else if (c == ' ' || c == '-' || c == '/' || c == '.' || c == ',' || c == '{' || c == '}' || c == '~' ||
               c == '\t' || c == '\n') {
      ++i;
    } else {
      return std::nullopt;
    }
  }
  MonthValue m;
  if (season != 0) {
    if (!months.empty() || !numbers.empty()) return std::nullopt;
    m.season = season;
    return m;
  }
  if (months.empty() && numbers.size() == 1 && numbers[0] >= 1 && numbers[0] <= 12) {
    m.first = m.last = numbers[0];
    return m;
  }
  if (months.size() == 1 && numbers.size() <= 1) {
    m.first = m.last = months[0];
    if (!numbers.empty()) {
      if (numbers[0] < 1 || numbers[0] > 31) return std::nullopt;
      m.day = numbers[0];
    }
    return m;
  }
  if (months.size() == 2 && numbers.empty()) {
    m.first = months[0];
    m.last = months[1];
    return m;
  }
  return std::nullopt;
}

std::string_view month_macro(int month) {
  return month >= 1 && month <= 12 ? kMacros[static_cast<std::size_t>(month - 1)] : std::string_view{};
}

bool name_list_has_comma_list(std::string_view value) {
  // Names end at " and " at brace depth 0.
  int depth = 0, commas = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    const char c = i < value.size() ? value[i] : ' ';
    if (c == '{') ++depth;
    else if (c == '}') depth = depth > 0 ? depth - 1 : 0;
    else if (depth == 0 && c == ',' && ++commas > 2) return true;
    const bool at_and = depth == 0 && is_blank(c) && i + 4 < value.size() && ascii_lower(value.substr(i + 1, 3)) == "and" &&
                        is_blank(value[i + 4]);
    if (i == value.size() || at_and) {
      if (is_comma_separated_name_list(trim(value.substr(start, i - start)))) return true;
      commas = 0;
      start = i + 4;
    }
  }
  return false;
}

std::string tidy_name_list(std::string_view value) {
  std::vector<std::string_view> names;
  bool changed = false;
  int depth = 0;
  std::size_t start = 0;
  auto add = [&](std::string_view name) {
    std::string_view n = trim(name);
    while (!n.empty() && (n.back() == ',' || is_blank(n.back()))) {
      n.remove_suffix(1);
      changed = true;
    }
    if (n.empty()) changed = true;
    else names.push_back(n);
  };
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '{') ++depth;
    else if (c == '}') depth = depth > 0 ? depth - 1 : 0;
    else if (depth == 0 && is_blank(c) && i + 4 < value.size() && ascii_lower(value.substr(i + 1, 3)) == "and" &&
             is_blank(value[i + 4])) {
      add(value.substr(start, i - start));
      start = i + 4;
      i += 3;
    }
  }
  add(value.substr(start));
  if (!changed) return std::string(value);
  std::string out;
  for (auto n : names) out += (out.empty() ? "" : " and ") + std::string(n);
  return out;
}

bool is_blank_value(std::string_view value) {
  for (char c : value)
    if (!is_blank(c) && c != '{' && c != '}') return false;
  return true;
}

}  // namespace litrev
