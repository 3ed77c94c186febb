#include "src/core/identifiers.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "src/core/text.hpp"

namespace litrev {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Characters that end a DOI in running text. DOIs may legally hold almost anything, but these
// never occur in registered ones outside SICI-era oddities, and they do delimit DOIs in
// reference lists, BibTeX values and JSON.
bool ends_doi(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '{' || c == '}' ||
         c == ',' || c == ']' || c == '|' || c == '\\' || c == '\'';
}

// Removes punctuation that closes the sentence around a DOI rather than belonging to it.
void trim_doi_tail(std::string& d) {
  while (!d.empty()) {
    const char c = d.back();
    if (c == '.' || c == ';' || c == ':') {
      d.pop_back();
    } else if (c == ')' || c == '>' || c == ']') {
      const char open = c == ')' ? '(' : c == '>' ? '<' : '[';
      if (std::count(d.begin(), d.end(), open) < std::count(d.begin(), d.end(), c)) d.pop_back();
      else break;
    } else {
      break;
    }
  }
}

// Length of "10.NNNN/" (the registrant prefix and its slash) at the start of s, 0 when s does
// not start with one.
std::size_t prefix_length(std::string_view s) {
  if (s.size() < 8 || s[0] != '1' || s[1] != '0' || s[2] != '.') return 0;
  std::size_t i = 3;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i - 3 < 4 || i - 3 > 9) return 0;
  // Registrant codes may have sub-parts: 10.1000.10/xyz
  while (i < s.size() && s[i] == '.') {
    std::size_t j = i + 1;
    while (j < s.size() && is_digit(s[j])) ++j;
    if (j == i + 1) break;
    i = j;
  }
  return i < s.size() && s[i] == '/' ? i + 1 : 0;
}

// Length of a DOI starting at s[0] == '1' ("10.NNNN/suffix"), 0 when none starts here.
std::size_t doi_length(std::string_view s) {
  const std::size_t prefix = prefix_length(s);
  if (prefix == 0) return 0;
  std::size_t j = prefix;
  // A ']' that closes a '[' of the DOI itself belongs to it: SICI-era DOIs of the ESA journals
  // ("10.1890/1540-9295(2005)003[0179:BF]2.0.CO;2").
  int open_brackets = 0;
  for (; j < s.size(); ++j) {
    if (s[j] == '[') ++open_brackets;
    else if (s[j] == ']' && open_brackets > 0) --open_brackets;
    else if (ends_doi(s[j])) break;
  }
  return j > prefix ? j : 0;
}

