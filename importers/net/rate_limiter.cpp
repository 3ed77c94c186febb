#include "importers/net/rate_limiter.hpp"

#include <algorithm>
#include <charconv>

#include "src/core/text.hpp"

namespace litrev {
namespace {

std::optional<long long> parse_positive(std::string_view s) {
  s = trim(s);
  long long v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || ptr == s.data() || v <= 0) return std::nullopt;
  return v;
}

}  // namespace

std::optional<std::chrono::milliseconds> parse_rate_interval(std::string_view text) {
  text = trim(text);
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  const auto number = parse_positive(text.substr(0, digits));
  if (!number) return std::nullopt;
  const std::string unit = ascii_lower(trim(text.substr(digits)));
  long long ms_per_unit = 0;
  if (unit.empty() || unit == "s") ms_per_unit = 1000;
  else if (unit == "ms") ms_per_unit = 1;
  else if (unit == "m") ms_per_unit = 60'000;
  else if (unit == "h") ms_per_unit = 3'600'000;
  else return std::nullopt;
  return std::chrono::milliseconds(*number * ms_per_unit);
}

AdvertisedLimits parse_rate_limit_headers(const HttpHeaders& headers) {
  AdvertisedLimits out;
  if (auto v = parse_positive(header_value(headers, "x-rate-limit-limit"))) out.requests = static_cast<int>(*v);
  out.interval = parse_rate_interval(header_value(headers, "x-rate-limit-interval"));
  if (auto v = parse_positive(header_value(headers, "x-concurrency-limit"))) out.concurrency = static_cast<int>(*v);
  out.pool = std::string(trim(header_value(headers, "x-api-pool")));
  return out;
}

const RateLimiter::State* RateLimiter::find(const std::string& cls) const {
  const auto it = states_.find(cls);
  return it == states_.end() ? nullptr : &it->second;
}

RateLimiter::State& RateLimiter::state(const std::string& cls) {
  auto it = states_.find(cls);
  if (it == states_.end()) {
    State fresh;
    fresh.limits = options_.initial;
    it = states_.emplace(cls, fresh).first;
  }
  return it->second;
}

int RateLimiter::total_in_flight() const {
  int total = 0;
  for (const auto& [name, s] : states_) total += s.in_flight;
  return total;
}

std::optional<RateLimiter::Clock::time_point> RateLimiter::next_start(const std::string& cls,
                                                                     Clock::time_point now) const {
  if (total_in_flight() >= options_.max_concurrency) return std::nullopt;
  const State* s = find(cls);
  if (s == nullptr) return now;  // never used: the first request may go
  const RateLimits limits = s->limits;
  // Until the first answer, one request at a time whatever `initial` says about concurrency:
  // that answer is what tells us the real limits.
  const int concurrency = s->learned ? limits.concurrency : 1;
  if (s->in_flight >= concurrency) return std::nullopt;
  Clock::time_point at = now;
  const int requests = std::max(limits.requests, 1);
  auto scaled = [&](double factor) {
    return std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double, std::milli>(static_cast<double>(limits.interval.count()) * factor));
  };
  if (!s->starts.empty()) at = std::max(at, s->starts.back() + scaled(options_.min_gap / requests));
  if (s->starts.size() >= static_cast<std::size_t>(requests))
    at = std::max(at, s->starts[s->starts.size() - static_cast<std::size_t>(requests)] + scaled(1.0 + options_.safety));
  if (s->paused_until) at = std::max(at, *s->paused_until);
  return at;
}

void RateLimiter::on_start(const std::string& cls, Clock::time_point now) {
  State& s = state(cls);
  ++s.in_flight;
  s.starts.push_back(now);
  // Only the last `requests` starts matter; keep a few more in case the limit grows.
  const auto keep = static_cast<std::size_t>(std::max(s.limits.requests, 1)) * 2 + 8;
  while (s.starts.size() > keep) s.starts.pop_front();
}

void RateLimiter::on_response(const std::string& cls, long status, const HttpHeaders& headers) {
  State& s = state(cls);
  s.in_flight = std::max(0, s.in_flight - 1);
  const AdvertisedLimits adv = parse_rate_limit_headers(headers);
  if (status == 429 && !adv.any()) return;
  // The latest answer wins: limits move with the server's load and the pool we landed in.
  if (!s.learned || adv.any()) {
    const RateLimits fallback = s.documented.value_or(options_.unadvertised);
    s.limits.requests = adv.requests.value_or(fallback.requests);
    s.limits.interval = adv.interval.value_or(fallback.interval);
    s.limits.concurrency = adv.concurrency.value_or(fallback.concurrency);
    s.learned = true;
  }
  if (!adv.pool.empty()) s.pool = adv.pool;
}

void RateLimiter::document(const std::string& cls, RateLimits limits) {
  State& s = state(cls);
  s.documented = limits;
  s.limits = limits;
  s.learned = true;  // nothing to wait for: the first request need not go alone
}

void RateLimiter::on_failure(const std::string& cls) {
  State& s = state(cls);
  s.in_flight = std::max(0, s.in_flight - 1);
}

void RateLimiter::pause_until(const std::string& cls, Clock::time_point until) {
  State& s = state(cls);
  if (!s.paused_until || *s.paused_until < until) s.paused_until = until;
}

RateLimits RateLimiter::limits(const std::string& cls) const {
  const State* s = find(cls);
  return s ? s->limits : options_.initial;
}

bool RateLimiter::learned(const std::string& cls) const {
  const State* s = find(cls);
  return s && s->learned;
}

std::string RateLimiter::pool(const std::string& cls) const {
  const State* s = find(cls);
  return s ? s->pool : std::string{};
}

int RateLimiter::in_flight(const std::string& cls) const {
  const State* s = find(cls);
  return s ? s->in_flight : 0;
}

}  // namespace litrev
