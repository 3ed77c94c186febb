#include "importers/net/paged_fetch.hpp"

#include <algorithm>
#include <optional>
#include <unordered_set>
#include <utility>

namespace litrev {
namespace {

void take_notes(FetchSummary& summary, ListPage& page) {
  summary.diagnostics.insert(summary.diagnostics.end(), page.diagnostics.begin(), page.diagnostics.end());
  summary.failed.insert(summary.failed.end(), page.unusable.begin(), page.unusable.end());
}

void fetch_range(HttpClient& client, std::span<const std::vector<std::string>> batches,
                 std::span<const HttpRequest> requests, const BatchQuery& query, FetchSummary& summary,
                 const RecordSink& sink, ProgressMeter& meter, BatchLeftovers& left) {
  client.fetch_all(requests, [&](std::size_t i, HttpResult result) {
    const auto& batch = batches[i];
    std::unordered_set<std::string> pending(batch.begin(), batch.end());
    std::size_t read = 0;
    // The batch's pages: the first came through fetch_all, the others (rare: a filter of N
    // values answered by more than one page) one after the other.
    while (true) {
      if (!result) {
        if (result.error().kind == HttpErrorKind::offline_miss) {
          left.offline.insert(left.offline.end(), pending.begin(), pending.end());
        } else if (!cancelled(client)) {
          std::vector<std::string> items;
          for (const auto& id : batch)
            if (pending.contains(id)) items.push_back(id);
          left.failed.push_back({result.error().url, result.error().status, result.error().describe(), std::move(items)});
        }
        return;
      }
      auto page = query.parse(*result);
      if (!page) {
        std::vector<std::string> items;
        for (const auto& id : batch)
          if (pending.contains(id)) items.push_back(id);
        left.failed.push_back({result->url, result->status, std::move(page.error()), std::move(items)});
        return;
      }
      summary.diagnostics.insert(summary.diagnostics.end(), page->diagnostics.begin(), page->diagnostics.end());
      for (auto& f : page->unusable) {
        std::erase_if(f.items, [&](const std::string& id) { return pending.erase(id) == 0; });
        if (!f.items.empty()) summary.failed.push_back(std::move(f));
      }
      std::vector<ImportRecord> records;
      for (auto& rec : page->records) {
        const auto keys = query.keys(rec);
        const auto hit = std::find_if(keys.begin(), keys.end(), [&](const std::string& k) { return pending.contains(k); });
        if (hit == keys.end()) continue;
        pending.erase(*hit);
        summary.found.push_back(*hit);
        if (query.finish) query.finish(rec);
        records.push_back(std::move(rec));
      }
      meter.advance(records.size());
      if (!records.empty()) {
        summary.records += records.size();
        sink(std::move(records));
      }
      read += page->items;
      const bool more = query.follow_cursor && !pending.empty() && page->items > 0 && page->total &&
                        read < *page->total && !page->next_cursor.empty();
      if (!more) break;
      if (cancelled(client)) return;  // what is still pending has no outcome: interrupted
      result = client.get(query.request(batch, page->next_cursor));
    }
    for (const auto& id : batch)
      if (pending.contains(id)) left.missing.push_back(id);
  });
}

}  // namespace

FetchSummary fetch_pages(HttpClient& client, const PagedQuery& query, const RecordSink& sink,
                         const ProgressCallback& progress) {
  FetchSummary summary;
  const StatsDelta delta(client);
  std::size_t rows = std::max<std::size_t>(query.rows, 1);
  if (query.max > 0) rows = std::min(rows, query.max);
  ProgressMeter meter(progress, "records", query.max);
  std::string cursor(1, '*');
  std::size_t received = 0;

  while (true) {
    if (cancelled(client)) {
      summary.interrupted = true;
      break;
    }
    const HttpRequest request = query.request(cursor, rows);
    const HttpResult result = client.get(request);
    if (!result && cancelled(client)) {
      summary.interrupted = true;  // Ctrl-C dropped the request: not a failure of the server
      break;
    }
    if (!result) {
      if (result.error().kind == HttpErrorKind::offline_miss) summary.offline_unanswered.push_back(request.url);
      else summary.failed.push_back({request.url, result.error().status, result.error().describe(), {}});
      break;
    }
    auto page = query.parse(*result);
    if (!page) {
      summary.failed.push_back({request.url, result->status, page.error(), {}});
      break;
    }
    take_notes(summary, *page);
    if (page->total && !summary.total_available) {
      summary.total_available = page->total;  // the total when the walk began
      meter.set_total(query.max > 0 ? std::min(query.max, *page->total) : *page->total);
    }
    std::vector<ImportRecord> records = std::move(page->records);
    if (query.max > 0 && received + records.size() > query.max) records.resize(query.max - received);
    received += page->items;
    for (auto& rec : records) {
      if (query.finish) query.finish(rec);
      if (query.keys)
        if (auto keys = query.keys(rec); !keys.empty()) summary.found.push_back(keys.front());
    }
    const std::size_t delivered = records.size();
    if (delivered > 0) {
      summary.records += delivered;
      sink(std::move(records));
    }
    meter.advance(delivered);
    if (page->items == 0 || page->items < rows) break;
    if (query.max > 0 && received >= query.max) break;
    if (page->total && received >= *page->total) break;
    if (page->next_cursor.empty() || (query.same_cursor_ends && page->next_cursor == cursor)) break;
    cursor = std::move(page->next_cursor);
  }
  delta.apply(summary);
  return summary;
}

std::vector<std::string> normalized_unique(std::span<const std::string> input, const Normalizer& normalize,
                                           const char* option, const char* field, const char* what,
                                           std::vector<Diagnostic>& errors) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (const auto& raw : input) {
    auto id = normalize(raw);
    if (!id) {
      errors.push_back({Diagnostic::Severity::error, option, 0, 0, field, std::string(what) + ": " + raw});
      continue;
    }
    if (seen.insert(*id).second) out.push_back(std::move(*id));
  }
  return out;
}

