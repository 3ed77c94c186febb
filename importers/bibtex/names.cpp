#include "importers/bibtex/names.hpp"

#include <utf8proc.h>

#include <array>
#include <optional>

#include "importers/bibtex/latex.hpp"
#include "src/core/name_lists.hpp"
#include "src/core/text.hpp"

namespace litrev::bibtex {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_letter(char c) { return is_upper(c) || is_lower(c); }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (is_upper(x)) x = static_cast<char>(x - 'A' + 'a');
    if (is_upper(y)) y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

struct Token {
  std::string_view text;
  char sep = ' ';  // what separated it from the previous token: ' ', '-' or '~'
};

// The case of a letter, or nullopt for a non-letter. Non-ASCII: Unicode general category.
enum class Case { upper, lower };
std::optional<Case> letter_case_at(std::string_view s, std::size_t i, std::size_t& len) {
  const char c = s[i];
  len = 1;
  if (is_upper(c)) return Case::upper;
  if (is_lower(c)) return Case::lower;
  if (static_cast<unsigned char>(c) < 0x80) return std::nullopt;
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                  static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) return std::nullopt;
  len = static_cast<std::size_t>(n);
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LL: return Case::lower;
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LO:  // CJK, Arabic...: no case; never a particle
      return Case::upper;
    default: return std::nullopt;
  }
}

// BibTeX's von_token_found, with Unicode letters.
bool is_von_token(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size()) {
    const char c = t[i];
    if (c == '{') {
      if (i + 1 < t.size() && t[i + 1] == '\\') {
        // A special character: the control word decides when it is a letter, else its first letter.
        std::size_t j = i + 2;
        const std::size_t name_start = j;
        while (j < t.size() && is_ascii_letter(t[j])) ++j;
        const std::string_view cs = t.substr(name_start, j - name_start);
        static constexpr std::array<std::string_view, 8> kLower = {"i", "j", "oe", "ae", "aa", "o", "l", "ss"};
        static constexpr std::array<std::string_view, 5> kUpper = {"OE", "AE", "AA", "O", "L"};
        for (auto l : kLower)
          if (cs == l) return true;
        for (auto u : kUpper)
          if (cs == u) return false;
        int depth = 1;
        for (; j < t.size() && depth > 0;) {
          if (t[j] == '{') ++depth;
          else if (t[j] == '}') --depth;
          else if (t[j] == '\\') {  // skip nested control words: \relax in "{\relax Ch}"
            ++j;
            while (j < t.size() && is_ascii_letter(t[j])) ++j;
            continue;
          } else {
            std::size_t len = 1;
            if (auto kase = letter_case_at(t, j, len)) return *kase == Case::lower;
            j += len;
            continue;
          }
          ++j;
        }
        return false;
      }
      // A plain brace group is skipped: "{de} la" is decided by "la"... within this token, by
      // whatever follows the group.
      int depth = 0;
      for (; i < t.size(); ++i) {
        if (t[i] == '{') ++depth;
        else if (t[i] == '}' && --depth == 0) break;
      }
      ++i;
      continue;
    }
    std::size_t len = 1;
    if (auto kase = letter_case_at(t, i, len)) return *kase == Case::lower;
    i += len;
  }
  return false;
}

// Tokens of one comma part, split at spaces and '~' at brace depth 0. Hyphens do not split
// ("Jean-paul" is one token, never a von), as in btparse and biber.
void tokenize(std::string_view part, std::vector<Token>& tokens) {
  tokens.clear();
  int depth = 0;
  std::size_t start = std::string_view::npos;
  char pending_sep = ' ';
  for (std::size_t i = 0; i <= part.size(); ++i) {
    const char c = i < part.size() ? part[i] : ' ';
    const bool sep = depth == 0 && (is_space(c) || c == '~');
    if (c == '{') ++depth;
    else if (c == '}' && depth > 0) --depth;
    if (sep) {
      if (start != std::string_view::npos) {
        tokens.push_back({part.substr(start, i - start), pending_sep});
        start = std::string_view::npos;
        pending_sep = ' ';
      }
      if (c == '~') pending_sep = c;
    } else if (start == std::string_view::npos) {
      start = i;
    }
  }
}

