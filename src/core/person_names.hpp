#pragma once
// Who a name can be: the one rule of name identity, shared by the grouping of people (library
// authors and cited authors, graph/people.hpp) and by the importers that attach an identifier
// to the author a record names (WoS `ORCID-Numbers`: "Family, Given/0000-...").
//
// A name is a family key and a list of given-name tokens, folded (accents, case), hyphens and
// periods cutting tokens: "Walter W." -> walter w.; "Jean-Pierre" -> jean pierre; "J.-R." ->
// j. r.; WoS's run of initials "WW" -> w. w. A token is abbreviated when it is one letter or was
// written with a period ("Th."). Two given names are compatible -- may be one person -- when
// one is a less specific form of the other: the same tokens, some cut to their abbreviation,
// trailing ones dropped ("Walter" / "Walter W." / "W. W." / "W."), or the same letters
// ("Jae-Yun" / "Jaeyun"). A hyphenated name is one name: its parts are not dropped one by one
// ("Jean" / "Jean-Pierre", "Yu" / "Yu-Heng" are not compatible; "J.-P." / "Jean-Pierre" are). Two full given names that differ ("Jeremy" / "Jewoong" / "Jae Yun")
// are not compatible, nor are mixed forms ("Walter W." / "W. William"): each could be someone
// else.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace litrev {

struct GivenToken {
  std::string text;  // folded letters and digits: "walter", "w"
  bool abbreviated = false;
  bool hyphenated = false;  // joined to the previous token by a hyphen ("Jean-Pierre": pierre)
  // Equal names are equal whether hyphens or spaces join their tokens ("Jae-Yun" / "Jae Yun").
  bool operator==(const GivenToken& o) const { return text == o.text && abbreviated == o.abbreviated; }
};
using GivenName = std::vector<GivenToken>;

// True for a folded family-name particle: "van", "von", "de", "der", "la", "d"...
bool is_name_particle(std::string_view folded_word);

// Folded, letters and digits only, leading particles dropped ("van der Berg" -> "berg",
// "Le Galès" -> "gales" when the source splits it so; "Knorr-Cetina" and "Knorr Cetina" ->
// "knorrcetina"). Empty for an empty name.
std::string person_family_key(std::string_view family);

// The given-name tokens of a name as written (see above). Affiliation markers are ignored.
GivenName given_name_tokens(std::string_view given);

// True when a and b may be one person's given names (see above). An empty given name is
// compatible with every other.
bool given_names_compatible(const GivenName& a, const GivenName& b);

// True when a is b or a less specific form of it ("W." of "Walter W."): the direction in which
// a name variant can join another.
bool given_name_covers(const GivenName& general, const GivenName& specific);

// How much a given name says, to order variants from the most specific: full tokens, then
// tokens, then letters.
struct GivenNameDetail {
  std::size_t full = 0, tokens = 0, letters = 0;
  auto operator<=>(const GivenNameDetail&) const = default;
};
GivenNameDetail given_name_detail(const GivenName& g);

// Which of `candidates` ({family, given} as written: the authors of one record) a name
// designates, among those with its family key: the only one with the same given name, else the
// only one with a compatible given name ("Zhang, J." for "Zhang, Jiahui"), else the only one
// whose given name agrees token by token ("Teeny, J. D." for "Teeny, Jacob"; never across a
// hyphenated name: "Zhang, J.-R." is not "Zhang, Jiahui"); nullopt when none or several fit at the
// strongest level that holds. A name in capitals is also read as a name ("LI, YU" = "Li, Yu").
// What attaches an identifier given beside a name to the one author it names.
struct NameRef {
  std::string_view family, given;
};
std::optional<std::size_t> designated_name(std::span<const NameRef> candidates, std::string_view family,
                                           std::string_view given);

// "walter-w": the tokens joined by '-', for readable keys.
std::string given_name_key(const GivenName& g);

// Scopus appends affiliation markers to initials ("Guler, A.T.a", "Zhang, R.b",
// "Archambault, É.a", "Zhang, P.a  b  c"): a given name made of initials with periods, followed
// by a lower-case letter (and more, spaced), loses those letters. Anything else is returned unchanged (real given names never end
// that way).
std::string strip_affiliation_marker(std::string_view given);

// The family and given parts of a display name "Family, Given", or "Given Family" without a
// comma (the last word is the family name).
std::pair<std::string, std::string> split_display_name(std::string_view name);

}  // namespace litrev
