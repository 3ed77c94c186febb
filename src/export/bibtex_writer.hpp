#pragma once
// Works -> BibTeX or BibLaTeX. A pure function of a StoredWork to text: no store access, no
// importer code (exporters never reach back into importers; the shared BibTeX data model is
// src/core/data_model.hpp).
//
// Works whose fields came from a .bib file are written back as read: the original fields of
// their BibTeX sources (LaTeX and inner braces kept, so brace protection survives; duplicate
// fields kept), under the library key, with the entry type as written. A work merged from
// several BibTeX sources gets the first source's fields plus the fields of the others it lacks;
// a work that also has Crossref/HAL sources gets the fields it lacks (doi, abstract...)
// generated from its readable values.
//
// Every output must be read by the tools it is for (classic BibTeX, biber, pandoc -f bibtex
// and -f biblatex), so what those tools reject or misread is changed, and only that
// (bib_values.hpp has the string rules):
//  - field names they reject are renamed ("usage-count-(last-180-days)" ->
//    "usage-count-last-180-days"); empty fields ("optkey = {}") are left out;
//  - braces are balanced in every value, as BibTeX counts them and as pandoc does (escaped
//    braces without partner become \textbraceleft{}/\textbraceright{}, plain ones are dropped),
//    and a line of a value that would start with "@type{" is joined to the previous one: no
//    value, note or abstract can end its entry early or inject another;
//  - a month is a month: BibTeX gets the macros (month = mar, mar # "--" # apr; a WoS day "MAR
//    15" as day = {15}), BibLaTeX a date (2019-03, 2019-03-15, 2019-03/2019-04, 2019-24);
//    a month value that names no month is left out; a year "{2015}" is written 2015;
//  - a name list written with commas (Scopus editors "Daim T.U., Kozanoglu D.C.") is written
//    from the names the library read in it, joined by "and";
//  - a book (book, collection, proceedings, reference and their mv* forms) does not get
//    booktitle (its own title in BibDesk's crossref parents): left out, or made the title when
//    there is none; a crossref child in such a book gets the book's title as booktitle;
//  - Web of Science's address, the publisher's street address, is written publisher-address,
//    so that it never becomes the place of publication (address, BibLaTeX's location).
//
// Works from Crossref or HAL (no BibTeX source) get fields generated from the readable Work:
// names as "von Last, Jr, First" joined by "and" (corporate names braced), titles with their
// acronyms brace-protected ({AI}), text LaTeX-escaped (latex_encode.hpp; UTF-8 kept unless
// ascii), identifiers (doi, isbn, issn, eprint for arXiv, hal_id, pmid), url, abstract, keywords.
//
// Dialects: BibTeX writes original entries as they were (but for the rules above); BibLaTeX
// renames legacy fields (journal -> journaltitle, address -> location, school -> institution,
// annote -> annotation, archiveprefix -> eprinttype, primaryclass -> eprintclass...), legacy
// types (phdthesis -> thesis with type = {phdthesis}, techreport -> report...), and year +
// month -> date.
//
// Notes and tags (annotated bibliographies): the work's notes are written into `annote`
// (BibTeX; annotated styles such as annotate.bst print it) or `annotation` (BibLaTeX, printed
// by biblatex's annotation-aware styles), after any annotation the entry already had, notes
// separated by blank lines. Tags are added to `keywords` (comma-separated, no duplicates),
// because that is the field biblatex selects on (\printbibliography[keyword=...]) and that
// Zotero and JabRef import as tags; BibWriterOptions::tags_field can name another field (JabRef
// reads `groups`), or none.

#include <ostream>
#include <string>
#include <vector>

#include "src/core/record.hpp"
#include "src/export/latex_encode.hpp"
#include "src/store/store.hpp"

namespace litrev {

enum class BibDialect { bibtex, biblatex };

struct BibWriterOptions {
  BibDialect dialect = BibDialect::bibtex;
  LatexEncodeOptions encode;             // for generated fields only
  bool notes = true;                     // write notes into annote/annotation
  std::string tags_field = "keywords";   // where tags go; empty: tags are not written
};

// One entry as it will be written: values are the text between the braces.
struct BibEntry {
  std::string type;
  std::string key;
  std::vector<SourceField> fields;
};

BibEntry to_bib_entry(const StoredWork& work, const BibWriterOptions& options = {});

// "@type{key,\n  name = {value},\n  ...\n}\n"
void write_bib_entry(std::ostream& out, const BibEntry& entry);
void write_bib_entry(std::ostream& out, const StoredWork& work, const BibWriterOptions& options = {});
std::string bib_entry_text(const StoredWork& work, const BibWriterOptions& options = {});

// "@preamble{{text}}\n": a @preamble value as imported (StoredPreamble::text), read back the same.
void write_bib_preamble(std::ostream& out, std::string_view text);

}  // namespace litrev
