#include "src/csl/item_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

#include "src/core/text.hpp"

namespace litrev::csl {
namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

bool is_lower_start(std::string_view word) {
  // The first letter decides (skipping leading apostrophes and hyphens): "d'", "van", "de la".
  std::size_t i = 0;
  while (i < word.size() && (word[i] == '\'' || word[i] == '-' || word[i] == ' ')) ++i;
  if (i >= word.size()) return false;
  const auto c = static_cast<unsigned char>(word[i]);
  if (c < 0x80) return std::islower(c) != 0;
  // Non-ASCII first letters (É, ʻ...) are not particles: particles are ASCII lower-case words.
  return false;
}

// The end of the next particle candidate of a family name: a run of non-space characters
// ending in a space, hyphen or apostrophe, with the spaces after it.
std::size_t next_family_token(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '-' || c == '\'') {
      std::size_t end = i + 1;
      while (end < s.size() && s[end] == ' ') ++end;
      return end < s.size() ? end : std::string_view::npos;  // something must remain
    }
    if (s.substr(i).starts_with("\u2019")) {
      std::size_t end = i + 3;
      while (end < s.size() && s[end] == ' ') ++end;
      return end < s.size() ? end : std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

void parse_suffix_from_given(Name& name) {
  if (!name.suffix.empty()) return;
  const auto comma = name.given.find(',');
  if (comma == std::string::npos) return;
  std::size_t start = comma + 1;
  bool bang = false;
  while (start < name.given.size() && (name.given[start] == '!' || name.given[start] == ' ')) {
    bang = bang || name.given[start] == '!';
    ++start;
  }
  std::string suffix(trim(std::string_view(name.given).substr(start)));
  std::string given(trim(std::string_view(name.given).substr(0, comma)));
  if (suffix.empty()) return;
  name.suffix = std::move(suffix);
  name.comma_suffix = bang;
  name.given = std::move(given);
}

// Date parts beyond these are no dates (and would not fit an int).
constexpr double kLargestDatePart = 1e6;

int to_int(const Json& v, bool& ok) {
  if (v.is_number()) {
    const double d = v.get<double>();
    if (d > -kLargestDatePart && d < kLargestDatePart) return static_cast<int>(d);
    ok = false;
    return 0;
  }
  if (v.is_string()) {
    const auto s = std::string(trim(v.get<std::string>()));
    if (s.empty()) return 0;
    std::size_t used = 0;
    try {
      const int n = std::stoi(s, &used);
      if (used == s.size() && n > -kLargestDatePart && n < kLargestDatePart) return n;
    } catch (const std::exception&) {
    }
  }
  ok = false;
  return 0;
}

DateParts parts_from_json(const Json& arr, bool& ok) {
  DateParts p;
  if (!arr.is_array()) {
    ok = false;
    return p;
  }
  if (arr.size() > 0) p.year = to_int(arr[0], ok);
  if (arr.size() > 1) p.month = to_int(arr[1], ok);
  if (arr.size() > 2) p.day = to_int(arr[2], ok);
  if (p.month < 0 || p.month > 16) p.month = 0;
  if (p.day < 0 || p.day > 31) p.day = 0;
  return p;
}

std::string scalar_text(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number()) {
    std::string s = v.dump();
    return s;
  }
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  return {};
}

// A name part: strings and numbers as text, anything else (an array, an object) as nothing.
std::string name_part(const Json& j, const char* key) {
  const auto it = j.find(key);
  return it == j.end() ? std::string() : scalar_text(*it);
}

}  // namespace

