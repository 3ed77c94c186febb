#include "src/core/cancellation.hpp"

#include <gtest/gtest.h>

namespace litrev {
namespace {

TEST(Cancellation, ARequestMakesTheNextCheckThrowUntilCleared) {
  EXPECT_NO_THROW(throw_if_cancelled());
  request_cancellation();
  EXPECT_TRUE(cancellation_requested());
  EXPECT_THROW(throw_if_cancelled(), Cancelled);
  clear_cancellation();
  EXPECT_NO_THROW(throw_if_cancelled());
}

TEST(CancelCheck, LooksOnlyEveryPeriodTicks) {
  CancelCheck check(3);
  request_cancellation();
  EXPECT_NO_THROW(check.tick());
  EXPECT_NO_THROW(check.tick());
  EXPECT_THROW(check.tick(), Cancelled);
  clear_cancellation();
}

}  // namespace
}  // namespace litrev
