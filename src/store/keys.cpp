#include "src/store/keys.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>

#include "src/core/identifiers.hpp"
#include "src/core/text.hpp"

namespace litrev::store {
namespace {

using namespace std::string_view_literals;

// Leading words that say nothing about a work; skipping them gives "dimaggio1983iron" rather
// than "dimaggio1983the".
constexpr std::array kTitleStopWords = {
    "a"sv,  "an"sv,  "the"sv, "on"sv,  "of"sv,  "in"sv,  "for"sv, "and"sv, "to"sv,  "is"sv,
    "le"sv, "la"sv,  "les"sv, "l"sv,   "un"sv,  "une"sv, "de"sv,  "des"sv, "du"sv,  "d"sv,
    "der"sv, "die"sv, "das"sv, "ein"sv, "eine"sv, "el"sv, "los"sv, "las"sv, "il"sv, "lo"sv};

constexpr std::array kBookTypes = {"book"sv,       "mvbook"sv,      "collection"sv,
                                   "mvcollection"sv, "reference"sv, "mvreference"sv,
                                   "proceedings"sv,  "mvproceedings"sv, "booklet"sv, "manual"sv};

// Lower-case ASCII letters and digits of the folded text: keys must be safe in any BibTeX tool.
std::string ascii_token(std::string_view s) {
  std::string out;
  for (char c : fold(s))
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  return out;
}

// Folded words joined by single spaces: exactly what normalized_title computes.
std::string joined_words(std::string_view s) { return normalized_title(s); }

}  // namespace

const Person* first_creator(const Work& work) {
  for (const auto& c : work.contributors)
    if (c.role == Role::author) return &c.person;
  return work.contributors.empty() ? nullptr : &work.contributors.front().person;
}

std::string folded_family(const Person& person) {
  if (!person.literal.empty()) return joined_words(person.literal);
  if (person.particle.empty()) return joined_words(person.family);
  return joined_words(person.particle + " " + person.family);
}

std::string generated_key(const Work& work) {
  std::string key;
  if (const Person* p = first_creator(work))
    key = ascii_token(p->literal.empty() ? p->family : p->literal);
  if (key.empty()) key = "anon";
  if (work.year) key += std::to_string(*work.year);
  for (const auto& w : words(work.title)) {
    if (std::find(kTitleStopWords.begin(), kTitleStopWords.end(), w) != kTitleStopWords.end()) continue;
    const auto token = ascii_token(w);
    if (token.empty()) continue;
    key += token;
    break;
  }
  return key == "anon" && work.title.empty() && !work.year ? std::string("work") : key;
}

std::string numbered_key(std::string_view key, int n) { return std::string(key) + "-" + std::to_string(n); }

std::string comparable_title(const Work& work) {
  std::string title = work.subtitle.empty() ? work.title : work.title + " " + work.subtitle;
  // "Myth & Ceremony" and "Myth and Ceremony" are one title; sources write either.
  for (auto at = title.find('&'); at != std::string::npos; at = title.find('&', at + 5)) title.replace(at, 1, " and ");
  return normalized_title(title);
}

bool titles_compatible(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty() || a == b) return true;
  const std::string_view shorter = a.size() < b.size() ? a : b, longer = a.size() < b.size() ? b : a;
  // Word prefix: "deep learning" begins "deep learning for text", not "deep learningful".
  if (longer.starts_with(shorter) && longer[shorter.size()] == ' ') return true;
  auto word_set = [](std::string_view s) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0; start <= s.size();) {
      const std::size_t end = std::min(s.find(' ', start), s.size());
      if (end > start) out.push_back(s.substr(start, end - start));
      start = end + 1;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  const auto x = word_set(a), y = word_set(b);
  std::size_t common = 0;
  for (std::size_t i = 0, j = 0; i < x.size() && j < y.size();) {
    if (x[i] < y[j]) ++i;
    else if (y[j] < x[i]) ++j;
    else ++common, ++i, ++j;
  }
  // Every word of one in the other ("New Institutionalism" in "The New Institutionalism in
  // Organizational Analysis"), or the word sets overlapping by half.
  return common == std::min(x.size(), y.size()) || 2 * common >= x.size() + y.size() - common;
}

bool identifier_match_plausible(const Work& record, const Work& work) {
  // Copies of one entry carry the same title: no folding needed.
  if (record.title == work.title && record.subtitle == work.subtitle) return true;
  if (titles_compatible(comparable_title(record), comparable_title(work))) return true;
  const Person* a = first_creator(record);
  const Person* b = first_creator(work);
  // A year apart is still one work: Crossref's online-first year against HAL's or a journal's
  // print year.
  if (!a || !b || !record.year || !work.year || std::abs(*record.year - *work.year) > 1) return false;
  const std::string family = folded_family(*a);
  return !family.empty() && family == folded_family(*b);
}

