#pragma once
// Identifier syntax: recognising, extracting and normalizing DOIs, ISBNs, HAL ids...
// Normalized forms are what the store compares: equal identifiers have equal strings.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/core/record.hpp"

namespace litrev {

// "https://doi.org/10.1086/226550", "doi:10.1086/226550", "DOI 10.1086/226550" -> "10.1086/226550"
// (lower case: DOIs are case-insensitive). nullopt when s holds no syntactically valid DOI.
std::optional<std::string> normalize_doi(std::string_view s);

// A DOI candidate already cut from its text, checked and cleaned: lower case, the sentence
// punctuation after it removed, and a page, issue or volume label that an export glued to its
// last digit dropped ("10.37074/jalt.2023.6.1.9number:1", "...0033693pp.12-34" -> the DOI).
// nullopt for a DOI cut short ("10.1016/j.…", "10.1111/j..", "10.1016/j") or without a suffix: such text
// is not a DOI and must not be stored as one.
std::optional<std::string> checked_doi(std::string_view candidate);

// Every DOI that occurs in free text (reference strings, URLs, a line of a DOI file), normalized,
// in order of appearance, without trailing punctuation.
std::vector<std::string> find_dois(std::string_view text);

// ISBN-10 or ISBN-13 with hyphens/spaces removed and check digit verified; ISBN-10 converted
// to ISBN-13 so the two forms of one book compare equal. nullopt when invalid.
std::optional<std::string> normalize_isbn(std::string_view s);

// "1234-5678" with check digit verified, X upper-case. nullopt when invalid.
std::optional<std::string> normalize_issn(std::string_view s);

// "hal-01234567v2" / "https://hal.science/hal-01234567" -> "hal-01234567" (no version).
std::optional<std::string> normalize_hal_id(std::string_view s);

// "https://orcid.org/0000-0002-1825-0097" -> "0000-0002-1825-0097" (checksum verified).
std::optional<std::string> normalize_orcid(std::string_view s);

// "arXiv:1706.03762v5" -> "1706.03762"; old style "hep-th/9901001" kept.
std::optional<std::string> normalize_arxiv(std::string_view s);

// An OpenAlex work id: "W2741809807" from itself, "w2741809807", "https://openalex.org/W2741809807"
// or "openalex:W...". nullopt for anything else (an author id "A...", a source "S...").
std::optional<std::string> normalize_openalex_work(std::string_view s);

// Name used in the store and in exports: "doi", "isbn", "hal"...
std::string_view id_scheme_name(IdScheme scheme);
std::optional<IdScheme> id_scheme_from_name(std::string_view name);

// Person identifiers (PersonIdScheme): "orcid", "idhal", "idref", "scopus", "openalex",
// "researcherid" in the store and in `people list` keys; labels for people ("ORCID", "IdRef"...).
std::string_view person_id_scheme_name(PersonIdScheme scheme);
std::string_view person_id_scheme_label(PersonIdScheme scheme);
std::optional<PersonIdScheme> person_id_scheme_from_name(std::string_view name);

// A person identifier in its normalized form, from a bare value or its URL; nullopt when it is
// not one. ORCID as normalize_orcid; idHAL as written ("jean-dupont"); IdRef (SUDOC PPN) 8 digits
// and a digit or X, "https://www.idref.fr/060702494" -> "060702494"; Scopus author id: digits;
// OpenAlex "https://openalex.org/A5023888391" -> "A5023888391"; ResearcherID
// "http://www.researcherid.com/rid/A-5114-2012" -> "A-5114-2012" (letters, 4 digits, year).
std::optional<std::string> normalize_person_id(PersonIdScheme scheme, std::string_view s);

}  // namespace litrev