// Comma parts at brace depth 0.
void comma_parts(std::string_view name, std::vector<std::string_view>& parts) {
  parts.clear();
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == '{') ++depth;
    else if (c == '}' && depth > 0) --depth;
    else if (c == ',' && depth == 0) {
      parts.push_back(trim(name.substr(start, i - start)));
      start = i + 1;
    }
  }
  parts.push_back(trim(name.substr(start)));
}

// The text of tokens [from, to) as written, separators included (all views into one name).
std::string_view span(const std::vector<Token>& tokens, std::size_t from, std::size_t to) {
  if (from >= to) return {};
  const char* b = tokens[from].text.data();
  const char* e = tokens[to - 1].text.data() + tokens[to - 1].text.size();
  return {b, static_cast<std::size_t>(e - b)};
}

std::string_view span(std::string_view first, std::string_view last) {
  return {first.data(), static_cast<std::size_t>(last.data() + last.size() - first.data())};
}

// The first run of von tokens that starts at or after `from` and ends before the last token:
// [begin, end), or begin == end when there is none.
std::pair<std::size_t, std::size_t> von_run(const std::vector<Token>& tokens, std::size_t from, bool must_start_at_from) {
  const std::size_t n = tokens.size();
  std::size_t begin = from;
  while (begin + 1 < n && !is_von_token(tokens[begin].text)) {
    if (must_start_at_from) return {from, from};
    ++begin;
  }
  if (begin + 1 >= n) return {from, from};
  std::size_t end = begin + 1;
  while (end + 1 < n && is_von_token(tokens[end].text)) ++end;
  return {begin, end};
}

bool is_single_group(std::string_view s) {
  if (s.size() < 2 || s.front() != '{' || s.back() != '}' || s[1] == '\\') return false;
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '{') ++depth;
    else if (s[i] == '}' && --depth == 0) return i == s.size() - 1;
  }
  return false;
}

// BibTeX's parts as views into the name.
struct PartViews {
  std::string_view first, von, last, jr;
  bool literal = false;
};

PartViews split_views(std::string_view raw_name) {
  // Per-thread scratch: names are split for every entry, and these stay small.
  thread_local std::vector<std::string_view> commas;
  thread_local std::vector<Token> tokens;
  PartViews parts;
  const std::string_view name = trim(raw_name);
  if (name.empty()) return parts;
  comma_parts(name, commas);
  // A comma at the end ("May, Keith,") is a typo BibTeX complains about, not an empty First
  // that would turn the given name into a Jr part; exports cannot write it back either.
  while (commas.size() > 2 && commas.back().empty()) commas.pop_back();
  if (commas.size() == 1) {
    tokenize(commas[0], tokens);
    const std::size_t n = tokens.size();
    if (n == 0) return parts;
    if (n == 1 && is_single_group(tokens[0].text)) {
      parts.last = tokens[0].text;
      parts.literal = true;
      return parts;
    }
    // First von Last: von is the first run of lower-case tokens before the last token.
    auto [vs, ve] = von_run(tokens, 0, false);
    if (vs == ve) vs = ve = n - 1;  // no von: Last is the last token
    parts.first = span(tokens, 0, vs);
    parts.von = span(tokens, vs, ve);
    parts.last = span(tokens, ve, n);
    return parts;
  }
  // von Last, [Jr,] First: a von part only when the first token is lower case.
  tokenize(commas[0], tokens);
  if (!tokens.empty()) {
    const auto [vs, ve] = von_run(tokens, 0, true);
    parts.von = span(tokens, vs, ve);
    parts.last = span(tokens, ve, tokens.size());
  }
  if (commas.size() == 2) {
    parts.first = commas[1];
  } else {
    parts.jr = commas[1];
    // More than two commas: BibTeX complains; every remaining part goes to First, as btparse does.
    parts.first = span(commas[2], commas.back());
  }
  return parts;
}

// Ties and spaces are both word breaks in a readable name.
std::string decode_part(std::string_view raw) {
  if (raw.empty()) return {};
  if (is_plain_text(raw)) return std::string(raw);
  std::string text = decode_latex(raw);
  if (text.find("\u00A0") == std::string::npos) return text;
  std::string spaced;
  spaced.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "\u00A0") == 0) {
      spaced.push_back(' ');
      ++i;
    } else {
      spaced.push_back(text[i]);
    }
  }
  return spaced;
}

