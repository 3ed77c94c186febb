#pragma once
// RIS dates -> ISO 8601 / EDTF: "YYYY/MM/DD/other" (the specification's form for DA, Y1 and old
// PY), with empty or zero parts for what is unknown ("2019///", "2019/03//", "2019/00/00/Spring"),
// ISO dates ("2019-03-14"), a bare year, and what publishers write ("March 2019", "2019 Mar 4",
// "Spring 2019"). The "other" part gives a season when the month is unknown. nullopt when no
// year can be read.

#include <optional>
#include <string>
#include <string_view>

namespace litrev::ris {

struct RisDate {
  std::string date;  // "2019", "2019-03", "2019-03-14", "2019-21" (spring)
  int year = 0;
};

std::optional<RisDate> parse_ris_date(std::string_view value);

}  // namespace litrev::ris
