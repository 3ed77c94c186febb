#include "src/core/dates.hpp"

#include <array>
#include <charconv>
#include <utility>

#include "src/core/text.hpp"

namespace litrev {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int to_int(std::string_view digits) {
  int v = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), v);
  return v;
}

bool all_digits_or_x(std::string_view s) {
  for (char c : s)
    if (!is_digit(c) && c != 'X' && c != 'x') return false;
  return !s.empty();
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (!is_digit(c)) return false;
  return !s.empty();
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[static_cast<std::size_t>(month - 1)];
}

// The value without braces and surrounding blanks: `{2019}` and `{{DEC}}` are common.
std::string unbrace(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (char c : raw)
    if (c != '{' && c != '}') out.push_back(c);
  return std::string(trim(out));
}

struct Point {
  std::string text;  // normalized: time of day dropped, qualifiers kept
  std::optional<int> year;
};

// One EDTF date: [-]YYYY[-MM[-DD]][Thh:mm:ss...][?~%]
std::optional<Point> parse_point(std::string_view s) {
  std::string_view qualifiers;
  std::size_t q = s.size();
  while (q > 0 && (s[q - 1] == '?' || s[q - 1] == '~' || s[q - 1] == '%')) --q;
  qualifiers = s.substr(q);
  s = s.substr(0, q);
  if (const auto t = s.find('T'); t != std::string_view::npos) s = s.substr(0, t);
  Point p;
  std::size_t i = 0;
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) ++i;
  if (s.size() < i + 4 || !all_digits_or_x(s.substr(i, 4))) return std::nullopt;
  const std::string_view year = s.substr(i, 4);
  i += 4;
  int month = 0;
  if (i < s.size()) {
    if (s[i] != '-' || s.size() < i + 3 || !all_digits_or_x(s.substr(i + 1, 2))) return std::nullopt;
    const std::string_view mm = s.substr(i + 1, 2);
    if (all_digits(mm)) {
      month = to_int(mm);
      if (!((month >= 1 && month <= 12) || (month >= 21 && month <= 24))) return std::nullopt;
    }
    i += 3;
    if (i < s.size()) {
      if (s[i] != '-' || s.size() != i + 3 || !all_digits_or_x(s.substr(i + 1, 2)) || month > 12) return std::nullopt;
      const std::string_view dd = s.substr(i + 1, 2);
      if (all_digits(dd)) {
        const int day = to_int(dd);
        const int max_day = month == 0 || !all_digits(year) ? 31 : days_in_month(to_int(year), month);
        if (day < 1 || day > max_day) return std::nullopt;
      }
      i += 3;
    }
  }
  if (i != s.size()) return std::nullopt;
  if (all_digits(year)) p.year = negative ? -to_int(year) : to_int(year);
  p.text = std::string(s);
  p.text += qualifiers;
  return p;
}

// Month names; the BibTeX month macros are already expanded by the parser to English names.
struct MonthName {
  std::string_view name;
  int month;
};
constexpr auto kMonthNames = std::to_array<MonthName>({
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8},
    {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
    // French, German, Spanish, Italian (the most common in European .bib files).
    {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"mai", 5},
    {"juin", 6}, {"juillet", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10},
    {"novembre", 11}, {"décembre", 12}, {"decembre", 12}, {"januar", 1}, {"februar", 2},
    {"märz", 3}, {"maerz", 3}, {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"dezember", 12},
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
    {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"octubre", 10}, {"noviembre", 11},
    {"diciembre", 12}, {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5},
    {"giugno", 6}, {"luglio", 7}, {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12},
    // Seasons, as EDTF level 1 codes; Web of Science abbreviates them to three letters.
    {"spring", 21}, {"summer", 22}, {"autumn", 23}, {"fall", 23}, {"winter", 24},
    {"spr", 21}, {"sum", 22}, {"fal", 23}, {"win", 24},
});

