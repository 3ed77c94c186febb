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

std::string wos_doi(std::string_view doi_part) {
  // A bracketed list holds the DOIs WoS merged into one cited item: the same DOI in several
  // spellings, the work plus a preprint or a reprint, or a DOI cut short at the end of the
  // line. The one written most often is the item's own; on a tie, the first (WoS puts the
  // cited version first).
  std::vector<std::string> all;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= doi_part.size(); ++i) {
    if (i == doi_part.size() || doi_part[i] == ',' || doi_part[i] == '[' || doi_part[i] == ']') {
      auto found = find_dois_unescaped(doi_part.substr(start, i - start));
      if (!found.empty()) all.push_back(std::move(found.front()));
      start = i + 1;
    }
  }
  std::size_t best = 0, best_count = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto count = static_cast<std::size_t>(std::count(all.begin(), all.end(), all[i]));
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
