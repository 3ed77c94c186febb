#pragma once
// The BibTeX import pipeline behind `litrev import bibtex`: text (bib_text.hpp) -> entries
// (parser.hpp) -> records (bibtex_records.hpp) -> a sink (the store, a test, a benchmark).
// No I/O beyond what BibText already did, no SQL, no printing.
//
// Streaming with bounded memory: each entry becomes a record as soon as it is parsed, in file
// order, and is then dropped. Only entries that inherit (crossref/xdata) wait, and not in
// memory: their byte offsets are kept, and after the whole text has been read (so that
// parents written after their children, as BibTeX requires, are known) each is parsed again
// from its offset with the file's macro table, its parents likewise (one cache entry per
// parent), and its record goes to the sink then. What is held for the whole input is the set
// of keys with their offsets and lines (to find parents and flag duplicates): a few dozen bytes
// per entry. (A macro redefined after an inheriting entry is seen with its last value when
// that entry is re-read: no real file does this.)
//
// Duplicate keys: keys are compared ignoring ASCII case, as BibTeX compares them ("dup" and
// "DUP" are one key). Every entry is imported; the second and later ones with a key already
// used in this input get ImportRecord::duplicate_key and a warning naming the first one's line
// (and its spelling when it differs). Parents are found by key ignoring ASCII case, and are
// always the first entry with that key.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/bibtex/bib_text.hpp"
#include "importers/input/file_parser.hpp"
#include "src/core/record.hpp"

namespace litrev::bibtex {

struct ImportOptions {
  // Entries cut short by a syntax error (RawEntry::complete == false) hold the fields read
  // before the error: import them (with the parser's error still reported) or count them as
  // skipped.
  bool keep_incomplete_entries = true;
  // Cap on stored parser diagnostics (see ParseOptions::max_diagnostics).
  std::size_t max_diagnostics = 10000;
};

struct ImportStats {
  std::string source;
  std::string encoding;          // from BibText ("utf-8", "windows-1252"...)
  std::size_t read = 0;          // regular entries found by the parser (complete or not)
  std::size_t records = 0;       // records handed to the sink
  std::size_t skipped = 0;       // entries that could not be imported (parse errors)
  std::size_t incomplete = 0;    // entries cut short by an error (imported when kept)
  std::size_t duplicate_keys = 0;
  std::size_t inheriting = 0;    // entries with crossref/xdata, resolved after the whole input
  std::size_t errors = 0;        // error diagnostics
  std::size_t warnings = 0;      // warning diagnostics plus warnings attached to records
  // The @preamble values of the input, in file order (macros expanded, LaTeX kept): the
  // \newcommand and \def that values such as {\noopsort{a}} need. Few and short in real files.
  std::vector<std::string> preambles;
};

using input::RecordSink;

// Imports one decoded input. Parser and encoding diagnostics are appended to `diagnostics`
// (source = text.source); warnings about one record travel in ImportRecord::warnings.
ImportStats import_bibtex(const BibText& text, const RecordSink& sink, std::vector<Diagnostic>& diagnostics,
                          const ImportOptions& options = {});

// The same for UTF-8 text already in memory (tests, stdin already read, API bodies).
ImportStats import_bibtex_string(std::string_view utf8_text, std::string_view source, const RecordSink& sink,
                                 std::vector<Diagnostic>& diagnostics, const ImportOptions& options = {});

// import_bibtex as the import driver's parser (importers/input/file_parser.hpp): read = entries
// found, skipped, extra = incomplete and duplicate_keys, the preambles; encoding warnings are
// among the diagnostics.
input::ParseCounts parse_bibtex_file(const BibText& text, const RecordSink& sink, std::vector<Diagnostic>& diagnostics,
                                     const ImportOptions& options = {});

// Convenience for tests and small inputs: every record in a vector.
std::vector<ImportRecord> import_bibtex_records(std::string_view utf8_text, std::string_view source,
                                                std::vector<Diagnostic>& diagnostics,
                                                const ImportOptions& options = {});

}  // namespace litrev::bibtex