std::optional<int> month_word(std::string_view w) {
  while (!w.empty() && w.back() == '.') w.remove_suffix(1);
  if (w.empty()) return std::nullopt;
  if (all_digits(w) && w.size() <= 2) {
    const int m = to_int(w);
    if (m >= 1 && m <= 12) return m;
    return std::nullopt;
  }
  // Folded forms: any case, accents optional ("FEVRIER", "février").
  const std::string folded = fold(w);
  for (const auto& [name, month] : kMonthNames)
    if (fold(name) == folded) return month;
  return std::nullopt;
}

std::string two_digits(int v) {
  std::string s = std::to_string(v);
  if (s.size() < 2) s.insert(0, "0");
  return s;
}

std::string readable(std::string_view raw, DateTextDecoder decode) {
  if (decode && raw.find('\\') != std::string_view::npos) return unbrace(decode(raw));
  return unbrace(raw);
}

// Legacy month (+ optional day), already decoded, appended to a year: "2019" + "MAR 15" ->
// "2019-03-15", "Jan.-Feb." -> "2019-01/2019-02". nullopt when the month is not understood.
std::optional<std::string> with_month(const std::string& year, const std::string& month, std::string_view day_raw) {
  if (auto m = month_word(month)) {
    std::string date = year + "-" + two_digits(*m);
    const std::string day = unbrace(day_raw);
    if (!day.empty() && all_digits(day) && *m <= 12 && all_digits(year)) {
      const int d = to_int(day);
      if (d >= 1 && d <= days_in_month(to_int(year), *m)) date += "-" + two_digits(d);
    }
    return date;
  }
  // "MAR 15" / "15 March": month and day.
  if (const auto space = month.find(' '); space != std::string::npos) {
    const std::string_view a = trim(std::string_view(month).substr(0, space));
    const std::string_view b = trim(std::string_view(month).substr(space + 1));
    std::optional<int> m = month_word(a);
    std::string_view day = b;
    if (!m || all_digits(a) || is_digit(a.front())) {
      m = month_word(b);
      day = a;
    }
    // "September 14th", "1st March"
    for (std::string_view suffix : {"st", "nd", "rd", "th", "."})
      if (day.size() > suffix.size() && day.ends_with(suffix) && all_digits(day.substr(0, day.size() - suffix.size())))
        day.remove_suffix(suffix.size());
    if (m && *m <= 12 && all_digits(day) && all_digits(year)) {
      const int d = to_int(day);
      if (d >= 1 && d <= days_in_month(to_int(year), *m)) return year + "-" + two_digits(*m) + "-" + two_digits(d);
    }
  }
  // Ranges: "Jan.-Feb.", "January--February", "jan/feb", "Jan–Feb".
  for (std::string_view sep : {"--", "–", "/", "-"}) {
    const auto at = month.find(sep);
    if (at == std::string::npos) continue;
    const auto a = month_word(trim(std::string_view(month).substr(0, at)));
    const auto b = month_word(trim(std::string_view(month).substr(at + sep.size())));
    if (a && b) return year + "-" + two_digits(*a) + "/" + year + "-" + two_digits(*b);
  }
  return std::nullopt;
}

