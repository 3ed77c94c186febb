#include "importers/references/reference_scan.hpp"

#include <array>

#include "src/core/identifiers.hpp"
#include "src/core/reference_keys.hpp"
#include "src/core/text.hpp"

namespace litrev::refscan {

std::string_view trim_field(std::string_view s) {
  s = trim(s);
  while (!s.empty() && (s.back() == ',' || s.back() == ';' || s.back() == '.' || is_space(s.back())))
    s.remove_suffix(1);
  return s;
}

std::optional<int> year_of(std::string_view s) {
  if (s.size() != 4) return std::nullopt;
  int y = 0;
  for (char c : s) {
    if (!is_digit(c)) return std::nullopt;
    y = y * 10 + (c - '0');
  }
  if (y < 1400 || y > 2100) return std::nullopt;
  return y;
}

std::vector<std::string_view> split_commas(std::string_view s) {
  std::vector<std::string_view> out;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '[') ++depth;
    else if (c == ']' && depth > 0) --depth;
    else if (c == ',' && depth == 0 && i + 1 < s.size() && s[i + 1] == ' ') {
      out.push_back(trim(s.substr(start, i - start)));
      start = i + 2;
      ++i;
    }
  }
  out.push_back(trim(s.substr(start)));
  return out;
}

std::size_t find_parenthesized_year(std::string_view s, std::size_t from, int* year) {
  for (std::size_t i = s.find('(', from); i != std::string_view::npos; i = s.find('(', i + 1)) {
    if (i + 5 >= s.size()) break;
    const auto y = year_of(s.substr(i + 1, 4));
    if (!y) continue;
    std::size_t close = i + 5;
    if (close < s.size() && is_lower(s[close])) ++close;  // "(2017b)"
    if (close < s.size() && s[close] == ')') {
      if (year) *year = *y;
      return i;
    }
  }
  return std::string_view::npos;
}

bool is_initials_token(std::string_view t) {
  if (t.empty()) return false;
  if (t.find('.') == std::string_view::npos) {
    // Undotted: "JD", "MEP", "J-L"; an all-capital family word is longer than three letters
    // in practice, and initials are never longer.
    std::size_t letters = 0;
    for (char c : t) {
      if (is_upper(c)) ++letters;
      else if (c != '-') return false;
    }
    return letters >= 1 && letters <= 3;
  }
  // Dotted: groups of one capital plus at most two lower-case letters, each closed by a dot
  // except possibly the last ("T.F"), joined by nothing or "-": "J.", "J.D.", "M.-L.", "Ch.", "Yu."
  std::size_t i = 0;
  while (i < t.size()) {
    if (t[i] == '-') {
      ++i;
      continue;
    }
    if (is_upper(t[i])) {
      ++i;
    } else if (is_high(t[i])) {  // an accented capital: "Ö."
      ++i;
      while (i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) ++i;
    } else {
      return false;
    }
    std::size_t lower = 0;
    while (i < t.size() && is_lower(t[i]) && lower < 2) ++i, ++lower;
    if (i < t.size() && t[i] == '.') ++i;
    else if (i < t.size() && t[i] != '-') return false;
  }
  return true;
}

std::string initials_of(std::string_view given) {
  // Every capital is an initial ("JD", "LarryP."); a lower-case word start too ("tiffany").
  std::string out;
  bool word_start = true;
  for (char c : given) {
    if (c == ' ' || c == '-' || c == '.') {
      word_start = true;
      continue;
    }
    if (is_upper(c)) out.push_back(c);
    else if (word_start && is_lower(c)) out.push_back(static_cast<char>(c - 'a' + 'A'));
    word_start = false;
  }
  return out;
}

bool is_name_particle(std::string_view w) {
  static constexpr std::array<std::string_view, 24> kParticles = {
      "van", "von", "der", "den", "de", "del", "della", "dei", "degli", "di", "da", "dos",
      "das", "do", "du", "des", "la", "le", "les", "ten", "ter", "vander", "d'", "zu"};
  if (w.size() > 6) return false;
  const std::string lower = ascii_lower(w);
  for (auto p : kParticles)
    if (lower == p) return true;
  return false;
}