Name read_name(const Json& j) {
  Name n;
  if (!j.is_object()) return n;
  n.family = name_part(j, "family");
  n.given = name_part(j, "given");
  n.dropping_particle = name_part(j, "dropping-particle");
  n.non_dropping_particle = name_part(j, "non-dropping-particle");
  n.suffix = name_part(j, "suffix");
  n.literal = name_part(j, "literal");
  n.comma_suffix = j.contains("comma-suffix") && (j["comma-suffix"] == true || j["comma-suffix"] == "true");
  n.static_ordering =
      j.contains("static-ordering") && (j["static-ordering"] == true || j["static-ordering"] == "true");
  const bool parse = !(j.contains("parse-names") && (j["parse-names"] == false || j["parse-names"] == "false"));
  if (n.literal.empty() && n.given.empty() && !n.family.empty() && j.contains("isInstitution")) {
    n.literal = std::move(n.family);
    n.family.clear();
  }
  if (parse && n.literal.empty() && n.dropping_particle.empty() && n.non_dropping_particle.empty()) split_particles(n);
  return n;
}

Date read_date(const Json& j, bool& ok) {
  Date d;
  if (j.is_string()) return parse_date_text(j.get<std::string>());
  if (!j.is_object()) {
    ok = false;
    return d;
  }
  if (j.contains("date-parts") && j["date-parts"].is_array() && !j["date-parts"].empty()) {
    const auto& dp = j["date-parts"];
    d.from = parts_from_json(dp[0], ok);
    if (dp.size() > 1) {
      bool ok2 = true;
      auto to = parts_from_json(dp[1], ok2);
      if (ok2 && !to.empty() && !(to == d.from)) d.to = to;
    }
  } else if (j.contains("raw") && j["raw"].is_string()) {
    d = parse_date_text(j["raw"].get<std::string>());
  }
  if (j.contains("literal") && j["literal"].is_string() && d.from.empty()) d.literal = j["literal"].get<std::string>();
  if (j.contains("season")) {
    bool sok = true;
    int s = to_int(j["season"], sok);
    if (!sok && j["season"].is_string()) {
      static constexpr std::array<std::string_view, 4> kSeasons = {"spring", "summer", "autumn", "winter"};
      const auto lower = ascii_lower(j["season"].get<std::string>());
      for (std::size_t i = 0; i < kSeasons.size(); ++i)
        if (lower == kSeasons[i] || (i == 2 && lower == "fall")) s = static_cast<int>(i) + 1;
    }
    if (s >= 1 && s <= 4) d.season = s;
    if (s >= 13 && s <= 16) d.season = s - 12;
  }
  if (j.contains("circa")) {
    const auto& c = j["circa"];
    d.circa = c.is_boolean() ? c.get<bool>() : (c.is_string() ? !c.get<std::string>().empty() : c.is_number() && c != 0);
  }
  return d;
}

std::optional<std::vector<Name>> read_names_json(std::string_view json_text) {
  const Json j = Json::parse(json_text.begin(), json_text.end(), nullptr, /*allow_exceptions=*/false);
  if (!j.is_array()) return std::nullopt;
  std::vector<Name> names;
  for (const auto& n : j)
    if (n.is_object()) names.push_back(read_name(n));
  return names;
}