// BibLaTeX extended name format: every comma part is `key=value`. Keys other than the four
// name parts are per-name options (useprefix, sortingnamekeytemplatename, id, given-i...):
// skipped. A "name" made of options only ("useprefix=false and ...") holds options of the
// whole list: options_only, not a person.
enum class Extended { no, person, options_only };
Extended extended_name(std::string_view name, Person& p) {
  if (name.find('=') == std::string_view::npos) return Extended::no;
  bool any = false;
  std::vector<std::string_view> parts;
  comma_parts(name, parts);
  for (std::string_view part : parts) {
    if (part.empty()) continue;
    const auto eq = part.find('=');
    if (eq == std::string_view::npos) return Extended::no;
    const std::string_view key = trim(part.substr(0, eq));
    std::string_view value = trim(part.substr(eq + 1));
    if (key.empty()) return Extended::no;
    for (char c : key)
      if (!is_ascii_letter(c) && c != '-') return Extended::no;  // "{A=B}"-like oddities stay names
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    std::string* target = nullptr;
    if (iequals(key, "family")) target = &p.family;
    else if (iequals(key, "given")) target = &p.given;
    else if (iequals(key, "prefix")) target = &p.particle;
    else if (iequals(key, "suffix")) target = &p.suffix;
    if (!target) continue;
    *target = decode_part(value);
    any = true;
  }
  return any ? Extended::person : Extended::options_only;
}

// Scopus's comma-separated list ("Daim T.U., Kozanoglu D.C., Niwa K.", core's
// is_comma_separated_name_list): one person per part, family words then initials.
bool read_comma_list(std::string_view name, std::vector<Person>& people) {
  if (!is_comma_separated_name_list(name)) return false;
  std::vector<std::string_view> parts;
  comma_parts(name, parts);
  std::vector<Token> tokens;
  for (std::string_view part : parts) {
    tokenize(part, tokens);
    Person p;
    p.family = decode_part(span(tokens, 0, tokens.size() - 1));
    p.given = decode_part(tokens.back().text);
    people.push_back(std::move(p));
  }
  return true;
}

}  // namespace

RawNameList split_name_list(std::string_view value) {
  RawNameList list;
  int depth = 0;
  std::size_t name_start = std::string_view::npos, name_end = 0;
  auto flush = [&] {
    if (name_start == std::string_view::npos) return;
    const std::string_view name = value.substr(name_start, name_end - name_start);
    name_start = std::string_view::npos;
    if (iequals(name, "others") || iequals(name, "et al.") || iequals(name, "et al") || iequals(name, "{others}"))
      list.et_al = true;
    else
      list.names.push_back(name);
  };
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && is_space(value[i])) ++i;
    if (i >= value.size()) break;
    // One word at brace depth 0: up to the next space outside braces.
    const std::size_t word_start = i;
    for (; i < value.size(); ++i) {
      const char c = value[i];
      if (c == '{') ++depth;
      else if (c == '}' && depth > 0) --depth;
      else if (depth == 0 && is_space(c)) break;
    }
    const std::string_view word = value.substr(word_start, i - word_start);
    if (iequals(word, "and")) {
      flush();
      continue;
    }
    if (name_start == std::string_view::npos) name_start = word_start;
    name_end = i;
  }
  flush();
  return list;
}

NameParts split_name(std::string_view raw_name) {
  const PartViews v = split_views(raw_name);
  return {std::string(v.first), std::string(v.von), std::string(v.last), std::string(v.jr), v.literal};
}


Person parse_name(std::string_view raw_name) {
  Person p;
  if (extended_name(raw_name, p) != Extended::no) return p;  // options only: an empty person
  const PartViews parts = split_views(raw_name);
  if (parts.literal) {
    p.literal = decode_part(parts.last);
    return p;
  }
  p.family = decode_part(parts.last);
  p.given = decode_part(parts.first);
  p.particle = decode_part(parts.von);
  p.suffix = decode_part(parts.jr);
  return p;
}

NameList parse_names(std::string_view value) {
  const RawNameList raw = split_name_list(value);
  NameList list;
  list.et_al = raw.et_al;
  list.people.reserve(raw.names.size());
  for (std::string_view name : raw.names) {
    if (read_comma_list(name, list.people)) continue;
    Person p = parse_name(name);
    if (p.family.empty() && p.given.empty() && p.literal.empty() && p.particle.empty()) continue;
    list.people.push_back(std::move(p));
  }
  return list;
}

}  // namespace litrev::bibtex
