#pragma once
// Who is who among the authors of the library: the person identity used by every author
// metric, so that name variants of one person do not split their score.
//
// Rules, strongest first:
//  1. ORCID, then idHAL: people sharing one are one author.
//  2. Otherwise the name key "family|initials": family name folded (accents, case), letters and
//     digits only, leading particles dropped ("van der Berg" -> "berg"); initials of the given
//     names ("Walter W." and "W. W." and WoS's "WW" -> "ww"; "Jean-Pierre" -> "jp"). So
//     "Powell, W. W." and "Powell, Walter W." are one author.
//  3. A name key whose initials are a prefix of other keys of the same family joins them when
//     they all lead to one key ("Powell, W." joins "Powell, W. W."; with both "Powell, W. W."
//     and "Powell, W. R." present it stays apart: it could be either).
//  4. People without an identifier join the identified author with their name key when there
//     is exactly one such author; two different ORCIDs under one name key are homonyms and
//     stay apart.
//  5. Overrides (`litrev people merge/split`) come last: merged person ids become one author
//     whatever their names; a split person id is an author of its own.

#include <cstdint>
#include <string>
#include <vector>

#include "src/core/citation_corpus.hpp"

namespace litrev {

struct AuthorGroup {
  std::string key;                    // "orcid:...", "idhal:...", "name:powell|ww", "person:<id>"
  std::string name;                   // display name: the variant with the longest given name
  std::vector<std::uint32_t> people;  // indexes into corpus.people, ascending
};

struct AuthorGroups {
  std::vector<std::uint32_t> group_of_person;  // corpus.people index -> groups index
  std::vector<AuthorGroup> groups;             // in order of their first person
};

struct AuthorOverrides {
  std::vector<std::vector<std::int64_t>> merge;  // sets of person_ids that are one author
  std::vector<std::int64_t> split;               // person_ids kept apart from everyone
};

// "powell|ww"; corporate names (no family, no given) give "=" + the folded full name.
std::string author_name_key(const CorpusPerson& person);

AuthorGroups group_authors(const CitationCorpus& corpus, const AuthorOverrides& overrides = {});

// For each work, its author groups in author order, each once.
std::vector<std::vector<std::uint32_t>> authors_by_work(const CitationCorpus& corpus, const AuthorGroups& groups);

}  // namespace litrev
