#pragma once
// The `key: value` lines of a CSL-JSON "note", where Zotero puts what its "Extra" field holds
// and Better BibTeX the BibTeX fields CSL has no variable for:
//  - a CSL variable, by its name in any case with spaces or hyphens ("original-date: 1987",
//    "Original Date: 1987", "PMID: 123", "DOI: 10.1/x"), also in Zotero's older
//    "{:original-date: 1987}" form anywhere in the note; the field is named as CSL names the
//    variable ("original-date", "PMID");
//  - "type: dataset": the CSL type Zotero could not give the item;
//  - "Citation Key: dimaggio1983" (Zotero 7, Better BibTeX): the citation key;
//  - "tex.ids: a, b", "tex.howpublished: ..." (Better BibTeX): BibTeX fields, named "tex.ids".
// Other lines, those with a colon too ("See also: Bourdieu 1979"), are the note's text.

#include <string>
#include <string_view>
#include <vector>

namespace litrev::csljson {

struct NoteField {
  std::string name;  // "original-date", "PMID", "type", "citation-key", "tex.ids"
  std::string value;
};

struct SplitNote {
  std::vector<NoteField> fields;
  std::string text;  // the rest, lines trimmed at the ends, empty lines at the ends dropped
};

SplitNote split_note(std::string_view note);

}  // namespace litrev::csljson
