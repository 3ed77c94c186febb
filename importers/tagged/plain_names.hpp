#pragma once
// One person's name as RIS, Web of Science and Scopus write it: plain text (no LaTeX), one name
// per value.
//   "Family, Given"           -> family, given        ("Powell, Walter W.", WoS "Powell, WW")
//   "Family, Given, Suffix"   -> family, given, suffix (RIS: "Smith, John, Jr.")
//   "von Family, Given"       -> particle "von", family (leading lower-case words: "van der Berg")
//   no comma                  -> a literal name ("World Health Organization"), as Zotero reads RIS
// Blanks are collapsed; an empty value gives nullopt.

#include <optional>
#include <string_view>

#include "src/core/record.hpp"

namespace litrev::tagged {

std::optional<Person> plain_name(std::string_view value);

// The same for "Family Initials" without a comma (Scopus's `Authors` column before 2023:
// "Powell W.W.", "Van der Berg J."): the trailing words made of initials are the given name.
// Without such words the whole value is a literal name.
std::optional<Person> family_initials_name(std::string_view value);

}  // namespace litrev::tagged
