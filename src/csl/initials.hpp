#pragma once
// Given names to initials, the way citeproc-js writes them (initialize-with):
// "Paul J." -> "P. J.", "Jean-Claude" -> "J.-C.", "J.R.R." -> "J. R. R.", with "." -> "P.J.";
// initialize="false" only normalizes what is already an initial ("Paul J" -> "Paul J.").
// Lower-case words ("de") are kept as words; a name that does not start with a Latin, Greek
// or Cyrillic letter is returned as it is.

#include <string>
#include <string_view>

namespace litrev::csl {

std::string initialize_given(std::string_view given, std::string_view terminator, bool normalize_only,
                             bool initialize_with_hyphen);

}  // namespace litrev::csl
