#pragma once
// Identifiers written beside author names, as Web of Science writes them in its plain-text (OI)
// and BibTeX (`ORCID-Numbers`) exports: "Merigo, Jose M./0000-0002-4672-6961 Soriano,
// Domingo/0000-..." (line breaks or ';' between people). Shared by the WoS and BibTeX importers.

#include <string_view>
#include <vector>

#include "src/core/record.hpp"

namespace litrev {

// Gives each ORCID of `value` to the author it names (same family name, same first initial)
// who has none yet; pairs naming nobody are dropped.
void attach_orcids(std::vector<Contributor>& contributors, std::string_view value);

}  // namespace litrev
