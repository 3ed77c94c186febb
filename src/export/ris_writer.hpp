#pragma once
// Works -> RIS, as Zotero, EndNote and Mendeley import it. A pure function of a StoredWork to
// text: no store access, no importer code; the tags come from the data model
// (src/core/data_model.hpp).
//
// One record per work, fields in the order of the RIS specification's examples, each
// "TAG  - value" line ended by CRLF (the specification's line end; every reader takes it), a
// blank line between records, UTF-8 without a byte-order mark:
//   TY  the type (type_for_writer: JOUR, BOOK, CHAP, CONF, THES, RPRT...; the TY the work was
//       imported with, when it maps to the same store type: EJOUR, MGZN, NEWS stay so)
//   ID  the library key
//   TI  title (": subtitle" appended)
//   AU  authors, A2 editors (A3 for a book, whose A2 is its series editor), A3 other
//       contributors (A2 for a book), A4 translators: "Family, Given, Suffix", the particle
//       before the family ("van der Berg, Anna"); a corporate name without a comma
//   T2  container: journal, book of a chapter, proceedings of a paper, series of a book
//   PY  year; DA the date as "YYYY/MM/DD/" ("2019///", "2019/03//"; a season as
//       "2019///Spring")
//   VL IS SP EP  volume, issue, first and last page ("147-160" -> SP 147, EP 160)
//   PB CY ET LA  publisher, place, edition, language
//   AB  abstract; KW one keyword per line, then one tag per line (Zotero and EndNote read KW as
//       tags); DO the DOI; SN each ISBN and ISSN; UR url; AN the Web of Science and Scopus
//       accession numbers
//   N1  one per note, Markdown as written (Zotero reads a plain N1 as a note, paragraphs kept)
//   ...  the fields of RIS sources that litrev does not read (ST, Y2, L1, M3, C1-C8, T3, J2...),
//       as imported, so an RIS library comes back whole
//   ER
// Multi-line values (abstracts, notes) continue on the following lines; a continuation line
// that would read as a tag line gets a leading space. Other values are one line.
//
// What RIS cannot carry: roles other than those above (book authors, introductions...),
// cited references, global citation counts, HAL/arXiv/PubMed ids (RIS has no tags for them;
// the url is kept).

#include <ostream>
#include <string>

#include "src/store/store.hpp"

namespace litrev {

struct RisWriterOptions {
  bool notes = true;  // N1 lines
  bool tags = true;   // tags as KW lines after the keywords
};

void write_ris_record(std::ostream& out, const StoredWork& work, const RisWriterOptions& options = {});
std::string ris_record_text(const StoredWork& work, const RisWriterOptions& options = {});

}  // namespace litrev
