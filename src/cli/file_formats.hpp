#pragma once
// The file formats `litrev import` reads: one row each (file_formats.cpp), naming the parser and
// what importers/input/sniff.hpp says of the files it reads. `import FILE` picks the row whose
// formats hold what the file looks like; `import NAME FILE` forces a row.

#include <span>
#include <string_view>
#include <vector>

#include "importers/input/file_parser.hpp"
#include "importers/input/sniff.hpp"

namespace litrev::cli {

// Options of the command line that some parsers take.
struct ParserOptions {
  bool keep_incomplete_entries = true;  // BibTeX: entries cut short by a syntax error
};

struct FileFormat {
  std::string_view name;    // the subcommand (`import ris`) and "read_as" in --json
  std::string_view label;   // for people: "BibTeX", "RIS", "Web of Science", "Scopus CSV"
  std::string_view record;  // what one record is called: "entry" (BibTeX), "record"
  // What sniff() says of the files this parser reads. `import FILE` chooses by these.
  std::vector<input::Format> formats;
  // What it also accepts when the format is forced: text that sniff() could not place (a RIS
  // file with a long preamble), a CSV whose headers are translated. Other formats are refused.
  std::vector<input::Format> when_forced;
  input::FileParser (*make_parser)(const ParserOptions&);
};

std::span<const FileFormat> file_formats();
// The row named `name`; nullptr when there is none.
const FileFormat* find_file_format(std::string_view name);
// The row that reads files sniffed as `format`; nullptr when none does.
const FileFormat* file_format_for(input::Format format);

}  // namespace litrev::cli
