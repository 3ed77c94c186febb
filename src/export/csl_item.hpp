#pragma once
// Stored work -> CSL item (the CSL engine's input and the CSL-JSON export). A pure function of
// a StoredWork: the store stays the store's business, the engine never sees it.
//
// Mapping (data in csl_item.cpp):
// - type: the store's BibLaTeX types to CSL 1.0.2 types by the data model
//   (core/data_model.hpp; the CSL source's own type while it maps to the work's: article -> article-journal,
//   incollection -> chapter, inproceedings -> paper-conference, thesis -> thesis with genre
//   "PhD thesis"/"Master's thesis" from the source's phdthesis/mastersthesis, online ->
//   webpage, misc -> document...);
// - names per role (author, editor, translator, bookauthor -> container-author, the others ->
//   contributor), particles as CSL's non-dropping particle ("van", "de la"), a trailing
//   lower-case word of a given name as dropping particle ("Alexis de"), suffix, literal names;
// - title (+ ": " + subtitle), container-title (journal, book, proceedings; a book's series
//   otherwise), collection-title from series, issued from the EDTF date, volume, issue (a
//   report's or book's number goes to number / collection-number), page, edition, publisher
//   (institution or school for reports and theses), publisher-place, language, abstract,
//   keywords, URL, DOI, ISBN, ISSN, PMID, PMCID, and the original fields CSL has a variable for
//   (note, eventtitle, venue, pagetotal, urldate, origdate, origtitle, chapter, volumes,
//   shorttitle, shortjournal);
// - language: the work's own (BibTeX langid, "english" -> "en"), else guessed from the title
//   (French/English stop words), so that titles in French are not title-cased.
// - a work read from CSL-JSON gets back the variables of its source that the store has no slot
//   for (title-short, genre, accessed, original-date, director...);
// - the user's notes go to "note" (after any BibTeX note of the source) when with_notes is set.

#include "src/csl/item.hpp"
#include "src/store/store.hpp"

namespace litrev {

struct CslItemOptions {
  bool with_notes = false;  // the user's notes in "note" (CSL-JSON export), not in bibliographies
  bool with_tags = false;   // tags added to "keyword"
  bool guess_language = true;
};

csl::Item to_csl_item(const StoredWork& work, const CslItemOptions& options = {});

}  // namespace litrev
