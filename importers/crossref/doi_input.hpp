#pragma once
// DOIs given on the command line or in a file, checked before any request is made: a line
// (or argument) without a syntactically valid DOI is refused with its line number, so that a
// typo never costs a round of network lookups.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "src/core/record.hpp"

namespace litrev {

struct DoiInput {
  std::vector<std::string> dois;    // normalized (lower case, no resolver prefix), first occurrence order
  std::vector<Diagnostic> errors;   // one per refused line/argument
};

// A DOI file: one DOI per line, bare ("10.1086/226550"), prefixed ("doi:10.1086/226550",
// "https://doi.org/10.1086/226550"), or inside any text (every DOI of the line is taken).
// Blank lines and lines starting with '#' are skipped. source names the file in diagnostics.
DoiInput read_doi_lines(std::string_view text, std::string_view source);

// `--doi` values: each must hold at least one DOI.
DoiInput read_doi_arguments(std::span<const std::string> arguments);

}  // namespace litrev
