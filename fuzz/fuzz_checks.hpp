// What every fuzz target asserts beyond "no crash, no sanitizer report": a broken promise
// aborts, so that libFuzzer (or fuzz_driver.cpp) keeps the input that broke it.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "src/core/record.hpp"
#include "src/core/text.hpp"

namespace litrev::fuzz {

[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "fuzz target: invariant broken: %s %.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

inline void check(bool ok, const char* what, std::string_view detail = {}) {
  if (!ok) fail(what, detail);
}

// Text a parser hands on to the store and the terminal must be UTF-8 whenever its input was.
inline void check_utf8(std::string_view input, std::string_view out, const char* what) {
  if (is_valid_utf8(input)) check(is_valid_utf8(out), what, out);
}

inline std::string_view as_text(const unsigned char* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A record read from UTF-8 input holds UTF-8 in every field a person or a store will read.
inline void check_record(std::string_view input, const Work& w) {
  if (!is_valid_utf8(input)) return;
  for (const std::string* s : {&w.key, &w.type, &w.title, &w.subtitle, &w.container, &w.date, &w.volume, &w.issue,
                               &w.pages, &w.publisher, &w.place, &w.abstract_text, &w.url})
    check(is_valid_utf8(*s), "record field is not UTF-8", *s);
  for (const auto& c : w.contributors)
    for (const std::string* s : {&c.person.family, &c.person.given, &c.person.literal})
      check(is_valid_utf8(*s), "name is not UTF-8", *s);
}

}  // namespace litrev::fuzz
