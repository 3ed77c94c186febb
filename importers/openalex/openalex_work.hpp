#pragma once
// One OpenAlex Work (JSON) -> ImportRecord. Pure and defensive: the schema changed in late 2025
// (type_crossref, versions... gone; titles may be null; key order varies), so every member is
// optional and of any type until read; a record with a null title or no authors is kept as it is.
//
// Mapping: id -> openalex identifier; ids.doi/doi -> doi; ids.pmid -> pmid; ids.pmcid -> pmcid;
// title (else display_name); publication_date/year; type -> store type (core/data_model.hpp);
// authorships in order, each with its OpenAlex author id, ORCID and institutions (affiliation);
// primary_location.source -> container + ISSN-L when it is a journal, conference or book series
// (a chapter's source is usually a publisher's e-book platform, not its book: not a container),
// its host organization -> publisher; biblio -> volume, issue, pages; language; the abstract
// rebuilt from abstract_inverted_index; cited_by_count -> global citations; referenced_works ->
// references by OpenAlex id.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "src/core/record.hpp"

namespace litrev {

// Places each word of {"word": [positions...]} at its positions and joins them with spaces;
// positions not given are skipped. Empty for anything that is not such an object.
std::string abstract_from_inverted_index(const nlohmann::json& index);

// origin: the URL the work came from (errors and warnings name it).
ImportRecord openalex_work_to_record(const nlohmann::json& work, std::string_view origin);

// The OpenAlex work id of a record ("W2741809807"), empty when it has none.
std::string openalex_id_of(const ImportRecord& record);

}  // namespace litrev

namespace litrev {

// Gives a reference known by its OpenAlex id the parts of the cited work's record (DOI, first
// author and initials, year, title, container, volume, first page) and a readable raw text
// ("Latour, B. (1987). Science in Action."); the OpenAlex id stays.
void describe_reference(Reference& ref, const Work& cited);

}  // namespace litrev
