#pragma once
// The CSL-JSON importer behind `litrev import csl-json` and `litrev import FILE`: decoded text
// (importers/input/text_decoding.hpp) -> nlohmann-json -> one record per item
// (csljson_records.hpp) -> a sink. Pure: no I/O, no SQL, no printing.
//
// Accepted: an array of item objects (Zotero, Better BibTeX, pandoc, citeproc-js, litrev's own
// export), or a single item object. Refused with one error naming the line and column, nothing
// read: text that is not JSON, JSON that is neither (a string, a number), nesting deeper than
// 64 levels (CSL-JSON needs 5). An element that is not an object, or an item with nothing but
// its id and type, is skipped with an error naming its index, id and line; the others
// are read. Values of the wrong JSON type are warnings (the item is kept).

#include <vector>

#include "importers/input/file_parser.hpp"

namespace litrev::csljson {

input::ParseCounts parse_csljson_file(const input::DecodedText& text, const input::RecordSink& sink,
                                      std::vector<Diagnostic>& diagnostics);

}  // namespace litrev::csljson
