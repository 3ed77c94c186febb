#pragma once
// One CSL-JSON item -> the ImportRecord the store takes. The variables are declared in the data
// model (src/core/data_model_fields.cpp, FieldVocabulary::csl; types in data_model_types.cpp);
// the shared part (title, volume, issue, pages, publisher, place, edition, language, abstract,
// keywords, identifiers, url) is importers/tagged's WorkAssembler, fed with the item's scalar
// variables. What CSL-JSON does its own way:
//  - every variable is kept in the source record as written: text as text, numbers as their
//    digits, names and dates as their JSON text (the CSL-JSON export writes back those the store
//    has no slot for: title-short, genre, accessed, original-date, director...);
//  - names: objects with family, given, non-dropping-particle ("van", the store's particle),
//    dropping-particle ("de" of "Alexis de Tocqueville", kept after the given name as BibTeX
//    writes it), suffix, literal (a corporate name), Zotero's isInstitution, and particles
//    written inside family/given ("van Dijck"); author, editor, translator, container-author
//    (the book's author) and contributor are the store's roles, taken in CSL's order of
//    variables (the export's); other name variables stay in the source record;
//  - issued: "date-parts" (numbers or numeric strings, a range as two), "raw" and string dates,
//    "circa", seasons (months 13..16, or "season"), to the store's EDTF date ("2019-21" for
//    spring); a "literal" or unreadable date is a warning and keeps only a year written in it;
//  - type: through the data model's CSL types ("article-journal" -> article, "chapter" ->
//    incollection...); CSL's "article" (a preprint) is a journal article when it names a
//    journal; a "type:" line of the note wins (Zotero's Extra); an unknown type is misc with a
//    warning;
//  - container: container-title, else the series (collection-title); issue: issue, else a
//    report's number, else the number in the series (collection-number);
//  - keywords: "keyword", split on commas and semicolons;
//  - note: its "key: value" lines (note_fields.hpp) become fields of their own (PMID, DOI,
//    original-date, tex.ids...); the rest is a litrev note;
//  - key: "citation-key" (Better BibTeX, CSL 1.0.2), else a "Citation Key:" line of the note,
//    else "id" when it reads as a citation key (not Zotero's item URI or a number); the source
//    record's key is "id", else a hash of the fields.
// Titles keep no CSL rich-text markup (<i>, <b>, <sc>, <span class="nocase">...) in the
// readable record (dedup compares letters); the source record keeps it.

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>

#include "importers/csljson/json_layout.hpp"
#include "src/core/record.hpp"

namespace litrev::csljson {

// The record of item number `index` (0-based), its variables in the order the layout lists their
// keys (the file's), or nullopt with an error in diagnostics when it
// is not an object or holds nothing but its id and type.
std::optional<ImportRecord> make_csl_record(const nlohmann::json& item, std::size_t index,
                                            const ItemLayout& layout, std::string_view origin,
                                            std::vector<Diagnostic>& diagnostics);

}  // namespace litrev::csljson
