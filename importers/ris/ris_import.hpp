#pragma once
// The RIS importer behind `litrev import ris` and `litrev import FILE`: decoded text (any
// encoding, BOM, CRLF: importers/input/text_decoding.hpp) -> records (ris_lexer.hpp,
// ris_records.hpp) -> a sink. Pure: no I/O, no SQL, no printing.

#include <string_view>
#include <vector>

#include "importers/input/file_parser.hpp"

namespace litrev::ris {

input::ParseCounts parse_ris_file(const input::DecodedText& text, const input::RecordSink& sink,
                                  std::vector<Diagnostic>& diagnostics);

// The same for UTF-8 text in memory (tests): every record in a vector.
std::vector<ImportRecord> import_ris_records(std::string_view utf8_text, std::string_view source,
                                             std::vector<Diagnostic>& diagnostics);

}  // namespace litrev::ris
