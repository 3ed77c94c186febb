#include "importers/ris/ris_import.hpp"

#include "importers/ris/ris_lexer.hpp"
#include "importers/ris/ris_records.hpp"

namespace litrev::ris {
namespace {

input::ParseCounts parse(std::string_view text, std::string_view source, const input::RecordSink& sink,
                         std::vector<Diagnostic>& diagnostics) {
  const LexCounts lexed = read_ris_records(
      text, source, [&](tagged::TaggedRecord&& r) { sink(make_ris_record(std::move(r), source)); }, diagnostics);
  input::ParseCounts counts;
  counts.read = lexed.records;
  counts.skipped = lexed.skipped;
  return counts;
}

}  // namespace

input::ParseCounts parse_ris_file(const input::DecodedText& text, const input::RecordSink& sink,
                                  std::vector<Diagnostic>& diagnostics) {
  for (const auto& w : text.warnings) diagnostics.push_back(w);
  return parse(text.text, text.source, sink, diagnostics);
}

std::vector<ImportRecord> import_ris_records(std::string_view utf8_text, std::string_view source,
                                             std::vector<Diagnostic>& diagnostics) {
  std::vector<ImportRecord> records;
  parse(utf8_text, source, [&](ImportRecord&& r) { records.push_back(std::move(r)); }, diagnostics);
  return records;
}

}  // namespace litrev::ris
