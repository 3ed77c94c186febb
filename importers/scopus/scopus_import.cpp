#include "importers/scopus/scopus_import.hpp"

#include <fmt/format.h>

#include "importers/scopus/csv_table.hpp"
#include "importers/scopus/scopus_records.hpp"

namespace litrev::scopus {
namespace {

input::ParseCounts parse(std::string_view text, std::string_view source, const input::RecordSink& sink,
                         std::vector<Diagnostic>& diagnostics) {
  input::ParseCounts counts;
  std::vector<std::string> header;
  read_csv(text, source, [&](CsvRow&& row) {
    if (header.empty()) {
      for (const auto& cell : row.cells) header.push_back(column_name(cell));
      return;
    }
    if (row.cells.size() == 1 && row.cells.front().empty()) return;  // a blank row
    ++counts.read;
    if (row.cells.size() != header.size())
      diagnostics.push_back({Diagnostic::Severity::warning, std::string(source), row.line, 0, "",
                             fmt::format("{} cells where the header names {} columns (a stray quote?); the cells "
                                         "are read by position",
                                         row.cells.size(), header.size())});
    tagged::TaggedRecord record;
    record.line = row.line;
    for (std::size_t i = 0; i < row.cells.size() && i < header.size(); ++i) {
      if (row.cells[i].empty() || header[i].empty()) continue;
      record.fields.push_back({header[i], std::move(row.cells[i]), row.line});
    }
    if (record.fields.empty()) {
      ++counts.skipped;
      diagnostics.push_back({Diagnostic::Severity::error, std::string(source), row.line, 0, "",
                             "a row with no value; skipped"});
      return;
    }
    sink(make_scopus_record(std::move(record), source));
  }, diagnostics);
  return counts;
}

}  // namespace

input::ParseCounts parse_scopus_file(const input::DecodedText& text, const input::RecordSink& sink,
                                     std::vector<Diagnostic>& diagnostics) {
  for (const auto& w : text.warnings) diagnostics.push_back(w);
  return parse(text.text, text.source, sink, diagnostics);
}

std::vector<ImportRecord> import_scopus_records(std::string_view utf8_text, std::string_view source,
                                                std::vector<Diagnostic>& diagnostics) {
  std::vector<ImportRecord> records;
  parse(utf8_text, source, [&](ImportRecord&& r) { records.push_back(std::move(r)); }, diagnostics);
  return records;
}

}  // namespace litrev::scopus
