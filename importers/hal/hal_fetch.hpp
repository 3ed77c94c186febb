#pragma once
// HAL fetcher recipes: build the search URL, fetch, parse, hand records to the caller's sink
// page by page. Full records come from the TEI carried in each JSON document's `label_xml`, which
// keeps Solr's cursorMark paging (a wt=xml-tei answer carries no next cursor). No store, no SQL.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "importers/hal/hal_urls.hpp"
#include "importers/net/fetch_summary.hpp"
#include "importers/net/http_client.hpp"
#include "importers/net/net_config.hpp"
#include "importers/net/progress.hpp"

namespace litrev {

inline constexpr const char* kHalClass = "hal";
inline constexpr ApiEndpoint kHalApi{"hal", "LITREV_HAL_API", "https://api.archives-ouvertes.fr"};

struct HalOptions {
  std::string base_url{kHalApi.default_base};
  std::size_t rows = 100;  // documents per page (<= 1000): label_xml makes each one a few kB
  std::string fl = "docid,halId_s,uri_s,docType_s,doiId_s,label_xml";
  std::size_t ids_per_request = 50;  // HAL ids per halId_s:(...) lookup
};

struct HalSearch {
  std::string q = "*:*";
  std::vector<std::string> fq;
  std::string collection;
  std::size_t max = 0;  // 0: every result
};

class HalImporter {
 public:
  HalImporter(HttpClient& client, HalOptions options) : client_(client), options_(std::move(options)) {}

  // cursorMark paging (sort on docid) until an empty or short page, an unchanged cursor, or max.
  // A HAL error (200 with {"error":...}) is a failure with HAL's message; no result is fine.
  FetchSummary search(const HalSearch& search, const RecordSink& sink, const ProgressCallback& progress = {});
  // By HAL id ("hal-02737739", "tel-04167418v1", URLs): found / not_found per normalized id.
  FetchSummary by_ids(std::span<const std::string> ids, const RecordSink& sink, const ProgressCallback& progress = {});
  // A collection's documents (/search/CODE/), optionally narrowed by search.q / fq.
  FetchSummary collection(const std::string& code, HalSearch search, const RecordSink& sink,
                          const ProgressCallback& progress = {});
  // An author's documents by idHAL (authIdHal_s).
  FetchSummary by_idhal(const std::string& idhal, HalSearch search, const RecordSink& sink,
                        const ProgressCallback& progress = {});

 private:
  HttpClient& client_;
  HalOptions options_;
};

// The DOIs of HAL records, normalized and de-duplicated: what `--with-crossref-references`
// hands to the Crossref recipe (HAL records carry no reference lists).
std::vector<std::string> dois_of(std::span<const ImportRecord> records);

}  // namespace litrev
