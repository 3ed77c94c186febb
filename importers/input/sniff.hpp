#pragma once
// What an input looks like, from its first bytes: the bibliographic formats litrev reads or will
// read (BibTeX, RIS, Web of Science plain text and tab-delimited, Scopus CSV, CSL-JSON), and the
// files people give by mistake (a PDF, a spreadsheet, the library's own .db, a program, a web
// page). A pure function of the head of the file (InputFile::head(), 64 KiB); no I/O.
//
// How it decides, in this order (the first rule that holds wins):
//  1. empty, or only whitespace: empty.
//  2. magic numbers (PDF, SQLite, ELF/Mach-O/PE executables, ZIP -- also .xlsx/.docx --, gzip,
//     PNG/JPEG/GIF, old Office documents, RTF).
//  3. the text encoding: a UTF-8/UTF-16/UTF-32 byte-order mark, or UTF-16 without one told by
//     its NUL bytes; the head is then read as text in that encoding.
//  4. NUL or other control bytes in more than 1 in 20 bytes (outside UTF-16/32): binary data --
//     unless the head holds a BibTeX entry header, since a .bib with some garbage around (a
//     stray NUL, a pasted binary blob) is still a .bib.
//  5. the first non-blank line: "FN " (then "VR "/"PT " lines) is a Web of Science plain-text
//     export, "PT\t...\tAU\t" a WoS tab-delimited one, "TY  - " RIS, '[' or '{' JSON (CSL-JSON
//     when its objects carry CSL's "type" and "title"/"author"/"issued"..., not a Crossref or HAL
//     API answer), "<?xml" XML, "<!DOCTYPE html"/"<html" HTML.
//  6. a line starting with "@type{" or "@type(": BibTeX, wherever it is in the head; also a
//     head of '%' comment lines only (a .bib without entries).
//  7. a header line of at least three comma-, semicolon- or tab-separated columns followed by a
//     line with the same separator: a CSV table; Scopus's when the header names its columns
//     ("Authors", "Title", "Source title", "EID"...).
//  8. RIS tags ("TY  - " and "ER  - " lines) further down (RIS after a preamble), WoS "PT "
//     records likewise.
//  9. anything else: text.

#include <cstddef>
#include <string_view>

namespace litrev::input {

enum class Format {
  empty,
  bibtex,
  ris,
  wos_plain_text,
  wos_tab_delimited,
  scopus_csv,
  csv,  // another comma/semicolon/tab-separated table
  csl_json,
  json,  // other JSON (an API answer, ...)
  xml,
  html,
  pdf,
  sqlite,
  executable,
  archive,  // ZIP (also .xlsx/.docx/.odt), gzip
  image,
  office,  // a word-processor or spreadsheet document not in ZIP form (.doc/.xls, RTF)
  binary,  // other binary data
  text,    // text in none of the formats above
};

struct Sniffed {
  Format format = Format::empty;
  // For text: "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "utf-32le", "utf-32be" (what the
  // head's BOM or NUL pattern says; a non-UTF-8 8-bit text reads as "utf-8" here, the importer
  // finds out). Empty for binary formats.
  std::string_view encoding;
  // What a message to a person says: "a Web of Science plain-text export", "a PDF document",
  // "an SQLite database (such as a litrev library)". Static storage.
  std::string_view description;
};

Sniffed sniff(std::string_view head);

// The encoding a text's first bytes announce: a byte-order mark, or UTF-16 without one when
// about every other byte is NUL (text formats are mostly ASCII, so in UTF-16 one byte of each
// pair is NUL: at odd offsets in LE, even ones in BE; UTF-8 and Latin-1 text has none).
struct TextEncoding {
  std::string_view name = "utf-8";  // "utf-8" (no BOM: may also be an 8-bit encoding),
                                    // "utf-8-bom", "utf-16le", "utf-16be", "utf-32le", "utf-32be"
  std::size_t bom_size = 0;         // bytes of byte-order mark to skip
  bool guessed = false;             // UTF-16 without a BOM, from the NUL bytes
};
TextEncoding detect_text_encoding(std::string_view head);

// The description of a format in general (the one sniff gives unless it knows better).
std::string_view describe(Format format);
// Its name for scripts: "bibtex", "ris", "wos-plain-text", "wos-tab-delimited", "scopus-csv",
// "csv", "csl-json", "json", "xml", "html", "pdf", "sqlite", "executable", "archive", "image",
// "office", "binary", "text", "empty".
std::string_view format_name(Format format);

}  // namespace litrev::input