std::vector<std::vector<std::string>> split_batches(std::span<const std::string> ids, std::size_t per_batch) {
  per_batch = std::max<std::size_t>(per_batch, 1);
  std::vector<std::vector<std::string>> out;
  for (std::size_t i = 0; i < ids.size(); i += per_batch)
    out.emplace_back(ids.begin() + static_cast<std::ptrdiff_t>(i),
                     ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), i + per_batch)));
  return out;
}

BatchLeftovers fetch_batches(HttpClient& client, std::span<const std::vector<std::string>> batches,
                             const BatchQuery& query, FetchSummary& summary, const RecordSink& sink,
                             ProgressMeter& meter) {
  BatchLeftovers left;
  const std::string first(1, '*');
  // Sent a few at a time, so that an answer every later batch would get too (a refused key, a
  // spent allowance: 401, 403, or 429 once the client's retries are spent or refused) ends the
  // run instead of being asked again for every batch.
  constexpr std::size_t kBatchesAtOnce = 4;
  std::optional<FetchFailure> final_failure;
  for (std::size_t from = 0; from < batches.size(); from += kBatchesAtOnce) {
    const std::size_t to = std::min(batches.size(), from + kBatchesAtOnce);
    if (final_failure) {
      for (std::size_t i = from; i < to; ++i)
        left.failed.push_back({final_failure->url, final_failure->status,
                               "not asked after: " + final_failure->message, batches[i]});
      continue;
    }
    if (cancelled(client)) break;
    std::vector<HttpRequest> requests;
    for (std::size_t i = from; i < to; ++i) requests.push_back(query.request(batches[i], first));
    const std::size_t failed_before = left.failed.size();
    fetch_range(client, batches.subspan(from, to - from), requests, query, summary, sink, meter, left);
    for (std::size_t f = failed_before; query.stop_after_refusal && f < left.failed.size() && !final_failure; ++f)
      if (const long st = left.failed[f].status; st == 401 || st == 403 || st == 429) final_failure = left.failed[f];
  }
  return left;
}

}  // namespace litrev
