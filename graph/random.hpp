#pragma once
// Seeded randomness for the graph algorithms. std::mt19937_64 is specified bit for bit by the
// standard, but std::uniform_*_distribution are not (libstdc++ and libc++ differ), so the
// distributions are written here: same seed, same clusters and samples on every platform.

#include <cstdint>
#include <random>
#include <span>
#include <utility>

namespace litrev {

class Rng {
  // The 128-bit product is a GCC/Clang extension; __extension__ keeps -Wpedantic quiet.
  __extension__ using Wide = unsigned __int128;

 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}

  // Uniform integer in [0, bound), bound > 0: Lemire's multiply-shift with rejection (unbiased).
  std::uint64_t below(std::uint64_t bound) {
    Wide m = static_cast<Wide>(engine_()) * bound;
    auto low = static_cast<std::uint64_t>(m);
    if (low < bound) {
      const std::uint64_t threshold = (0 - bound) % bound;
      while (low < threshold) {
        m = static_cast<Wide>(engine_()) * bound;
        low = static_cast<std::uint64_t>(m);
      }
    }
    return static_cast<std::uint64_t>(m >> 64);
  }

  // Uniform double in [0, 1) with 53 random bits.
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  // Fisher-Yates.
  template <typename T>
  void shuffle(std::span<T> items) {
    for (std::size_t i = items.size(); i > 1; --i) {
      std::swap(items[i - 1], items[below(i)]);
    }
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace litrev
