#include "importers/openalex/openalex_urls.hpp"

#include <algorithm>

#include "importers/net/url.hpp"

namespace litrev {
namespace {

std::string joined(std::string_view prefix, std::span<const std::string> values) {
  std::string out(prefix);
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? "|" : "") + values[i];
  return out;
}

}  // namespace

std::string openalex_works_url(std::string_view base, const OpenAlexQuery& q) {
  QueryParams params;
  if (!q.filter.empty()) params.emplace_back("filter", q.filter);
  if (!q.search.empty()) params.emplace_back("search", q.search);
  if (!q.select.empty()) params.emplace_back("select", q.select);
  if (q.per_page > 0) params.emplace_back("per-page", std::to_string(std::min(q.per_page, kOpenAlexMaxPerPage)));
  if (!q.cursor.empty()) params.emplace_back("cursor", q.cursor);
  if (!q.mailto.empty()) params.emplace_back("mailto", q.mailto);
  return build_url(base, "/works", params);
}

std::string openalex_work_url(std::string_view base, std::string_view work_id) {
  return build_url(base, "/works/" + encode_path(work_id), {});
}

std::string openalex_doi_filter(std::span<const std::string> dois) {
  std::string out = "doi:";
  for (std::size_t i = 0; i < dois.size(); ++i) out += (i ? "|" : "") + ("https://doi.org/" + dois[i]);
  return out;
}

std::string openalex_id_filter(std::span<const std::string> work_ids) { return joined("openalex:", work_ids); }

bool fits_openalex_filter(std::string_view doi) {
  return doi.find(',') == std::string_view::npos && doi.find('|') == std::string_view::npos;
}

}  // namespace litrev
