#include "importers/references/reference_parser.hpp"

#include <algorithm>

#include "importers/references/reference_scan.hpp"
#include "importers/references/reference_styles.hpp"
#include "src/core/text.hpp"

namespace litrev {

std::optional<ReferenceStyle> reference_style_from_name(std::string_view name) {
  if (name == "wos") return ReferenceStyle::wos;
  if (name == "scopus") return ReferenceStyle::scopus;
  if (name == "unstructured") return ReferenceStyle::unstructured;
  if (name == "automatic" || name == "auto") return ReferenceStyle::automatic;
  return std::nullopt;
}

std::string_view reference_style_name(ReferenceStyle style) {
  switch (style) {
    case ReferenceStyle::wos: return "wos";
    case ReferenceStyle::scopus: return "scopus";
    case ReferenceStyle::unstructured: return "unstructured";
    case ReferenceStyle::automatic: break;
  }
  return "automatic";
}

namespace {

bool has_lower(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// WoS marks volume, page and DOI with ", V82", ", P1212", ", DOI 10.x".
bool has_wos_marker(std::string_view s) {
  for (std::size_t at = s.find(", "); at != std::string_view::npos; at = s.find(", ", at + 1)) {
    const auto rest = s.substr(at + 2);
    if (rest.starts_with("DOI ") || (rest.size() > 1 && (rest[0] == 'V' || rest[0] == 'P') && refscan::is_digit(rest[1])))
      return true;
  }
  return false;
}

}  // namespace

ReferenceStyle detect_reference_style(std::string_view raw) {
  const auto s = trim(raw);
  // WoS first: "AUTHOR, YEAR, ..." or "YEAR, SOURCE, ..." with an author free of digits. No other
  // style puts a bare year in the second comma-separated field.
  const std::size_t c1 = s.find(", ");
  std::string_view first, second;
  if (c1 != std::string_view::npos) {
    first = s.substr(0, c1);
    const std::size_t c2 = s.find(", ", c1 + 2);
    second = s.substr(c1 + 2, c2 == std::string_view::npos ? std::string_view::npos : c2 - c1 - 2);
    if (refscan::year_of(first)) return ReferenceStyle::wos;
    const bool name_like = first.size() <= 120 && first.find_first_of("0123456789:;") == std::string_view::npos;
    if (name_like && refscan::year_of(refscan::trim_field(second))) return ReferenceStyle::wos;
  }
  const std::size_t paren = refscan::find_parenthesized_year(s, 0);
  const bool paren_year = paren != std::string_view::npos;
  // Scopus writes "(1977) Source"; APA and Harvard close the year with a dot: "(1977). Title".
  const std::size_t after_paren = paren_year ? s.find(')', paren) + 1 : 0;
  const bool dotted_year = paren_year && after_paren < s.size() && (s[after_paren] == '.' || s[after_paren] == ':');
  if (paren_year && !dotted_year &&
      (s.starts_with('(') || refstyle::scopus_starts_with_author(s) || s.find(", pp. ") != std::string_view::npos))
    return ReferenceStyle::scopus;
  // Undated WoS items: "COHEN H, STANFORD HUMANITIES, V4", "CALLON M, MARKET DEVICES".
  if (!paren_year && c1 != std::string_view::npos && (has_wos_marker(s) || !has_lower(second)))
    return ReferenceStyle::wos;
  return ReferenceStyle::unstructured;
}

Reference parse_reference(std::string_view raw, ReferenceStyle style) {
  Reference ref;
  const auto s = trim(raw);
  ref.raw = std::string(s);
  if (s.empty()) return ref;
  if (style == ReferenceStyle::automatic) style = detect_reference_style(s);
  switch (style) {
    case ReferenceStyle::wos: refstyle::parse_wos(s, ref); break;
    case ReferenceStyle::scopus: refstyle::parse_scopus(s, ref); break;
    case ReferenceStyle::unstructured:
    case ReferenceStyle::automatic: refstyle::parse_unstructured(s, ref); break;
  }
  if (ref.doi.empty()) ref.doi = refscan::arxiv_doi(s);
  // WoS short forms never carry an ISBN; the others sometimes name one.
  if (style != ReferenceStyle::wos) ref.isbn = refscan::find_isbn(s);
  return ref;
}

}  // namespace litrev
