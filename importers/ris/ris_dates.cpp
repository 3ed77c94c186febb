#include "importers/ris/ris_dates.hpp"

#include <charconv>
#include <vector>

#include "src/core/dates.hpp"
#include "src/core/text.hpp"

namespace litrev::ris {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::vector<std::string_view> split(std::string_view s, std::string_view separators) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && separators.find(s[i]) == std::string_view::npos) continue;
    out.push_back(trim(s.substr(start, i - start)));
    start = i + 1;
  }
  return out;
}

// month and day 0 when absent (plain ints: GCC 12 warns falsely about optionals here).
std::optional<RisDate> compose(int year, int month, int day) {
  if (year <= 0 || year > 9999) return std::nullopt;
  RisDate d{std::to_string(year), year};
  if (d.date.size() < 4) d.date.insert(0, 4 - d.date.size(), '0');
  if (month == 0) return d;
  d.date += "-" + two(month);
  if (month <= 12 && day >= 1 && day <= 31) d.date += "-" + two(day);
  return d;
}

// "YYYY/MM/DD/other"
std::optional<RisDate> slashed(std::string_view value) {
  const auto parts = split(value, "/");
  if (parts.empty() || parts[0].size() != 4 || !all_digits(parts[0])) return std::nullopt;
  const int year = to_int(parts[0]);
  int month = 0, day = 0;
  if (parts.size() > 1 && all_digits(parts[1]) && to_int(parts[1]) >= 1 && to_int(parts[1]) <= 12)
    month = to_int(parts[1]);
  if (month && parts.size() > 2 && all_digits(parts[2]) && to_int(parts[2]) >= 1) day = to_int(parts[2]);
  if (!month && parts.size() > 3 && !parts[3].empty()) {
    const auto season = parse_month(parts[3].substr(0, parts[3].find(' ')));
    if (season && *season > 12) month = *season;  // EDTF seasons 21..24
  }
  return compose(year, month, day);
}

// Words: a 4-digit year, a month name, a day ("March 4, 2019", "2019 Mar 4", "Spring 2019").
std::optional<RisDate> worded(std::string_view value) {
  int year = 0, month = 0, day = 0;
  for (const auto word : split(value, " ,.")) {
    if (word.empty()) continue;
    if (all_digits(word) && word.size() == 4 && !year) year = to_int(word);
    else if (all_digits(word) && word.size() <= 2 && !day) day = to_int(word);
    else if (auto m = parse_month(word); m && !month) month = *m;
    else return std::nullopt;  // a word that is not part of a date
  }
  if (!year) return std::nullopt;
  if (!month) day = 0;
  return compose(year, month, day);
}

}  // namespace

std::optional<RisDate> parse_ris_date(std::string_view value) {
  value = trim(value);
  if (value.empty()) return std::nullopt;
  if (value.find('/') != std::string_view::npos) return slashed(value);
  std::optional<int> year;
  if (auto iso = parse_edtf(value, &year); iso && year) return RisDate{*iso, *year};
  return worded(value);
}

}  // namespace litrev::ris
