// Free-text references (Crossref `unstructured`, pasted bibliographies). Styles vary too much
// for a grammar, so only parts with an unambiguous shape are read:
//   - the first author, from the text before the first separator (family or given name first);
//   - the year: "(2013)" first, else the first free-standing four-digit year outside URLs/DOIs;
//   - the title, only right after the year ("(2013). Title." APA, "(2011) Title." Vancouver,
//     "2017b. Title." Chicago), up to the end of its sentence;
//   - volume and first page from "18(2): 163-180", "178:442-451", "55, 277-289", with the
//     capitalised words before them as the container.

#include <algorithm>
#include <array>

#include "importers/references/reference_scan.hpp"
#include "importers/references/reference_styles.hpp"
#include "src/core/identifiers.hpp"
#include "src/core/text.hpp"

namespace litrev::refstyle {
namespace {

using namespace refscan;

constexpr std::string_view kEnDash = "\xE2\x80\x93";

bool is_alnum(char c) { return is_digit(c) || is_letter(c); }

bool dash_at(std::string_view s, std::size_t i) {
  return i < s.size() && (s[i] == '-' || s.substr(i).starts_with(kEnDash));
}

// Regions that hold digits which are not years or volumes: URLs and DOIs.
struct Excluded {
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  bool contains(std::size_t i) const {
    return std::any_of(ranges.begin(), ranges.end(), [&](auto r) { return i >= r.first && i < r.second; });
  }
};

Excluded excluded_regions(std::string_view s) {
  Excluded ex;
  for (std::string_view marker : {std::string_view("http"), std::string_view("www."), std::string_view("10.")}) {
    for (std::size_t at = s.find(marker); at != std::string_view::npos; at = s.find(marker, at + 1)) {
      if (marker == "10." && at > 0 && is_alnum(s[at - 1])) continue;
      std::size_t end = at;
      while (end < s.size() && !is_space(s[end])) ++end;
      if (marker == "10." && s.substr(at, end - at).find('/') == std::string_view::npos) continue;
      ex.ranges.emplace_back(at, end);
    }
  }
  return ex;
}

struct YearHit {
  int year = 0;
  std::size_t begin = std::string_view::npos;  // first digit
  std::size_t end = 0;                         // after the year text ("2017b", "(2013)")
  bool parenthesized = false;
};

YearHit find_year(std::string_view s, const Excluded& ex) {
  YearHit hit;
  // "(2013)", "(2013a)", "(May 2022)", "(2009, June)": a parenthesis holding a year.
  for (std::size_t open = s.find('('); open != std::string_view::npos; open = s.find('(', open + 1)) {
    const std::size_t close = s.find(')', open);
    if (close == std::string_view::npos || close - open > 20 || ex.contains(open)) continue;
    for (std::size_t i = open + 1; i + 4 <= close; ++i) {
      if (is_digit(s[i - 1]) || (i + 4 < close && is_digit(s[i + 4]))) continue;
      if (auto y = year_of(s.substr(i, 4))) {
        return {*y, i, close + 1, true};
      }
    }
  }
  for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
    if (!is_digit(s[i]) || (i > 0 && (is_alnum(s[i - 1]) || s[i - 1] == '/' || s[i - 1] == ':')) ||
        ex.contains(i))
      continue;
    std::size_t end = i + 4;
    if (end < s.size() && is_digit(s[end])) {
      i = end;
      continue;
    }
    const auto y = year_of(s.substr(i, 4));
    if (!y) continue;
    if (end < s.size() && is_lower(s[end]) && (end + 1 >= s.size() || !is_letter(s[end + 1]))) ++end;
    else if (end < s.size() && is_letter(s[end])) continue;
    // A page range "1969-1990" or a volume "2014:12" is not the year.
    if (dash_at(s, end) || (i > 0 && (s[i - 1] == '-' || (i >= 3 && s.substr(i - 3, 3) == kEnDash)))) continue;
    if (end < s.size() && s[end] == ':' && end + 1 < s.size() && is_digit(s[end + 1])) continue;
    hit = {*y, i, end, false};
    return hit;
  }
  return hit;
}

// Where the author segment ends: the first ',', '(', ';', ':', digit, " and ", " & ", " und ",
// or a '.' that closes a word which is not an initial.
std::size_t author_end(std::string_view s) {
  std::size_t word_start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ',' || c == '(' || c == ';' || c == ':' || is_digit(c) || c == '"') return i;
    if (c == ' ') {
      const auto rest = s.substr(i);
      if (rest.starts_with(" and ") || rest.starts_with(" & ") || rest.starts_with(" und ") ||
          rest.starts_with(" et al")) return i;
      word_start = i + 1;
    } else if (c == '.') {
      const auto word = s.substr(word_start, i - word_start);
      if (!is_initials_token(std::string(word) + ".")) return i;
    }
  }
  return s.size();
}

