#include "importers/net/progress.hpp"

#include <cmath>
#include <cstdio>

namespace litrev {

std::string format_progress(const Progress& p) {
  std::string out = std::to_string(p.done);
  if (p.total > 0) out += "/" + std::to_string(p.total);
  out += " " + p.unit;
  char buf[64];
  std::snprintf(buf, sizeof buf, "  %.1f/s", p.rate);
  out += buf;
  if (p.eta_seconds) {
    const long s = std::lround(*p.eta_seconds);
    std::snprintf(buf, sizeof buf, "  ETA %ld:%02ld", s / 60, s % 60);
    out += buf;
  }
  return out;
}

ProgressMeter::ProgressMeter(ProgressCallback callback, std::string unit, std::size_t total)
    : callback_(std::move(callback)), unit_(std::move(unit)), total_(total) {}

void ProgressMeter::set_total(std::size_t total) {
  total_ = total;
  if (callback_) callback_(snapshot());
}

void ProgressMeter::advance(std::size_t n) {
  done_ += n;
  if (callback_) callback_(snapshot());
}

Progress ProgressMeter::snapshot() const {
  Progress p;
  p.done = done_;
  p.total = total_;
  p.unit = unit_;
  p.elapsed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  p.rate = p.elapsed_seconds > 0 ? static_cast<double>(done_) / p.elapsed_seconds : 0;
  if (total_ > 0 && p.rate > 0 && done_ <= total_)
    p.eta_seconds = static_cast<double>(total_ - done_) / p.rate;
  return p;
}

}  // namespace litrev
