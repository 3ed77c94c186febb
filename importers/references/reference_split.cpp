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

std::vector<std::string> wos_export_cited_references(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<std::string_view> lines;
  for_each_piece(text, "\n", [&](std::string_view line) {
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(line);
  });
  std::vector<std::string> out;
  if (!lines.empty() && lines[0].find('\t') != std::string_view::npos) {
    // Tab-delimited: the header names the columns; CR holds "; "-separated items.
    std::size_t column = 0;
    bool found = false;
    for_each_piece(lines[0], "\t", [&](std::string_view name) {
      if (name == "CR") found = true;
      if (!found) ++column;
    });
    if (!found) return out;
    for (std::size_t l = 1; l < lines.size(); ++l) {
      std::size_t c = 0;
      for_each_piece(lines[l], "\t", [&](std::string_view cell) {
        if (c++ == column)
          for (auto& r : split_wos_references(cell)) out.push_back(std::move(r));
      });
    }
    return out;
  }
  bool in_cr = false;
  for (const auto line : lines) {
    if (line.starts_with("CR ")) in_cr = true;
    else if (!line.starts_with("   ")) in_cr = false;
    if (in_cr)
      if (const auto item = trim(line.substr(3)); !item.empty()) out.emplace_back(item);
  }
  return out;
}

}  // namespace litrev