std::string dedup_key(const Work& work) {
  const std::string norm = comparable_title(work);
  const Person* creator = first_creator(work);
  if (norm.empty() || !creator) return {};
  const std::string family = folded_family(*creator);
  if (family.empty()) return {};
  // A missing year is a value of its own: two copies of an undated entry merge, an undated
  // and a dated record do not.
  return norm + "|" + (work.year ? std::to_string(*work.year) : std::string()) + "|" + family;
}

std::string person_name_key(const Person& person) {
  if (!person.literal.empty()) return "=" + joined_words(person.literal);
  return folded_family(person) + "|" + joined_words(person.given) + "|" + joined_words(person.suffix);
}

std::string casefold(std::string_view s) {
  const std::string trimmed(trim(s));
  if (std::all_of(trimmed.begin(), trimmed.end(), [](unsigned char c) { return c < 0x80; }))
    return ascii_lower(trimmed);
  utf8proc_uint8_t* out = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(trimmed.data()),
                              static_cast<utf8proc_ssize_t>(trimmed.size()), &out,
                              static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
  if (n < 0) return trimmed;  // invalid UTF-8: compare bytes
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

bool is_book_type(std::string_view type) {
  return std::find(kBookTypes.begin(), kBookTypes.end(), type) != kBookTypes.end();
}

std::string join_keywords(const std::vector<std::string>& keywords) {
  std::string out;
  for (const auto& k : keywords) {
    const std::string one = collapse_spaces(k);  // a keyword never spans lines once stored
    if (one.empty()) continue;
    if (!out.empty()) out.push_back('\n');
    out += one;
  }
  return out;
}

std::vector<std::string> split_keywords(std::string_view stored) {
  std::vector<std::string> out;
  while (!stored.empty()) {
    const auto nl = stored.find('\n');
    out.emplace_back(stored.substr(0, nl));
    if (nl == std::string_view::npos) break;
    stored.remove_prefix(nl + 1);
  }
  return out;
}

std::string join_reference_authors(const std::vector<ReferenceAuthor>& authors) {
  std::string out;
  for (const auto& a : authors) {
    if (!out.empty()) out.push_back('\n');
    out += collapse_spaces(a.family);
    if (!a.initials.empty()) out += ", " + collapse_spaces(a.initials);
  }
  return out;
}

std::vector<ReferenceAuthor> split_reference_authors(std::string_view stored) {
  std::vector<ReferenceAuthor> out;
  while (!stored.empty()) {
    const auto nl = stored.find('\n');
    const std::string_view line = stored.substr(0, nl);
    stored = nl == std::string_view::npos ? std::string_view() : stored.substr(nl + 1);
    if (line.empty()) continue;
    // The last ", " separates the initials: a family name holds no comma.
    const auto comma = line.rfind(", ");
    if (comma == std::string_view::npos) out.push_back({std::string(line), {}});
    else out.push_back({std::string(line.substr(0, comma)), std::string(line.substr(comma + 2))});
  }
  return out;
}

std::vector<PersonId> split_person_ids(std::string_view stored) {
  std::vector<PersonId> out;
  for (const auto& line : split_keywords(stored)) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    if (const auto scheme = person_id_scheme_from_name(std::string_view(line).substr(0, colon)))
      out.push_back({*scheme, line.substr(colon + 1)});
  }
  return out;
}

std::int64_t identity_hash(std::string_view identity) {
  // 8 bytes at a time, each folded in with a multiply-xorshift round (the splitmix64 finalizer):
  // well mixed, simple, and fixed forever.
  auto mix = [](std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  };
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ identity.size();
  std::size_t i = 0;
  for (; i + 8 <= identity.size(); i += 8) {
    std::uint64_t chunk = 0;
    for (int b = 7; b >= 0; --b) chunk = (chunk << 8) | static_cast<unsigned char>(identity[i + static_cast<std::size_t>(b)]);
    h = mix(h ^ chunk);
  }
  std::uint64_t tail = 0;
  for (std::size_t b = identity.size(); b > i; --b) tail = (tail << 8) | static_cast<unsigned char>(identity[b - 1]);
  h = mix(h ^ tail ^ 0xff);
  return static_cast<std::int64_t>(h);
}

std::string normalized_identifier(IdScheme scheme, std::string_view value) {
  std::optional<std::string> norm;
  switch (scheme) {
    case IdScheme::doi: norm = normalize_doi(value); break;
    case IdScheme::isbn: norm = normalize_isbn(value); break;
    case IdScheme::issn: norm = normalize_issn(value); break;
    case IdScheme::hal: norm = normalize_hal_id(value); break;
    case IdScheme::arxiv: norm = normalize_arxiv(value); break;
    case IdScheme::openalex: norm = normalize_openalex_work(value); break;
    default: break;
  }
  if (norm) return *norm;
  return scheme == IdScheme::doi ? ascii_lower(trim(value)) : std::string(trim(value));
}

}  // namespace litrev::store
