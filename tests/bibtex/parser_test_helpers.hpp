#pragma once
// Helpers for the parser tests: parse a string, collect everything the sink receives, and
// show diagnostics the way the CLI prints them (without the file name).

#include "importers/bibtex/parser.hpp"

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

namespace litrev::bibtex::test {

struct Parsed {
  std::vector<RawEntry> entries;
  std::vector<Preamble> preambles;
  std::vector<Comment> comments;
  std::vector<MacroDefinition> macros;
  std::vector<Diagnostic> diagnostics;
  ParseStats stats;
};

inline Parsed parse(std::string_view text, const ParseOptions& options = {}) {
  Parsed out;
  EntrySink sink;
  sink.entry = [&](RawEntry&& e) { out.entries.push_back(std::move(e)); };
  sink.preamble = [&](Preamble&& p) { out.preambles.push_back(std::move(p)); };
  sink.comment = [&](Comment&& c) { out.comments.push_back(std::move(c)); };
  sink.macro = [&](MacroDefinition&& m) { out.macros.push_back(std::move(m)); };
  out.stats = parse_bibtex(text, "test.bib", sink, out.diagnostics, options);
  return out;
}

// The value of the first field called name, or "<none>".
inline std::string field(const RawEntry& e, std::string_view name) {
  for (const auto& f : e.fields)
    if (f.name == name) return f.value;
  return "<none>";
}

inline std::vector<std::string> field_names(const RawEntry& e) {
  std::vector<std::string> names;
  for (const auto& f : e.fields) names.push_back(f.name);
  return names;
}

// "LINE:COL: error: message"
inline std::string show(const Diagnostic& d) {
  return fmt::format("{}:{}: {}: {}", d.line, d.column, d.severity == Diagnostic::Severity::error ? "error" : "warning",
                     d.message);
}

inline std::vector<std::string> shown(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(show(d));
  return out;
}

}  // namespace litrev::bibtex::test
