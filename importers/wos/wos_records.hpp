#pragma once
// A Web of Science record (wos_lexer.hpp) -> the ImportRecord the store takes, the same work a
// WoS BibTeX export of the record gives. The shared part is importers/tagged/tagged_work.hpp's;
// the tags are declared in src/core/data_model_fields.cpp. What WoS does its own way:
//  - type: DT, its first document type ("Article; Proceedings Paper" is an article), else PT
//    (J journal, B book, S series, P patent).
//  - people: AF (full names), else AU ("Powell, WW"), one per line or "; "-separated; BF/BA
//    book authors, BE/ED editors.
//  - container: SO, else JI, else J9.
//  - date: PY + PD as BibTeX's year + month ("MAR 4", "JAN-FEB", "SPR"; core/dates.hpp); an
//    early-access record without PY takes its date from EA ("APR 2021").
//  - ORCIDs and ResearcherIDs: OI and RI ("Family, Given/0000-..."), each to the author its
//    name designates (core/author_ids.hpp), as from WoS BibTeX.
//  - key: none (the store makes one from author, year and title); the source record's key is
//    the accession number UT ("WOS:000..."), also kept as an identifier (IdScheme::wos), by which
//    the same record is found again in another WoS export of any format.

#include <string_view>

#include "importers/tagged/tagged_record.hpp"
#include "src/core/record.hpp"

namespace litrev::wos {

ImportRecord make_wos_record(tagged::TaggedRecord&& record, std::string_view origin);

}  // namespace litrev::wos
