#include "importers/openalex/openalex_fetch.hpp"

#include <algorithm>

#include "importers/net/paged_fetch.hpp"
#include "importers/openalex/openalex_response.hpp"
#include "importers/openalex/openalex_work.hpp"
#include "src/core/identifiers.hpp"

namespace litrev {
namespace {

std::vector<std::string> id_and_doi(const ImportRecord& rec) {
  std::vector<std::string> keys;
  for (const auto& id : rec.work.ids)
    if (id.scheme == IdScheme::openalex) keys.insert(keys.begin(), id.value);
    else if (id.scheme == IdScheme::doi) keys.push_back(id.value);  // normalized: lower case
  return keys;
}

}  // namespace

// A record from a batch or a page names, as its origin, its own work's URL: the batch URL with
// fifty DOIs, or a cursor, tells a reader of `show --sources` nothing.
void OpenAlexImporter::set_origin(ImportRecord& rec) const {
  if (auto id = openalex_id_of(rec); !id.empty()) rec.source.origin = openalex_work_url(options_.base_url, id);
}

HttpRequest OpenAlexImporter::request(std::string url) const {
  HttpRequest r(std::move(url), kOpenAlexClass);
  r.headers.emplace_back("Accept", "application/json");
  if (!options_.api_key.empty()) r.secret_params.emplace_back("api_key", options_.api_key);
  r.final_answer = is_openalex_allowance_spent;
  return r;
}

FetchSummary OpenAlexImporter::by_dois(std::span<const std::string> input, const RecordSink& sink,
                                       const ProgressCallback& progress) {
  FetchSummary summary;
  std::vector<std::string> dois =
      normalized_unique(input, normalize_doi, "--doi", "doi", "not a valid DOI", summary.diagnostics);
  std::erase_if(dois, [&](const std::string& doi) {
    if (fits_openalex_filter(doi)) return false;
    summary.failed.push_back({{}, 0, "a DOI with ',' or '|' cannot be asked in an OpenAlex filter: " + doi, {doi}});
    return true;
  });
  return by_filter(true, std::move(dois), std::move(summary), sink, progress);
}

FetchSummary OpenAlexImporter::by_ids(std::span<const std::string> input, const RecordSink& sink,
                                      const ProgressCallback& progress) {
  FetchSummary summary;
  std::vector<std::string> ids =
      normalized_unique(input, normalize_openalex_work, "--id", "id", "not an OpenAlex work id", summary.diagnostics);
  return by_filter(false, std::move(ids), std::move(summary), sink, progress);
}

FetchSummary OpenAlexImporter::by_filter(bool dois, std::vector<std::string> values, FetchSummary summary,
                                         const RecordSink& sink, const ProgressCallback& progress) {
  const StatsDelta delta(client_);
  const std::size_t per_batch = std::clamp<std::size_t>(options_.values_per_filter, 1, kOpenAlexValuesPerFilter);
  const auto batches = split_batches(values, per_batch);
  const BatchQuery query{
      .request = [&](std::span<const std::string> batch, const std::string& cursor) {
        OpenAlexQuery q;
        q.filter = dois ? openalex_doi_filter(batch) : openalex_id_filter(batch);
        q.select = options_.select;
        // A page holds the whole batch (one DOI may name two works now and then).
        q.per_page = std::clamp<std::size_t>(options_.per_page, batch.size(), kOpenAlexMaxPerPage);
        q.cursor = cursor;
        return request(openalex_works_url(options_.base_url, q));
      },
      .parse = parse_openalex_list,
      .finish = [this](ImportRecord& rec) { set_origin(rec); },
      .keys = id_and_doi,
      .follow_cursor = true,
      .stop_after_refusal = true};
  ProgressMeter meter(progress, dois ? "DOIs" : "works", values.size());
  BatchLeftovers left = fetch_batches(client_, batches, query, summary, sink, meter);
  summary.not_found = std::move(left.missing);
  summary.failed.insert(summary.failed.end(), left.failed.begin(), left.failed.end());
  summary.offline_unanswered = std::move(left.offline);
  summary.interrupted = cancelled(client_) && summary.accounted() < values.size();
  delta.apply(summary);
  return summary;
}

FetchSummary OpenAlexImporter::search(const OpenAlexSearch& search, const RecordSink& sink,
                                      const ProgressCallback& progress) {
  OpenAlexQuery q;
  q.search = search.search;
  q.filter = search.filter;
  q.select = options_.select;
  const PagedQuery query{
      .request = [&](const std::string& cursor, std::size_t rows) {
        q.per_page = rows;
        q.cursor = cursor;
        return request(openalex_works_url(options_.base_url, q));
      },
      .parse = parse_openalex_list,
      .finish = [this](ImportRecord& rec) { set_origin(rec); },
      .keys = id_and_doi,
      .rows = std::clamp<std::size_t>(options_.per_page, 1, kOpenAlexMaxPerPage),
      .max = search.max,
      .same_cursor_ends = false};
  return fetch_pages(client_, query, sink, progress);
}

}  // namespace litrev
