#pragma once
// The text of a .bib file as UTF-8: the decoding every text importer shares
// (importers/input/text_decoding.hpp), under the names the BibTeX importer's callers use.

#include "importers/input/text_decoding.hpp"

namespace litrev::bibtex {

using BibText = input::DecodedText;

inline std::expected<BibText, Diagnostic> read_bib_file(const std::string& path) { return input::read_text_file(path); }
inline std::expected<BibText, Diagnostic> read_bib_fd(int fd, std::string source) {
  return input::read_text_fd(fd, std::move(source));
}
inline BibText decode_bib_bytes(std::string bytes, std::string source) {
  return input::decode_text_bytes(std::move(bytes), std::move(source));
}
inline BibText decode_bib_input(input::InputBytes input) { return input::decode_text_input(std::move(input)); }

}  // namespace litrev::bibtex
