#pragma once
// Dates of BibTeX/BibLaTeX entries, and of the exports that write dates the same way (Web of
// Science's PY + PD is BibTeX's year + month) -> the Work's `date` (ISO 8601 / EDTF string) and
// `year`.
//
//  - BibLaTeX `date` (also `urldate`, `origdate`, `eventdate`): the ISO 8601-2 / EDTF level 1
//    forms biblatex accepts: "2019", "2019-03", "2019-03-14", time of day dropped
//    ("2019-03-14T10:00:00Z" -> "2019-03-14"), ranges "2019/2020", open ranges "2019/..",
//    "../2020", "2019/", qualifiers "2019?" "2019~" "2019%", unspecified digits "19XX",
//    "2019-XX", seasons "2019-21".."2019-24", negative years "-0044". The value is kept as
//    written (trimmed, outer braces removed); year is the start's year (the end's when the
//    start is open).
//  - Legacy `year` + `month` (+ `day`): year "2019" (also "1995--1996" -> "1995/1996");
//    month as a number, an English name or abbreviation in any case ("March", "mar", "Mar.",
//    "MAR"; the parser already expanded the BibTeX macros jan..dec to "January"...), a few
//    French/German/Spanish/Italian names, seasons ("Spring" -> 21; WoS's "SPR" "SUM" "FAL"
//    "WIN" too), ranges ("Jan.-Feb." -> "2019-01/2019-02"), a WoS-style day ("MAR 15" ->
//    "2019-03-15") and WoS's whole date ("2024 MAR 4" with year 2024 -> "2024-03-04"; with
//    another year it is a warning and the date keeps the year).
//  - `date` wins over `year`/`month` when it is valid.
//  - Junk (`2001a`, `in press`, `forthcoming`, `2019-13`) is a warning; the raw fields keep
//    it. A year written with junk around a single 4-digit year ("2001a", "[1995]", "c1995")
//    still gives that year, with the warning.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace litrev {

struct DateProblem {
  std::string field;    // "date", "year", "month"
  std::string message;  // "year '2001a' is not a plain year: read as 2001"
};

struct DateResult {
  std::string date;  // ISO 8601 / EDTF; empty when unknown
  std::optional<int> year;
  std::vector<DateProblem> problems;
};

// Turns a raw value into text before it is read (BibTeX: LaTeX decoding, for "m{\\"a}rz");
// called only for values holding a backslash. Null: values are plain text (outer braces are
// dropped either way).
using DateTextDecoder = std::string (*)(std::string_view);

// The date-related raw field values of one entry (empty when the field is absent).
struct DateFields {
  std::string_view date, year, month, day;
  DateTextDecoder decode = nullptr;
};

DateResult interpret_dates(const DateFields& fields);

// One EDTF/ISO 8601 value as biblatex reads `date`; nullopt when it is not one.
// On success, *year receives the year (see above) when year is not null.
std::optional<std::string> parse_edtf(std::string_view value, std::optional<int>* year = nullptr,
                                      DateTextDecoder decode = nullptr);

// 1..12 for a month name/number, 21..24 for a season; nullopt otherwise.
std::optional<int> parse_month(std::string_view value, DateTextDecoder decode = nullptr);

}  // namespace litrev
