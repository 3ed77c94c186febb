#include "importers/net/retry_policy.hpp"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <string>

#include "src/core/text.hpp"

namespace litrev {

bool is_retryable_status(long status) { return status == 429 || (status >= 500 && status <= 599); }

std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now) {
  value = trim(value);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    long long seconds = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec != std::errc{} || ptr != value.data() + value.size()) return std::nullopt;
    return std::chrono::milliseconds(seconds * 1000);
  }
  // IMF-fixdate, the only date form servers are allowed to send (RFC 9110 §5.6.7).
  std::tm tm{};
  const std::string text(value);
  const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S", &tm);
  if (end == nullptr) return std::nullopt;
  const std::time_t when = timegm(&tm);
  if (when == static_cast<std::time_t>(-1)) return std::nullopt;
  const auto at = std::chrono::system_clock::from_time_t(when);
  if (at <= now) return std::chrono::milliseconds(0);
  return std::chrono::duration_cast<std::chrono::milliseconds>(at - now);
}

std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry_number, double jitter01) {
  const int shift = std::clamp(retry_number - 1, 0, 20);
  const double step = std::min(static_cast<double>(policy.base_delay.count()) * static_cast<double>(1LL << shift),
                               static_cast<double>(policy.max_delay.count()));
  const double jitter = std::clamp(jitter01, 0.0, 1.0);
  return std::chrono::milliseconds(static_cast<long long>(step / 2 + step / 2 * jitter));
}

std::chrono::milliseconds retry_delay(const RetryPolicy& policy, int retry_number,
                                      std::optional<std::chrono::milliseconds> retry_after, double jitter01) {
  if (retry_after) return std::min(*retry_after, policy.max_delay);
  return backoff_delay(policy, retry_number, jitter01);
}

}  // namespace litrev