void read_author(std::string_view s, Reference& ref) {
  if (s.empty() || !is_letter(s.front())) return;
  const std::size_t end = author_end(s);
  const auto segment = trim(s.substr(0, end));
  if (segment.empty()) return;
  std::size_t words = 1;
  for (char c : segment) words += c == ' ';
  if (words > 4) return;  // a title or an organisation's long name, not a person
  const auto first = segment.substr(0, segment.find(' '));
  const auto last = segment.substr(segment.rfind(' ') + 1);
  if (words > 1 && is_initials_token(first)) {  // "R Kalidasan", "J. de Kraker"
    read_given_first_name(segment, ref);
    return;
  }
  if (words > 1 && is_initials_token(last)) {  // Vancouver: "Seekell DA", "Johnson S.G."
    read_family_first_name(segment, ref);
    return;
  }
  // "Howaldt, Jürgen", "Van Leeuwen, T.", "Mustafa Omer, A.": the family name before a comma.
  if (end < s.size() && s[end] == ',') {
    const auto after = trim(s.substr(end + 1));
    const auto next = after.substr(0, after.find_first_of(" ,"));
    if (words == 1 || is_name_particle(first) || is_initials_token(next) ||
        (words == 2 && !next.empty() && (is_upper(next.front()) || is_high(next.front())))) {
      ref.first_author = std::string(segment);
      return;
    }
  }
  read_given_first_name(segment, ref);  // "Jürgen Howaldt (2010)"
}

// End of the sentence that starts at `from`: ". ", "? " or "! " not closing an initial, or a URL.
std::size_t sentence_end(std::string_view s, std::size_t from) {
  std::size_t word_start = from;
  for (std::size_t i = from; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ') {
      word_start = i + 1;
      if (s.substr(i).starts_with(" http")) return i;
      continue;
    }
    if ((c == '.' || c == '?' || c == '!') && (i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == '"')) {
      const auto word = s.substr(word_start, i - word_start);
      if (c == '.' && word.size() == 1 && is_upper(word[0])) continue;  // "J." inside a title
      return c == '.' ? i : i + 1;  // keep a question mark: it belongs to the title
    }
  }
  return s.size();
}

void read_title(std::string_view s, const YearHit& y, Reference& ref, std::size_t& title_end) {
  std::size_t i = y.end;
  if (!y.parenthesized) {
    // "2017b. Title." only; "2018, 192" is a year in a list of numbers.
    if (i >= s.size() || s[i] != '.') return;
  }
  while (i < s.size() && (s[i] == '.' || s[i] == ':' || s[i] == ',' || s[i] == ' ')) ++i;
  if (i >= s.size() || s[i] == '(' || s.substr(i).starts_with("http")) return;
  const std::size_t end = sentence_end(s, i);
  const auto title = trim_field(s.substr(i, end - i));
  if (title.size() < 8) return;
  ref.title = std::string(title);
  title_end = end;
}

