#pragma once
// The two ways every online importer (Crossref, HAL, OpenAlex) asks a list API for records,
// written once: a cursor walk over the pages of one query (fetch_pages), and many identifiers
// split into batches of one filter each, the answers matched back by identifier since their
// order differs from the request's (fetch_batches). The importers bring what differs: how a
// URL is built, how an answer is read, what identifies a record. No store, no printing.

#include <cstddef>
#include <expected>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "importers/net/fetch_summary.hpp"
#include "importers/net/http_client.hpp"
#include "importers/net/progress.hpp"

namespace litrev {

// One answer of a list API, as the client's parser reads it.
struct ListPage {
  std::vector<ImportRecord> records;
  std::size_t items = 0;             // items in the answer (records + items that could not be read)
  std::optional<std::size_t> total;  // the result count the answer announces
  std::string next_cursor;           // empty when the answer carries none
  std::vector<Diagnostic> diagnostics;
  std::vector<FetchFailure> unusable;  // items answered but not storable (items = their identifier)
};

// Reads an answer; the error is a message that names the URL.
using ListParser = std::function<std::expected<ListPage, std::string>(const HttpResponse&)>;
// Gives a record its origin, its identifier for the summary... (may be empty).
using RecordFinish = std::function<void(ImportRecord&)>;
// The identifiers a record answers to (normalized as the request's), strongest first.
using RecordKeys = std::function<std::vector<std::string>(const ImportRecord&)>;

struct PagedQuery {
  // The request for one page: the cursor ("*" first, then each answer's next cursor) and the
  // number of results wanted on it.
  std::function<HttpRequest(const std::string& cursor, std::size_t rows)> request;
  ListParser parse;
  RecordFinish finish;
  RecordKeys keys;  // the first key of each record delivered goes to summary.found
  std::size_t rows = 100;  // per page, already within the API's maximum
  std::size_t max = 0;     // stop after this many records; 0 = every result
  // Solr (HAL) says "no more" by handing back the cursor it was given; Crossref may hand back
  // the same cursor for every page of a walk.
  bool same_cursor_ends = false;
};

// Walks the pages until an empty or short page, no next cursor (or the same one again, when
// same_cursor_ends), the
// announced total read (an API may hand out a next cursor after the last page), max records,
// a failure, or Ctrl-C (the client's `cancelled`). Each page's records go to the sink at once.
FetchSummary fetch_pages(HttpClient& client, const PagedQuery& query, const RecordSink& sink,
                         const ProgressCallback& progress = {});

struct BatchQuery {
  // The request for one batch of identifiers (its first page: cursor "*").
  std::function<HttpRequest(std::span<const std::string> batch, const std::string& cursor)> request;
  ListParser parse;
  RecordFinish finish;
  RecordKeys keys;
  // Follow a batch's next cursor while fewer results than announced were read (an API that
  // answers a filter of 50 values in pages). Off: one request per batch.
  bool follow_cursor = false;
  // After a batch answered 401, 403 or 429 (once the client's retries are spent or refused),
  // the later batches are not asked: they would get the same answer. They are reported failed.
  bool stop_after_refusal = true;
};

// What the batches did not answer, left to the caller's policy (ask one by one, report).
struct BatchLeftovers {
  std::vector<std::string> missing;    // asked in an answered batch and not in its answer
  std::vector<FetchFailure> failed;    // batches without a usable answer (items = the batch)
  std::vector<std::string> offline;    // --offline: batches the cache cannot answer
};

// The identifiers given, normalized and without repeats, in their order. Each one `normalize`
// refuses becomes an error diagnostic "<what>: <value>" naming the option ("--doi") and field.
using Normalizer = std::function<std::optional<std::string>(std::string_view)>;
std::vector<std::string> normalized_unique(std::span<const std::string> input, const Normalizer& normalize,
                                           const char* option, const char* field, const char* what,
                                           std::vector<Diagnostic>& errors);

// Splits ids (already normalized and unique) into groups of per_batch, in their order.
std::vector<std::vector<std::string>> split_batches(std::span<const std::string> ids, std::size_t per_batch);

// Fetches the batches concurrently (within the client's limits); a record is kept only when
// one of its keys is still pending in its own batch (an answer holding other works does not
// slip them in), and each kept key goes to summary.found. Records reach the sink per answer;
// the meter advances by the identifiers found.
BatchLeftovers fetch_batches(HttpClient& client, std::span<const std::vector<std::string>> batches,
                             const BatchQuery& query, FetchSummary& summary, const RecordSink& sink,
                             ProgressMeter& meter);

inline bool cancelled(const HttpClient& client) {
  return client.options().cancelled && client.options().cancelled();
}

}  // namespace litrev
