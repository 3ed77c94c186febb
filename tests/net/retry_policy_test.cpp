#include "importers/net/retry_policy.hpp"

#include <gtest/gtest.h>

namespace litrev {
namespace {

using std::chrono::milliseconds;

TEST(RetryableStatus, RetriesTooManyRequestsAndServerErrorsOnly) {
  EXPECT_TRUE(is_retryable_status(429));
  EXPECT_TRUE(is_retryable_status(500));
  EXPECT_TRUE(is_retryable_status(503));
  EXPECT_TRUE(is_retryable_status(504));
  EXPECT_FALSE(is_retryable_status(404));
  EXPECT_FALSE(is_retryable_status(400));
  EXPECT_FALSE(is_retryable_status(410));
  EXPECT_FALSE(is_retryable_status(200));
}

TEST(RetryAfter, ReadsDeltaSeconds) {
  const auto now = std::chrono::system_clock::now();
  EXPECT_EQ(parse_retry_after("120", now), milliseconds(120'000));
  EXPECT_EQ(parse_retry_after(" 0 ", now), milliseconds(0));
}

TEST(RetryAfter, ReadsHttpDateRelativeToNow) {
  // Wed, 21 Oct 2015 07:28:00 GMT == 1445412480
  const auto now = std::chrono::system_clock::from_time_t(1445412480 - 30);
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now), milliseconds(30'000));
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now + std::chrono::hours(1)), milliseconds(0));
}

TEST(RetryAfter, RejectsGarbage) {
  const auto now = std::chrono::system_clock::now();
  EXPECT_FALSE(parse_retry_after("", now));
  EXPECT_FALSE(parse_retry_after("soon", now));
  EXPECT_FALSE(parse_retry_after("-5", now));
}

TEST(Backoff, GrowsExponentiallyWithJitterAndStaysCapped) {
  RetryPolicy p;
  p.base_delay = milliseconds(100);
  p.max_delay = milliseconds(1000);
  EXPECT_EQ(backoff_delay(p, 1, 0.0), milliseconds(50));
  EXPECT_EQ(backoff_delay(p, 1, 1.0), milliseconds(100));
  EXPECT_EQ(backoff_delay(p, 3, 0.0), milliseconds(200));
  EXPECT_EQ(backoff_delay(p, 3, 1.0), milliseconds(400));
  EXPECT_LE(backoff_delay(p, 30, 1.0), milliseconds(1000));
  EXPECT_GE(backoff_delay(p, 30, 0.0), milliseconds(500));
}

TEST(RetryDelay, PrefersRetryAfterButCapsIt) {
  RetryPolicy p;
  p.base_delay = milliseconds(100);
  p.max_delay = milliseconds(5000);
  EXPECT_EQ(retry_delay(p, 1, milliseconds(2000), 0.5), milliseconds(2000));
  EXPECT_EQ(retry_delay(p, 1, milliseconds(3'600'000), 0.5), milliseconds(5000));
  EXPECT_EQ(retry_delay(p, 1, std::nullopt, 0.0), milliseconds(50));
}

}  // namespace
}  // namespace litrev
