#pragma once
// What a field name and a value must be for every reader of a .bib file to read them as meant:
// classic BibTeX, biber (btparse) and pandoc (-f bibtex / -f biblatex). Pure string functions
// used by the BibTeX writer; each rule was found by feeding these tools real exports.

#include <optional>
#include <string>
#include <string_view>

namespace litrev {

// A field name every reader accepts: ASCII letters, digits, '-', '_', ':' and '+', starting
// with a letter (pandoc rejects '.', '/', '(' and most punctuation; BibTeX and biber reject
// '(', ')' and a leading digit). Other characters become '-' ("usage-count-(last-180-days)" ->
// "usage-count-last-180-days"); empty when nothing is left (the field is then left out).
std::string bib_field_name(std::string_view name);

// A citation key every reader accepts: Unicode letters and digits and - _ : . / + & @ ! ? * $ ;
// [ ], the rest removed (biber stops at ' = # %, pandoc at ’ ~ < | ^ and at spaces). "O’Leary2015"
// -> "OLeary2015". Empty when nothing is left.
std::string bib_citation_key(std::string_view key);

// A value made safe to write between braces:
//  - braces balanced as BibTeX and biber count them (every brace) and as pandoc counts them (a
//    brace after an odd run of backslashes, \{ or \}, is text and does not count). An escaped
//    brace with no escaped partner becomes \textbraceleft{} or \textbraceright{}; a plain '}'
//    with no plain '{' open is dropped; a plain '{' never closed is closed at the end. So a value
//    can never end early, nor swallow the next field or entry.
//  - a line that would start with "@name{" or "@name(" (read as a new entry by tools that
//    resynchronize on '@') is joined to the previous line.
// Values that need neither are returned unchanged.
std::string brace_safe_value(std::string_view value);

// A legacy month value read as dates are read: "3", "mar", "Mar.", "March", "MAR-APR",
// "Jan.--Feb.", "JAN 2", "2 JAN", "September 14th", "2024 MAY 11" (a leading year equal to
// year is skipped), "Winter". nullopt for anything else ("Forthcoming", "13", two days...).
struct MonthValue {
  int first = 0;   // 1..12; 0 for a season
  int last = 0;    // 1..12: the end of a range (== first for one month)
  int day = 0;     // 1..31, 0 = none
  int season = 0;  // 21 spring .. 24 winter (EDTF), 0 = none
};
std::optional<MonthValue> parse_month_value(std::string_view value, std::string_view year = {});

// "jan".."dec": BibTeX's month macros, which classic styles, biber and pandoc all read (pandoc
// ignores a month written as text, even "March").
std::string_view month_macro(int month);

// True when a name list ("A and B and C") holds a name that BibTeX misreads: one with more
// than two commas at brace depth 0 (biber: "has too many commas"), or a list written with
// commas as Scopus writes editors ("Daim T.U., Kozanoglu D.C.", core/name_lists.hpp).
bool name_list_has_comma_list(std::string_view value);

// A name list without what BibTeX reports as errors: a name ending with a comma ("May, Keith,
// and ...") loses the comma, an empty name ("A and ,") is left out. Unchanged otherwise.
std::string tidy_name_list(std::string_view value);

// The value without whitespace and braces around it is empty ("", "  ", "{}", "{ }").
bool is_blank_value(std::string_view value);

}  // namespace litrev
