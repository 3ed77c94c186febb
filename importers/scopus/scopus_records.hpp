#pragma once
// A Scopus CSV export -> records: the header row names the columns (compared in lower case,
// columns other tools add are ignored), each other row is a record. The shared part is
// importers/tagged/tagged_work.hpp's; the columns are declared in src/core/data_model_fields.cpp.
// What Scopus does its own way:
//  - people: "Author full names" ("Powell, Walter W. (7005234567); ..."; the Scopus author id in
//    parentheses is left out of the name and kept in the fields), else "Authors" ("Powell W.W.;
//    DiMaggio P.J." before 2023, "Powell, W.W.; ..." since); "[No author name available]" is
//    nobody. Editors from "Editors".
//  - type: Document Type ("Article", "Conference paper", "Book chapter"...).
//  - date: Year. Container: Source title, else Abbreviated Source Title.
//  - "[No abstract available]" is no abstract.
//  - references: the References column, "; "-separated Scopus references.
//  - key: none (the store makes one); the source record's key is the EID ("2-s2.0-..."), kept as
//    an identifier (IdScheme::scopus).

#include <string>
#include <string_view>
#include <vector>

#include "importers/tagged/tagged_record.hpp"
#include "src/core/record.hpp"

namespace litrev::scopus {

ImportRecord make_scopus_record(tagged::TaggedRecord&& record, std::string_view origin);

// A header cell as the data model names Scopus columns: trimmed, lower case, a byte-order mark
// dropped.
std::string column_name(std::string_view header_cell);

}  // namespace litrev::scopus
