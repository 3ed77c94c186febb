#pragma once
// Name lists as Scopus writes them in BibTeX, shared by the BibTeX importer (one person per
// part) and the BibTeX writer (written back with "and").

#include <string_view>

namespace litrev {

// Scopus writes a list of names with commas, "Family Initials" each ("Daim T.U., Kozanoglu
// D.C., Niwa K."), where BibTeX wants "and": true for such a "name" (two or more comma parts at
// brace depth 0, each made of family words and then initials, as "T.U." or "J.-P."). Never
// true of a "Family, Given" name, whose first part ends with no initials. The importer reads
// one person per part; the exporter writes the list back with "and".
bool is_comma_separated_name_list(std::string_view name);

// "T.U.", "J.-P.", "K.", "É.": a token of initials, each letter followed by a period.
bool is_initials_token(std::string_view token);

}  // namespace litrev
