#include "src/cli/file_formats.hpp"

#include <array>

#include "importers/bibtex/bibtex_import.hpp"
#include "importers/csljson/csljson_import.hpp"
#include "importers/ris/ris_import.hpp"
#include "importers/scopus/scopus_import.hpp"
#include "importers/wos/wos_import.hpp"

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

template <auto parse>
input::FileParser plain_parser(const ParserOptions&) {
  return [](const input::DecodedText& text, const input::RecordSink& sink, std::vector<Diagnostic>& diagnostics) {
    return parse(text, sink, diagnostics);
  };
}

}  // namespace

std::span<const FileFormat> file_formats() {
  static const std::array formats = {
      FileFormat{"bibtex", "BibTeX", "entry", {Format::bibtex}, {Format::text}, bibtex_parser},
      FileFormat{"ris", "RIS", "record", {Format::ris}, {Format::text}, plain_parser<&ris::parse_ris_file>},
      FileFormat{"wos", "Web of Science", "record", {Format::wos_plain_text, Format::wos_tab_delimited},
                 {Format::text, Format::csv}, plain_parser<&wos::parse_wos_file>},
      FileFormat{"scopus", "Scopus CSV", "record", {Format::scopus_csv}, {Format::csv},
                 plain_parser<&scopus::parse_scopus_file>},
      // Forced, any JSON: an item array without "type" or "title" in its head is still one.
      FileFormat{"csl-json", "CSL-JSON", "item", {Format::csl_json}, {Format::json, Format::text},
                 plain_parser<&csljson::parse_csljson_file>},
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
