#pragma once
// How references and works are matched to each other, and how one cited work written in
// several ways (WoS short form with or without DOI, Scopus long form, Crossref unstructured)
// gets one identity. Pure functions, shared by the store (resolution) and the graph (nodes).

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "src/core/record.hpp"

namespace litrev {

// Family name reduced for matching: folded, particles and non-letters dropped.
// "McCarthy" / "MCCARTHY" -> "mccarthy"; "van der Berg" -> "berg"; "D'Aveni" -> "daveni".
// Of a person's family name of several words only the first is kept, because citation indexes
// cut names differently: "Knorr-Cetina", "Knorr Cetina" -> "knorr"; and "PORTER THEODORE M." or
// "Daly Herman E." (given name read as family by a parser) -> "porter", "daly". An
// organisation's name is kept whole ("World Bank" -> "worldbank"), so its documents do not meet
// every other "World ..." organisation's.
std::string family_token(std::string_view family);

// True for the name of an organisation rather than a person: after its first word it holds a
// word such as "of", "for", "Nations", "Commission", "Bank", "Agency", "Council", or an acronym
// in parentheses "(WBCSD)". Shared by the reference parsers and family_token.
bool is_organisation_name(std::string_view name);

// The volume of a locator: a number ("82", "10-11", "S1"), lower case without spaces; empty
// for an edition ("2nd") or no number.
std::string locator_volume(std::string_view volume);
// The first page of a locator: "0123" -> "123", "E115" -> "e115", "1212-1241" -> "1212"
// (works give ranges).
std::string locator_page(std::string_view pages);

// Keys under which a reference or a work can be found, strongest first; empty when unknown.
// Equal keys of the same kind = probably the same work; keys of different kinds never compare.
// Initials are never part of a key ("MCADAM D" and "MCADAM DOUG" are one person); the year
// always is (a reprint or a new edition is another work).
struct MatchKeys {
  std::string doi;      // normalized DOI
  std::string locator;  // "family|year|volume|firstpage"  (journal articles; volume must be a number)
  std::string titled;   // "family|year|first five significant words of the normalized title"
  // "family|year|initials of the first two significant words of the title" (three for an
  // organisation as author): what survives of a book title in WoS's abbreviated source
  // ("SCI ACTION" = "Science in Action: How to...").
  // The weakest key: a reference gets it only when it has no locator (a WoS reference to an
  // article always has one, and a different locator means a different work), and a caller
  // should accept it only when it matches exactly one work.
  std::string abbreviated;
};
MatchKeys reference_keys(const Reference& ref);
// The first author (else the first editor: WoS cites edited books by their editor), the year,
// title + subtitle, volume, first page of `pages`, and the DOI among ids.
MatchKeys work_keys(const Work& work);

// The identity of a cited work that is not in the library: "doi:<doi>" when the reference has
// one, else "ref:<locator>", else "ref:<abbreviated key>" (+ "|v<volume>" when a volume is known),
// so "LATOUR B, 1987, SCI ACTION" and "Latour B., 1987, SCI ACTION HOW FOLL" are one work. Without
// a person as author ("[Anonymous]", none) or without a year, the source or title words
// themselves replace the initials; with nothing better, "raw:<normalized text>". Equal
// identities = one work.
std::string reference_identity(const Reference& ref);

// One identity for a cited work written with and without its DOI. reference_identity alone
// cannot give it (a reference without DOI does not know the DOI), so a whole set of references
// is learned first: a reference without DOI then takes the DOI identity of the references that
// share its locator (the DOI seen most often with it when they disagree). Two passes:
//   ReferenceIdentities ids; for (r : refs) ids.learn(r); for (r : refs) ids.identity(r);
class ReferenceIdentities {
 public:
  void learn(const Reference& ref);
  std::string identity(const Reference& ref) const;
  // The DOI seen most often with this locator ("family|year|volume|page"), empty when none.
  std::string doi_for_locator(const std::string& locator) const;

 private:
  // locator -> DOI -> how many references wrote both
  std::unordered_map<std::string, std::unordered_map<std::string, std::uint32_t>> dois_by_locator_;
};

// Written from the cited work's own record (an OpenAlex reference described by `import
// openalex --with-referenced-metadata`), so it carries full authors, year and title.
bool is_described(const Reference& ref);

// A readable short form that contains at least the first author's family name and the year:
// "McCarthy JD, 1977, Am J Sociol, 82, 1212"; a described reference as a person cites it:
// "Latour, B. (1987). Science in Action. Harvard University Press."
std::string reference_label(const Reference& ref);

// Title case for text written all in capitals (WoS names and sources), left alone otherwise:
// "MCCARTHY" -> "McCarthy", "AM J SOCIOL" -> "Am J Sociol", "O'BRIEN" -> "O'Brien".
std::string readable_case(std::string_view s);

}  // namespace litrev
