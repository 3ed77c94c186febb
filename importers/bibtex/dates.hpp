#pragma once
// BibTeX dates: core/dates.hpp read with LaTeX decoding ("m{\"a}rz" is März).

#include "importers/bibtex/latex.hpp"
#include "src/core/dates.hpp"

namespace litrev::bibtex {

using litrev::DateFields;
using litrev::DateProblem;
using litrev::DateResult;

inline DateResult interpret_dates(DateFields fields) {
  fields.decode = &decode_latex;
  return litrev::interpret_dates(fields);
}
inline std::optional<std::string> parse_edtf(std::string_view value, std::optional<int>* year = nullptr) {
  return litrev::parse_edtf(value, year, &decode_latex);
}
inline std::optional<int> parse_month(std::string_view value) { return litrev::parse_month(value, &decode_latex); }

}  // namespace litrev::bibtex
