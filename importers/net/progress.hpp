#pragma once
// Progress of a long import (done/total, rate, ETA), reported through a callback so that the
// CLI decides whether and where to print it (stderr, only on a terminal).

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace litrev {

struct Progress {
  std::size_t done = 0;
  std::size_t total = 0;  // 0 when unknown (a search before its first page)
  std::string unit;       // "DOIs", "records"
  double elapsed_seconds = 0;
  double rate = 0;                     // units per second so far
  std::optional<double> eta_seconds;   // when total and rate are known
};

using ProgressCallback = std::function<void(const Progress&)>;

// "1200/2000 DOIs  350.2/s  ETA 0:03" (no total: "1200 records  350.2/s").
std::string format_progress(const Progress& p);

// Counts units and calls the callback (when one is given) after each change.
class ProgressMeter {
 public:
  ProgressMeter(ProgressCallback callback, std::string unit, std::size_t total = 0);
  void set_total(std::size_t total);
  void advance(std::size_t n = 1);
  Progress snapshot() const;

 private:
  ProgressCallback callback_;
  std::string unit_;
  std::size_t total_ = 0;
  std::size_t done_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace litrev