std::optional<Date> read_date_json(std::string_view json_text) {
  const Json j = Json::parse(json_text.begin(), json_text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return std::nullopt;
  bool ok = true;
  Date d = read_date(j, ok);
  if (!ok || d.empty()) return std::nullopt;
  return d;
}

namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {"january", "february", "march",     "april",   "may",      "june",
                                                          "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 12> kMoisNames = {"janvier", "fevrier", "mars",      "avril",   "mai",      "juin",
                                                         "juillet", "aout",    "septembre", "octobre", "novembre", "decembre"};

int month_from_word(std::string_view w) {
  const auto lower = fold(w);
  std::string word;
  for (char c : lower)
    if (c != '.') word.push_back(c);
  if (word.size() < 3) return 0;
  for (std::size_t i = 0; i < 12; ++i) {
    if (kMonthNames[i].starts_with(word) || kMoisNames[i].starts_with(word)) return static_cast<int>(i) + 1;
  }
  static constexpr std::array<std::string_view, 5> kSeasonWords = {"spring", "summer", "autumn", "winter", "fall"};
  for (std::size_t i = 0; i < kSeasonWords.size(); ++i)
    if (word == kSeasonWords[i]) return 13 + static_cast<int>(i == 4 ? 2 : i);
  return 0;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// One end of a date: "2019", "2019-03", "2019-03-14", "March 2019", "14 March 2019", "March 14, 2019".
std::optional<DateParts> parse_one_date(std::string_view s) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  DateParts p;
  // ISO forms.
  if (s.size() >= 4 && all_digits(s.substr(0, 4))) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
      if (i == s.size() || s[i] == '-') {
        parts.push_back(s.substr(start, i - start));
        start = i + 1;
      }
    }
    // At most 6 digits a part: longer runs are no date (and would overflow an int).
    const auto short_digits = [](std::string_view part) { return all_digits(part) && part.size() <= 6; };
    if (parts.size() <= 3 && std::all_of(parts.begin(), parts.end(), short_digits)) {
      p.year = std::stoi(std::string(parts[0]));
      if (parts.size() > 1) p.month = std::stoi(std::string(parts[1]));
      if (parts.size() > 2) p.day = std::stoi(std::string(parts[2]));
      // EDTF seasons (BibLaTeX's "2019-21" spring .. "-24" winter) are CSL-JSON's months 13..16.
      if (p.month >= 21 && p.month <= 24 && parts.size() == 2) p.month -= 8;
      if (p.month > 16 || p.day > 31) return std::nullopt;
      return p;
    }
  }
  // Words: month names, day numbers, a year.
  std::string cleaned;
  for (char c : s) cleaned.push_back(c == ',' || c == '/' ? ' ' : c);
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < cleaned.size()) {
    while (i < cleaned.size() && cleaned[i] == ' ') ++i;
    std::size_t j = i;
    while (j < cleaned.size() && cleaned[j] != ' ') ++j;
    if (j > i) words.emplace_back(cleaned.substr(i, j - i));
    i = j;
  }
  for (const auto& w : words) {
    std::string_view word = w;
    while (!word.empty() && word.back() == '.') word.remove_suffix(1);
    if (all_digits(word)) {
      if (word.size() > 6) return std::nullopt;  // no date part; beyond an int
      const int n = std::stoi(std::string(word));
      if (word.size() >= 3 || n > 31) {
        if (p.year) return std::nullopt;
        p.year = n;
      } else {
        if (p.day) return std::nullopt;
        p.day = n;
      }
    } else if (const int m = month_from_word(word)) {
      if (p.month) return std::nullopt;
      p.month = m;
    } else if (ascii_lower(word) == "er" || ascii_lower(word) == "th" || ascii_lower(word) == "de") {
      continue;
    } else {
      return std::nullopt;
    }
  }
  if (p.year == 0) return std::nullopt;
  if (p.month == 0) p.day = 0;
  return p;
}

}  // namespace

void split_particles(Name& name) {
  // Family: leading lower-case tokens ("van der ", "d'", "de la ").
  std::string_view family = name.family;
  std::size_t consumed = 0;
  while (true) {
    const auto rest = family.substr(consumed);
    const auto end = next_family_token(rest);
    if (end == std::string_view::npos || !is_lower_start(rest.substr(0, end))) break;
    consumed += end;
  }
  if (consumed > 0) {
    std::string particle(family.substr(0, consumed));
    // A particle ending in a space loses it; one ending in an apostrophe keeps it ("d'").
    while (!particle.empty() && particle.back() == ' ') particle.pop_back();
    name.non_dropping_particle = particle;
    if (family.substr(0, consumed).ends_with(" ") && (particle.ends_with("'") || particle.ends_with("\u2019")))
      name.non_dropping_particle += ' ';
    name.family = std::string(family.substr(consumed));
  }
  parse_suffix_from_given(name);
  // Given: trailing lower-case words ("Alexis de").
  std::string_view given = name.given;
  std::size_t keep = given.size();
  while (true) {
    const auto head = trim(given.substr(0, keep));
    const auto space = head.rfind(' ');
    if (space == std::string_view::npos) break;
    const auto word = head.substr(space + 1);
    if (!is_lower_start(word)) break;
    keep = space;
  }
  if (keep < given.size()) {
    name.dropping_particle = std::string(trim(given.substr(keep)));
    name.given = std::string(trim(given.substr(0, keep)));
  }
}

