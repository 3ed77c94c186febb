#pragma once
// A Crossref work record (the `message` of /works/{doi}, or one of `message.items` of a list)
// mapped onto litrev's ImportRecord. Pure: JSON in, record and warnings out.

#include <string_view>

#include <nlohmann/json.hpp>

#include "src/core/record.hpp"

namespace litrev {

// Maps everything litrev reads: type, title/subtitle, authors/editors/translators/chairs (ORCID,
// affiliation, `sequence` order), container, date (issued, then published-print,
// published-online, published; `[[null]]` is unknown), volume/issue/page, publisher and place,
// ISSN/ISBN (normalized; invalid ones reported), language, JATS abstract as text,
// is-referenced-by-count, URL, and reference[] (DOI, unstructured text and the deposited parts).
// The source record keeps every top-level field: strings as they are, anything else as JSON.
// origin is the request URL. Never throws on unexpected types: odd values are skipped.
ImportRecord crossref_work_to_record(const nlohmann::json& work, std::string_view origin);

// One reference[] item.
Reference crossref_reference(const nlohmann::json& item);

}  // namespace litrev
