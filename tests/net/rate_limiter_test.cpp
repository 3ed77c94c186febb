#include "importers/net/rate_limiter.hpp"

#include <gtest/gtest.h>

namespace litrev {
namespace {

using std::chrono::milliseconds;
using Clock = RateLimiter::Clock;

HttpHeaders crossref(int limit, const std::string& interval, int concurrency, const std::string& pool = "polite") {
  HttpHeaders h{{"x-rate-limit-limit", std::to_string(limit)}, {"x-rate-limit-interval", interval}, {"x-api-pool", pool}};
  if (concurrency > 0) h.push_back({"x-concurrency-limit", std::to_string(concurrency)});
  return h;
}

TEST(RateInterval, ParsesCrossrefForms) {
  EXPECT_EQ(parse_rate_interval("1s"), milliseconds(1000));
  EXPECT_EQ(parse_rate_interval("60s"), milliseconds(60000));
  EXPECT_EQ(parse_rate_interval("500ms"), milliseconds(500));
  EXPECT_EQ(parse_rate_interval("2"), milliseconds(2000));
  EXPECT_EQ(parse_rate_interval("1m"), milliseconds(60000));
  EXPECT_FALSE(parse_rate_interval("fast"));
  EXPECT_FALSE(parse_rate_interval("0s"));
}

TEST(RateLimitHeaders, ReadsAllFourCrossrefHeaders) {
  const auto adv = parse_rate_limit_headers(crossref(10, "1s", 3, "polite"));
  EXPECT_EQ(adv.requests, 10);
  EXPECT_EQ(adv.interval, milliseconds(1000));
  EXPECT_EQ(adv.concurrency, 3);
  EXPECT_EQ(adv.pool, "polite");
  EXPECT_FALSE(parse_rate_limit_headers({}).any());
}

TEST(RateLimiter, AllowsOneRequestInFlightUntilTheFirstAnswer) {
  RateLimiter limiter;
  const auto t0 = Clock::now();
  EXPECT_TRUE(limiter.may_start("c", t0));
  limiter.on_start("c", t0);
  EXPECT_FALSE(limiter.next_start("c", t0 + milliseconds(5000)).has_value());  // waits for a completion
  limiter.on_response("c", 200, crossref(10, "1s", 3));
  EXPECT_TRUE(limiter.learned("c"));
  EXPECT_EQ(limiter.limits("c").concurrency, 3);
  EXPECT_EQ(limiter.pool("c"), "polite");
}

TEST(RateLimiter, DocumentedLimitsApplyFromTheFirstRequestAndStandInForMissingHeaders) {
  RateLimiter limiter;
  limiter.document("oa", RateLimits{10, milliseconds(1000), 4});
  const auto t0 = Clock::now();
  for (int i = 0; i < 4; ++i) {
    const auto at = limiter.next_start("oa", t0 + milliseconds(100 * i));
    ASSERT_TRUE(at.has_value()) << "four in flight without waiting for a first answer";
    limiter.on_start("oa", *at);
  }
  EXPECT_FALSE(limiter.next_start("oa", t0 + milliseconds(500)).has_value());
  limiter.on_response("oa", 200, {});  // OpenAlex sends no per-second limits
  EXPECT_EQ(limiter.limits("oa").requests, 10) << "not the cautious default of 4";
  EXPECT_EQ(limiter.limits("oa").concurrency, 4);
}

TEST(RateLimiter, SpacesStartsSoNoIntervalHoldsMoreThanTheLimit) {
  RateLimiter limiter;
  auto t = Clock::now();
  limiter.on_start("c", t);
  limiter.on_response("c", 200, crossref(5, "1s", 5));
  // Simulate a client starting as early as allowed for 3 seconds; every request finishes at once.
  std::vector<Clock::time_point> starts;
  for (int i = 0; i < 16; ++i) {
    const auto at = limiter.next_start("c", t);
    ASSERT_TRUE(at.has_value());
    t = std::max(t, *at);
    limiter.on_start("c", t);
    starts.push_back(t);
    limiter.on_response("c", 200, crossref(5, "1s", 5));
  }
  for (std::size_t i = 0; i + 5 < starts.size(); ++i)
    EXPECT_GT(starts[i + 5] - starts[i], milliseconds(1000)) << "6 starts within one second at " << i;
  // ...and not much slower than the limit: 15 intervals of 200 ms plus the safety margin.
  EXPECT_LT(starts.back() - starts.front(), milliseconds(3200));
}

TEST(RateLimiter, ObeysAdvertisedConcurrency) {
  RateLimiter limiter;
  const auto t = Clock::now();
  limiter.on_start("c", t);
  limiter.on_response("c", 200, crossref(1000, "1s", 2));
  limiter.on_start("c", t);
  const auto later = t + milliseconds(10);
  ASSERT_TRUE(limiter.may_start("c", later));
  limiter.on_start("c", later);
  EXPECT_FALSE(limiter.next_start("c", later + milliseconds(10)).has_value());
  limiter.on_failure("c");
  EXPECT_TRUE(limiter.may_start("c", later + milliseconds(10)));
}

TEST(RateLimiter, KeepsOneStatePerRequestClass) {
  RateLimiter limiter;
  const auto t = Clock::now();
  limiter.on_start("crossref-list", t);
  limiter.on_response("crossref-list", 200, crossref(3, "1s", 1, "polite-array"));
  EXPECT_TRUE(limiter.learned("crossref-list"));
  EXPECT_FALSE(limiter.learned("crossref-single"));
  EXPECT_TRUE(limiter.may_start("crossref-single", t));
}

TEST(RateLimiter, HeaderlessTooManyRequestsTeachesNothing) {
  RateLimiter limiter;
  const auto t = Clock::now();
  limiter.on_start("c", t);
  limiter.on_response("c", 429, {{"content-type", "text/html"}});
  EXPECT_FALSE(limiter.learned("c"));
  limiter.on_start("c", t);
  limiter.on_response("c", 200, {});  // HAL: answers without rate headers
  EXPECT_TRUE(limiter.learned("c"));
  EXPECT_EQ(limiter.limits("c").requests, RateLimiter::Options{}.unadvertised.requests);
}

TEST(RateLimiter, PauseDelaysTheWholeClass) {
  RateLimiter limiter;
  const auto t = Clock::now();
  limiter.pause_until("c", t + milliseconds(1500));
  const auto at = limiter.next_start("c", t);
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(*at, t + milliseconds(1500));
}

TEST(RateLimiter, HardCapBoundsAllClassesTogether) {
  RateLimiter::Options o;
  o.max_concurrency = 2;
  RateLimiter limiter(o);
  const auto t = Clock::now();
  limiter.on_start("a", t);
  limiter.on_start("b", t);
  EXPECT_FALSE(limiter.next_start("c", t).has_value());
}

}  // namespace
}  // namespace litrev