Date parse_date_text(std::string_view text) {
  Date d;
  std::string s(trim(text));
  if (s.empty()) return d;
  // Uncertainty markers: "1999?", "ca. 1900", "c. 1900", "circa 1900", "[1999]".
  auto strip_prefix = [&](std::string_view prefix) {
    if (ascii_lower(s).starts_with(prefix)) {
      s = std::string(trim(std::string_view(s).substr(prefix.size())));
      d.circa = true;
    }
  };
  strip_prefix("circa ");
  strip_prefix("ca. ");
  strip_prefix("ca ");
  strip_prefix("c. ");
  if (!s.empty() && (s.back() == '?' || s.back() == '~')) {
    d.circa = true;
    s.pop_back();
  }
  if (s.size() > 2 && s.front() == '[' && s.back() == ']') s = s.substr(1, s.size() - 2);
  // Ranges: "A/B" (EDTF) or "A -- B", "A – B".
  std::string_view sv = s;
  std::optional<DateParts> from, to;
  auto split_at = [&](std::string_view sep) -> bool {
    const auto pos = sv.find(sep);
    if (pos == std::string_view::npos) return false;
    from = parse_one_date(sv.substr(0, pos));
    to = parse_one_date(sv.substr(pos + sep.size()));
    return true;
  };
  bool ranged = split_at("/") || split_at("--") || split_at(" - ") || split_at("\u2013");
  if (!ranged) {
    from = parse_one_date(sv);
    // "2019-2020": two years joined by a hyphen.
    if (!from && sv.size() == 9 && sv[4] == '-' && all_digits(sv.substr(0, 4)) && all_digits(sv.substr(5))) {
      from = DateParts{std::stoi(std::string(sv.substr(0, 4))), 0, 0};
      to = DateParts{std::stoi(std::string(sv.substr(5))), 0, 0};
      ranged = true;
    }
  }
  if (!from || (ranged && !to)) {
    d.literal = std::string(trim(text));
    d.circa = false;
    return d;
  }
  d.from = *from;
  if (to && !(*to == *from)) {
    // "March-April 2019": the first end borrows the year of the second.
    if (d.from.year == 0) d.from.year = to->year;
    d.to = *to;
  }
  return d;
}

ItemsRead read_csl_json(std::string_view json_text) {
  Json root;
  try {
    root = Json::parse(json_text.begin(), json_text.end());
  } catch (const Json::parse_error& e) {
    throw std::runtime_error(std::string("not valid JSON: ") + e.what());
  }
  if (root.is_object()) root = Json::array({root});
  if (!root.is_array()) throw std::runtime_error("CSL-JSON must be an array of objects");
  ItemsRead out;
  out.items.reserve(root.size());
  for (std::size_t index = 0; index < root.size(); ++index) {
    const auto& obj = root[index];
    if (!obj.is_object()) throw std::runtime_error("CSL-JSON item " + std::to_string(index + 1) + " is not an object");
    Item item;
    auto problem = [&](std::string field, std::string message) {
      out.problems.push_back({index, item.id, std::move(field), std::move(message)});
    };
    if (obj.contains("id")) item.id = scalar_text(obj["id"]);
    if (item.id.empty()) item.id = "item-" + std::to_string(index + 1);
    item.type = obj.value("type", std::string("article"));
    for (const auto& [key, value] : obj.items()) {
      if (key == "id" || key == "type") continue;
      const auto var = find_var(key);
      if (!var) continue;  // fields outside CSL (Zotero's "system_id"...): ignored
      switch (var_kind(*var)) {
        case VarKind::name: {
          if (!value.is_array()) {
            problem(key, "names must be an array");
            break;
          }
          std::vector<Name> names;
          for (const auto& n : value)
            if (n.is_object()) names.push_back(read_name(n));
          item.set_names(*var, std::move(names));
          break;
        }
        case VarKind::date: {
          bool ok = true;
          Date d = read_date(value, ok);
          if (!ok) problem(key, "date-parts that are not numbers");
          item.set_date(*var, std::move(d));
          break;
        }
        default: {
          if (value.is_array() || value.is_object()) {
            problem(key, "expected a string or a number");
            break;
          }
          item.set(*var, scalar_text(value));
        }
      }
    }
    out.items.push_back(std::move(item));
  }
  return out;
}