namespace {

std::vector<std::string_view> space_tokens(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    const std::size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

bool has_lower(std::string_view s) {
  for (char c : s)
    if (is_lower(c)) return true;
  return false;
}

// From a substring [first, last] of tokens that all point into `whole`, the covering view.
std::string_view span(std::string_view first, std::string_view last) {
  return {first.data(), static_cast<std::size_t>(last.data() + last.size() - first.data())};
}

}  // namespace

void read_family_first_name(std::string_view name, Reference& ref) {
  name = trim(name);
  const auto tokens = space_tokens(name);
  if (tokens.empty()) return;
  if (name.front() == '[' || name.front() == '*') {  // "[Anonymous]", "[程国忠 Cheng Guozhong]", "*NAT RES COUNC"
    ref.first_author = std::string(name);
    return;
  }
  if (tokens.size() >= 2) {
    // "United Nations Development Programme" is one name, not "United" + given names.
    if (is_organisation_name(name)) {
      ref.first_author = std::string(name);
      return;
    }
  }
  // After the first word, a mixed-case word starts the given names ("Kung Tiffany H", "Daly
  // Herman E."), and so does an all-capital word before dotted initials ("PORTER THEODORE M."):
  // the older all-capital form writes initials without dots ("REYES NIETO JE", "DE VRIES B").
  // Two-word family names written like given names ("Knorr Cetina K.") lose their second word
  // here; family_token keeps only the first word anyway, so matching is not affected.
  bool dotted = false;
  for (std::size_t i = 1; i < tokens.size(); ++i)
    dotted = dotted || (tokens[i].find('.') != std::string_view::npos && is_initials_token(tokens[i]));
  std::size_t family_end = 1;
  bool after_particle = is_name_particle(tokens[0]);
  while (family_end < tokens.size()) {
    const auto t = tokens[family_end];
    // "DER" in "VAN DER BERG A" is a particle, "DA" in "SEEGER DA" is initials: a particle is
    // followed by more family name, initials are not.
    const bool particle = is_name_particle(t) &&
                          (!is_initials_token(t) || (family_end + 1 < tokens.size() &&
                                                     !is_initials_token(tokens[family_end + 1])));
    if (after_particle || particle) {
      after_particle = particle;
      ++family_end;
      continue;
    }
    if (is_initials_token(t) || has_lower(t) || dotted) break;
    ++family_end;
  }
  // A family name made only of particles ("van") is not one: keep the word after it.
  if (family_end < tokens.size() && after_particle) ++family_end;
  ref.first_author = std::string(span(tokens[0], tokens[family_end - 1]));
  if (family_end < tokens.size()) ref.author_initials = initials_of(span(tokens[family_end], tokens.back()));
}

void read_given_first_name(std::string_view name, Reference& ref) {
  name = trim(name);
  const auto tokens = space_tokens(name);
  if (tokens.empty()) return;
  if (tokens.size() == 1) {
    ref.first_author = std::string(tokens[0]);
    return;
  }
  // Initials and given names first, then (particles and) the family name: "J. de Kraker".
  std::size_t i = 0;
  while (i + 1 < tokens.size() && !is_name_particle(tokens[i]) &&
         (is_initials_token(tokens[i]) || (tokens.size() - i > 1 && i == 0 && has_lower(tokens[i]))))
    ++i;
  ref.first_author = std::string(span(tokens[i], tokens.back()));
  if (i > 0) ref.author_initials = initials_of(span(tokens[0], tokens[i - 1]));
}

std::vector<std::string> find_dois_unescaped(std::string_view text) {
  if (text.find('\\') == std::string_view::npos) return find_dois(text);
  std::string plain;
  plain.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && std::string_view("_#&%$").find(text[i + 1]) != std::string_view::npos)
      continue;
    plain.push_back(text[i]);
  }
  return find_dois(plain);
}

std::string arxiv_doi(std::string_view text) {
  for (std::size_t at = 0; at + 6 < text.size(); ++at) {
    at = text.find(':', at);
    if (at == std::string_view::npos || at < 5) break;
    if (ascii_lower(text.substr(at - 5, 5)) != "arxiv") continue;
    // YYMM.NNNNN (or .NNNN before 2015), an optional version.
    std::size_t i = at + 1;
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    if (i - start != 4 || i >= text.size() || text[i] != '.') continue;
    const std::size_t dot = i++;
    while (i < text.size() && is_digit(text[i])) ++i;
    if (i - dot - 1 < 4 || i - dot - 1 > 5) continue;
    return "10.48550/arxiv." + std::string(text.substr(start, i - start));
  }
  return {};
}

std::string find_isbn(std::string_view text) {
  for (std::size_t at = text.find("ISBN"); at != std::string_view::npos; at = text.find("ISBN", at + 4)) {
    std::size_t i = at + 4;
    if (text.substr(i).starts_with("-13") || text.substr(i).starts_with("-10")) i += 3;
    while (i < text.size() && (text[i] == ':' || text[i] == ' ')) ++i;
    // Up to 13 digits, hyphens and single spaces between them; then the 13- or 10-digit form.
    std::string digits;
    for (; i < text.size() && digits.size() < 13; ++i) {
      const char c = text[i];
      if (is_digit(c) || ((c == 'X' || c == 'x') && digits.size() == 9)) digits.push_back(c);
      else if (c != '-' && c != ' ') break;
    }
    if (digits.size() == 13)
      if (auto isbn = normalize_isbn(digits)) return *isbn;
    if (digits.size() >= 10)
      if (auto isbn = normalize_isbn(std::string_view(digits).substr(0, 10))) return *isbn;
  }
  return {};
}

}  // namespace litrev::refscan
