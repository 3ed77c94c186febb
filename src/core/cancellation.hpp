#pragma once
// Stopping a long computation on Ctrl-C / SIGTERM. A signal is process-wide by nature, and an
// atomic flag is the one thing a signal handler may set, so the request is one process-wide
// flag: the CLI's handler raises it, and every long loop (graph algorithms, store scans through
// SQLite's progress handler, output of large lists) polls it and unwinds by throwing Cancelled.
// Unwinding rolls back what was not committed (RAII transactions), and main turns Cancelled into
// exit code 130.

#include <stdexcept>

namespace litrev {

// Thrown where a loop noticed the request. Not an error of the input or the library.
class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("interrupted") {}
};

// Async-signal-safe: only stores to a lock-free atomic.
void request_cancellation() noexcept;
bool cancellation_requested() noexcept;
// Throws Cancelled when a request is pending. Cheap enough for an inner loop every few
// thousand iterations (one relaxed atomic load).
void throw_if_cancelled();
// For tests that request cancellation and go on in the same process.
void clear_cancellation() noexcept;

// Calls throw_if_cancelled() once every `period` calls of tick(): for loops whose single
// iteration costs nanoseconds.
class CancelCheck {
 public:
  explicit CancelCheck(unsigned period = 4096) : period_(period) {}
  void tick() {
    if (++count_ >= period_) {
      count_ = 0;
      throw_if_cancelled();
    }
  }

 private:
  unsigned period_;
  unsigned count_ = 0;
};

}  // namespace litrev
