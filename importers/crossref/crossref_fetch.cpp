#include "importers/crossref/crossref_fetch.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "importers/crossref/crossref_response.hpp"
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

}  // namespace

FetchSummary CrossrefImporter::by_dois(std::span<const std::string> input, const RecordSink& sink,
                                       const ProgressCallback& progress) {
  FetchSummary summary;
  const StatsDelta delta(client_);

  std::vector<std::string> dois;
  std::unordered_set<std::string> wanted;
  for (const auto& raw : input) {
    auto doi = normalize_doi(raw);
    if (!doi) {
      summary.diagnostics.push_back({Diagnostic::Severity::error, "--doi", 0, 0, "doi", "not a valid DOI: " + raw});
      continue;
    }
    if (wanted.insert(*doi).second) dois.push_back(*doi);
  }
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
    std::vector<HttpRequest> requests;
    for (const auto& batch : plan.batches)
      requests.push_back(json_request(crossref_doi_batch_url(options_.base_url, batch, options_.mailto_param),
                                      kCrossrefClass));
    client_.fetch_all(requests, [&](std::size_t i, HttpResult result) {
      const auto& batch = plan.batches[i];
      std::unordered_set<std::string> pending(batch.begin(), batch.end());
      if (result) {
        auto page = parse_crossref_works_response(*result);
        if (page) {
          summary.diagnostics.insert(summary.diagnostics.end(), page->diagnostics.begin(), page->diagnostics.end());
          std::vector<ImportRecord> records;
          std::size_t newly_found = 0;
          for (auto& rec : page->records) {
            // Only the works this batch asked for: a server (or a proxy, or a test double) that
            // answers the filter with other works must not slip them into the library.
            const std::string doi = record_doi(rec);
            if (doi.empty() || pending.erase(doi) == 0) continue;
            summary.found.push_back(doi);
            ++newly_found;
            set_work_origin(rec, options_.base_url, options_.mailto_param);
            records.push_back(std::move(rec));
          }
          deliver(std::move(records));
          meter.advance(newly_found);
        } else {
          summary.diagnostics.push_back(note(result->url, page.error().describe() + "; looking these DOIs up one by one"));
        }
      } else if (result.error().kind != HttpErrorKind::offline_miss) {
        summary.diagnostics.push_back(note(result.error().url, result.error().describe() + "; looking these DOIs up one by one"));
      }
      // What the batch did not return (unknown DOIs, aliases, a failed batch) is asked singly.
      for (const auto& doi : batch)
        if (pending.contains(doi)) singles.push_back(doi);
    });
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
  summary.interrupted =
      client_.options().cancelled && client_.options().cancelled() && summary.accounted() < dois.size();
  delta.apply(summary);
  return summary;
}

FetchSummary CrossrefImporter::search(const CrossrefSearch& search, const RecordSink& sink,
                                      const ProgressCallback& progress) {
  FetchSummary summary;
  const StatsDelta delta(client_);
  CrossrefQuery q = search.query;
  if (q.mailto.empty()) q.mailto = options_.mailto_param;
  std::size_t rows = std::clamp<std::size_t>(options_.page_rows, 1, kCrossrefMaxRows);
  if (search.max > 0) rows = std::min(rows, search.max);
  q.rows = rows;
  q.cursor.assign(1, '*');  // assign(): g++ 12 warns falsely (-Wrestrict) on operator=(const char*)
  ProgressMeter meter(progress, "records", search.max);
  std::size_t received = 0;
  bool total_known = false;

  while (true) {
    if (client_.options().cancelled && client_.options().cancelled()) {
      summary.interrupted = true;
      break;
    }
    const std::string url = crossref_works_url(options_.base_url, q);
    const HttpResult result = client_.get(json_request(url, kCrossrefClass));
    if (!result && client_.options().cancelled && client_.options().cancelled()) {
      summary.interrupted = true;  // Ctrl-C dropped the request: not a failure of the server
      break;
    }
    if (!result) {
      if (result.error().kind == HttpErrorKind::offline_miss) summary.offline_unanswered.push_back(url);
      else summary.failed.push_back({url, result.error().status, result.error().describe(), {}});
      break;
    }
    auto page = parse_crossref_works_response(*result);
    if (!page) {
      summary.failed.push_back({url, result->status, page.error().describe(), {}});
      break;
    }
    summary.diagnostics.insert(summary.diagnostics.end(), page->diagnostics.begin(), page->diagnostics.end());
    if (page->total_results) {
      if (!total_known) {
        summary.total_available = page->total_results;  // the total when the walk began
        meter.set_total(search.max > 0 ? std::min(search.max, *page->total_results) : *page->total_results);
        total_known = true;
      }
    }
    std::vector<ImportRecord> records = std::move(page->records);
    if (search.max > 0 && received + records.size() > search.max) records.resize(search.max - received);
    for (auto& rec : records) set_work_origin(rec, options_.base_url, options_.mailto_param);
    received += page->items;
    const std::size_t delivered = records.size();
    if (delivered > 0) {
      summary.records += delivered;
      for (const auto& rec : records)
        if (auto doi = record_doi(rec); !doi.empty()) summary.found.push_back(doi);
      sink(std::move(records));
    }
    meter.advance(delivered);
    // A short or empty page is the end; the cursor itself may come back unchanged.
    if (page->items == 0 || page->items < rows || page->next_cursor.empty()) break;
    if (search.max > 0 && received >= search.max) break;
    q.cursor = page->next_cursor;
  }
  delta.apply(summary);
  return summary;
}

}  // namespace litrev
