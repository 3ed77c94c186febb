#pragma once
// From a parsed BibTeX entry (RawEntry) to what the store takes (ImportRecord): the readable,
// decoded Work plus the SourceRecord that keeps every original field exactly as read.
//
// Mapping (the fields are declared in src/core/data_model_fields.cpp):
//  - type: store_type_from(TypeVocabulary::bibtex, ...) (BibLaTeX aliases applied); key: the entry key.
//  - title, subtitle, container (journaltitle/journal, else booktitle, else maintitle), volume,
//    issue (number/issue), pages ("1--10" -> "1-10"), publisher (else institution/school, else
//    organization), place (location/address), edition, language (language/langid), abstract,
//    url: LaTeX decoded to Unicode (latex.hpp).
//  - date/year from date, year, month, day (dates.hpp); problems are warnings.
//  - contributors from author, editor, translator, bookauthor, introduction, foreword,
//    afterword, commentator, annotator, holder, editora/b/c (contributor), in field order,
//    names split by names.hpp. "and others" is not a person.
//  - keywords from keywords, author_keywords, author-keywords: split on ';' when the value has
//    one, else on ','; decoded; duplicates dropped.
//  - identifiers: doi (also a DOI inside url, e.g. https://doi.org/...), isbn and issn (each may
//    list several), eissn, eprint with eprinttype/archiveprefix arxiv|hal|pubmed|pmc, arxivid,
//    a Google Scholar journal "arXiv preprint arXiv:NNNN", hal_id/hal, a hal.science or
//    archives-ouvertes.fr url, pmid, pmcid, WoS unique-id ("ISI:"/"WOS:" -> "WOS:<number>"),
//    Scopus eid (also from a scopus.com url's eid=). Invalid values are warnings.
//  - references (Work::references, raw text kept, DOIs extracted, parts parsed by
//    importers/references): WoS `cited-references` (one per line), Scopus `references`
//    (separated by "; "), and litrev's own `cites = {key1, key2, doi:10.x/y}`: items separated
//    by commas, semicolons or blanks (line breaks included); an item is a DOI when it starts with "doi:", "10."
//    or a doi.org URL, else a citation key of the same import (Reference::cite_key).
//  - global_citations from WoS `times-cited` or Scopus `note = {Cited By: 12}`.
//  - ORCIDs and ResearcherIDs from WoS `orcid-numbers` / `researcherid-numbers` ("Family,
//    Given/0000-..."), each given to the author its name designates (core designated_name),
//    left out when it designates none or several.
//  - Scopus affiliation markers are removed from given names ("Guler, A.T.a" -> "A.T.").
//
// Inheritance (BibLaTeX, biber's defaults): `xdata = {a, b}` gives every field of the xdata
// entries (in order; cascading), then `crossref = {p}` gives the parent's fields with biber's
// default mappings: for in* children title -> booktitle/maintitle, subtitle ->
// booksubtitle/mainsubtitle, titleaddon -> booktitleaddon/maintitleaddon; book/mvbook author ->
// bookauthor (and author); periodical title -> journaltitle; ids, crossref, xref, entryset,
// entrysubtype, execute, label, options, presort, related*, shorthand*, sortkey and the short/sort/index
// titles are never inherited. The parent's own crossref/xdata cascade. An entry's own fields win
// over xdata, xdata over crossref. Inherited values go into the readable Work only: the
// SourceRecord keeps the entry's own fields, so an export writes `crossref = {p}` again and
// nothing is duplicated. Missing parents and cycles are warnings.

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "importers/bibtex/raw_entry.hpp"
#include "src/core/record.hpp"

namespace litrev::bibtex {

// The keys an entry inherits from: its crossref (empty when none) and its xdata keys.
struct ParentKeys {
  std::string crossref;
  std::vector<std::string> xdata;
  bool empty() const { return crossref.empty() && xdata.empty(); }
};
ParentKeys parent_keys(const RawEntry& entry);

// Finds an entry by key (the first one with that key), nullptr when there is none. The
// pointer must stay valid until inherited_fields returns.
using EntryLookup = std::function<const RawEntry*(std::string_view key)>;

// The fields `child` inherits (named as the child sees them, in priority order: xdata ones
// first, then crossref ones), without those the child has itself. Missing parents and cycles
// add warnings (source = origin, at the child's line).
std::vector<RawField> inherited_fields(const RawEntry& child, const EntryLookup& lookup,
                                       std::vector<Diagnostic>& warnings, std::string_view origin);

// The record of one entry. `inherited` (from inherited_fields) only feeds the readable Work.
// The entry's fields are moved into SourceRecord::fields.
ImportRecord make_import_record(RawEntry&& entry, std::span<const RawField> inherited, std::string_view origin);

// Helpers the mapping uses, exposed for tests and for other importers that meet the same
// conventions.
// Items of a `cites` field: DOIs (normalized, Reference::doi) or citation keys (cite_key).
std::vector<Reference> parse_cites_field(std::string_view value);
// Keywords split on ';' when there is one (at brace depth 0), else on ','; decoded; trimmed.
std::vector<std::string> split_keywords(std::string_view value);
// A verbatim value made usable: outer braces dropped, `\_` `\%` `\&` `\#` `\~` `\$` unescaped.
std::string unescape_verbatim(std::string_view value);

}  // namespace litrev::bibtex
