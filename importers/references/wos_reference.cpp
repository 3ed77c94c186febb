// Web of Science cited references ("CR" lines):
//   AUTHOR, YEAR, SOURCE, Vvolume, Ppage, DOI 10.x
// Any part may be missing (books have no volume/page, anonymous items start with the year), the
// source of recent exports may itself contain ", " (full conference names), and the DOI part
// comes in several shapes. So the line is read from both ends: author and year from the left,
// DOI, page and volume from the right, and whatever stays in the middle is the source.

#include <algorithm>

#include "importers/references/reference_scan.hpp"
#include "importers/references/reference_styles.hpp"
#include "src/core/identifiers.hpp"
#include "src/core/text.hpp"

namespace litrev::refstyle {
namespace {

using namespace refscan;

bool is_doi_field(std::string_view f) {
  return f.starts_with("DOI ") || f.starts_with("DOI[") || f.starts_with("doi ");
}

// "P1212", "pA1", "pe0000198": a page marker followed by one word that holds a digit.
bool is_page_field(std::string_view f) {
  if (f.size() < 2 || (f[0] != 'P' && f[0] != 'p')) return false;
  if (f[0] == 'P' && !is_digit(f[1])) return false;
  bool digit = false;
  for (char c : f.substr(1)) {
    if (is_space(c)) return false;
    digit = digit || is_digit(c);
  }
  return digit;
}

// "V82", "V10-11", "V2nd": a volume marker followed by one word starting with a digit.
bool is_volume_field(std::string_view f) {
  if (f.size() < 2 || f[0] != 'V' || !is_digit(f[1])) return false;
  return f.find(' ') == std::string_view::npos;
}

}  // namespace

namespace {

// One item of the DOI part: "DOI 10.x", "DOI DOI 10.x", "10.x", "arXiv:...", "https://doi.org/10.x".
// WoS writes a DOI bare, so it is taken verbatim up to a blank: SICI DOIs hold brackets and
// semicolons ("10.1639/0044-7447(2002)031[0437:RASTRT]2.0.CO;2") that a search in free text
// would cut.
std::string wos_doi_item(std::string_view item) {
  item = trim(item);
  while (item.starts_with("DOI ") || item.starts_with("doi ")) item = trim(item.substr(4));
  if (item.starts_with("10.") && item.find('/') != std::string_view::npos) {
    std::string d;
    for (std::size_t i = 0; i < item.size(); ++i) {
      const char c = item[i];
      if (c == '\\' && i + 1 < item.size() && std::string_view("_#&%$").find(item[i + 1]) != std::string_view::npos)
        continue;  // TeX-escaped by a BibTeX export: "10.1007/1187\_29"
      if (c == ' ' || c == '\t' || c == '\\' || c == '{' || c == '}' || c == '"') break;
      d.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    while (d.ends_with(',')) d.pop_back();
    return checked_doi(d).value_or(std::string());
  }
  auto found = find_dois_unescaped(item);
  return found.empty() ? std::string() : std::move(found.front());
}

}  // namespace

std::string wos_doi(std::string_view doi_part) {
  // "DOI [a, b, c]" lists the DOIs WoS merged into one cited item: the same DOI in several
  // spellings, the work plus a preprint or a reprint, or a DOI cut short at the end of the
  // line. The one written most often is the item's own; on a tie, the first (WoS puts the
  // cited version first). Items are separated by ", ", which no DOI contains.
  doi_part = trim(doi_part);
  std::string unbraced;  // the BibTeX export protects the brackets: "DOI {[}DOI 10.x, 10.y]"
  if (doi_part.find("{[}") != std::string_view::npos || doi_part.find("{]}") != std::string_view::npos) {
    unbraced.reserve(doi_part.size());
    for (std::size_t i = 0; i < doi_part.size(); ++i) {
      if (doi_part[i] == '{' && i + 2 < doi_part.size() && (doi_part[i + 1] == '[' || doi_part[i + 1] == ']') &&
          doi_part[i + 2] == '}') {
        unbraced.push_back(doi_part[i + 1]);
        i += 2;
      } else {
        unbraced.push_back(doi_part[i]);
      }
    }
    doi_part = unbraced;
  }
  std::vector<std::string> all;
  if (doi_part.starts_with("DOI [")) {
    auto inner = doi_part.substr(5);
    if (inner.ends_with(']')) inner.remove_suffix(1);
    std::size_t start = 0;
    while (start <= inner.size()) {
      const auto comma = inner.find(", ", start);
      auto d = wos_doi_item(inner.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
      if (!d.empty()) all.push_back(std::move(d));
      if (comma == std::string_view::npos) break;
      start = comma + 2;
    }
  } else if (auto d = wos_doi_item(doi_part); !d.empty()) {
    all.push_back(std::move(d));
  }
  // A DOI cut short ("10.1016/0263-2373" beside "10.1016/0263-2373(89)90075-3") counts for
  // the full one it begins.
  std::size_t best = 0, best_count = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto count = static_cast<std::size_t>(
        std::count_if(all.begin(), all.end(), [&](const std::string& d) { return all[i].starts_with(d); }));
    if (count > best_count) best = i, best_count = count;
  }
  return all.empty() ? std::string() : std::move(all[best]);
}

void parse_wos(std::string_view s, Reference& ref) {
  // The BibTeX export closes every line with "." (also after a DOI).
  if (s.ends_with('.') && !s.ends_with(" .")) s.remove_suffix(1);
  const auto fields = split_commas(s);
  std::size_t i = 0, end = fields.size();

  if (const auto y = year_of(fields[0])) {  // no author: "2002, NATURE, V417, P898"
    ref.year = y;
    i = 1;
  } else {
    read_family_first_name(fields[0], ref);
    i = 1;
    if (i < end) {
      if (const auto y2 = year_of(fields[i])) {
        ref.year = y2;
        ++i;
      }
    }
  }

  // Right side: the DOI part runs to the end of the line once it starts.
  for (std::size_t k = i; k < end; ++k) {
    if (is_doi_field(fields[k])) {
      const std::size_t from = static_cast<std::size_t>(fields[k].data() - s.data());
      ref.doi = wos_doi(s.substr(from));
      end = k;
      break;
    }
  }
  if (end > i + 1 && is_page_field(fields[end - 1])) {
    ref.first_page = std::string(trim_field(fields[end - 1].substr(1)));
    --end;
  }
  if (end > i + 1 && is_volume_field(fields[end - 1])) {
    ref.volume = std::string(trim_field(fields[end - 1].substr(1)));
    --end;
  }
  if (end > i) {
    const std::size_t from = static_cast<std::size_t>(fields[i].data() - s.data());
    const std::size_t to = static_cast<std::size_t>(fields[end - 1].data() + fields[end - 1].size() - s.data());
    ref.container = collapse_spaces(s.substr(from, to - from));  // "NY TIMES        0524"
  }
}

}  // namespace litrev::refstyle