bool is_connector(std::string_view w) {
  static constexpr std::array<std::string_view, 8> kWords = {"of", "and", "&", "for", "in", "the", "on", "de"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// The capitalised words right before position `end` (a journal name before its volume).
std::string_view container_before(std::string_view s, std::size_t from, std::size_t end) {
  auto text = s.substr(from, end - from);
  while (!text.empty() && (text.back() == ' ' || text.back() == ',')) text.remove_suffix(1);
  std::size_t start = text.size();  // the container is text.substr(start)
  bool nearest = true;
  while (start > 0) {
    std::size_t ws = start;
    while (ws > 0 && text[ws - 1] != ' ') --ws;
    const auto word = text.substr(ws, start - ws);
    if (word.empty()) break;
    if (!is_upper(word[0]) && !is_high(word[0]) && !is_connector(word)) break;
    // A word that ends a sentence ("China.", "disease?") belongs to the title, not the journal;
    // the word nearest the volume may be an abbreviation ("Biol.").
    const char last = word.back();
    if (!nearest && (last == '?' || last == '!' || last == ':' || (last == '.' && word.size() > 8))) break;
    nearest = false;
    start = ws;
    while (start > 0 && text[start - 1] == ' ') --start;
  }
  return trim_field(text.substr(start));
}

bool read_number(std::string_view s, std::size_t& i, std::string& out) {
  const std::size_t b = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  out = std::string(s.substr(b, i - b));
  return i > b;
}

// "18(2): 163-180", "178:442-451", "55, 277-289", "388, 1022-1032", "192, 01001." after `from`.
void read_volume_pages(std::string_view s, std::size_t from, const YearHit& y, const Excluded& ex, Reference& ref) {
  for (std::size_t i = from; i < s.size(); ++i) {
    if (!is_digit(s[i]) || (i > 0 && (is_alnum(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == '-')) || ex.contains(i))
      continue;
    if (i == y.begin) {
      i = y.end;
      continue;
    }
    std::size_t j = i;
    std::string volume, page;
    read_number(s, j, volume);
    if (j < s.size() && is_letter(s[j])) continue;
    if (j < s.size() && s[j] == ' ' && j + 1 < s.size() && s[j + 1] == '(') ++j;
    if (j < s.size() && s[j] == '(') {  // issue
      const std::size_t close = s.find(')', j);
      if (close == std::string_view::npos || close - j > 12) continue;
      j = close + 1;
    }
    bool colon = false;
    if (j < s.size() && s[j] == ':') colon = true, ++j;
    else if (s.substr(j).starts_with(", ")) j += 2;
    else continue;
    while (j < s.size() && s[j] == ' ') ++j;
    const std::size_t page_start = j;
    if (j < s.size() && (is_upper(s[j]) || s[j] == 'e')) ++j;  // "E115", "e1002360"
    std::string digits;
    if (!read_number(s, j, digits)) continue;
    page = std::string(s.substr(page_start, j - page_start));
    const bool range = dash_at(s, j);
    const bool closes = j == s.size() || (s[j] == '.' && (j + 1 == s.size() || s[j + 1] == ' ')) ||
                        s.substr(j).starts_with(" (");
    // Without a range, only a page that closes the sentence or precedes "(year)" counts:
    // "Science 302, 841 (2003).", "PLoS Comput Biol 8:e1002360", "2018, 192, 01001."
    const bool before_year = s.substr(j).starts_with(" (");
    if (!range && !(colon && closes) && !before_year && !(closes && page.size() >= 4)) continue;
    ref.volume = volume;
    ref.first_page = page;
    const auto container = container_before(s, from, i);
    if (!container.empty() && container.size() <= 150) ref.container = std::string(container);
    return;
  }
}

}  // namespace

void parse_unstructured(std::string_view s, Reference& ref) {
  {
    auto dois = find_dois_unescaped(s);
    if (!dois.empty()) ref.doi = std::move(dois.front());
  }
  const Excluded ex = excluded_regions(s);
  const YearHit y = find_year(s, ex);
  if (y.begin != std::string_view::npos) ref.year = y.year;
  read_author(s, ref);
  std::size_t after_title = 0;
  if (y.begin != std::string_view::npos) read_title(s, y, ref, after_title);
  read_volume_pages(s, after_title, y, ex, ref);
}

}  // namespace litrev::refstyle
