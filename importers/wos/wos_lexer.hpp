#pragma once
// Web of Science exports -> tagged records. Pure: no I/O, no SQL.
//
// Plain text ("FN Clarivate Analytics Web of Science", "VR 1.0", records "PT J" ... "ER",
// "EF" at the end): a field line is a two-character tag, a space and the value; lines starting
// with blanks continue the field before them and are joined to it by '\n' (one author, address
// or cited reference per line; long titles and abstracts wrapped). A PT before the ER of the
// previous record ends it (warning), as does the end of the input. Text glued before a PT by a
// careless concatenation of exports ("nullPT J", "nullnullPT J") is dropped with a warning:
// the record is kept.
//
// Tab-delimited (a header row of field tags, "PT\tAU\tBA..."; one record per row; no quoting:
// values hold '"'): each non-empty column is a field, the tag from the header. UTF-16LE with a
// BOM is decoded before (importers/input/text_decoding.hpp).
//
// Which of the two the text is comes from its first non-blank line.

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "importers/tagged/tagged_record.hpp"
#include "src/core/record.hpp"

namespace litrev::wos {

struct LexCounts {
  std::size_t records = 0;
  std::size_t skipped = 0;  // records with no field but PT
  bool tab_delimited = false;
};

LexCounts read_wos_records(std::string_view text, std::string_view source,
                           const std::function<void(tagged::TaggedRecord&&)>& on_record,
                           std::vector<Diagnostic>& diagnostics);

}  // namespace litrev::wos
