#pragma once
// RIS text -> tagged records, as Zotero, EndNote, Mendeley, JabRef and publishers' sites write
// it. Pure: no I/O, no SQL.
//
//  - A field line is a tag (a capital letter, then a capital or a digit), one or more spaces,
//    '-', and the value after one optional space: "AU  - Powell, Walter W.". "ER  -" may end
//    without the space. Line ends are \n, \r\n or a lone \r (old Mac EndNote).
//  - A record starts at TY and ends at ER. A TY before the ER of the previous record ends that
//    record (warning: "no ER"); so does the end of the input.
//  - A line that is not a field line continues the value of the field before it, on a new
//    line (multi-line abstracts and notes); blank lines inside a value are kept, trailing ones
//    dropped.
//  - Before the first TY (and between ER and the next TY), text is ignored (EndNote's
//    "Provider:"/"Database:" header); a field there is a warning.
//  - Empty fields are dropped. A record with no field but its TY is an error and is skipped.

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "importers/tagged/tagged_record.hpp"
#include "src/core/record.hpp"

namespace litrev::ris {

struct LexCounts {
  std::size_t records = 0;  // TY lines
  std::size_t skipped = 0;  // empty records
};

LexCounts read_ris_records(std::string_view text, std::string_view source,
                           const std::function<void(tagged::TaggedRecord&&)>& on_record,
                           std::vector<Diagnostic>& diagnostics);

}  // namespace litrev::ris
