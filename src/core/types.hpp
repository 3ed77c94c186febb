#pragma once
// The store's vocabulary of work types (BibLaTeX entry types) and contributor roles, and the
// tables that map each source's own types onto it. Data, not code: add a row, not a branch.

#include <string>
#include <string_view>

#include "src/core/record.hpp"

namespace litrev {

// Canonical store type for a BibTeX/BibLaTeX entry type (case-insensitive), applying BibLaTeX's
// aliases: conference -> inproceedings, phdthesis/mastersthesis -> thesis, techreport -> report,
// electronic/www -> online. Unknown types map to "misc".
std::string_view store_type_from_bibtex(std::string_view entry_type);

// Canonical store type for a Crossref work type ("journal-article" -> "article"...).
std::string_view store_type_from_crossref(std::string_view crossref_type);

// Canonical store type for an OpenAlex work type ("book-chapter" -> "incollection"...).
std::string_view store_type_from_openalex(std::string_view openalex_type);

// Canonical store type for a HAL docType ("ART" -> "article", "COUV" -> "incollection"...).
std::string_view store_type_from_hal(std::string_view doc_type);

// True when t is one of the store's canonical types.
bool is_store_type(std::string_view t);

// A contributor role's name as the store writes it ("author", "editor", ..., "contributor"),
// which is also its BibLaTeX name list field except for contributor (see the BibTeX writer);
// and back (an unknown name is a contributor).
std::string_view role_name(Role role);
Role role_from_name(std::string_view name);

// The family of a store type, for dedup: "article", "proceedings" (inproceedings, proceedings,
// mvproceedings), "book" (book, mvbook, collection, reference, booklet...), "part" (incollection,
// inbook, bookinbook, inreference, suppbook...), "thesis", "report", ..., or "" for the generic
// types that say nothing about what a work is (misc, unpublished, online, manual, and an
// empty or unknown type). One table in types.cpp.
std::string_view type_family(std::string_view store_type);

// Whether two records of these store types may be one work by the title + year + author rule:
// same family, or one of them generic. A conference paper and its journal version share title,
// year and authors but are two works (two DOIs, two citations).
bool types_compatible(std::string_view a, std::string_view b);

}  // namespace litrev
