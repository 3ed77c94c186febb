#pragma once
// Crossref REST API URLs. Pure: base URL in, URL out, tested offline.
// https://api.crossref.org/swagger-ui/index.html — `/works/{doi}` for one work, `/works` with
// `filter`, `query.*`, `rows` (<= 1000), `cursor` (deep paging), `select`, `mailto`.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace litrev {

inline constexpr std::size_t kCrossrefMaxRows = 1000;

// GET {base}/works/{doi} (the DOI percent-encoded as one path, its '/' kept).
std::string crossref_work_url(std::string_view base, std::string_view doi, std::string_view mailto = {});

// GET {base}/works?filter=doi:A,doi:B,...&rows=N — one request for many DOIs. Crossref answers
// with the works it knows, each DOI in its registered case, in no particular order.
std::string crossref_doi_batch_url(std::string_view base, std::span<const std::string> dois,
                                   std::string_view mailto = {});

struct DoiBatchLimits {
  // 100 DOIs of typical length make a URL of about 4 kB: well under the 8 kB that proxies and
  // load balancers commonly accept, and one list request instead of 100 single lookups.
  std::size_t max_dois = 100;
  std::size_t max_url_length = 7000;
};

struct DoiBatchPlan {
  std::vector<std::vector<std::string>> batches;  // each fits one batch URL
  std::vector<std::string> singles;  // DOIs a filter cannot carry (a ',' would split the filter)
};

// Groups DOIs, in their order, into batch requests within the limits.
DoiBatchPlan plan_doi_batches(std::string_view base, std::span<const std::string> dois,
                              const DoiBatchLimits& limits = {}, std::string_view mailto = {});

struct CrossrefQuery {
  std::string query;          // query=      (all fields)
  std::string bibliographic;  // query.bibliographic=  (titles, authors, ISSNs, years: citation lookup)
  std::string author;         // query.author=
  std::string filter;         // filter=from-pub-date:2015,type:journal-article
  std::size_t rows = 0;       // 0: the API's default (20); capped at 1000
  std::string cursor;         // "*" for the first page of a deep-paging walk, then next-cursor
  std::string select;         // select=DOI,title
  std::string sort;           // sort=published
  std::string order;          // order=desc
  std::string mailto;
};

// GET {base}/works?... with the parameters that are set, in a fixed order.
std::string crossref_works_url(std::string_view base, const CrossrefQuery& q);

}  // namespace litrev
