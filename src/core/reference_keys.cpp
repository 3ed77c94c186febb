#include "src/core/reference_keys.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>

#include "src/core/identifiers.hpp"
#include "src/core/person_names.hpp"
#include "src/core/text.hpp"

namespace litrev {
namespace {

// WoS marks organisations with a leading "*" ("*NAT RES COUNC", "*DEP ARM").
bool is_organisation(std::string_view name) { return trim(name).starts_with('*') || is_organisation_name(name); }

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Words left out of title keys: they are the ones citation indexes drop or abbreviate away
// (WoS writes "The New Institutionalism in Organizational Analysis" as "NEW I ORG ANAL").
bool is_stopword(std::string_view w) {
  static constexpr std::array<std::string_view, 52> kStop = {
      "a",    "an",  "the",  "of",  "in",  "on",  "for", "to",   "and", "or",   "with", "by",  "at",
      "from", "as",  "is",   "are", "its", "into", "about", "le",  "la",  "les",  "l",   "de",  "des",
      "du",   "d",   "un",   "une", "et",  "en",  "au",  "aux",  "pour", "par", "sur",  "dans", "der",
      "die",  "das", "und",  "ein", "eine", "von", "zu",  "im",   "mit", "el",   "los",  "y",   "del"};
  return std::find(kStop.begin(), kStop.end(), w) != kStop.end();
}

std::vector<std::string> significant_words(std::string_view title, std::size_t max) {
  std::vector<std::string> out;
  for (auto& w : words(title)) {
    if (is_stopword(w)) continue;
    out.push_back(std::move(w));
    if (out.size() == max) break;
  }
  return out;
}

// First code point of each of the first `count` significant words: "SCI ACTION" -> "sa".
std::string initials_key(std::string_view title, std::size_t count) {
  std::string out;
  for (const auto& w : significant_words(title, count)) {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(w.data());
    utf8proc_int32_t cp = 0;
    const auto len = utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(w.size()), &cp);
    out.append(w, 0, len > 0 ? static_cast<std::size_t>(len) : 1);
  }
  return out;
}

std::string join_words(const std::vector<std::string>& ws) {
  std::string out;
  for (const auto& w : ws) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

bool is_anonymous(std::string_view token) { return token.empty() || token == "anonymous" || token == "anon"; }

struct KeyParts {
  std::string family;  // family_token
  // Organisations publish many documents a year ("UN SUST DEV GOALS", "UN SUST DEV REP"), and
  // their titles are not cut as short as a person's book titles: three initials, not two.
  bool organisation = false;
  std::string year;
  std::string volume;
  std::string page;
  std::string title;   // readable title (work: title + subtitle)
  std::string source;  // container (WoS: abbreviated source)
};

MatchKeys keys_of(const KeyParts& k, std::string doi, bool reference) {
  MatchKeys m;
  m.doi = std::move(doi);
  if (k.family.empty() || k.year.empty()) return m;
  const std::string head = k.family + "|" + k.year + "|";
  if (!k.volume.empty() && !k.page.empty()) m.locator = head + k.volume + "|" + k.page;
  if (!k.title.empty()) {
    const auto ws = significant_words(k.title, 5);
    if (!ws.empty()) m.titled = head + join_words(ws);
  }
  if (!reference || m.locator.empty()) {
    const std::string initials = initials_key(!k.title.empty() ? k.title : k.source, k.organisation ? 3 : 2);
    if (!initials.empty()) m.abbreviated = head + initials;
  }
  return m;
}

KeyParts parts_of(const Reference& ref) {
  KeyParts k;
  k.family = family_token(ref.first_author);
  k.organisation = is_organisation(ref.first_author);
  if (ref.year) k.year = std::to_string(*ref.year);
  k.volume = locator_volume(ref.volume);
  k.page = locator_page(ref.first_page);
  k.title = ref.title;
  k.source = ref.container;
  return k;
}


}  // namespace

std::string locator_volume(std::string_view volume) {
  volume = trim(volume);
  if (volume.empty() || !std::any_of(volume.begin(), volume.end(), is_digit)) return {};
  std::size_t i = 0;
  while (i < volume.size() && is_digit(volume[i])) ++i;
  const std::string rest = ascii_lower(volume.substr(i, 2));
  if (i > 0 && (rest == "st" || rest == "nd" || rest == "rd" || rest == "th")) return {};
  std::string out;
  for (char c : ascii_lower(volume))
    if (c != ' ') out.push_back(c);
  return out;
}

std::string locator_page(std::string_view pages) {
  pages = trim(pages);
  std::size_t end = 0;
  while (end < pages.size() && pages[end] != '-' && pages[end] != ',' && pages[end] != ' ' &&
         static_cast<unsigned char>(pages[end]) != 0xE2)  // en dash
    ++end;
  std::string out = ascii_lower(pages.substr(0, end));
  std::size_t zeros = 0;
  while (zeros + 1 < out.size() && out[zeros] == '0') ++zeros;
  out.erase(0, zeros);
  return out;
}

bool is_organisation_name(std::string_view name) {
  static constexpr std::array<std::string_view, 45> kWords = {
      "of",          "on",          "for",        "and",         "the",        "&",         "in",
      "to",          "et",          "nations",    "commission",  "bank",       "organization",
      "organisation", "agency",     "council",    "committee",   "programme",  "program",   "union",
      "institute",   "association", "department", "ministry",    "office",     "foundation", "forum",
      "parliament",  "government",  "university", "society",     "center",     "centre",    "panel",
      "group",       "board",       "network",    "communities", "federation", "academy",   "academies",
      "inc",         "ltd",         "corporation", "company"};
  // Called for every reference (family_token): words are compared in a small buffer, no
  // allocation.
  bool first = true;
  std::size_t i = 0;
  name = trim(name);
  while (i < name.size()) {
    while (i < name.size() && name[i] == ' ') ++i;
    std::size_t start = i;
    while (i < name.size() && name[i] != ' ') ++i;
    if (i == start) break;
    if (!first) {
      if (name[start] == '(') return true;  // "(WBCSD)", "(UN)"
      if (name[start] == '\\' && i - start > 1) ++start;  // BibTeX's "\&"
      std::size_t end = i;
      while (end > start && (name[end - 1] == '.' || name[end - 1] == ',')) --end;
      std::array<char, 16> buf{};
      if (end - start <= buf.size()) {
        for (std::size_t k = start; k < end; ++k) {
          const char c = name[k];
          buf[k - start] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        }
        const std::string_view word(buf.data(), end - start);
        if (std::find(kWords.begin(), kWords.end(), word) != kWords.end()) return true;
      }
    }
    first = false;
  }
  return false;
}

std::string family_token(std::string_view family) {
  const std::string folded = fold(trim(family));
  const bool organisation = is_organisation(family);
  // Words of letters only: apostrophes vanish inside a word ("d'aveni" -> "daveni"); a hyphen
  // separates words ("knorr-cetina" is "knorr cetina") except in an organisation's name.
  std::vector<std::string> ws;
  std::string current;
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n' || (c == '-' && !organisation)) {
      if (!current.empty()) ws.push_back(std::move(current));
      current.clear();
    } else if (is_ascii_letter(c) || static_cast<unsigned char>(c) >= 0x80) {
      current.push_back(c);
    }
  }
  if (!current.empty()) ws.push_back(std::move(current));
  if (organisation) {
    std::string out;
    for (const auto& w : ws) out += w;
    return out;
  }
  // Leading particles go ("van der Berg" -> "berg"), as long as a word is left.
  std::size_t first = 0;
  while (first + 1 < ws.size() && is_name_particle(ws[first])) ++first;
  return first < ws.size() ? ws[first] : std::string();
}