namespace {

OrderedJson parts_json(const DateParts& p) {
  OrderedJson a = OrderedJson::array();
  a.push_back(p.year);
  if (p.month) a.push_back(p.month);
  if (p.month && p.day) a.push_back(p.day);
  return a;
}

OrderedJson item_json(const Item& item) {
  OrderedJson j;
  j["id"] = item.id;
  j["type"] = item.type;
  // Variables in the table's order, so that the output does not depend on insertion order.
  for (std::size_t k = 0; k < kVarCount; ++k) {
    const auto v = static_cast<Var>(k);
    const auto name = std::string(var_name(v));
    switch (var_kind(v)) {
      case VarKind::name:
        if (const auto* names = item.get_names(v)) {
          OrderedJson arr = OrderedJson::array();
          for (const auto& n : *names) {
            OrderedJson o;
            if (!n.literal.empty()) {
              o["literal"] = n.literal;
            } else {
              if (!n.family.empty()) o["family"] = n.family;
              if (!n.given.empty()) o["given"] = n.given;
              if (!n.dropping_particle.empty()) o["dropping-particle"] = n.dropping_particle;
              if (!n.non_dropping_particle.empty()) o["non-dropping-particle"] = n.non_dropping_particle;
              if (!n.suffix.empty()) o["suffix"] = n.suffix;
              if (n.comma_suffix) o["comma-suffix"] = true;
              if (n.static_ordering) o["static-ordering"] = true;
            }
            arr.push_back(std::move(o));
          }
          j[name] = std::move(arr);
        }
        break;
      case VarKind::date:
        if (const auto* d = item.get_date(v)) {
          OrderedJson o;
          if (!d->from.empty()) {
            OrderedJson parts = OrderedJson::array();
            parts.push_back(parts_json(d->from));
            if (d->to) parts.push_back(parts_json(*d->to));
            o["date-parts"] = std::move(parts);
          } else if (!d->literal.empty()) {
            o["literal"] = d->literal;
          }
          if (d->season) o["season"] = d->season;
          if (d->circa) o["circa"] = true;
          j[name] = std::move(o);
        }
        break;
      default:
        if (const auto* s = item.get(v)) j[name] = *s;
    }
  }
  return j;
}

}  // namespace

std::string write_csl_json_item(const Item& item, int indent) { return item_json(item).dump(indent); }

std::string write_csl_json(const std::vector<Item>& items) {
  if (items.empty()) return "[]\n";
  std::string out = "[\n";
  for (std::size_t i = 0; i < items.size(); ++i) {
    // Indent each item's block by two spaces inside the array.
    const std::string block = item_json(items[i]).dump(2);
    out += "  ";
    for (char c : block) {
      out.push_back(c);
      if (c == '\n') out += "  ";
    }
    out += i + 1 < items.size() ? ",\n" : "\n";
  }
  out += "]\n";
  return out;
}

}  // namespace litrev::csl
