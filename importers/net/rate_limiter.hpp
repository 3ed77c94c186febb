#pragma once
// Client-side rate limiting fed by the server's own headers. Crossref advertises its limits
// on every answer (x-rate-limit-limit, x-rate-limit-interval, x-concurrency-limit, x-api-pool)
// and changes them without notice, so nothing is hard-coded: each request class starts
// conservatively (one request in flight) and obeys whatever the latest answer said.
// Pure logic over an injected clock: the HTTP client asks it when to start, and tests drive it
// with made-up time points.

#include <chrono>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "importers/net/http_types.hpp"

namespace litrev {

struct RateLimits {
  int requests = 1;  // at most this many request starts...
  std::chrono::milliseconds interval{1000};  // ...per this interval
  int concurrency = 1;  // at most this many in flight
};

// What one response advertised; absent headers stay nullopt.
struct AdvertisedLimits {
  std::optional<int> requests;
  std::optional<std::chrono::milliseconds> interval;
  std::optional<int> concurrency;
  std::string pool;  // x-api-pool: "public", "polite", "polite-array"...
  bool any() const { return requests || interval || concurrency; }
};

AdvertisedLimits parse_rate_limit_headers(const HttpHeaders& headers);

// "1s", "60s", "500ms", "1m", "2" (seconds) -> duration; nullopt when unreadable or zero.
std::optional<std::chrono::milliseconds> parse_rate_interval(std::string_view text);

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  struct Options {
    // Until a class has seen its first answer: one request in flight, one per second.
    RateLimits initial{1, std::chrono::milliseconds(1000), 1};
    // Filled in for values an answer did not advertise (HAL sends no rate headers at all).
    RateLimits unadvertised{4, std::chrono::milliseconds(1000), 2};
    // No window of interval * (1 + safety) holds more than `requests` starts, so that no window
    // of one interval at the server — fixed or sliding, with some latency jitter — ever holds
    // more than `requests` arrivals. Starts are also kept at least min_gap * interval /
    // requests apart: requests flow evenly, yet a start delayed by the caller (parsing a page)
    // can be caught up.
    double safety = 0.03;
    double min_gap = 0.5;
    int max_concurrency = 16;  // hard cap over all classes, whatever a server advertises
  };

  RateLimiter() : RateLimiter(Options{}) {}
  explicit RateLimiter(Options options) : options_(options) {}

  // When the next request of class cls may start: `now` or later when only time stands in the
  // way; nullopt when every slot is taken and only a completion can free one.
  std::optional<Clock::time_point> next_start(const std::string& cls, Clock::time_point now) const;
  bool may_start(const std::string& cls, Clock::time_point now) const {
    const auto at = next_start(cls, now);
    return at && *at <= now;
  }

  void on_start(const std::string& cls, Clock::time_point now);
  // A request of class cls finished with an HTTP answer: frees its slot and learns the limits.
  // A 429 that advertises nothing (the load balancer's HTML page) teaches nothing.
  void on_response(const std::string& cls, long status, const HttpHeaders& headers);
  // A request finished without an answer (timeout, refused...): frees its slot.
  void on_failure(const std::string& cls);
  // Limits a service documents but does not send in its answers' headers (OpenAlex): they
  // apply from the first request, and stand in for what later answers do not advertise.
  void document(const std::string& cls, RateLimits limits);
  // The server asked us to wait (429, Retry-After): no start of this class before `until`.
  void pause_until(const std::string& cls, Clock::time_point until);

  RateLimits limits(const std::string& cls) const;
  bool learned(const std::string& cls) const;
  std::string pool(const std::string& cls) const;
  int in_flight(const std::string& cls) const;

 private:
  struct State {
    RateLimits limits;
    bool learned = false;
    std::string pool;
    int in_flight = 0;
    std::deque<Clock::time_point> starts;  // recent starts, oldest first
    std::optional<Clock::time_point> paused_until;
    std::optional<RateLimits> documented;
  };
  const State* find(const std::string& cls) const;
  State& state(const std::string& cls);
  int total_in_flight() const;

  Options options_;
  std::map<std::string, State, std::less<>> states_;
};

}  // namespace litrev
