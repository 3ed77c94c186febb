#pragma once
// What the BibTeX lexer/parser produces: entries as BibTeX itself sees them, before any
// interpretation (no LaTeX decoding, no name splitting). Pure data.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace litrev::bibtex {

struct RawField {
  std::string name;   // lower-cased, as written otherwise ("cited-references", "usage-count-(last-180-days)")
  std::string value;  // after @string expansion and # concatenation; inner braces and LaTeX kept
  std::uint32_t line = 0, column = 0;  // where the field name starts (1-based)
};

struct RawEntry {
  std::string type;  // lower-cased entry type: "article", "inproceedings", "web_page"
  std::string key;   // as written, surrounding spaces trimmed
  std::uint32_t line = 0, column = 0;  // position of the '@'
  std::size_t offset = 0;              // byte offset of the '@' in the parsed text
  std::vector<RawField> fields;
  // false when a syntax error cut the entry short (see parser.hpp, "Errors and recovery"):
  // it holds the fields that could be read, and an error diagnostic says what was lost.
  bool complete = true;
};

}  // namespace litrev::bibtex
