#pragma once
// OpenAlex fetcher recipes: by DOI and by OpenAlex id in batches of one filter of up to 50
// values (`doi:a|b|…`, `openalex:W1|W2|…`), answers matched back by lower-case DOI or id;
// searches and filters walked with cursor paging. Built on the shared fetchers of
// importers/net/paged_fetch.hpp. No store, no SQL, no printing.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "importers/net/fetch_summary.hpp"
#include "importers/net/http_client.hpp"
#include "importers/net/net_config.hpp"
#include "importers/net/progress.hpp"
#include "importers/openalex/openalex_urls.hpp"

namespace litrev {

inline constexpr const char* kOpenAlexClass = "openalex";
// OpenAlex caps every client at 100 requests/s and sends no per-second limits in its headers
// (its x-ratelimit-* count a daily budget): a tenth of the cap, four in flight, is polite and
// with 50 works a request still enriches 500 works a second.
inline constexpr ApiEndpoint kOpenAlexApi{"openalex", "LITREV_OPENALEX_API", "https://api.openalex.org",
                                          RateLimits{10, std::chrono::milliseconds(1000), 4}};

struct OpenAlexOptions {
  std::string base_url{kOpenAlexApi.default_base};
  std::string api_key;  // sent as api_key=, never cached nor shown
  std::size_t per_page = kOpenAlexMaxPerPage;
  std::size_t values_per_filter = kOpenAlexValuesPerFilter;
  std::string select{kOpenAlexWorkFields};
};

struct OpenAlexSearch {
  std::string search;   // search=
  std::string filter;   // filter=
  std::size_t max = 0;  // 0: every result
};

class OpenAlexImporter {
 public:
  OpenAlexImporter(HttpClient& client, OpenAlexOptions options) : client_(client), options_(std::move(options)) {}

  // DOIs (normalized and de-duplicated here), 50 per request. found / not_found list DOIs.
  FetchSummary by_dois(std::span<const std::string> dois, const RecordSink& sink, const ProgressCallback& progress = {});
  // OpenAlex work ids ("W123", URLs), 50 per request. found / not_found list W-ids.
  FetchSummary by_ids(std::span<const std::string> ids, const RecordSink& sink, const ProgressCallback& progress = {});
  // A search and/or filter, cursor-paged.
  FetchSummary search(const OpenAlexSearch& search, const RecordSink& sink, const ProgressCallback& progress = {});

 private:
  FetchSummary by_filter(bool dois, std::vector<std::string> values, FetchSummary summary, const RecordSink& sink,
                         const ProgressCallback& progress);
  HttpRequest request(std::string url) const;
  void set_origin(ImportRecord& record) const;

  HttpClient& client_;
  OpenAlexOptions options_;
};

}  // namespace litrev
