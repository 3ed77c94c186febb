#include "src/cli/file_formats.hpp"

#include <array>

#include "importers/bibtex/bibtex_import.hpp"

namespace litrev::cli {
namespace {

using input::Format;

input::FileParser bibtex_parser(const ParserOptions& options) {
  bibtex::ImportOptions o;
  o.keep_incomplete_entries = options.keep_incomplete_entries;
  return [o](const input::DecodedText& text, const input::RecordSink& sink, std::vector<Diagnostic>& diagnostics) {
    return bibtex::parse_bibtex_file(text, sink, diagnostics, o);
  };
}

}  // namespace

std::span<const FileFormat> file_formats() {
  static const std::array formats = {
      FileFormat{"bibtex", "BibTeX", "entry", {Format::bibtex}, {Format::text}, bibtex_parser},
  };
  return formats;
}

const FileFormat* find_file_format(std::string_view name) {
  for (const auto& f : file_formats())
    if (f.name == name) return &f;
  return nullptr;
}

const FileFormat* file_format_for(input::Format format) {
  for (const auto& f : file_formats())
    for (const auto reads : f.formats)
      if (reads == format) return &f;
  return nullptr;
}

}  // namespace litrev::cli
