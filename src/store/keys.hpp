#pragma once
// The store's derived keys: generated citation keys, the dedup key, people's name keys, tag
// keys. Pure functions of records, so the rules are testable without a database.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/core/record.hpp"

namespace litrev::store {

// A citation key for a record that has none: first author's family name + year + first
// significant title word, ASCII-folded and lower-case ("dimaggio1983iron"). Parts that are
// unknown are left out; "anon" stands for a missing author, "work" for an empty record.
std::string generated_key(const Work& work);

// The disambiguated form of a taken key: "key-2", "key-3"... (n >= 2).
std::string numbered_key(std::string_view key, int n);

// The first contributor whose name identifies the work: the first author, else the first
// contributor of any role. nullptr when there is none.
const Person* first_creator(const Work& work);

// Folded family name used by the dedup rule: particles kept, punctuation dropped
// ("van der Berg" -> "van der berg"; a corporate name -> its folded literal).
std::string folded_family(const Person& person);

// normalized title (title + subtitle, "&" read as "and") | year | folded first author family;
// empty when the title or the author is missing: the title rule then does not apply. An
// unknown year is part of the key (empty): undated copies of one entry match each other only.
std::string dedup_key(const Work& work);

// Title + subtitle normalized as the dedup rules compare them ("&" read as "and").
std::string comparable_title(const Work& work);

// Whether two comparable titles can name one work: one is empty (no evidence), or the words
// of one begin the other (a subtitle added or dropped), or every word of one is in the other
// (a short form of the title), or their word sets overlap by half (Jaccard >= 0.5: typos,
// LaTeX leftovers, words reordered).
bool titles_compatible(std::string_view a, std::string_view b);

// The guard on the identifier rules (DOI, HAL id, ISBN): a record that shares an identifier
// with a work is that work unless both have titles and they are not compatible -- and even
// then it is when the first author's family name agrees and the years are at most one apart
// (a translated or retitled version; online-first and print years). Real exports attach one DOI to different papers: a proceedings DOI on every paper
// of the volume (Papers3, BibDesk), the IPCC report's DOI on the chapters citing it (WoS).
// Only the title, subtitle, year and first creator of `work` are read.
bool identifier_match_plausible(const Work& record, const Work& work);

// People are reused across works when this key matches (and their ORCID/idHAL do not
// conflict): folded particle + family | folded given-name words | suffix, or "=" + folded
// literal for corporate names. "Powell, Walter W." and "POWELL, Walter W" share a key;
// "Powell, W. W." does not (the graph module merges initials variants).
std::string person_name_key(const Person& person);

// Case folding without accent stripping: tags "Éthique" and "éthique" are one tag,
// "ethique" is another.
std::string casefold(std::string_view s);

// Book-like types: the ISBN rule only merges two of these (a chapter carries its book's ISBN).
bool is_book_type(std::string_view type);

// Keywords are stored one per line.
std::string join_keywords(const std::vector<std::string>& keywords);
std::vector<std::string> split_keywords(std::string_view stored);

// A reference's authors are stored one "Family, Initials" per line (refs.authors).
std::string join_reference_authors(const std::vector<ReferenceAuthor>& authors);
std::vector<ReferenceAuthor> split_reference_authors(std::string_view stored);

// "idref:060702494\nscopus:123" (as the store's readers concatenate person_identifiers) ->
// identifiers; unknown schemes are skipped.
std::vector<PersonId> split_person_ids(std::string_view stored);

// A stable 64-bit hash of a reference identity, stored beside it (refs.identity_hash) so that
// loading the citation corpus compares integers, not strings. Stable across builds and
// platforms: it is part of the file format. Also the SQL function identity_hash(text).
std::int64_t identity_hash(std::string_view identity);

// Identifier value in the store's normalized form (DOIs lower-case without resolver...),
// or the value as given when it does not parse: a bad identifier is kept, not dropped.
std::string normalized_identifier(IdScheme scheme, std::string_view value);

}  // namespace litrev::store
