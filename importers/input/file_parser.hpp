#pragma once
// What a file importer is to the import driver (src/cli/file_import.hpp): a pure function from
// the decoded text of one input to records, in input order, plus diagnostics and counts. No
// I/O, no SQL, no printing: the driver reads the file, sniffs and decodes it, opens one store
// transaction for it, reports, and handles Ctrl-C. A new format is such a function, its tests
// and one row in src/cli/file_formats.cpp.

#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "importers/input/text_decoding.hpp"
#include "src/core/record.hpp"

namespace litrev::input {

using RecordSink = std::function<void(ImportRecord&&)>;

struct ParseCounts {
  std::size_t read = 0;     // records the input holds (complete or not)
  std::size_t skipped = 0;  // of them, those not handed to the sink (an error said why)
  // Counts of the format's own, reported under these names by --json ("incomplete",
  // "duplicate_keys" for BibTeX).
  std::vector<std::pair<std::string, std::size_t>> extra;
  // BibTeX @preamble values, stored with the batch (exports write them back).
  std::vector<std::string> preambles;
};

// Hands each record of `text` to `sink` and appends the diagnostics about the input (source =
// text.source; warnings about one record travel in ImportRecord::warnings). Bad input is a
// diagnostic, never an exception; exceptions thrown by the sink pass through.
using FileParser =
    std::function<ParseCounts(const DecodedText& text, const RecordSink& sink, std::vector<Diagnostic>& diagnostics)>;

// Every record a parser makes of `text`, in a vector (tests).
inline std::vector<ImportRecord> all_records(const FileParser& parse, const DecodedText& text,
                                             std::vector<Diagnostic>& diagnostics) {
  std::vector<ImportRecord> records;
  parse(text, [&](ImportRecord&& r) { records.push_back(std::move(r)); }, diagnostics);
  return records;
}

}  // namespace litrev::input
