#pragma once
// Reading one cited reference (a line of a bibliography) into a litrev::Reference, and splitting
// the fields that carry whole reference lists. Pure functions of text: no I/O, no allocation
// beyond the returned values, no std::regex (they run on every reference of every import).
//
// What is filled is only what can be read reliably; everything else stays empty, and `raw`
// always keeps the text as given (trimmed), so nothing is lost when a guess is wrong.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/core/record.hpp"

namespace litrev {

enum class ReferenceStyle {
  automatic,     // guess from the text (see detect_reference_style)
  wos,           // Web of Science CR short form: "MCCARTHY JD, 1977, AM J SOCIOL, V82, P1212, DOI 10.1086/226464"
  scopus,        // Scopus: "McCarthy, J.D., Zald, M.N., Title (1977) American Journal of Sociology, 82 (6), pp. 1212-1241"
  unstructured,  // free text, e.g. Crossref `unstructured`: APA, Vancouver, Nature, Chicago...
};

// "wos", "scopus", "unstructured", "automatic"/"auto"; nullopt for anything else.
std::optional<ReferenceStyle> reference_style_from_name(std::string_view name);
std::string_view reference_style_name(ReferenceStyle style);

// The style a reference string is most likely written in (never returns automatic).
ReferenceStyle detect_reference_style(std::string_view raw);

// Parses one reference. Fills raw (trimmed), doi (normalized; for WoS `DOI 10.x`, `DOI DOI 10.x`
// and `DOI [10.x, 10.y]` are understood), first_author (family name as written, "MCCARTHY",
// "McCarthy", "[Anonymous]"), author_initials ("JD"), authors (Scopus: every author, in order;
// the other styles name the first only), year, title (Scopus; unstructured when the layout makes
// it clear), container (WoS: the abbreviated source "AM J SOCIOL"), volume, first_page and isbn
// (normalized) when the text holds them.
Reference parse_reference(std::string_view raw, ReferenceStyle style = ReferenceStyle::automatic);

// Scopus `references` field: items are separated by "; ", but titles may contain "; " too.
// A piece is glued back to the previous one when that one has not reached its "(YYYY)" yet and
// the piece does not start like an author list ("Family, I."). Items are trimmed, empty ones dropped.
std::vector<std::string> split_scopus_references(std::string_view field);

// WoS `Cited-References` (BibTeX export) or the CR tag of a plain-text export: one reference
// per line (continuation indent and the BibTeX export's trailing "." removed, braces around the
// whole value dropped). A tab-delimited export joins them with "; " instead: pass that form to
// split_wos_references too; it splits on line breaks, or on "; " when the value has no line break.
std::vector<std::string> split_wos_references(std::string_view field);

// Every cited reference of a whole Web of Science export, plain text ("CR " then 3-space
// continuation lines, one reference per line) or tab-delimited (a header row of field tags, the
// "CR" column holding "; "-separated items), in file order. A UTF-8 BOM and CRLF are accepted.
std::vector<std::string> wos_export_cited_references(std::string_view text);

}  // namespace litrev
