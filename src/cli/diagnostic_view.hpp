#pragma once
// Diagnostics as compilers print them: "FILE:LINE:COL: error: message", and as JSON.

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "src/core/record.hpp"

namespace litrev::cli {

std::string format_diagnostic(const Diagnostic& d);

// The lines a person reads for a list of diagnostics: each as format_diagnostic, except that a
// kind of problem met more than `shown_per_kind` times in one list (a warning on every record
// of an export) is one line: its first occurrence, how many more there are and where the next
// few are.
//   a.bib:12:1: warning: field 'month': month 'SOMMER' is not a month; ... (and 104 more like it:
//     lines 40, 77, 102, 130, 151...; --json lists them all)
// Diagnostics are of one kind when they have the same severity, field and message once the
// quoted values ('...') and numbers are left out.
std::vector<std::string> format_diagnostics(const std::vector<Diagnostic>& diagnostics, std::size_t shown_per_kind = 3);
nlohmann::json diagnostic_json(const Diagnostic& d);

}  // namespace litrev::cli
