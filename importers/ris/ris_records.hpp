#pragma once
// A RIS record (ris_lexer.hpp) -> the ImportRecord the store takes. The shared part (title,
// volume, issue, pages, publisher, place, edition, language, abstract, keywords, identifiers,
// url, notes) is importers/tagged/tagged_work.hpp's; the tags are declared in
// src/core/data_model_fields.cpp. What RIS does its own way:
//  - type: TY through the data model's RIS types (JOUR -> article, CHAP -> incollection, CONF
//    -> inproceedings...); an unknown TY is misc with a warning, the TY kept in the fields.
//  - title: TI, else T1, else CT; a book's title may be in BT.
//  - container: for a part of a book or proceedings, BT, else T2, else the journal tags; for
//    other types T2 (Zotero's and EndNote's publication title), else JF, JO, JA, J1, J2 (full
//    names before abbreviations); for a book, T2 is its series.
//  - people: AU and A1 authors, ED and A2 editors, A3 contributors, A4 translators, in
//    "Family, Given, Suffix" form (a name without a comma is a corporate name); for a book, A2
//    is the series editor (a contributor) and A3 the editor, as Zotero reads them.
//  - dates: DA, else Y1, else PY, in "YYYY/MM/DD/other" or ISO form (ris_dates.hpp); the year
//    of PY when the date has none. An unreadable date is a warning.
//  - pages: SP and EP; a book's or thesis's lone SP is its number of pages, not a range.
//  - notes: N1 and RN, each a litrev note (HTML notes read as Markdown; a note that repeats
//    the title, as EndNote writes, is dropped).
//  - key: ID when it is a citation key (not a record number); the source record's key is ID,
//    else AN, else DO, else a hash of the fields.

#include <string_view>

#include "importers/tagged/tagged_record.hpp"
#include "src/core/record.hpp"

namespace litrev::ris {

ImportRecord make_ris_record(tagged::TaggedRecord&& record, std::string_view origin);

}  // namespace litrev::ris
