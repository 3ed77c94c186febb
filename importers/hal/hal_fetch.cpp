#include "importers/hal/hal_fetch.hpp"

#include <algorithm>
#include <unordered_set>

#include "importers/hal/hal_response.hpp"
#include "src/core/identifiers.hpp"

namespace litrev {
namespace {

std::string hal_id_of(const ImportRecord& rec) {
  for (const auto& id : rec.work.ids)
    if (id.scheme == IdScheme::hal) return id.value;
  return {};
}

// A record names, as its origin, the API URL of that one document (its TEI): the search URL it
// came from, with its field list and cursor, would tell a reader of `show --sources` little.
void set_document_origin(ImportRecord& rec, const std::string& base) {
  const std::string id = hal_id_of(rec);
  if (id.empty()) return;
  HalQuery q;
  q.q = "halId_s:" + solr_quote(id);
  q.wt = "xml-tei";
  rec.source.origin = hal_search_url(base, q);
}

FetchFailure unusable_document(const HttpResponse& answer, const std::string& id) {
  return {answer.url, answer.status,
          "HAL answered " + (id.empty() ? std::string("a document") : id) +
              " without its TEI (label_xml) or a title: not stored",
          {id}};
}

bool cancelled(const HttpClient& client) { return client.options().cancelled && client.options().cancelled(); }

}  // namespace

FetchSummary HalImporter::search(const HalSearch& search, const RecordSink& sink, const ProgressCallback& progress) {
  FetchSummary summary;
  const StatsDelta delta(client_);
  HalQuery q;
  q.q = search.q;
  q.fq = search.fq;
  q.collection = search.collection;
  std::size_t rows = std::clamp<std::size_t>(options_.rows, 1, kHalMaxRows);
  if (search.max > 0) rows = std::min(rows, search.max);
  q.rows = rows;
  q.wt = "json";
  q.fl = options_.fl;
  q.cursor_mark.assign(1, '*');
  ProgressMeter meter(progress, "records", search.max);
  std::size_t received = 0;
  bool total_known = false;

  while (true) {
    if (cancelled(client_)) {
      summary.interrupted = true;
      break;
    }
    const std::string url = hal_search_url(options_.base_url, q);
    const HttpResult result = client_.get(HttpRequest(url, kHalClass));
    if (!result && cancelled(client_)) {
      summary.interrupted = true;  // Ctrl-C dropped the request: not a failure of the server
      break;
    }
    if (!result) {
      if (result.error().kind == HttpErrorKind::offline_miss) summary.offline_unanswered.push_back(url);
      else summary.failed.push_back({url, result.error().status, result.error().describe(), {}});
      break;
    }
    auto page = parse_hal_response(*result);
    if (!page) {
      summary.failed.push_back({url, result->status, page.error().describe(), {}});
      break;
    }
    summary.diagnostics.insert(summary.diagnostics.end(), page->diagnostics.begin(), page->diagnostics.end());
    for (const auto& id : page->unusable) summary.failed.push_back(unusable_document(*result, id));
    if (page->num_found) {
      if (!total_known) {
        summary.total_available = page->num_found;  // the total when the walk began
        meter.set_total(search.max > 0 ? std::min(search.max, *page->num_found) : *page->num_found);
        total_known = true;
      }
    }
    std::vector<ImportRecord> records = std::move(page->records);
    if (search.max > 0 && received + records.size() > search.max) records.resize(search.max - received);
    for (auto& rec : records) set_document_origin(rec, options_.base_url);
    received += page->docs;
    const std::size_t delivered = records.size();
    if (delivered > 0) {
      summary.records += delivered;
      for (const auto& rec : records)
        if (auto id = hal_id_of(rec); !id.empty()) summary.found.push_back(id);
      sink(std::move(records));
    }
    meter.advance(delivered);
    if (page->docs == 0 || page->docs < rows) break;
    if (search.max > 0 && received >= search.max) break;
    if (page->num_found && received >= *page->num_found) break;
    // Solr's end of results: the same cursor comes back. No cursor at all (a TEI answer) cannot
    // be followed either.
    if (page->next_cursor_mark.empty() || page->next_cursor_mark == q.cursor_mark) break;
    q.cursor_mark = page->next_cursor_mark;
  }
  delta.apply(summary);
  return summary;
}

FetchSummary HalImporter::by_ids(std::span<const std::string> input, const RecordSink& sink,
                                 const ProgressCallback& progress) {
  FetchSummary summary;
  const StatsDelta delta(client_);
  std::vector<std::string> ids;
  std::unordered_set<std::string> seen;
  for (const auto& raw : input) {
    auto id = normalize_hal_id(raw);
    if (!id) {
      summary.diagnostics.push_back({Diagnostic::Severity::error, "--id", 0, 0, "id", "not a HAL id: " + raw});
      continue;
    }
    if (seen.insert(*id).second) ids.push_back(*id);
  }
  const std::size_t chunk = std::clamp<std::size_t>(options_.ids_per_request, 1, kHalMaxRows);
  std::vector<std::vector<std::string>> groups;
  for (std::size_t i = 0; i < ids.size(); i += chunk)
    groups.emplace_back(ids.begin() + static_cast<std::ptrdiff_t>(i),
                        ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), i + chunk)));
  std::vector<HttpRequest> requests;
  for (const auto& g : groups) {
    HalQuery q;
    q.q = hal_ids_query(g);
    q.rows = g.size();
    q.wt = "json";
    q.fl = options_.fl;
    requests.emplace_back(hal_search_url(options_.base_url, q), kHalClass);
  }
  ProgressMeter meter(progress, "HAL ids", ids.size());
  client_.fetch_all(requests, [&](std::size_t i, HttpResult result) {
    const auto& group = groups[i];
    meter.advance(group.size());
    if (!result) {
      if (result.error().kind == HttpErrorKind::offline_miss)
        summary.offline_unanswered.insert(summary.offline_unanswered.end(), group.begin(), group.end());
      else
        summary.failed.push_back({result.error().url, result.error().status, result.error().describe(), group});
      return;
    }
    auto page = parse_hal_response(*result);
    if (!page) {
      summary.failed.push_back({result->url, result->status, page.error().describe(), group});
      return;
    }
    summary.diagnostics.insert(summary.diagnostics.end(), page->diagnostics.begin(), page->diagnostics.end());
    std::unordered_set<std::string> pending(group.begin(), group.end());
    for (const auto& id : page->unusable)
      if (pending.erase(id) > 0) summary.failed.push_back(unusable_document(*result, id));
    std::vector<ImportRecord> records;
    for (auto& rec : page->records) {
      // Only the documents asked for (an answer holding others is not what the user wanted).
      const auto id = hal_id_of(rec);
      if (pending.erase(id) == 0) continue;
      summary.found.push_back(id);
      set_document_origin(rec, options_.base_url);
      records.push_back(std::move(rec));
    }
    for (const auto& id : group)
      if (pending.contains(id)) summary.not_found.push_back(id);
    if (!records.empty()) {
      summary.records += records.size();
      sink(std::move(records));
    }
  });
  // Interrupted only when Ctrl-C left ids without an outcome.
  summary.interrupted = cancelled(client_) && summary.accounted() < ids.size();
  delta.apply(summary);
  return summary;
}

FetchSummary HalImporter::collection(const std::string& code, HalSearch search, const RecordSink& sink,
                                     const ProgressCallback& progress) {
  search.collection = code;
  return this->search(search, sink, progress);
}

FetchSummary HalImporter::by_idhal(const std::string& idhal, HalSearch search, const RecordSink& sink,
                                   const ProgressCallback& progress) {
  const std::string author = hal_idhal_query(idhal);
  search.q = search.q.empty() || search.q == "*:*" ? author : "(" + search.q + ") AND " + author;
  return this->search(search, sink, progress);
}

std::vector<std::string> dois_of(std::span<const ImportRecord> records) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (const auto& rec : records)
    for (const auto& id : rec.work.ids)
      if (id.scheme == IdScheme::doi && seen.insert(id.value).second) out.push_back(id.value);
  return out;
}

}  // namespace litrev
