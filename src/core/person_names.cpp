#include "src/core/person_names.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>

#include "src/core/text.hpp"

namespace litrev {
namespace {

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return !is_continuation(c); }));
}

// Reads one code point of s at i (advancing i); U+FFFD for invalid bytes.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                  static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) {
    ++i;
    return 0xFFFD;
  }
  i += static_cast<std::size_t>(n);
  return static_cast<char32_t>(cp);
}

bool is_upper_letter(char32_t cp) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LU;
}

// Letters that Unicode decomposition leaves alone but that names drop in ASCII forms
// ("Paweł" / "Pawel", "Søren" / "Soren"), after folding (lower case).
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kLatinLetters = {{
    {"ł", "l"}, {"ø", "o"}, {"đ", "d"}, {"ð", "d"}, {"ħ", "h"}, {"ı", "i"}, {"þ", "th"}, {"æ", "ae"}, {"œ", "oe"},
}};

// A token of a folded name: its letters and digits run together ("d'arcy" -> "darcy").
std::string letters_of(std::string_view token) {
  std::string out;
  for (auto& w : words(token)) out += w;
  if (std::any_of(out.begin(), out.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    for (const auto& [from, to] : kLatinLetters) {
      for (auto at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size()))
        out.replace(at, from.size(), to);
    }
  }
  return out;
}

std::string concatenated(const GivenName& g) {
  std::string out;
  for (const auto& t : g) out += t.text;
  return out;
}

// Aligned tokens agree (equal, or one abbreviates the other) and the longer name is not cut
// inside a hyphenated name: "Jacob" / "J. D.", "Ivan" / "I. Glenn" -- mixed forms that may be one
// name, good enough to tell apart the authors of one record, not to group people.
bool given_names_joinable(const GivenName& a, const GivenName& b) {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const GivenToken& x = a[i];
    const GivenToken& y = b[i];
    if (x.text == y.text) continue;
    if (!(x.abbreviated && y.text.starts_with(x.text)) && !(y.abbreviated && x.text.starts_with(y.text))) return false;
  }
  const GivenName& longer = a.size() > b.size() ? a : b;
  return n == 0 || n == longer.size() || !longer[n].hyphenated;
}

}  // namespace

bool is_name_particle(std::string_view folded_word) {
  static constexpr std::array<std::string_view, 24> kParticles = {
      "van", "von", "der", "den", "de", "del", "della", "dei", "degli", "di", "da", "dos",
      "das", "do", "du", "des", "la", "le", "les", "ten", "ter", "vander", "d", "zu"};
  return std::find(kParticles.begin(), kParticles.end(), folded_word) != kParticles.end();
}

std::string person_family_key(std::string_view family) {
  // Words cut at spaces and hyphens, then the leading particles dropped as long as a word is
  // left; the rest joined, so "Knorr-Cetina", "Knorr Cetina" and WoS's "KNORRCETINA" meet.
  std::vector<std::string> ws;
  std::string current;
  for (char c : std::string(trim(family))) {
    if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '~') {
      if (!current.empty()) ws.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) ws.push_back(std::move(current));
  std::vector<std::string> folded;
  for (const auto& w : ws) {
    std::string f = letters_of(w);
    if (!f.empty()) folded.push_back(std::move(f));
  }
  std::size_t first = 0;
  while (first + 1 < folded.size() && is_name_particle(folded[first])) ++first;
  std::string out;
  for (std::size_t i = first; i < folded.size(); ++i) out += folded[i];
  return out;
}

GivenName given_name_tokens(std::string_view given_in) {
  const std::string given = strip_affiliation_marker(given_in);
  // WoS writes initials run together in capitals ("WW", "JD"): a given name of one word of two
  // or three capitals, so that "Li", "Wei" or "JAE-YUN" stay names.
  const bool initials_run = given.size() >= 2 && given.size() <= 3 && std::all_of(given.begin(), given.end(), is_ascii_upper);
  GivenName out;
  auto is_cut = [](char c) { return c == ' ' || c == '.' || c == '-' || c == ',' || c == '\t' || c == '~'; };
  std::size_t i = 0;
  while (i < given.size()) {
    while (i < given.size() && is_cut(given[i])) ++i;
    std::size_t j = i;
    while (j < given.size() && !is_cut(given[j])) ++j;
    if (j == i) break;
    const std::string_view token = std::string_view(given).substr(i, j - i);
    const bool period = j < given.size() && given[j] == '.';
    // Joined by a hyphen to the token before: "Jean-Pierre", "J.-P.".
    std::size_t k = i;
    while (k > 0 && (given[k - 1] == ' ' || given[k - 1] == '.')) --k;
    const bool hyphenated = !out.empty() && k > 0 && given[k - 1] == '-';
    if (initials_run) {
      for (char c : token) out.push_back({std::string(1, static_cast<char>(c - 'A' + 'a')), true, false});
    } else if (std::string text = letters_of(token); !text.empty()) {
      const bool abbreviated = period || code_points(text) == 1;
      out.push_back({std::move(text), abbreviated, hyphenated});
    }
    i = j;
  }
  return out;
}

