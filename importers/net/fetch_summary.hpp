#pragma once
// What an online import hands back besides its records: the contract between the fetcher
// recipes (Crossref, HAL) and the CLI, which prints the summary line and picks the exit code.
// "Not found" is an answer, "failed" is not: they are kept apart.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "importers/net/http_client.hpp"
#include "src/core/record.hpp"

namespace litrev {

// Receives records page by page (one HTTP answer's worth), so that the caller can commit one
// store transaction per page and an interrupted import keeps every page already received.
using RecordSink = std::function<void(std::vector<ImportRecord>&& page)>;

struct FetchFailure {
  std::string url;
  long status = 0;                 // 0 when no HTTP answer came back
  std::string message;             // the cause: API message, transport error...
  std::vector<std::string> items;  // the DOIs / HAL ids this request was for
};

struct FetchSummary {
  std::size_t records = 0;              // records handed to the sink
  std::vector<std::string> found;       // requested identifiers that came back
  std::vector<std::string> not_found;   // requested identifiers the API does not know
  std::vector<FetchFailure> failed;     // requests that got no usable answer
  std::vector<std::string> offline_unanswered;  // --offline: identifiers or URLs not in the cache
  std::vector<Diagnostic> diagnostics;  // warnings about answers (unreadable item, HAL error...)
  std::optional<std::size_t> total_available;  // a search's total-results / numFound
  bool interrupted = false;
  // Network counters for this import only.
  std::size_t requests = 0;
  std::size_t responses_429 = 0;
  std::size_t retries = 0;
  std::size_t cache_hits = 0;

  bool complete() const { return failed.empty() && offline_unanswered.empty() && !interrupted; }
  // Identifiers this summary gives an outcome for (found, not found, failed, not in the cache).
  std::size_t accounted() const {
    std::size_t n = found.size() + not_found.size() + offline_unanswered.size();
    for (const auto& f : failed) n += f.items.size();
    return n;
  }
};

// Copies the client's counters accumulated since construction into a summary.
class StatsDelta {
 public:
  explicit StatsDelta(const HttpClient& client) : client_(client), start_(client.stats()) {}
  void apply(FetchSummary& summary) const {
    const HttpStats& now = client_.stats();
    summary.requests += now.requests_sent - start_.requests_sent;
    summary.responses_429 += now.responses_429 - start_.responses_429;
    summary.retries += now.retries - start_.retries;
    summary.cache_hits += now.cache_hits - start_.cache_hits;
  }

 private:
  const HttpClient& client_;
  HttpStats start_;
};

}  // namespace litrev
