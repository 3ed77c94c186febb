#pragma once
// litrev's data model, declared once as data: which fields each input vocabulary (BibTeX and
// BibLaTeX, RIS, Web of Science tags, Scopus CSV columns, CSL-JSON variables) has, what kind of value each holds,
// which part of the readable Work it feeds, and the work types of every vocabulary (BibTeX,
// Crossref, HAL, OpenAlex, RIS, Web of Science, Scopus, CSL) mapped onto the store's types and back. biber's
// data model (biber-tool.conf: fields with a field type and a data type, type aliases as source
// maps) is the anchor; the BibLaTeX aliases are those of the biblatex manual (§2.1.2, §2.2.5).
// Add a row, not a branch: importers and exporters read these tables, they do not repeat them.
//
// Tables: data_model_fields.cpp (fields of every vocabulary), data_model_types.cpp (types and
// roles).

#include <cstdint>
#include <optional>
#include <string_view>

#include "src/core/record.hpp"

namespace litrev {

// ---------------------------------------------------------------------------------------------
// Fields

// Kinds of field values, as biber's data model declares them (datatype + fieldtype).
enum class FieldKind : std::uint8_t {
  literal,       // text: LaTeX decoded for the readable value in BibTeX (title, journaltitle...)
  name_list,     // people: "A and B" in BibTeX; one name per line or per tag elsewhere
  literal_list,  // "A and B" of literals: publisher, location, institution, organization
  date,          // ISO 8601/EDTF (BibLaTeX date), RIS "YYYY/MM/DD/other", WoS "MAR 4"
  verbatim,      // copied as is, never decoded: doi, eprint, file, identifiers...
  uri,           // verbatim too: url
  key,           // an entry key: crossref, xref
  key_list,      // comma-separated entry keys: xdata, related, entryset, ids, cites
  range,         // pages: "1--10"
  integer,       // year, month (legacy), citation counts
  keywords,      // several keywords in one value, or one per tag
};

// True for kinds whose value is never LaTeX-decoded nor LaTeX-escaped (verbatim, uri, key, key_list).
bool is_verbatim_kind(FieldKind kind);

// The part of a record a field feeds. Several fields may feed one slot (aliases, abbreviated
// forms); FieldSpec::rank orders them.
enum class Slot : std::uint8_t {
  none,
  type,  // the source's own work type (RIS TY, WoS PT/DT, Scopus Document Type)
  // readable text
  title, subtitle, journaltitle, booktitle, maintitle, secondary_title, volume, issue, pages, first_page,
  last_page, publisher, institution, organization, location, edition, language, abstract_text, url, howpublished,
  note,
  // dates
  date, year, month, day,
  // identifiers
  doi, isbn, issn, eissn, serial_number, eprint, eprinttype, arxivid, hal_id, pmid, pmcid, unique_id, eid,
  // citation data
  cited_references, scopus_references, cites, times_cited,
  // people: identifiers given beside names ("Family, Given/0000-..."), Scopus author ids
  orcid_numbers, researcherid_numbers, author_ids,
  // inheritance (BibLaTeX)
  crossref, xdata,
  // multi-valued: every field of these kinds counts, in order
  keywords, names, notes,
  count_
};

// The vocabularies litrev reads named fields from.
enum class FieldVocabulary : std::uint8_t {
  bibtex,  // BibTeX/BibLaTeX field names, lower case ("journaltitle", "cited-references")
  ris,     // RIS tags, upper case ("AU", "T2")
  wos,     // Web of Science field tags, upper case ("AF", "CR", "UT")
  scopus,  // Scopus CSV column headers, lower case ("author full names", "source title")
  csl,     // CSL-JSON variables as CSL 1.0.2 spells them ("container-title", "DOI", "issued")
};

struct FieldSpec {
  std::string_view name;
  FieldKind kind = FieldKind::literal;
  Slot slot = Slot::none;  // Slot::none: kept in the source record only
  std::uint8_t rank = 0;   // lower wins among fields of one slot
  std::optional<Role> role;  // for Slot::names
  // BibTeX only: the BibLaTeX name of a legacy field ("journal" -> "journaltitle").
  std::string_view biblatex_alias;
};

// The declaration of a field of a vocabulary, nullptr when it declares none (such fields are
// still kept verbatim in SourceRecord::fields). Names are compared exactly: callers pass them in
// the vocabulary's case (above).
const FieldSpec* field_spec(FieldVocabulary vocabulary, std::string_view name);

// The kind of a BibTeX field (lower-case name); literal for names it does not know.
FieldKind field_kind(std::string_view bibtex_field);

// BibLaTeX field aliases: the BibLaTeX name of a legacy BibTeX field ("journal" ->
// "journaltitle", "address" -> "location", "school" -> "institution", "annote" ->
// "annotation", "archiveprefix" -> "eprinttype", "primaryclass" -> "eprintclass", "key" ->
// "sortkey", "pdf" -> "file", "hyphenation" -> "langid"); nullopt when field is no alias.
std::optional<std::string_view> biblatex_field_for(std::string_view bibtex_field);
// The legacy BibTeX name of a BibLaTeX field ("journaltitle" -> "journal"...); nullopt when none.
std::optional<std::string_view> bibtex_field_for(std::string_view biblatex_field);

// The first field of a vocabulary that feeds a slot, by rank: where a writer puts that part of
// a work ("TI" for Slot::title in RIS). Empty when none does.
std::string_view field_for_slot(FieldVocabulary vocabulary, Slot slot);

// ---------------------------------------------------------------------------------------------
// Types

// The vocabularies of work types litrev maps onto its own (the store's types are BibLaTeX's).
enum class TypeVocabulary : std::uint8_t {
  bibtex,    // entry types, any case; BibLaTeX types are the store's own
  crossref,  // "journal-article"...
  openalex,  // "article", "book-chapter", "dissertation"...
  hal,       // docType_s, any case: "ART", "COUV"...
  ris,       // TY: "JOUR", "CHAP"... (any case)
  wos,       // DT document type ("Article", "Proceedings Paper"), else PT ("J", "B", "S", "P")
  scopus,    // Document Type: "Article", "Book chapter", "Conference paper"...
  csl,       // CSL 1.0.2 item types: "article-journal", "chapter", "paper-conference"... (any case)
};

// The store type of a source's work type; "misc" for a type the vocabulary does not know.
std::string_view store_type_from(TypeVocabulary vocabulary, std::string_view source_type);

// True when the vocabulary declares this type (unknown types map to "misc" and the source
// record keeps what was written).
bool knows_type(TypeVocabulary vocabulary, std::string_view source_type);

// The type a writer of that vocabulary uses for a store type: the BibTeX (legacy) entry type
// ("thesis" -> "phdthesis", "collection" -> "book", unknown -> "misc"), the RIS TY ("article"
// -> "JOUR", unknown -> "GEN"), the CSL type ("article" -> "article-journal", "incollection" ->
// "chapter", unknown -> "document"; pandoc's and Better BibTeX's choices). Only bibtex, ris and
// csl are written.
std::string_view type_for_writer(TypeVocabulary vocabulary, std::string_view store_type);

// BibLaTeX entry type aliases: the BibLaTeX type of a legacy type and the `type` field value
// biblatex sets for it: phdthesis -> thesis + "phdthesis", mastersthesis -> thesis +
// "mathesis", techreport -> report + "techreport", conference -> inproceedings, electronic/www
// -> online. nullopt when entry_type (lower case) is no alias.
struct BibTypeAlias {
  std::string_view biblatex_type;
  std::string_view type_field;  // empty when biblatex sets none
};
std::optional<BibTypeAlias> biblatex_type_for(std::string_view bibtex_type);

// True when t is one of the store's canonical types.
bool is_store_type(std::string_view t);

// The family of a store type, for dedup: "article", "proceedings" (inproceedings, proceedings,
// mvproceedings), "book" (book, mvbook, collection, reference, booklet...), "part" (incollection,
// inbook, bookinbook, inreference, suppbook...), "thesis", "report", ..., or "" for the generic
// types that say nothing about what a work is (misc, unpublished, online, manual, and an
// empty or unknown type).
std::string_view type_family(std::string_view store_type);

// Whether two records of these store types may be one work by the title + year + author rule:
// same family, or one of them generic. A conference paper and its journal version share title,
// year and authors but are two works (two DOIs, two citations).
bool types_compatible(std::string_view a, std::string_view b);

// A contributor role's name as the store writes it ("author", "editor", ..., "contributor"),
// which is also its BibLaTeX name list field except for contributor (see the BibTeX writer);
// and back (an unknown name is a contributor).
std::string_view role_name(Role role);
Role role_from_name(std::string_view name);

}  // namespace litrev