MatchKeys reference_keys(const Reference& ref) {
  return keys_of(parts_of(ref), ascii_lower(trim(ref.doi)), true);
}

MatchKeys work_keys(const Work& work) {
  KeyParts k;
  const Person* first = nullptr;
  for (Role role : {Role::author, Role::editor}) {
    for (const auto& c : work.contributors)
      if (c.role == role) {
        first = &c.person;
        break;
      }
    if (first) break;
  }
  if (!first && !work.contributors.empty()) first = &work.contributors.front().person;
  if (first) {
    const std::string& name = !first->family.empty() ? first->family : first->literal;
    k.family = family_token(name);
    k.organisation = is_organisation(name);
  }
  if (work.year) k.year = std::to_string(*work.year);
  k.volume = locator_volume(work.volume);
  k.page = locator_page(work.pages);
  k.title = work.subtitle.empty() ? work.title : work.title + ": " + work.subtitle;
  k.source = work.container;
  std::string doi;
  for (const auto& id : work.ids)
    if (id.scheme == IdScheme::doi) {
      doi = ascii_lower(id.value);
      break;
    }
  return keys_of(k, std::move(doi), false);
}

std::string reference_identity(const Reference& ref) {
  const std::string doi = ascii_lower(trim(ref.doi));
  if (!doi.empty()) return "doi:" + doi;
  // An OpenAlex reference list names works by id only; a DOI, when one is known, wins above.
  if (!ref.openalex.empty()) return "openalex:" + ref.openalex;
  const KeyParts k = parts_of(ref);
  if (!k.family.empty() && !k.year.empty() && !k.volume.empty() && !k.page.empty())
    return "ref:" + k.family + "|" + k.year + "|" + k.volume + "|" + k.page;
  if (k.family.empty() && k.year.empty()) {
    const std::string text = normalized_title(ref.raw);
    return "raw:" + (text.empty() ? ref.raw : text);
  }
  const std::string& words_from = !k.title.empty() ? k.title : k.source;
  // Without a person as author, or without a year, the initials of two words would merge
  // unrelated items ("[Anonymous], 2019, ETH GUID TRUSTW AI" and "... EUR GEN AI"; undated
  // annual reports), so the words themselves stand in; with no words at all, the raw text.
  const bool weak = is_anonymous(k.family) || k.year.empty();
  std::string token = weak ? join_words(significant_words(words_from, 6)) : initials_key(words_from, k.organisation ? 3 : 2);
  if (weak && token.empty()) {
    const std::string text = normalized_title(ref.raw);
    return "raw:" + (text.empty() ? ref.raw : text);
  }
  std::string id = "ref:" + k.family + "|" + k.year + "|" + token;
  if (!k.volume.empty()) id += "|v" + k.volume;
  return id;
}

