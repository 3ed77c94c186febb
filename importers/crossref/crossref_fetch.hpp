#pragma once
// Crossref fetcher recipes: build the URLs, fetch through the HTTP client, parse, hand records
// to the caller's sink page by page. No store, no SQL, no printing: the CLI passes a sink that
// writes one transaction per page and prints the returned summary.

#include <cstddef>
#include <span>
#include <string>

#include "importers/crossref/crossref_urls.hpp"
#include "importers/net/fetch_summary.hpp"
#include "importers/net/http_client.hpp"
#include "importers/net/net_config.hpp"
#include "importers/net/progress.hpp"

namespace litrev {

inline constexpr ApiEndpoint kCrossrefApi{"crossref", "LITREV_CROSSREF_API", "https://api.crossref.org"};

struct CrossrefOptions {
  std::string base_url{kCrossrefApi.default_base};
  // Also send mailto= in the query string. The User-Agent already carries the address (that is
  // what the client's options do), so this stays off unless a proxy strips headers.
  std::string mailto_param;
  DoiBatchLimits batch;
  std::size_t page_rows = 100;     // rows per page of a search (<= 1000)
  std::size_t records_per_page = 100;  // single lookups are handed to the sink in groups of this size
};

struct CrossrefSearch {
  CrossrefQuery query;  // rows and cursor are set by the recipe
  std::size_t max = 0;  // stop after this many records; 0 = every result
};

// One rate class for every Crossref request. Crossref may advertise different limits for the
// single-work and list routes, but a server may also count them together: sharing one state
// keeps the pace when an import moves from batches to single lookups (the first single answer
// then teaches its own limits), where separate states would start the second route at full
// speed on top of the first.
inline constexpr const char* kCrossrefClass = "crossref";

class CrossrefImporter {
 public:
  CrossrefImporter(HttpClient& client, CrossrefOptions options) : client_(client), options_(std::move(options)) {}

  // Looks up DOIs: in batches of /works?filter=doi:...,doi:... (concurrently, within the
  // advertised limits), then one by one (/works/{doi}) for the DOIs a batch did not return
  // or when a batch failed. Input DOIs are normalized and de-duplicated; a record's DOI is
  // matched case-insensitively (Crossref answers in the registered case).
  // found / not_found / failed / offline_unanswered list normalized DOIs.
  FetchSummary by_dois(std::span<const std::string> dois, const RecordSink& sink,
                       const ProgressCallback& progress = {});

  // A search with deep paging: cursor=* then each answer's next-cursor, until a short or empty
  // page, or max records.
  FetchSummary search(const CrossrefSearch& search, const RecordSink& sink, const ProgressCallback& progress = {});

  const CrossrefOptions& options() const { return options_; }

 private:
  HttpClient& client_;
  CrossrefOptions options_;
};

}  // namespace litrev
