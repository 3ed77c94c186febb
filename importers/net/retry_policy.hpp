#pragma once
// When to retry a request and how long to wait first. Pure functions of the status, the
// headers and the attempt number (the jitter source is passed in), so they are tested offline.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

namespace litrev {

struct RetryPolicy {
  int max_retries = 5;  // retries after the first attempt for 429 / 5xx
  // Timeouts, truncated bodies and refused connections are transient too, but a dead server
  // should fail fast: fewer retries for them.
  int max_transport_retries = 2;
  std::chrono::milliseconds base_delay{1000};  // first backoff; doubles each retry
  std::chrono::milliseconds max_delay{60000};  // cap for backoff and for Retry-After
};

// 429 (too many requests) and the 5xx family are worth retrying; 404 and every other 4xx say
// something definitive about the request and are never retried.
bool is_retryable_status(long status);

// Retry-After is either delta-seconds ("120") or an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT").
// Returns the wait from now (zero for a date in the past), nullopt when absent or unreadable.
std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now);

// Exponential backoff with "equal jitter": half the exponential step plus a random share of the
// other half, so clients that failed together do not retry together. jitter01 is in [0, 1).
std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry_number, double jitter01);

// The wait before retry number retry_number (1-based): Retry-After when the server gave one
// (capped by max_delay), else the backoff.
std::chrono::milliseconds retry_delay(const RetryPolicy& policy, int retry_number,
                                      std::optional<std::chrono::milliseconds> retry_after, double jitter01);

}  // namespace litrev