// The 4-digit numbers of s (not part of a longer number).
std::vector<std::string_view> four_digit_runs(std::string_view s) {
  std::vector<std::string_view> runs;
  for (std::size_t i = 0; i < s.size();) {
    if (!is_digit(s[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && is_digit(s[j])) ++j;
    if (j - i == 4) runs.push_back(s.substr(i, 4));
    i = j;
  }
  return runs;
}

}  // namespace

std::optional<std::string> parse_edtf(std::string_view value, std::optional<int>* year, DateTextDecoder decode) {
  const std::string text = readable(value, decode);
  const std::string_view s = text;
  if (s.empty()) return std::nullopt;
  const auto slash = s.find('/');
  if (slash == std::string_view::npos) {
    auto p = parse_point(s);
    if (!p) return std::nullopt;
    if (year) *year = p->year;
    return std::move(p->text);
  }
  const std::string_view left = trim(s.substr(0, slash));
  const std::string_view right = trim(s.substr(slash + 1));
  const bool open_left = left.empty() || left == "..";
  const bool open_right = right.empty() || right == "..";
  if (open_left && open_right) return std::nullopt;
  std::optional<Point> a, b;
  if (!open_left && !(a = parse_point(left))) return std::nullopt;
  if (!open_right && !(b = parse_point(right))) return std::nullopt;
  if (year) *year = a ? a->year : b->year;
  return (a ? a->text : std::string(left)) + "/" + (b ? b->text : std::string(right));
}

std::optional<int> parse_month(std::string_view value, DateTextDecoder decode) {
  return month_word(readable(value, decode));
}

DateResult interpret_dates(const DateFields& f) {
  DateResult r;
  if (!trim(f.date).empty()) {
    if (auto d = parse_edtf(f.date, &r.year, f.decode)) {
      r.date = std::move(*d);
      return r;
    }
    r.problems.push_back({"date", "date '" + readable(f.date, f.decode) +
                                      "' is not an ISO 8601/EDTF date; kept in the fields"});
  }
  // Decoded first: "{\noopsort{1973c}}1981" is the year 1981.
  const std::string year = readable(f.year, f.decode);
  if (year.empty()) return r;
  std::string base;  // the year part of the date
  const std::string_view y = year;
  const bool plain = all_digits(y) && y.size() <= 4;
  if (plain || (y.size() >= 2 && y[0] == '-' && all_digits(y.substr(1)) && y.size() <= 5)) {
    r.year = plain ? to_int(y) : -to_int(y.substr(1));
    base = plain && y.size() < 4 ? std::string(4 - y.size(), '0') + year : year;
  } else if (auto d = parse_edtf(y, &r.year)) {
    r.date = std::move(*d);  // "2019~", "1995/1996", "2019-03" in a year field
    return r;
  } else if (const auto dash = y.find("--"); dash != std::string_view::npos && all_digits(y.substr(0, dash)) &&
                                              all_digits(y.substr(dash + 2)) && dash == 4 && y.size() == 10) {
    r.year = to_int(y.substr(0, 4));  // BibTeX-style range "1995--1996"
    r.date = std::string(y.substr(0, 4)) + "/" + std::string(y.substr(6));
    return r;
  } else {
    const auto runs = four_digit_runs(y);
    if (runs.empty()) {
      r.problems.push_back({"year", "year '" + year + "' is not a year; kept in the fields"});
      return r;
    }
    r.year = to_int(runs.front());
    base = std::string(runs.front());
    // "March 2010" in the year field: a month and a year.
    if (runs.size() == 1 && trim(f.month).empty()) {
      std::string rest = year;
      rest.erase(static_cast<std::size_t>(runs.front().data() - y.data()), 4);
      if (auto m = month_word(trim(rest)); m && !trim(rest).empty()) {
        r.date = base + "-" + two_digits(*m);
        return r;
      }
    }
    r.problems.push_back({"year", "year '" + year + "' is not a plain year: read as " + base});
  }
  r.date = base;
  if (!trim(f.month).empty()) {
    std::string month = readable(f.month, f.decode);
    // Web of Science writes the whole publication date there: "2024 MAR 4".
    if (month.size() > 5 && all_digits(std::string_view(month).substr(0, 4)) && month[4] == ' ') {
      if (month.substr(0, 4) != base) {
        r.problems.push_back({"month", "month '" + month + "' names another year than year '" + base +
                                           "'; the date keeps the year only"});
        return r;
      }
      month.erase(0, 5);
    }
    if (auto d = with_month(base, month, f.day)) r.date = std::move(*d);
    else r.problems.push_back({"month", "month '" + unbrace(f.month) + "' is not a month; the date keeps only the year"});
  }
  return r;
}

}  // namespace litrev
