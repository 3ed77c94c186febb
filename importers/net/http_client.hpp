#pragma once
// The only code in litrev that calls libcurl. One client owns one curl multi handle (so
// connections are reused across calls) and a rate limiter fed by the answers; every transfer is
// an easy handle that lives exactly as long as its request (RAII wrappers in http_client.cpp).
//
// Limits: an answer larger than max_body_bytes once decoded (a gzip bomb, an endless chunked
// body) is cut off as soon as it passes the limit; redirects are followed at most 5 times, only
// over http(s) and only on the same host (an API that sends us elsewhere is an error, named).
//
// Contract: get() and fetch_all() never throw for network trouble. A request ends either with an
// HttpResponse (any status the server chose to give, after retries of 429/5xx were spent only
// when they succeeded) or with an HttpError naming the URL and the cause. 404 and the other
// 4xx are answers, not errors: they are returned at once, never retried.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>

#include "importers/net/http_types.hpp"
#include "importers/net/rate_limiter.hpp"
#include "importers/net/response_cache.hpp"
#include "importers/net/retry_policy.hpp"

namespace litrev {

struct HttpClientOptions {
  std::string user_agent = "litrev";  // see make_user_agent in net_config.hpp
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{60'000};
  // The largest answer kept, decoded. A Crossref page of 100 works with their references is a
  // few MB; 64 MB leaves room and keeps a hostile answer from taking the memory.
  std::size_t max_body_bytes = 64u << 20;
  RetryPolicy retry;
  RateLimiter::Options rate;
  CacheMode cache_mode = CacheMode::disabled;
  std::filesystem::path cache_dir;  // required unless cache_mode is disabled
  std::uint64_t jitter_seed = 0;    // 0: random; tests fix it
  // Polled between transfers; when it returns true, fetch_all stops starting requests, drops
  // the ones in flight and returns (Ctrl-C in the CLI).
  std::function<bool()> cancelled;
};

// Counters over the client's life; recipes report differences.
struct HttpStats {
  std::size_t requests_sent = 0;  // attempts that went to the network (retries included)
  std::size_t responses = 0;      // HTTP answers received (any status)
  std::size_t responses_429 = 0;
  std::size_t responses_5xx = 0;
  std::size_t retries = 0;
  std::size_t transport_errors = 0;
  std::size_t cache_hits = 0;
  std::size_t offline_misses = 0;
  std::size_t bytes_received = 0;
};

class HttpClient {
 public:
  explicit HttpClient(HttpClientOptions options = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResult get(const HttpRequest& request);

  // Called once per request, in the caller's thread, as each one completes (in any order).
  using Completion = std::function<void(std::size_t index, HttpResult result)>;
  // Runs the requests concurrently through curl's multi interface, never more in flight nor
  // faster than the rate limiter allows, and returns when every one has completed (or when
  // `cancelled` said so). Cached answers are delivered first, without touching the network.
  void fetch_all(std::span<const HttpRequest> requests, const Completion& on_done);

  // Rate limits a service documents (RateLimiter::document), for its rate class.
  void document_limits(const std::string& rate_class, RateLimits limits);

  const HttpStats& stats() const;
  const RateLimiter& limiter() const;
  const HttpClientOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace litrev
