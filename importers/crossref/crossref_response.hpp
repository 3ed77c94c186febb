#pragma once
// Reading a Crossref answer — status, media type and body — into records or into a precise
// error. Pure functions: the recipes fetch, these decide what the answer means.
//   404 with "Resource not found." (text/plain)  -> the DOI is not registered at Crossref
//   400 {"status":"failed","message-type":"validation-failure","message":[{...}]} -> the message
//   HTML or other non-JSON bodies (load-balancer 429/504 pages) -> never fed to the JSON parser
//   malformed JSON -> an error naming the URL

#include <cstddef>
#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "importers/net/http_types.hpp"
#include "src/core/record.hpp"

namespace litrev {

struct CrossrefError {
  enum class Kind {
    not_found,       // 404: no such DOI (or route)
    invalid_request, // 400: Crossref's validation message
    not_json,        // an HTML/text page where JSON was expected
    malformed,       // JSON that does not parse or lacks `message`
    http_status,     // any other unexpected status
  };
  Kind kind = Kind::http_status;
  std::string url;
  long status = 0;
  std::string message;  // without the URL
  std::string describe() const;  // "Crossref: <message> (HTTP 400): <url>"
};

struct CrossrefPage {
  std::vector<ImportRecord> records;
  std::size_t items = 0;  // items in the answer (records + items that could not be read)
  std::optional<std::size_t> total_results;
  std::string next_cursor;  // empty when the answer carries none
  std::vector<Diagnostic> diagnostics;
};

// The answer of /works/{doi}: the record, or nullopt when Crossref says the DOI is unknown (404).
std::expected<std::optional<ImportRecord>, CrossrefError> parse_crossref_work_response(const HttpResponse& response);

// The answer of /works?... (a work-list page).
std::expected<CrossrefPage, CrossrefError> parse_crossref_works_response(const HttpResponse& response);

// Crossref's own explanation in an error body: the `message` entries of a JSON failure joined,
// the first line of a plain-text body, "an HTML page" for HTML.
std::string crossref_error_message(const HttpResponse& response);

// True when the body looks like JSON (first non-blank byte '{' or '[') — checked before parsing,
// whatever the content-type claims.
bool looks_like_json(std::string_view body);

}  // namespace litrev
