#pragma once
// The name of a cited source (journal, proceedings, book) as citation indexes write it, and
// whether two such names can be one source: WoS writes "AM SOCIOL REV" (its J9 abbreviation,
// cut at 20 or 29 characters), Scopus "American Sociological Review", an ISO 4 style list
// "Am. Sociol. Rev.", a free-text reference "Adv. Neural. Inf. Process. Syst".
//
// Rules rather than a list: the one list Debian packages (JabRef 3.8's journalList.txt, inside
// its jar, behind a Java runtime) is ISO 4 only, knows no WoS J9 form and no conference or book,
// while ISO 4 and J9 both abbreviate by rules this file follows. bench/source_names.cpp measures
// them against that list when it is at hand (importers/references/README.md has the numbers).

#include <string_view>

namespace litrev {

// `abbreviation` abbreviates `full`: after case, accents and punctuation are folded and the
// articles, prepositions and conjunctions of `full` dropped (of, the, and, in, for, de, la...),
// the words of `abbreviation` stand, in order, for the words of `full`, each as
//   - the word itself or a prefix of it ("SOCIOL" for "Sociological", "J" for "Journal"),
//   - an ISO 4 contraction: a prefix and a suffix of the word ("Natl" for "National"),
//   - an acronym of 2-4 letters for as many consecutive words ("USA" for "United States of
//     America"),
// and an article or preposition of `abbreviation` that stands for nothing is skipped. Words of
// `full` may be left over at the end (WoS cuts long names: "ADV NEUR IN" for "Advances in
// Neural Information Processing Systems") only when at least two words stood for something.
bool abbreviates(std::string_view abbreviation, std::string_view full);

// `abbreviation` is a citation index's short form of the book or report title `title`
// ("SCI ACTION FOLLOW SC" for "Science in Action: How to Follow Scientists and Engineers
// through Society"): its first two words stand for the title's first two significant words, as
// in `abbreviates`, and each later word for a later word of the title, words of the title that
// WoS leaves out ("How") skipped. Equal titles, and a title without its subtitle, match too.
bool abbreviates_title(std::string_view abbreviation, std::string_view title);

// Two source names are one source when either abbreviates the other (equal names do).
// Empty names match nothing.
bool source_names_match(std::string_view a, std::string_view b);

}  // namespace litrev
