// Splitting the fields that hold a whole reference list into one string per reference.

#include <algorithm>

#include "importers/references/reference_parser.hpp"
#include "importers/references/reference_scan.hpp"
#include "importers/references/reference_styles.hpp"
#include "src/core/text.hpp"

namespace litrev {
namespace {

// Drops braces that enclose the whole value ("{{Faems D, 2013, ...}}" from a BibTeX export
// read without brace stripping), only when they really pair with each other.
std::string_view strip_outer_braces(std::string_view s) {
  s = trim(s);
  while (s.size() >= 2 && s.front() == '{' && s.back() == '}') {
    int depth = 0;
    bool encloses = true;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '{') ++depth;
      else if (s[i] == '}' && --depth == 0 && i + 1 < s.size()) encloses = false;
    }
    if (!encloses) break;
    s = trim(s.substr(1, s.size() - 2));
  }
  return s;
}

template <typename Fn>
void for_each_piece(std::string_view s, std::string_view sep, Fn&& fn) {
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t at = s.find(sep, start);
    fn(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + sep.size();
  }
}

}  // namespace

std::vector<std::string> split_wos_references(std::string_view field) {
  const auto s = strip_outer_braces(field);
  std::vector<std::string> out;
  const bool lines = s.find('\n') != std::string_view::npos;
  for_each_piece(s, lines ? std::string_view("\n") : std::string_view("; "), [&](std::string_view p) {
    p = trim(p);
    if (!p.empty()) out.emplace_back(p);
  });
  // The BibTeX export ends every line with "."; the plain-text export does not. Drop it only
  // when every line has it, so that both exports give the same strings.
  const bool all_dotted = !out.empty() && std::all_of(out.begin(), out.end(), [](const std::string& r) {
    return r.back() == '.';
  });
  if (all_dotted)
    for (auto& r : out) r.pop_back();
  return out;
}

std::vector<std::string> split_scopus_references(std::string_view field) {
  const auto s = strip_outer_braces(field);
  std::vector<std::string> out;
  bool previous_has_year = true;
  for_each_piece(s, "; ", [&](std::string_view p) {
    std::string item = collapse_spaces(p);
    while (!item.empty() && (item.back() == ';' || item.back() == ' ')) item.pop_back();  // "...; ;"
    if (item.empty()) return;
    const bool has_year = refscan::find_parenthesized_year(item, 0) != std::string_view::npos;
    // A "; " inside a title: the previous item has not reached its year yet, and this piece
    // does not start a new author list or a new "(YYYY) Title".
    const bool continues = !out.empty() && !previous_has_year && !refstyle::scopus_starts_with_author(item) &&
                           refscan::find_parenthesized_year(item, 0) != 0;
    if (continues) {
      out.back() += "; ";
      out.back() += item;
      previous_has_year = has_year;
    } else {
      out.push_back(item);
      previous_has_year = has_year;
    }
  });
  return out;
}

}  // namespace litrev
