// Fuzz target for the CSL engine's untrusted inputs: CSL-JSON (items from any exporter) and
// what field values hold (rich-text markup, dates, numbers, names). Besides "no crash, no
// sanitizer report" it checks two promises: markup-free text comes out of the rich-text parser
// unchanged, and text-case never changes a protected (nocase) stretch.
//
// LLVMFuzzerTestOneInput is libFuzzer's entry point; fuzz_driver.cpp provides a main for
// compilers without libFuzzer (see fuzz/CMakeLists.txt).

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>

#include "src/csl/initials.hpp"
#include "src/csl/item_json.hpp"
#include "src/csl/numbers.hpp"
#include "src/csl/rich_text.hpp"
#include "src/csl/text_case.hpp"

namespace {

void check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "csl_input_fuzz: invariant broken: %s\n", what);
  std::abort();
}

void exercise_value(const std::string& v) {
  using namespace litrev::csl;
  const Blob b = parse_rich_text(v);
  if (v.find_first_of("<\"'") == std::string::npos && v.find("\u2018") == std::string::npos &&
      v.find("\u201C") == std::string::npos)
    check(b.leaf && b.text == v, "plain text changed by the rich-text parser");
  (void)strip_rich_text(v);
  for (auto tc : {TextCase::title, TextCase::sentence, TextCase::capitalize_first, TextCase::uppercase})
    (void)text_cased(tc, v);
  std::string kept = v;
  std::string other = "x " + v;
  apply_text_case(TextCase::uppercase, {{&other, false}, {&kept, true}});
  check(kept == v, "text-case changed a protected stretch");
  (void)format_page_range(v, PageRangeFormat::chicago, "\u2013");
  (void)format_page_range(v, PageRangeFormat::minimal_two, "-");
  (void)is_numeric(v);
  (void)label_plural(Var::page, v);
  (void)parse_date_text(v);
  (void)initialize_given(v, ". ", false, true);
  (void)initialize_given(v, "", true, false);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  exercise_value(input);
  try {
    const auto read = litrev::csl::read_csl_json(input);
    for (const auto& item : read.items) {
      for (const auto& [var, value] : item.text) exercise_value(value);
      (void)litrev::csl::write_csl_json_item(item);
    }
  } catch (const std::exception&) {
    // Not JSON: a clear error, which is the promise.
  }
  return 0;
}
