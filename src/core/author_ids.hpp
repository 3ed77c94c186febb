#pragma once
// Identifiers written beside author names, as Web of Science writes them in its plain-text
// (OI, RI) and BibTeX (`ORCID-Numbers`, `ResearcherID-Numbers`) exports: "Merigo, Jose
// M./0000-0002-4672-6961 Soriano, Domingo/0000-..." (line breaks or ';' between people).
// Shared by the WoS and BibTeX importers.

#include <string_view>
#include <vector>

#include "src/core/record.hpp"

namespace litrev {

// Gives each identifier of `value` to the author its name designates (core designated_name:
// the same name, else the only compatible one), never to an author it does not name:
// "Zhang, Jiahui/..." is not "Zhang, Jun"'s. An author keeps an identifier of that scheme
// already given; pairs naming nobody, or several, are dropped.
void attach_person_ids(std::vector<Contributor>& contributors, std::string_view value, PersonIdScheme scheme);

}  // namespace litrev
