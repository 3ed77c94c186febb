#pragma once
// Option value checks with messages people can read: CLI11's own PositiveNumber and
// NonNegativeNumber print their bounds as the largest double ("not in range 1 to
// 1.79769e+308"). A value outside the bounds is a usage error (exit 2) at parse time, before
// anything runs, instead of an exception from deep inside a computation.

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <string>

namespace litrev::cli {

// value >= min ("must be at least 1").
inline CLI::Validator at_least(double min) {
  return CLI::Validator(
      [min](std::string& text) -> std::string {
        double value = 0;
        if (!CLI::detail::lexical_cast(text, value)) return fmt::format("'{}' is not a number", text);
        return value >= min ? std::string{} : fmt::format("must be at least {}, not {}", min, text);
      },
      fmt::format(">= {}", min));
}

// min <= value <= max, or min <= value < max when max_excluded ("must be in [0, 1)").
inline CLI::Validator in_range(double min, double max, bool max_excluded = false) {
  const std::string bounds = fmt::format("[{}, {}{}", min, max, max_excluded ? ")" : "]");
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        double value = 0;
        if (!CLI::detail::lexical_cast(text, value)) return fmt::format("'{}' is not a number", text);
        const bool ok = value >= min && (max_excluded ? value < max : value <= max);
        return ok ? std::string{} : fmt::format("must be in {}, not {}", bounds, text);
      },
      bounds);
}

}  // namespace litrev::cli
