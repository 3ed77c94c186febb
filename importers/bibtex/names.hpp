#pragma once
// BibTeX name lists (author, editor...): splitting into names and each name into its parts with
// BibTeX's own rules (bibtex.web, "Name-parsing"; btparse's bt_split_name does the same), then
// decoding each part from LaTeX to Unicode.
//
//  - A list is split at the word "and" (any case) between spaces at brace depth 0. A name
//    "others" (or "et al.") sets et_al instead of adding a person.
//  - A name is cut into tokens at spaces and `~` at brace depth 0, and into parts at commas:
//      no comma   "First von Last"
//      one comma  "von Last, First"
//      two commas "von Last, Jr, First"   (more commas: the rest joins First, as btparse does)
//    A name of two or more comma parts that are each "Family Initials" is Scopus's list of
//    several names ("Daim T.U., Kozanoglu D.C., Niwa K."): parse_names reads one person per
//    part (BibTeX would read one name with too many commas).
//    A token is "von" when its first letter at brace depth 0 is lower case; a brace group `{...}`
//    inside the token is skipped, except a special character `{\...}`, decided by its control
//    word (\oe \ae \aa \o \l \ss \i \j lower, \OE \AE \AA \O \L upper) or else its first letter
//    (`{\relax Ch}ristophe` is upper, `{\"u}ber` lower). Non-ASCII letters count by their Unicode
//    case. Which tokens form the von part follows btparse and biber (biblatex's reference), which
//    differ from bibtex.web in two cases: von is the FIRST run of von tokens (before the last
//    token), and in the comma forms there is a von part only when the name starts with a von
//    token ("Van de Graaff, R. J." has family "Van de Graaff"; bibtex.web says von "Van de").
//    Hyphens do not cut tokens ("Jean-paul Sartre" has no von). Without von, Last is the last
//    token.
//  - A name that is a single brace group ("{Agence nationale de la recherche}",
//    "{Barnes and Noble, Inc.}") is a literal (corporate) name: Person::literal.
//  - BibLaTeX's extended name format "family=Smith, given=John, prefix=van, useprefix=true"
//    (every comma part `key=value`) is read as such; keys other than family/given/prefix/suffix
//    are options and skipped, and a "name" of options only ("useprefix=false and ...", list
//    options in biblatex) is no person.

#include <string>
#include <string_view>
#include <vector>

#include "src/core/record.hpp"

namespace litrev::bibtex {

struct RawNameList {
  std::vector<std::string_view> names;  // raw (LaTeX kept), views into the value
  bool et_al = false;                   // "and others"
};
RawNameList split_name_list(std::string_view value);

// BibTeX's four parts of one name, raw LaTeX (tokens joined with their separators).
struct NameParts {
  std::string first, von, last, jr;
  bool literal = false;  // the whole name was one brace group: `last` holds it, braces kept
};
NameParts split_name(std::string_view raw_name);

// One name, decoded to Unicode: family = Last, particle = von, given = First, suffix = Jr.
Person parse_name(std::string_view raw_name);

struct NameList {
  std::vector<Person> people;
  bool et_al = false;
};
NameList parse_names(std::string_view value);

}  // namespace litrev::bibtex