// Drops a label an export glued to the DOI's last digit: "...6.1.9number:1", "...0033693pp.12-34",
// "...2019vol.3". Only after a digit, so suffixes such as "10.1257/app.2" keep their letters.
void drop_glued_label(std::string& d) {
  static constexpr std::array<std::string_view, 5> kLabels = {"number", "issue", "vol", "pp", "no"};
  const std::size_t prefix = prefix_length(d);
  if (prefix == 0) return;  // not a DOI: nothing glued to it (and no d[p - 1] before d[0])
  for (std::size_t p = prefix; p < d.size(); ++p) {
    if (!is_digit(d[p - 1])) continue;
    for (const auto label : kLabels) {
      if (std::string_view(d).substr(p, label.size()) != label) continue;
      std::size_t i = p + label.size();
      if (i < d.size() && (d[i] == ':' || d[i] == '.')) ++i;
      const bool numbers_to_end =
          std::all_of(d.begin() + static_cast<long>(i), d.end(), [](char c) { return is_digit(c) || c == '-'; });
      if (numbers_to_end) {
        d.erase(p);
        return;
      }
    }
  }
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto hex = [](char c) -> int {
      if (is_digit(c)) return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> checked_doi(std::string_view candidate) {
  std::string d = ascii_lower(trim(candidate));
  // No DOI holds a space or a control character: what follows one is the next field or line.
  if (const auto end = std::find_if(d.begin(), d.end(), [](unsigned char c) { return c <= 0x20 || c == 0x7f; });
      end != d.end())
    d.erase(end, d.end());
  // Cut short by the exporter or the citing author: not the DOI of anything.
  if (d.find("\xE2\x80\xA6") != std::string::npos || d.ends_with("..")) return std::nullopt;
  trim_doi_tail(d);
  drop_glued_label(d);
  trim_doi_tail(d);
  const std::size_t prefix = prefix_length(d);
  // A one-character suffix is a DOI cut short too ("DOI 10.1016/J" in WoS lines).
  if (prefix == 0 || d.size() < prefix + 2) return std::nullopt;
  return d;
}

std::vector<std::string> find_dois(std::string_view text) {
  std::vector<std::string> out;
  std::string decoded;
  // A URL's escapes ("10.1002/%28SICI%29...") decode to text; escapes that make no UTF-8
  // ("%98" alone) are no URL's, and the text stays as it was written.
  if (text.find('%') != std::string_view::npos) {
    decoded = percent_decode(text);
    if (is_valid_utf8(decoded)) text = decoded;
  }
  for (std::size_t i = 0; i + 8 <= text.size(); ++i) {
    if (text[i] != '1' || (i > 0 && (is_alnum(text[i - 1]) || text[i - 1] == '.'))) continue;
    const std::size_t len = doi_length(text.substr(i));
    if (len == 0) continue;
    auto d = checked_doi(text.substr(i, len));
    if (d && std::find(out.begin(), out.end(), *d) == out.end()) out.push_back(std::move(*d));
    i += len - 1;
  }
  return out;
}

std::optional<std::string> normalize_doi(std::string_view s) {
  auto found = find_dois(trim(s));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<std::string> normalize_isbn(std::string_view s) {
  std::string d;
  for (char c : s) {
    if (is_digit(c)) d.push_back(c);
    else if ((c == 'X' || c == 'x') && d.size() == 9) d.push_back('X');
    else if (c == '-' || c == ' ') continue;
    else if (!d.empty()) break;  // "0-19-852663-6 (pbk.)": stop at the qualifier
  }
  if (d.size() == 10) {
    int sum = 0;
    for (int i = 0; i < 10; ++i) sum += (10 - i) * (d[i] == 'X' ? 10 : d[i] - '0');
    if (sum % 11 != 0) return std::nullopt;
    std::string thirteen = "978" + d.substr(0, 9);
    int s13 = 0;
    for (int i = 0; i < 12; ++i) s13 += (i % 2 ? 3 : 1) * (thirteen[i] - '0');
    thirteen.push_back(static_cast<char>('0' + (10 - s13 % 10) % 10));
    return thirteen;
  }
  if (d.size() == 13 && d.find('X') == std::string::npos) {
    int sum = 0;
    for (int i = 0; i < 13; ++i) sum += (i % 2 ? 3 : 1) * (d[i] - '0');
    if (sum % 10 != 0) return std::nullopt;
    return d;
  }
  return std::nullopt;
}

std::optional<std::string> normalize_issn(std::string_view s) {
  std::string d;
  for (char c : s) {
    if (is_digit(c)) d.push_back(c);
    else if ((c == 'X' || c == 'x') && d.size() == 7) d.push_back('X');
  }
  if (d.size() != 8) return std::nullopt;
  int sum = 0;
  for (int i = 0; i < 7; ++i) sum += (8 - i) * (d[i] - '0');
  const int check = (11 - sum % 11) % 11;
  if ((check == 10 ? 'X' : static_cast<char>('0' + check)) != d[7]) return std::nullopt;
  return d.substr(0, 4) + "-" + d.substr(4);
}

std::optional<std::string> normalize_hal_id(std::string_view s) {
  s = trim(s);
  if (auto slash = s.find_last_of('/'); slash != std::string_view::npos) {
    // URL form: keep the last path segment that looks like an id
    std::string_view tail = s.substr(slash + 1);
    if (tail.empty() || tail.find('-') == std::string_view::npos) {
      const std::string_view head = s.substr(0, slash);
      tail = head.substr(head.find_last_of('/') + 1);
    }
    s = tail;
  }
  // prefix-NNNNNNNN[vN]: prefix is letters (hal, halshs, tel, inria, hal-sde...), digits 8
  const auto dash = s.find_last_of('-');
  if (dash == std::string_view::npos || dash == 0) return std::nullopt;
  std::string_view digits = s.substr(dash + 1);
  if (auto v = digits.find('v'); v != std::string_view::npos) digits = digits.substr(0, v);
  if (digits.size() < 6 || !std::all_of(digits.begin(), digits.end(), is_digit)) return std::nullopt;
  const std::string_view prefix = s.substr(0, dash);
  if (!std::all_of(prefix.begin(), prefix.end(), [](char c) { return is_alnum(c) || c == '-' || c == '_'; }))
    return std::nullopt;
  return ascii_lower(prefix) + "-" + std::string(digits);
}

std::optional<std::string> normalize_orcid(std::string_view s) {
  std::string d;
  for (char c : s) {
    if (is_digit(c)) d.push_back(c);
    else if ((c == 'X' || c == 'x') && d.size() == 15) d.push_back('X');
  }
  if (d.size() != 16) return std::nullopt;
  int total = 0;
  for (int i = 0; i < 15; ++i) total = (total + (d[i] - '0')) * 2;
  const int check = (12 - total % 11) % 11;
  if ((check == 10 ? 'X' : static_cast<char>('0' + check)) != d[15]) return std::nullopt;
  return d.substr(0, 4) + "-" + d.substr(4, 4) + "-" + d.substr(8, 4) + "-" + d.substr(12, 4);
}

std::optional<std::string> normalize_arxiv(std::string_view s) {
  s = trim(s);
  for (std::string_view prefix : {"https://arxiv.org/abs/", "http://arxiv.org/abs/", "arxiv:", "arXiv:"}) {
    if (s.starts_with(prefix)) s.remove_prefix(prefix.size());
  }
  std::string out(s);
  // drop version suffix vN
  if (auto v = out.find_last_of('v'); v != std::string::npos && v + 1 < out.size() &&
      std::all_of(out.begin() + static_cast<long>(v) + 1, out.end(), is_digit) && v > 0 && is_digit(out[v - 1]))
    out.erase(v);
  const bool new_style = out.size() >= 9 && is_digit(out[0]) && out[4] == '.';
  const bool old_style = out.find('/') != std::string::npos;
  if (!new_style && !old_style) return std::nullopt;
  return out;
}

namespace {
constexpr std::array<std::pair<IdScheme, std::string_view>, 10> kSchemeNames = {{
    {IdScheme::doi, "doi"},   {IdScheme::isbn, "isbn"},   {IdScheme::issn, "issn"},
    {IdScheme::hal, "hal"},   {IdScheme::arxiv, "arxiv"}, {IdScheme::pmid, "pmid"},
    {IdScheme::pmcid, "pmcid"}, {IdScheme::wos, "wos"},   {IdScheme::scopus, "scopus"},
    {IdScheme::openalex, "openalex"},
}};
}  // namespace

std::string_view id_scheme_name(IdScheme scheme) {
  for (const auto& [s, name] : kSchemeNames)
    if (s == scheme) return name;
  return "unknown";
}

std::optional<IdScheme> id_scheme_from_name(std::string_view name) {
  for (const auto& [s, n] : kSchemeNames)
    if (n == name) return s;
  return std::nullopt;
}

namespace {

struct PersonSchemeRow {
  PersonIdScheme scheme;
  std::string_view name, label;
};
constexpr std::array<PersonSchemeRow, 6> kPersonSchemes = {{
    {PersonIdScheme::orcid, "orcid", "ORCID"},
    {PersonIdScheme::idhal, "idhal", "idHAL"},
    {PersonIdScheme::idref, "idref", "IdRef"},
    {PersonIdScheme::scopus, "scopus", "Scopus author id"},
    {PersonIdScheme::openalex, "openalex", "OpenAlex"},
    {PersonIdScheme::researcherid, "researcherid", "ResearcherID"},
}};

// The last path segment of a URL (or the value itself), trimmed.
std::string_view last_segment(std::string_view s) {
  s = trim(s);
  while (s.ends_with('/')) s.remove_suffix(1);
  if (const auto slash = s.rfind('/'); slash != std::string_view::npos) s.remove_prefix(slash + 1);
  return s;
}

bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

}  // namespace

std::optional<std::string> normalize_openalex_work(std::string_view s) {
  s = trim(s);
  if (const auto slash = s.rfind('/'); slash != std::string_view::npos) s.remove_prefix(slash + 1);
  if (const auto colon = s.rfind(':'); colon != std::string_view::npos) s.remove_prefix(colon + 1);
  if (s.size() < 2 || s.size() > 16 || (s[0] != 'W' && s[0] != 'w') || !all_digits(s.substr(1))) return std::nullopt;
  return "W" + std::string(s.substr(1));
}

std::string_view person_id_scheme_name(PersonIdScheme scheme) {
  for (const auto& row : kPersonSchemes)
    if (row.scheme == scheme) return row.name;
  return "unknown";
}

std::string_view person_id_scheme_label(PersonIdScheme scheme) {
  for (const auto& row : kPersonSchemes)
    if (row.scheme == scheme) return row.label;
  return "unknown";
}

std::optional<PersonIdScheme> person_id_scheme_from_name(std::string_view name) {
  for (const auto& row : kPersonSchemes)
    if (row.name == name) return row.scheme;
  return std::nullopt;
}

std::optional<std::string> normalize_person_id(PersonIdScheme scheme, std::string_view s) {
  switch (scheme) {
    case PersonIdScheme::orcid: return normalize_orcid(s);
    case PersonIdScheme::idhal: {
      const std::string_view v = last_segment(s);
      if (v.empty() || v.find(' ') != std::string_view::npos) return std::nullopt;
      return std::string(v);
    }
    case PersonIdScheme::idref: {
      const std::string_view v = last_segment(s);
      if (v.size() != 9 || !all_digits(v.substr(0, 8)) || !(is_digit(v[8]) || v[8] == 'X' || v[8] == 'x'))
        return std::nullopt;
      return ascii_upper(v);
    }
    case PersonIdScheme::scopus: {
      std::string_view v = last_segment(s);
      if (const auto eq = v.rfind('='); eq != std::string_view::npos) v.remove_prefix(eq + 1);  // ...?authorId=123
      if (!all_digits(v) || v.size() < 6 || v.size() > 12) return std::nullopt;
      return std::string(v);
    }
    case PersonIdScheme::openalex: {
      const std::string v = ascii_upper(last_segment(s));
      if (v.size() < 5 || v[0] != 'A' || !all_digits(std::string_view(v).substr(1))) return std::nullopt;
      return v;
    }
    case PersonIdScheme::researcherid: {
      const std::string v = ascii_upper(last_segment(s));
      // "A-5114-2012", "AAG-6517-2019": 1 to 3 letters, 4 digits, a year.
      const auto d1 = v.find('-');
      if (d1 == std::string::npos || d1 == 0 || d1 > 3 || v.size() != d1 + 10 || v[d1 + 5] != '-') return std::nullopt;
      if (!std::all_of(v.begin(), v.begin() + static_cast<long>(d1), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return std::nullopt;
      if (!all_digits(std::string_view(v).substr(d1 + 1, 4)) || !all_digits(std::string_view(v).substr(d1 + 6)))
        return std::nullopt;
      return v;
    }
  }
  return std::nullopt;
}

}  // namespace litrev
