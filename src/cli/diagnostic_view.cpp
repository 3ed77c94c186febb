#include "src/cli/diagnostic_view.hpp"

#include <fmt/format.h>

namespace litrev::cli {

std::string format_diagnostic(const Diagnostic& d) {
  std::string where = d.source.empty() ? "litrev" : d.source;
  if (d.line) where += fmt::format(":{}", d.line);
  if (d.line && d.column) where += fmt::format(":{}", d.column);
  const char* severity = d.severity == Diagnostic::Severity::error ? "error" : "warning";
  // Name the field unless the message already does.
  const bool names_field = d.field.empty() || d.message.find("'" + d.field + "'") != std::string::npos;
  return names_field ? fmt::format("{}: {}: {}", where, severity, d.message)
                     : fmt::format("{}: {}: field '{}': {}", where, severity, d.field, d.message);
}

nlohmann::json diagnostic_json(const Diagnostic& d) {
  nlohmann::json j = {{"line", d.line}, {"column", d.column}, {"message", d.message}};
  if (!d.field.empty()) j["field"] = d.field;
  return j;
}

}  // namespace litrev::cli
