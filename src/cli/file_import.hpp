#pragma once
// The one driver behind every `litrev import` of files (BibTeX, RIS, Web of Science, Scopus):
// read each file (a path, a FIFO or - for stdin), sniff what it is, pick or check its parser,
// decode its text, store its records in one transaction, and report: diagnostics grouped by
// kind, merges, a summary line per file (or one JSON object per file with --json), progress on
// a terminal, Ctrl-C (the file being imported is rolled back, earlier ones are kept), and the
// exit code. A format is a FileFormat (file_formats.hpp); the driver knows none of them.

#include <span>
#include <string>
#include <vector>

#include "src/cli/context.hpp"
#include "src/cli/file_formats.hpp"

namespace litrev::cli {

struct FileImportOptions {
  // The format named on the command line (`import ris`); null: guessed per file from its
  // content (`import FILE`).
  const FileFormat* forced = nullptr;
  ParserOptions parser;
  bool json = false;
};

// Imports the files in order and returns the exit code: 0 all stored cleanly; 1 some records
// skipped or some errors, or some files unreadable; 3 no file could be read at all.
int import_files(Context& ctx, const std::vector<std::string>& files, const FileImportOptions& options);

}  // namespace litrev::cli
