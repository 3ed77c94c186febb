#include "importers/hal/hal_fetch.hpp"

#include <algorithm>
#include <unordered_set>

#include "importers/hal/hal_response.hpp"
#include "importers/net/paged_fetch.hpp"
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

// A HAL JSON answer as the shared fetchers read it.
std::expected<ListPage, std::string> read_hal_page(const HttpResponse& answer) {
  auto page = parse_hal_response(answer);
  if (!page) return std::unexpected(page.error().describe());
  ListPage out{.records = std::move(page->records),
               .items = page->docs,
               .total = page->num_found,
               .next_cursor = std::move(page->next_cursor_mark),
               .diagnostics = std::move(page->diagnostics),
               .unusable = {}};
  for (const auto& id : page->unusable) out.unusable.push_back(unusable_document(answer, id));
  return out;
}

std::vector<std::string> hal_key(const ImportRecord& rec) {
  std::string id = hal_id_of(rec);
  if (id.empty()) return {};
  return {std::move(id)};
}

}  // namespace

FetchSummary HalImporter::search(const HalSearch& search, const RecordSink& sink, const ProgressCallback& progress) {
  HalQuery q;
  q.q = search.q;
  q.fq = search.fq;
  q.collection = search.collection;
  q.wt = "json";
  q.fl = options_.fl;
  const PagedQuery query{
      .request = [&](const std::string& cursor, std::size_t rows) {
        q.rows = rows;
        q.cursor_mark = cursor;
        return HttpRequest(hal_search_url(options_.base_url, q), kHalClass);
      },
      .parse = read_hal_page,
      .finish = [&](ImportRecord& rec) { set_document_origin(rec, options_.base_url); },
      .keys = hal_key,
      .rows = std::clamp<std::size_t>(options_.rows, 1, kHalMaxRows),
      .max = search.max,
      .same_cursor_ends = true};
  return fetch_pages(client_, query, sink, progress);
}

FetchSummary HalImporter::by_ids(std::span<const std::string> input, const RecordSink& sink,
                                 const ProgressCallback& progress) {
  FetchSummary summary;
  const StatsDelta delta(client_);
  const std::vector<std::string> ids =
      normalized_unique(input, normalize_hal_id, "--id", "id", "not a HAL id", summary.diagnostics);
  const auto batches = split_batches(ids, std::clamp<std::size_t>(options_.ids_per_request, 1, kHalMaxRows));
  const BatchQuery query{
      .request = [&](std::span<const std::string> batch, const std::string&) {
        HalQuery q;
        q.q = hal_ids_query(batch);
        q.rows = batch.size();
        q.wt = "json";
        q.fl = options_.fl;
        return HttpRequest(hal_search_url(options_.base_url, q), kHalClass);
      },
      .parse = read_hal_page,
      .finish = [&](ImportRecord& rec) { set_document_origin(rec, options_.base_url); },
      .keys = hal_key,
      .follow_cursor = false,
      .stop_after_refusal = true};
  ProgressMeter meter(progress, "HAL ids", ids.size());
  BatchLeftovers left = fetch_batches(client_, batches, query, summary, sink, meter);
  summary.not_found = std::move(left.missing);
  summary.failed.insert(summary.failed.end(), left.failed.begin(), left.failed.end());
  summary.offline_unanswered = std::move(left.offline);
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
