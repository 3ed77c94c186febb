#pragma once
// Which BibTeX/BibLaTeX field feeds which part of the readable Work: one row per field name,
// aliases included (journal/journaltitle, address/location, school/institution, number/issue,
// annote/annotation, archiveprefix/eprinttype...). Data, not code: add a row, not a branch.
// When several fields feed one slot, the lowest rank wins (journaltitle before journal), and
// an entry's own fields always win over inherited ones (see bibtex_records.hpp).

#include <cstdint>
#include <optional>
#include <string_view>

#include "src/core/record.hpp"

namespace litrev::bibtex {

enum class Slot : std::uint8_t {
  none,
  // readable text
  title, subtitle, journaltitle, booktitle, maintitle, volume, issue, pages, publisher, institution,
  organization, location, edition, language, abstract_text, url, howpublished, note,
  // dates
  date, year, month, day,
  // identifiers
  doi, isbn, issn, eissn, eprint, eprinttype, arxivid, hal_id, pmid, pmcid, unique_id, eid,
  // citation data
  cited_references, scopus_references, cites, times_cited,
  // people
  orcid_numbers, researcherid_numbers,
  // inheritance
  crossref, xdata,
  // multi-valued: every field of these kinds counts, in order
  keywords, names,
  count_
};

struct SlotRule {
  Slot slot = Slot::none;
  std::uint8_t rank = 0;           // lower wins among fields of one slot
  std::optional<Role> role;        // for Slot::names
};

// The rule for a lower-case field name; Slot::none for fields without a readable slot (they
// are still kept verbatim in SourceRecord::fields).
SlotRule field_rule(std::string_view field);

}  // namespace litrev::bibtex
