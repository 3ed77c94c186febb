#include "importers/net/paged_fetch.hpp"

#include <algorithm>
#include <unordered_set>
#include <utility>

namespace litrev {
namespace {

void take_notes(FetchSummary& summary, ListPage& page) {
  summary.diagnostics.insert(summary.diagnostics.end(), page.diagnostics.begin(), page.diagnostics.end());
  summary.failed.insert(summary.failed.end(), page.unusable.begin(), page.unusable.end());
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
  std::vector<HttpRequest> requests;
  requests.reserve(batches.size());
  for (const auto& batch : batches) requests.push_back(query.request(batch, first));

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
  return left;
}

}  // namespace litrev
