#include "importers/crossref/crossref_urls.hpp"

#include <algorithm>

#include "importers/net/url.hpp"

namespace litrev {
namespace {

void add_mailto(QueryParams& params, std::string_view mailto) {
  if (!mailto.empty()) params.emplace_back("mailto", std::string(mailto));
}

std::string doi_filter(std::span<const std::string> dois) {
  std::string filter;
  for (const auto& d : dois) {
    if (!filter.empty()) filter += ',';
    filter += "doi:" + d;
  }
  return filter;
}

}  // namespace

std::string crossref_work_url(std::string_view base, std::string_view doi, std::string_view mailto) {
  QueryParams params;
  add_mailto(params, mailto);
  return build_url(base, "/works/" + encode_path(doi), params);
}

std::string crossref_doi_batch_url(std::string_view base, std::span<const std::string> dois, std::string_view mailto) {
  QueryParams params{{"filter", doi_filter(dois)}, {"rows", std::to_string(std::max<std::size_t>(dois.size(), 1))}};
  add_mailto(params, mailto);
  return build_url(base, "/works", params);
}

DoiBatchPlan plan_doi_batches(std::string_view base, std::span<const std::string> dois, const DoiBatchLimits& limits,
                              std::string_view mailto) {
  DoiBatchPlan plan;
  const std::size_t max_dois = std::max<std::size_t>(limits.max_dois, 1);
  // URL length without any DOI, then each DOI adds its encoded form plus "doi:" and a comma.
  const std::string empty_url = crossref_doi_batch_url(base, {}, mailto) + "0000";
  std::vector<std::string> current;
  std::size_t length = empty_url.size();
  for (const auto& doi : dois) {
    if (doi.find(',') != std::string::npos) {
      plan.singles.push_back(doi);
      continue;
    }
    const std::size_t cost = encode_query_value(doi).size() + 5;
    if (!current.empty() && (current.size() >= max_dois || length + cost > limits.max_url_length)) {
      plan.batches.push_back(std::move(current));
      current.clear();
      length = empty_url.size();
    }
    if (empty_url.size() + cost > limits.max_url_length) {  // a DOI too long for any batch
      plan.singles.push_back(doi);
      continue;
    }
    current.push_back(doi);
    length += cost;
  }
  if (!current.empty()) plan.batches.push_back(std::move(current));
  return plan;
}

std::string crossref_works_url(std::string_view base, const CrossrefQuery& q) {
  QueryParams params;
  auto add = [&](const char* name, const std::string& value) {
    if (!value.empty()) params.emplace_back(name, value);
  };
  add("query", q.query);
  add("query.bibliographic", q.bibliographic);
  add("query.author", q.author);
  add("filter", q.filter);
  if (q.rows > 0) params.emplace_back("rows", std::to_string(std::min(q.rows, kCrossrefMaxRows)));
  add("select", q.select);
  add("sort", q.sort);
  add("order", q.order);
  add("cursor", q.cursor);
  add("mailto", q.mailto);
  return build_url(base, "/works", params);
}

}  // namespace litrev
