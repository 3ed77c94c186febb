#pragma once
// Who is who among the authors of the library (and of the works it cites): the person identity
// used by every author metric, so that name variants of one person do not split their score,
// and different people sharing a family name and initials are not added up.
//
// Rules, strongest first (names compared with core/person_names.hpp):
//  1. Identifiers: people sharing an ORCID, idHAL, IdRef, Scopus author id, OpenAlex id or
//     ResearcherID are one author, whatever their names.
//  2. The same name (family key and given-name tokens, folded) is one author, unless it fits
//     two identified authors (homonyms: it stays an author of its own).
//  3. Within one family name, name variants are taken from the most specific (full given names)
//     to the least (initials, then no given name). A variant joins an author when its given
//     name is compatible with every name of that author and exactly one author fits ("Walter" and
//     "W. W." join "Walter W."); when several fit it stays an author of its own ("Williams, R"
//     beside "Williams, Robin" and "Williams, Raymond"); when none fits it starts a new author.
//     Variants of the same specificity are decided together (no order between them), and two of
//     them that contradict each other ("J. A." and "J. B." both fitting "John") are both kept apart.
//     So two different full given names ("Jeremy" / "Jewoong") are never one author without an
//     identifier.
//  4. Overrides (`litrev people merge/split`) come last: merged person ids become one author
//     whatever their names; a split person id is an author of its own.
// Every person records the rule that put it in its group (JoinReason), which `people list` shows.

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "src/core/citation_corpus.hpp"

namespace litrev {

inline constexpr std::uint32_t kNoPerson = std::numeric_limits<std::uint32_t>::max();

enum class JoinRule {
  first,             // the first of its author (nothing joined it to anyone)
  identifier,        // shares `identifier` with `via`
  same_name,         // the same folded name as `via`
  given_name_fits,   // a less specific full given name fitting only this author ("Walter" / "Walter W.")
  initials_fit,      // initials fitting only this author ("W. W." / "Walter W.")
  family_name_only,  // no given name, and this is the only author of that family name
  merged,            // `litrev people merge` with `via`
};

struct JoinReason {
  JoinRule rule = JoinRule::first;
  std::uint32_t via = kNoPerson;  // the person (index) the rule relates this one to
  std::string identifier;         // JoinRule::identifier: "orcid:0000-...", "idref:..."
};

struct AuthorGroup {
  std::string key;                    // "orcid:...", "idhal:...", "name:powell|walter-w", "person:<id>"
  std::string name;                   // display name: the variant with the longest given name
  std::vector<std::uint32_t> people;  // indexes into the people grouped, ascending
  // Kept apart because its name fitted this many authors (>= 2), or 0.
  std::uint32_t ambiguous_among = 0;
  bool split = false;  // `litrev people split`
};

struct AuthorGroups {
  std::vector<std::uint32_t> group_of_person;  // people index -> groups index
  std::vector<AuthorGroup> groups;             // in order of their first person
  std::vector<JoinReason> why;                 // per person
};

struct AuthorOverrides {
  std::vector<std::vector<std::int64_t>> merge;  // sets of person_ids that are one author
  std::vector<std::int64_t> split;               // person_ids kept apart from everyone
};

// Groups any list of names: library people, or library people plus cited names (person_id 0,
// never matched by overrides).
AuthorGroups group_people(std::span<const CorpusPerson> people, const AuthorOverrides& overrides = {});
inline AuthorGroups group_authors(const CitationCorpus& corpus, const AuthorOverrides& overrides = {}) {
  return group_people(corpus.people, overrides);
}

// "same name as #12", "ORCID 0000-... (as #12)", "initials fit only this author"...: the reason
// in words, for people. people[i].person_id names `via` (or its name when it has no id).
std::string describe_join(const AuthorGroups& groups, std::span<const CorpusPerson> people, std::uint32_t person);

// The identifiers of a person, strongest scheme first: ORCID, idHAL, then `ids` in
// PersonIdScheme order. As "scheme:value".
std::vector<std::string> person_identifier_keys(const CorpusPerson& person);

// For each work, its author groups in author order, each once.
std::vector<std::vector<std::uint32_t>> authors_by_work(const CitationCorpus& corpus, const AuthorGroups& groups);

}  // namespace litrev
