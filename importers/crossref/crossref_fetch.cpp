#include "importers/crossref/crossref_fetch.hpp"

#include <algorithm>
#include <utility>

#include "importers/crossref/crossref_response.hpp"
#include "importers/net/paged_fetch.hpp"
#include "src/core/identifiers.hpp"

namespace litrev {
namespace {

HttpRequest json_request(std::string url, const char* rate_class) {
  HttpRequest r(std::move(url), rate_class);
  r.headers.emplace_back("Accept", "application/json");
  return r;
}

std::string record_doi(const ImportRecord& rec) {
  for (const auto& id : rec.work.ids)
    if (id.scheme == IdScheme::doi) return id.value;
  return {};
}

// A record from a batch or a search page names, as its origin, the single-work URL that gives
// the same record: a batch URL with a hundred DOIs, or a 1,500-character cursor, tells a reader
// of `show --sources` nothing.
void set_work_origin(ImportRecord& rec, const std::string& base, const std::string& mailto) {
  if (!rec.source.original_key.empty()) rec.source.origin = crossref_work_url(base, rec.source.original_key, mailto);
}

// The message names the URL already (describe()), so the diagnostic's source is the service.
Diagnostic note(const std::string&, std::string message) {
  return {Diagnostic::Severity::warning, "crossref", 0, 0, {}, std::move(message)};
}

// A Crossref list answer as the shared fetchers read it.
std::expected<ListPage, std::string> read_works_page(const HttpResponse& answer) {
  auto page = parse_crossref_works_response(answer);
  if (!page) return std::unexpected(page.error().describe());
  return ListPage{.records = std::move(page->records),
                  .items = page->items,
                  .total = page->total_results,
                  .next_cursor = std::move(page->next_cursor),
                  .diagnostics = std::move(page->diagnostics),
                  .unusable = {}};
}

std::vector<std::string> doi_key(const ImportRecord& rec) {
  std::string doi = record_doi(rec);
  if (doi.empty()) return {};
  return {std::move(doi)};
}

}  // namespace

FetchSummary CrossrefImporter::by_dois(std::span<const std::string> input, const RecordSink& sink,
                                       const ProgressCallback& progress) {
  FetchSummary summary;
  const StatsDelta delta(client_);

  const std::vector<std::string> dois =
      normalized_unique(input, normalize_doi, "--doi", "doi", "not a valid DOI", summary.diagnostics);
  ProgressMeter meter(progress, "DOIs", dois.size());

  auto deliver = [&](std::vector<ImportRecord>&& page) {
    if (page.empty()) return;
    summary.records += page.size();
    sink(std::move(page));
  };

  // ---- batches -------------------------------------------------------------------------------
  std::vector<std::string> singles;
  if (dois.size() == 1) {
    singles = dois;  // one DOI: the single-work route is the cheaper request
  } else {
    DoiBatchPlan plan = plan_doi_batches(options_.base_url, dois, options_.batch, options_.mailto_param);
    singles = std::move(plan.singles);
    const BatchQuery query{
        .request = [&](std::span<const std::string> batch, const std::string&) {
          return json_request(crossref_doi_batch_url(options_.base_url, batch, options_.mailto_param), kCrossrefClass);
        },
        .parse = read_works_page,
        .finish = [&](ImportRecord& rec) { set_work_origin(rec, options_.base_url, options_.mailto_param); },
        .keys = doi_key,
        .follow_cursor = false,
        // Crossref asks what a failed batch held one by one instead (its own fallback).
        .stop_after_refusal = false};
    BatchLeftovers left = fetch_batches(client_, plan.batches, query, summary, sink, meter);
    // What the batches did not return (unknown DOIs, aliases, a failed batch) is asked singly.
    for (const auto& f : left.failed) {
      summary.diagnostics.push_back(note(f.url, f.message + "; looking these DOIs up one by one"));
      singles.insert(singles.end(), f.items.begin(), f.items.end());
    }
    singles.insert(singles.end(), left.missing.begin(), left.missing.end());
    singles.insert(singles.end(), left.offline.begin(), left.offline.end());
  }

  // ---- single lookups --------------------------------------------------------------------------
  std::vector<HttpRequest> requests;
  for (const auto& doi : singles)
    requests.push_back(json_request(crossref_work_url(options_.base_url, doi, options_.mailto_param), kCrossrefClass));
  std::vector<ImportRecord> buffer;
  client_.fetch_all(requests, [&](std::size_t i, HttpResult result) {
    const std::string& doi = singles[i];
    meter.advance();
    if (!result) {
      if (result.error().kind == HttpErrorKind::offline_miss) summary.offline_unanswered.push_back(doi);
      else summary.failed.push_back({result.error().url, result.error().status, result.error().describe(), {doi}});
      return;
    }
    auto parsed = parse_crossref_work_response(*result);
    if (!parsed) {
      summary.failed.push_back({result->url, result->status, parsed.error().describe(), {doi}});
      return;
    }
    if (!parsed->has_value()) {
      summary.not_found.push_back(doi);
      return;
    }
    if (record_doi(**parsed).empty() && (*parsed)->work.title.empty()) {
      // JSON of the right shape holding no work (wrong types everywhere, an empty message):
      // storing it would make an untitled "Anon. (n.d.)" work.
      summary.failed.push_back({result->url, result->status, "Crossref answered without a DOI or a title", {doi}});
      return;
    }
    summary.found.push_back(doi);
    buffer.push_back(std::move(**parsed));
    if (buffer.size() >= std::max<std::size_t>(options_.records_per_page, 1)) deliver(std::exchange(buffer, {}));
  });
  deliver(std::move(buffer));

  // Interrupted only when Ctrl-C left DOIs without an outcome: a signal after the last answer
  // changes nothing.
  summary.interrupted = cancelled(client_) && summary.accounted() < dois.size();
  delta.apply(summary);
  return summary;
}

FetchSummary CrossrefImporter::search(const CrossrefSearch& search, const RecordSink& sink,
                                      const ProgressCallback& progress) {
  CrossrefQuery q = search.query;
  if (q.mailto.empty()) q.mailto = options_.mailto_param;
  const PagedQuery query{
      .request = [&](const std::string& cursor, std::size_t rows) {
        q.rows = rows;
        q.cursor = cursor;
        return json_request(crossref_works_url(options_.base_url, q), kCrossrefClass);
      },
      .parse = read_works_page,
      .finish = [&](ImportRecord& rec) { set_work_origin(rec, options_.base_url, options_.mailto_param); },
      .keys = doi_key,
      .rows = std::clamp<std::size_t>(options_.page_rows, 1, kCrossrefMaxRows),
      .max = search.max,
      .same_cursor_ends = false};
  return fetch_pages(client_, query, sink, progress);
}

}  // namespace litrev