bool given_name_covers(const GivenName& general, const GivenName& specific) {
  if (general.size() > specific.size()) return false;
  // Dropping trailing names, but not half of a hyphenated one.
  if (general.size() < specific.size() && !general.empty() && specific[general.size()].hyphenated) return false;
  for (std::size_t i = 0; i < general.size(); ++i) {
    const GivenToken& g = general[i];
    const GivenToken& s = specific[i];
    if (g.text == s.text) continue;
    if (!g.abbreviated || !s.text.starts_with(g.text)) return false;
  }
  return true;
}

bool given_names_compatible(const GivenName& a, const GivenName& b) {
  if (a.empty() || b.empty()) return true;
  if (given_name_covers(a, b) || given_name_covers(b, a)) return true;
  // The same letters spaced differently: "Jae Yun" / "Jaeyun" (hyphens are already cuts).
  const auto full = [](const GivenName& g) {
    return std::none_of(g.begin(), g.end(), [](const GivenToken& t) { return t.abbreviated; });
  };
  return full(a) && full(b) && concatenated(a) == concatenated(b);
}

GivenNameDetail given_name_detail(const GivenName& g) {
  GivenNameDetail d;
  d.tokens = g.size();
  for (const auto& t : g) {
    d.full += t.abbreviated ? 0 : 1;
    d.letters += code_points(t.text);
  }
  return d;
}

std::optional<std::size_t> designated_name(std::span<const NameRef> candidates, std::string_view family,
                                           std::string_view given) {
  const std::string fam = person_family_key(family);
  if (fam.empty()) return std::nullopt;
  // A name in capitals ("LI, YU" in WoS's ORCID-Numbers) reads both as initials and as a name.
  std::vector<GivenName> readings = {given_name_tokens(given)};
  if (std::none_of(given.begin(), given.end(), is_ascii_lower)) readings.push_back(given_name_tokens(ascii_lower(given)));
  // Levels, strongest first: the same name, a compatible one, a joinable one. The strongest
  // level that holds for someone decides, and only when it holds for exactly one candidate.
  auto level = [&](const GivenName& c) {
    int best = 0;
    for (const auto& g : readings) {
      if (c == g) best = std::max(best, 3);
      else if (given_names_compatible(c, g)) best = std::max(best, 2);
      else if (given_names_joinable(c, g)) best = std::max(best, 1);
    }
    return best;
  };
  std::array<std::size_t, 4> count{};
  std::array<std::size_t, 4> which{};
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (person_family_key(candidates[i].family) != fam) continue;
    const int l = level(given_name_tokens(candidates[i].given));
    ++count[static_cast<std::size_t>(l)];
    which[static_cast<std::size_t>(l)] = i;
  }
  for (std::size_t l = 3; l >= 1; --l) {
    if (count[l] == 1) return which[l];
    if (count[l] > 1) return std::nullopt;
  }
  return std::nullopt;
}

std::string given_name_key(const GivenName& g) {
  std::string out;
  for (const auto& t : g) out += (out.empty() ? "" : "-") + t.text;
  return out;
}

std::string strip_affiliation_marker(std::string_view given) {
  std::string_view s = trim(given);
  // Several markers: "P.a  b  c" (one affiliation letter each, spaced).
  while (s.size() >= 3 && is_ascii_lower(s.back()) && s[s.size() - 2] == ' ') s = trim(s.substr(0, s.size() - 1));
  if (s.size() < 3 || !is_ascii_lower(s.back()) || s[s.size() - 2] != '.') return std::string(given);
  const std::string_view initials = s.substr(0, s.size() - 1);
  // Every group: an upper-case letter and a period, groups separated by nothing, '-' or ' '.
  std::size_t i = 0;
  while (i < initials.size()) {
    while (i < initials.size() && (initials[i] == ' ' || initials[i] == '-')) ++i;
    if (i == initials.size()) break;
    if (!is_upper_letter(next_code_point(initials, i))) return std::string(given);
    if (i == initials.size() || initials[i] != '.') return std::string(given);
    ++i;
  }
  return std::string(initials);
}

std::pair<std::string, std::string> split_display_name(std::string_view name) {
  if (const auto comma = name.find(','); comma != std::string_view::npos) {
    return {std::string(trim(name.substr(0, comma))), std::string(trim(name.substr(comma + 1)))};
  }
  const std::string_view t = trim(name);
  if (const auto space = t.rfind(' '); space != std::string_view::npos) {
    return {std::string(t.substr(space + 1)), std::string(t.substr(0, space))};
  }
  return {std::string(t), {}};
}

}  // namespace litrev