void ReferenceIdentities::learn(const Reference& ref) {
  if (ref.doi.empty()) return;
  auto keys = reference_keys(ref);
  if (keys.locator.empty()) return;
  ++dois_by_locator_[std::move(keys.locator)][std::move(keys.doi)];
}

std::string ReferenceIdentities::doi_for_locator(const std::string& locator) const {
  const auto it = dois_by_locator_.find(locator);
  if (it == dois_by_locator_.end()) return {};
  // Most frequent; ties go to the smallest DOI so that the answer does not depend on the order
  // references were learned in.
  const std::string* best = nullptr;
  std::uint32_t best_count = 0;
  for (const auto& [doi, count] : it->second)
    if (count > best_count || (count == best_count && best && doi < *best)) best = &doi, best_count = count;
  return best ? *best : std::string();
}

std::string ReferenceIdentities::identity(const Reference& ref) const {
  if (ref.doi.empty() && !dois_by_locator_.empty()) {
    const auto keys = reference_keys(ref);
    if (!keys.locator.empty())
      if (auto doi = doi_for_locator(keys.locator); !doi.empty()) return "doi:" + doi;
  }
  return reference_identity(ref);
}

// Title case for text written all in capitals (WoS names and sources), left alone otherwise:
// "MCCARTHY" -> "McCarthy", "AM J SOCIOL" -> "Am J Sociol", "O'BRIEN" -> "O'Brien".
std::string readable_case(std::string_view s) {
  if (std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return std::string(s);
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  const auto n = static_cast<utf8proc_ssize_t>(s.size());
  utf8proc_ssize_t i = 0;
  bool word_start = true;
  std::size_t word_pos = 0;  // letters seen in the current word
  while (i < n) {
    utf8proc_int32_t cp = 0;
    const auto len = utf8proc_iterate(p + i, n - i, &cp);
    if (len <= 0) {
      out.push_back(s[static_cast<std::size_t>(i)]);
      ++i;
      continue;
    }
    const bool letter = utf8proc_category(cp) >= UTF8PROC_CATEGORY_LU && utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO;
    if (letter) {
      // "MC" + capital: the Scottish/Irish prefix keeps its inner capital.
      const bool mc_inner = word_pos == 2 && out.size() >= 2 && out.substr(out.size() - 2) == "Mc";
      const auto c = word_start || mc_inner ? utf8proc_toupper(cp) : utf8proc_tolower(cp);
      append_utf8(out, static_cast<char32_t>(c));
      word_start = false;
      ++word_pos;
    } else {
      out.append(s.substr(static_cast<std::size_t>(i), static_cast<std::size_t>(len)));
      word_start = true;
      word_pos = 0;
    }
    i += len;
  }
  return out;
}

namespace {

// "B" -> "B.", "WW" -> "W. W.", "J-C" -> "J.-C." (initials as describe_reference stores them).
std::string dotted_initials(std::string_view initials) {
  std::string out;
  for (std::size_t i = 0; i < initials.size();) {
    if (initials[i] == '-') {
      out += '-';
      ++i;
      continue;
    }
    const auto u = static_cast<unsigned char>(initials[i]);
    const std::size_t len = u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : u >= 0xC0 ? 2 : 1;
    if (!out.empty() && out.back() == '.') out += ' ';
    out += std::string(initials.substr(i, len)) + ".";
    i += len;
  }
  return out;
}

}  // namespace

bool is_described(const Reference& ref) { return !ref.openalex.empty() && !ref.title.empty(); }

std::string reference_label(const Reference& ref) {
  if (is_described(ref)) {
    // Authors as APA writes them: one, two joined by "&", three or more as the first "et al.".
    auto name = [](std::string_view family, std::string_view initials) {
      std::string n(trim(family));
      if (!initials.empty()) n += ", " + dotted_initials(initials);
      return n;
    };
    std::string out = ref.authors.size() > 1 ? name(ref.authors[0].family, ref.authors[0].initials)
                                             : name(ref.first_author, ref.author_initials);
    if (out.empty()) out = "Anon.";
    if (ref.authors.size() == 2) out += ", & " + name(ref.authors[1].family, ref.authors[1].initials);
    if (ref.authors.size() > 2) out += ", et al.";
    out += ref.year ? " (" + std::to_string(*ref.year) + ")." : std::string(" (n.d.).");
    out += " " + collapse_spaces(ref.title) + ".";
    if (!ref.container.empty()) out += " " + collapse_spaces(ref.container) + ".";
    return out;
  }
  std::string out;
  auto add = [&](std::string_view part) {
    if (part.empty()) return;
    if (!out.empty()) out += ", ";
    out += part;
  };
  std::string name = readable_case(trim(ref.first_author));
  if (!name.empty() && !ref.author_initials.empty()) name += " " + ref.author_initials;
  add(name);
  if (ref.year) add(std::to_string(*ref.year));
  std::string where = readable_case(trim(!ref.container.empty() ? ref.container : ref.title));
  if (where.size() > 90) {
    // Cut at a word boundary so labels stay one readable line.
    std::size_t cut = where.rfind(' ', 87);
    if (cut == std::string::npos) {
      cut = 87;
      while (cut > 0 && (static_cast<unsigned char>(where[cut]) & 0xC0) == 0x80) --cut;  // not mid-character
    }
    where = where.substr(0, cut) + "...";
  }
  add(where);
  add(trim(ref.volume));
  add(trim(ref.first_page));
  if (out.empty()) out = collapse_spaces(ref.raw);
  return out;
}

}  // namespace litrev
