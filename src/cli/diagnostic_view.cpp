#include "src/cli/diagnostic_view.hpp"

#include <fmt/format.h>

#include <string_view>
#include <unordered_map>

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

namespace {

// What stays of a diagnostic once its particulars are left out: severity, field, and the
// message with every quoted value and number blanked.
std::string kind_of(const Diagnostic& d) {
  std::string kind = d.severity == Diagnostic::Severity::error ? "E|" : "W|";
  kind += d.field;
  kind += '|';
  bool quoted = false, digits = false;
  for (const char c : d.message) {
    if (c == '\'') {
      quoted = !quoted;
      kind += c;
      continue;
    }
    if (quoted) continue;
    const bool digit = c >= '0' && c <= '9';
    if (digit && !digits) kind += '#';
    digits = digit;
    if (!digit) kind += c;
  }
  return kind;
}

}  // namespace

std::vector<std::string> format_diagnostics(const std::vector<Diagnostic>& diagnostics, std::size_t shown_per_kind) {
  std::vector<std::string> kinds;
  kinds.reserve(diagnostics.size());
  std::unordered_map<std::string_view, std::vector<std::size_t>> members;  // kind -> indexes, in order
  for (std::size_t i = 0; i < diagnostics.size(); ++i) kinds.push_back(kind_of(diagnostics[i]));
  for (std::size_t i = 0; i < diagnostics.size(); ++i) members[kinds[i]].push_back(i);
  constexpr std::size_t kLinesNamed = 5;
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const auto& same = members[kinds[i]];
    if (same.size() <= shown_per_kind) {
      lines.push_back(format_diagnostic(diagnostics[i]));
      continue;
    }
    if (same.front() != i) continue;
    std::string where;
    for (std::size_t k = 1; k < same.size() && k <= kLinesNamed; ++k) {
      const Diagnostic& d = diagnostics[same[k]];
      if (d.line == 0) continue;
      where += fmt::format("{}{}", where.empty() ? ": lines " : ", ", d.line);
    }
    if (!where.empty() && same.size() - 1 > kLinesNamed) where += "...";
    lines.push_back(fmt::format("{} (and {} more like it{}; --json lists them all)", format_diagnostic(diagnostics[i]),
                                same.size() - 1, where));
  }
  return lines;
}

nlohmann::json diagnostic_json(const Diagnostic& d) {
  nlohmann::json j = {{"line", d.line}, {"column", d.column}, {"message", d.message}};
  if (!d.field.empty()) j["field"] = d.field;
  return j;
}

}  // namespace litrev::cli
