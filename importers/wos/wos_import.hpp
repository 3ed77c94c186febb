#pragma once
// The Web of Science importer behind `litrev import wos` and `litrev import FILE`: plain-text and
// tab-delimited exports (wos_lexer.hpp), UTF-8 or UTF-16 with a BOM, -> records
// (wos_records.hpp) -> a sink. Pure: no I/O, no SQL, no printing.

#include <string_view>
#include <vector>

#include "importers/input/file_parser.hpp"

namespace litrev::wos {

input::ParseCounts parse_wos_file(const input::DecodedText& text, const input::RecordSink& sink,
                                  std::vector<Diagnostic>& diagnostics);

// The same for UTF-8 text in memory (tests): every record in a vector.
std::vector<ImportRecord> import_wos_records(std::string_view utf8_text, std::string_view source,
                                             std::vector<Diagnostic>& diagnostics);

}  // namespace litrev::wos
