#include "src/csl/numbers.hpp"

#include <algorithm>
#include <cstdlib>

namespace litrev::csl {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A joiner between numbers at s[i], as citeproc-js splits number variables: "-", "–" (with
// any spaces), " & ", ", ", "; ", " and "; returns its length, 0 when there is none.
std::size_t separator_at(std::string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && s[j] == ' ') ++j;
  std::size_t k = j;
  if (k < s.size() && (s[k] == '-' || s[k] == '&')) {
    ++k;
    while (k < s.size() && s[k] == '-') ++k;  // "--"
    while (k < s.size() && s[k] == ' ') ++k;
    return k - i;
  }
  if (s.substr(k).starts_with("\u2013")) {
    k += 3;
    while (k < s.size() && s[k] == ' ') ++k;
    return k - i;
  }
  if (k < s.size() && (s[k] == ',' || s[k] == ';') && k + 1 < s.size() && s[k + 1] == ' ') {
    k += 1;
    while (k < s.size() && s[k] == ' ') ++k;
    return k - i;
  }
  if (k > i && s.substr(k).starts_with("and ")) return k + 4 - i;
  return 0;
}

// A number as CSL counts it: optional letters, digits, optional letters ("12", "L2", "2a").
bool numberish(std::string_view s, long& value) {
  std::size_t j = 0;
  while (j < s.size() && is_alpha(s[j])) ++j;
  const std::size_t digits = j;
  while (j < s.size() && is_digit(s[j])) ++j;
  if (j == digits) return false;
  value = std::strtol(std::string(s.substr(digits, j - digits)).c_str(), nullptr, 10);
  while (j < s.size() && is_alpha(s[j])) ++j;
  return j == s.size();
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

std::string collapse(const std::string& first, const std::string& last, PageRangeFormat format) {
  if (format == PageRangeFormat::none || format == PageRangeFormat::expanded) {
    if (format == PageRangeFormat::expanded && last.size() < first.size())
      return first.substr(0, first.size() - last.size()) + last;
    return last;
  }
  // Expand first ("321-28" -> 328), then cut as the format says.
  std::string full = last.size() < first.size() ? first.substr(0, first.size() - last.size()) + last : last;
  if (full.size() != first.size()) return full;
  std::size_t common = 0;
  while (common < full.size() && full[common] == first[common]) ++common;
  auto keep = [&](std::size_t min_digits) {
    std::size_t start = common;
    if (full.size() - start < min_digits) start = full.size() > min_digits ? full.size() - min_digits : 0;
    return full.substr(start);
  };
  switch (format) {
    case PageRangeFormat::minimal:
      return keep(1);
    case PageRangeFormat::minimal_two:
      return keep(2);
    case PageRangeFormat::chicago:
    case PageRangeFormat::chicago_16: {
      const long f = std::strtol(first.c_str(), nullptr, 10);
      if (f < 100 || f % 100 == 0) return full;
      if (f % 100 < 10) return keep(1);
      // CMOS 15: four-digit numbers with three changed digits are written in full.
      if (format == PageRangeFormat::chicago && first.size() == 4 && full.size() - common >= 3) return full;
      return keep(2);
    }
    default:
      return full;
  }
}

}  // namespace

std::vector<NumberToken> number_tokens(std::string_view value) {
  std::vector<NumberToken> out;
  std::size_t start = 0;
  auto element = [&](std::size_t from, std::size_t to) {
    NumberToken t;
    t.text = std::string(value.substr(from, to - from));
    long v = 0;
    t.number = numberish(t.text, v) && std::all_of(t.text.begin(), t.text.end(), [](char c) { return is_digit(c); });
    t.value = v;
    t.element = true;
    out.push_back(std::move(t));
  };
  for (std::size_t i = 0; i < value.size();) {
    const auto n = i > 0 ? separator_at(value, i) : 0;
    if (n == 0) {
      ++i;
      continue;
    }
    element(start, i);
    out.push_back({std::string(value.substr(i, n)), false, 0, false});
    i += n;
    start = i;
  }
  if (start < value.size() || out.empty() || !out.back().element) element(start, value.size());
  return out;
}

bool is_numeric(std::string_view value) {
  // As citeproc-js: numeric when the first part is a number ("12", "12-B", "2nd", "L2").
  const auto tokens = number_tokens(value);
  if (tokens.empty() || tokens.front().text.empty()) return false;
  long v = 0;
  return numberish(tokens.front().text, v);
}

std::string format_page_range(std::string_view value, PageRangeFormat format, std::string_view delimiter) {
  const auto tokens = number_tokens(value);
  if (tokens.size() == 1) {
    // Not a plain list: only hyphens between non-space characters become the delimiter.
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (value[i] == '-' && i > 0 && i + 1 < value.size() && value[i - 1] != ' ' && value[i + 1] != ' ') {
        while (i + 1 < value.size() && value[i + 1] == '-') ++i;
        out += delimiter;
      } else {
        out.push_back(value[i]);
      }
    }
    return out;
  }
  std::string out;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const auto& t = tokens[k];
    if (t.number) {
      out += t.text;
      continue;
    }
    const std::string sep = trimmed(t.text);
    const bool range = sep.starts_with("-") || sep == "\u2013";
    if (range && k > 0 && k + 1 < tokens.size() && !tokens[k + 1].text.empty()) {
      const auto& a = tokens[k - 1];
      const auto& b = tokens[k + 1];
      out += delimiter;
      if (a.number && b.number) {
        out += collapse(a.text, b.text, format);
      } else {
        out += b.text;
      }
      ++k;
      continue;
    }
    if (sep == ",") out += ", ";
    else if (sep == "&") out += " & ";
    else out += t.text;
  }
  return out;
}

std::string roman(long n) {
  if (n <= 0 || n >= 6000) return std::to_string(n);
  static constexpr const char* kOnes[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
  static constexpr const char* kTens[] = {"", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc"};
  static constexpr const char* kHundreds[] = {"", "c", "cc", "ccc", "cd", "d", "dc", "dcc", "dccc", "cm"};
  std::string out(static_cast<std::size_t>(n / 1000), 'm');
  out += kHundreds[(n / 100) % 10];
  out += kTens[(n / 10) % 10];
  out += kOnes[n % 10];
  return out;
}

bool label_plural(Var var, std::string_view value) {
  const auto tokens = number_tokens(value);
  if (var == Var::number_of_pages || var == Var::number_of_volumes) {
    if (tokens.size() == 1 && tokens[0].number) return tokens[0].value > 1;
    return tokens.size() > 1;
  }
  // Several parts ("12-15", "2, 4", "12-B", an open "497-") take the plural.
  return tokens.size() > 1;
}

}  // namespace litrev::csl
