#pragma once
// How a stored work is shown to people (text) and to scripts (JSON). Shared by list, show,
// search and the graph commands so a work looks the same everywhere.

#include <string>

#include <nlohmann/json.hpp>

#include "src/store/store.hpp"

namespace litrev::cli {

std::string person_display(const Person& p);           // "DiMaggio, Paul J." / literal name
std::string authors_short(const Work& w);              // "Meyer & Rowan", "DiMaggio et al."
std::string doi_of(const Work& w);                     // empty when none
std::string year_text(const std::optional<int>& year); // "1977" or "n.d."

// `list --json` item: key, type, title, year, doi, authors [{family, given}], fields {...}, and more.
nlohmann::json work_summary_json(const StoredWork& w);
// `show --json`: the summary plus every readable field, identifiers, references, notes, tags,
// and (with_sources) every provenance with its original fields.
nlohmann::json work_detail_json(const StoredWork& w, bool with_sources);

// One line for people: "meyer1977  Meyer & Rowan (1977) Institutionalized Organizations..."
std::string work_line(const StoredWork& w);
// The `show` page for people.
std::string work_page(const StoredWork& w, bool with_sources);

}  // namespace litrev::cli
