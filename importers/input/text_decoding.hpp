#pragma once
// Getting the text of an input file as UTF-8, whatever it was written in: the step between
// reading its bytes (input_file.hpp) and any text parser (BibTeX, RIS, Web of Science, Scopus
// CSV...). A file is mapped read-only and, when it is valid UTF-8 (the common case), parsed in
// place without a copy.
//
// Encodings, in the order they are tried:
//  - UTF-8 with a byte-order mark: the BOM is skipped (lines and columns are unchanged;
//    offsets count from after it);
//  - UTF-16 LE/BE with a BOM (JabRef writes these), and UTF-16 without a BOM when many NUL
//    bytes sit at odd (LE) or even (BE) positions: transcoded to UTF-8 (with a warning when
//    there was no BOM, since it is a guess);
//  - UTF-32 LE/BE with a BOM, likewise;
//  - valid UTF-8: used as it is;
//  - otherwise Windows-1252 (a superset of Latin-1's printable range) -- or ISO-8859-15 when
//    the file says so in its first lines ("-*- coding: latin-9 -*-") -- with the warning
//    "not valid UTF-8; read as Windows-1252/Latin-1" at the line of the first invalid byte.
//    A file that is mostly valid UTF-8 with a few stray bytes (a Latin-1 line pasted into a
//    UTF-8 file) keeps its UTF-8 and only the invalid bytes are read as Windows-1252, so one
//    bad byte does not garble every accent of the file; the warning says so.
// NUL bytes (in a file that is not UTF-16/32) are replaced by U+FFFD, with a warning: they mean
// nothing in a bibliographic text file and would cut values short in every C API later. What
// the input is is asked before decoding (sniff.hpp); the parsers cope with any bytes.

#include "importers/input/input_file.hpp"
#include "src/core/record.hpp"

#include <cstddef>
#include <expected>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace litrev::input {

struct DecodedText {
  std::string source;                   // the path as given, "-" for stdin, or the caller's name
  std::string_view text;                // UTF-8 without BOM; valid as long as `storage` lives
  std::string encoding;                 // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "utf-32le",
                                        // "utf-32be", "windows-1252", "iso-8859-15",
                                        // "utf-8+windows-1252"
  std::vector<Diagnostic> warnings;     // about the encoding; severity warning
  std::size_t input_bytes = 0;          // size of the input before decoding
  std::shared_ptr<const void> storage;  // owns the bytes `text` points into (mapping or buffer)
};

// Reads a file (mapped, not copied when it is UTF-8) or, for "-", standard input, through
// InputFile (its size limit applies). Failure to open or read it is returned as an error
// Diagnostic whose source is the path and whose message carries strerror: "cannot open: No such
// file or directory".
std::expected<DecodedText, Diagnostic> read_text_file(const std::string& path);

// Reads all of a file descriptor (a pipe, stdin); source names it in diagnostics.
std::expected<DecodedText, Diagnostic> read_text_fd(int fd, std::string source);

// Decodes bytes already in memory; takes ownership of them.
DecodedText decode_text_bytes(std::string bytes, std::string source);

// Decodes an input read by InputFile (after its head was looked at); keeps its storage.
DecodedText decode_text_input(InputBytes input);

}  // namespace litrev::input
