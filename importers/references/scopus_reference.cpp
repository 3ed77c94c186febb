// Scopus references (the `references` field of a Scopus BibTeX/CSV export):
//   Family, I.I., Family, I., Title (YYYY) Source, Volume (Issue), pp. first-last
//   Family, I., (YYYY) Book Title, , Publisher, Place
//   Title (YYYY) Source, ...                      (no author)
//   Family I.I., Family I., Title, (YYYY) Source, Volume (Issue), pp. first-last   (newer exports)
// The author list is a run of "Family, Initials" pairs; the year in parentheses separates the
// title from the source, or, right after the authors, announces a book.

#include <algorithm>

#include "importers/references/reference_scan.hpp"
#include "importers/references/reference_styles.hpp"
#include "src/core/identifiers.hpp"
#include "src/core/text.hpp"

namespace litrev::refstyle {
namespace {

using namespace refscan;

// The next ", "-separated piece starting at `at` (without the separator), and where the one
// after it starts (npos at the end).
std::string_view piece(std::string_view s, std::size_t at, std::size_t& next) {
  const std::size_t comma = s.find(", ", at);
  if (comma == std::string_view::npos) {
    next = std::string_view::npos;
    return s.substr(at);
  }
  next = comma + 2;
  return s.substr(at, comma - at);
}

// A family name in an author list: a few words, no digits, no brackets, starts with a letter.
bool looks_like_family(std::string_view f) {
  if (f.empty() || f.size() > 60 || !is_letter(f[0])) return false;
  std::size_t words = 1;
  for (char c : f) {
    if (is_digit(c) || c == '(' || c == ')' || c == ':' || c == '?' || c == '"') return false;
    if (c == ' ') ++words;
  }
  return words <= 4;
}

// "J.D.", "M.-L.", "J. E." (space-separated groups are allowed here), "et al."
bool looks_like_given_initials(std::string_view f) {
  f = trim(f);
  if (f.empty()) return false;
  std::size_t i = 0;
  while (i < f.size()) {
    const std::size_t space = f.find(' ', i);
    const auto token = f.substr(i, space == std::string_view::npos ? std::string_view::npos : space - i);
    if (token.find('.') == std::string_view::npos || !is_initials_token(token)) return false;
    if (space == std::string_view::npos) break;
    i = space + 1;
  }
  return true;
}

// Newer Scopus exports write each author in one piece, initials after the family name:
// "DiMaggio P.J., Powell W.W., The iron cage revisited..., (1983) American Sociological Review".
// True when `f` is such a piece; family and initials are then set.
bool compact_author(std::string_view f, std::string_view& family, std::string_view& initials) {
  f = trim(f);
  std::size_t cut = f.size();
  // Dotted initials tokens from the end: "P.J.", "J. E.", "M.-L."
  while (cut > 0) {
    const std::size_t space = f.rfind(' ', cut - 1);
    if (space == std::string_view::npos) break;
    const auto token = f.substr(space + 1, cut - space - 1);
    if (token.find('.') == std::string_view::npos || !is_initials_token(token)) break;
    cut = space;
  }
  if (cut == f.size() || cut == 0) return false;
  family = trim(f.substr(0, cut));
  initials = trim(f.substr(cut));
  return looks_like_family(family) && family != "et";
}

// "82", "82 (6)", "185 (738)", "12 (SUPPL. 1)": starts with a digit, the rest a parenthesis.
bool read_volume(std::string_view f, std::string& volume) {
  f = trim_field(f);
  if (f.empty() || !is_digit(f[0])) return false;
  std::size_t i = 0;
  while (i < f.size() && !is_space(f[i]) && f[i] != '(') ++i;
  const auto rest = trim(f.substr(i));
  if (!rest.empty() && rest.front() != '(') return false;
  volume = std::string(f.substr(0, i));
  return true;
}

// "pp. 1212-1241", "p. 1", "pp. E115-E119": the first page.
bool read_pages(std::string_view f, std::string& first_page) {
  f = trim(f);
  std::size_t skip = 0;
  if (f.starts_with("pp. ")) skip = 4;
  else if (f.starts_with("p. ")) skip = 3;
  else if (f.starts_with("art. no. ")) skip = 9;
  else return false;
  f = f.substr(skip);
  // Up to the range dash (ASCII or an en dash, whose UTF-8 encoding starts with 0xE2).
  std::size_t i = 0;
  while (i < f.size() && f[i] != '-' && f[i] != '\xE2' && !is_space(f[i]) && f[i] != ',' && f[i] != '.') ++i;
  first_page = std::string(f.substr(0, i));
  return !first_page.empty();
}

// After the year: "Source, Volume (Issue), pp. x-y" or, for books, "Title, , Publisher".
void read_source_part(std::string_view rest, Reference& ref, std::string* title) {
  std::size_t at = 0, next = 0;
  std::size_t source_end = std::string_view::npos;
  while (at != std::string_view::npos && at < rest.size()) {
    const auto f = piece(rest, at, next);
    const auto tf = trim(f);
    if (tf.empty() || tf.starts_with("http")) {
      if (source_end == std::string_view::npos) source_end = at;
      break;  // ", , Publisher" or a URL: the rest is not the source
    }
    if (ref.volume.empty() && ref.first_page.empty() && read_volume(tf, ref.volume)) {
      if (source_end == std::string_view::npos) source_end = at;
    } else if (read_pages(tf, ref.first_page)) {
      if (source_end == std::string_view::npos) source_end = at;
      break;
    } else if (source_end != std::string_view::npos) {
      break;
    }
    at = next;
  }
  const auto source = trim_field(rest.substr(0, source_end == std::string_view::npos ? rest.size()
                                                                                      : source_end));
  if (title) *title = std::string(source);
  else ref.container = std::string(source);
}

}  // namespace

bool scopus_starts_with_author(std::string_view s) {
  std::size_t next = 0, ignored = 0;
  const auto family = piece(s, 0, next);
  std::string_view compact_family, compact_initials;
  return (looks_like_family(family) && next != std::string_view::npos &&
          looks_like_given_initials(piece(s, next, ignored))) ||
         (next != std::string_view::npos && compact_author(family, compact_family, compact_initials));
}

void parse_scopus(std::string_view s, Reference& ref) {
  if (s.ends_with('.')) s.remove_suffix(1);
  ref.doi = [&] {
    auto d = find_dois_unescaped(s);
    return d.empty() ? std::string() : std::move(d.front());
  }();

  // Authors: "Family, I., Family, I., " until a piece is not a family followed by initials.
  std::size_t at = 0;
  bool first = true;
  while (at < s.size()) {
    std::size_t next_family = 0, next_initials = 0;
    auto family = piece(s, at, next_family);
    if (next_family == std::string_view::npos) break;
    std::string_view initials = piece(s, next_family, next_initials);
    // The last author may be glued to a book's year: "Grefenstette, G., (1994) Explorations".
    if (looks_like_family(family) && looks_like_given_initials(initials)) {
      at = next_initials == std::string_view::npos ? s.size() : next_initials;
    } else if (compact_author(family, family, initials)) {
      at = next_family;
    } else {
      break;
    }
    ref.authors.push_back({std::string(trim(family)), refscan::initials_of(initials)});
    if (first) {
      ref.first_author = ref.authors.back().family;
      ref.author_initials = ref.authors.back().initials;
      first = false;
    }
    if (s.substr(at).starts_with("et al., ")) at += 8;
  }

  int year = 0;
  const std::size_t paren = find_parenthesized_year(s, at, &year);
  if (paren == std::string_view::npos) {
    ref.title = std::string(trim_field(s.substr(std::min(at, s.size()))));
    return;
  }
  ref.year = year;
  const std::size_t after = s.find(')', paren) + 1;
  const auto rest = trim(s.substr(after));
  const auto before = trim_field(s.substr(at, paren - at));
  if (before.empty()) {
    read_source_part(rest, ref, &ref.title);  // book: "(1994) Title, , Publisher"
  } else {
    ref.title = std::string(before);
    read_source_part(rest, ref, nullptr);
  }
}

}  // namespace litrev::refstyle
