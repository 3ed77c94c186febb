#include "src/core/cancellation.hpp"

#include <atomic>

namespace litrev {
namespace {

std::atomic<bool> g_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free, "a signal handler may only touch lock-free atomics");

}  // namespace

void request_cancellation() noexcept { g_requested.store(true, std::memory_order_relaxed); }

bool cancellation_requested() noexcept { return g_requested.load(std::memory_order_relaxed); }

void throw_if_cancelled() {
  if (cancellation_requested()) throw Cancelled();
}

void clear_cancellation() noexcept { g_requested.store(false, std::memory_order_relaxed); }

}  // namespace litrev
