#pragma once
// The Scopus CSV importer behind `litrev import scopus` and `litrev import FILE`: decoded text ->
// rows (csv_table.hpp, libcsv) -> records (scopus_records.hpp) -> a sink. Pure: no I/O, no SQL,
// no printing. A row whose number of cells differs from the header's is read (the cells the
// header names) with a warning: it usually means a quote went astray.

#include <string_view>
#include <vector>

#include "importers/input/file_parser.hpp"

namespace litrev::scopus {

input::ParseCounts parse_scopus_file(const input::DecodedText& text, const input::RecordSink& sink,
                                     std::vector<Diagnostic>& diagnostics);

// The same for UTF-8 text in memory (tests): every record in a vector.
std::vector<ImportRecord> import_scopus_records(std::string_view utf8_text, std::string_view source,
                                                std::vector<Diagnostic>& diagnostics);

}  // namespace litrev::scopus
