#pragma once
// HAL's TEI (wt=xml-tei search answers, /<halId>/tei documents, and the `label_xml` field of
// JSON answers) read with pugixml into ImportRecords. Pure: text in, records out.

#include <cstddef>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/core/record.hpp"

namespace litrev {

struct HalTeiPage {
  std::vector<ImportRecord> records;  // one per text/body/listBibl/biblFull, in order
  std::optional<std::size_t> total;   // a search answer's totalSearchResults
  std::vector<Diagnostic> diagnostics;
};

// Parses a whole TEI document. Each biblFull gives one record:
//  - titles per language (titleStmt/title[@xml:lang], subtitles @type="sub"); the work's title
//    is the one in the document's language, the others stay in the source fields;
//  - authors (titleStmt/author) with forename/surname, their own idHAL (idno type="idhal",
//    notation="string"), ORCID, IdRef and ResearcherID, and affiliations resolved through
//    back/listOrg;
//    the depositor (editor role="depositor") is not a contributor; monogr/editor are editors;
//  - docType (classCode scheme="halTypology"), HAL id and URI, DOI (biblStruct/idno type="doi",
//    beside monogr), ISSN/ISBN, journal, book or conference title, publisher, place, volume,
//    issue, pages, dates (datePub, dateDefended, conference start, whenProduced), language,
//    author keywords, and every abstract (abstract_text: the document's language).
// The source record keeps readable fields (title@en, abstract@fr, supervisor...) and the
// biblFull element itself as XML under "tei", so nothing is lost.
// Fails only when the text is not XML or holds no TEI element.
std::expected<HalTeiPage, std::string> parse_hal_tei(std::string_view xml, std::string_view origin);

}  // namespace litrev
