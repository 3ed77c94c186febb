#pragma once
// Diagnostics as compilers print them: "FILE:LINE:COL: error: message", and as JSON.

#include <string>

#include <nlohmann/json.hpp>

#include "src/core/record.hpp"

namespace litrev::cli {

std::string format_diagnostic(const Diagnostic& d);
nlohmann::json diagnostic_json(const Diagnostic& d);

}  // namespace litrev::cli
