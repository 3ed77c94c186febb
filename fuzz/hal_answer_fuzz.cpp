// Fuzz target for what HAL sends back: any bytes as the body of a 200 answer (JSON search
// results, or TEI XML for wt=xml-tei), read as the importer reads them.

#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_answer.hpp"
#include "fuzz/fuzz_checks.hpp"
#include "importers/hal/hal_response.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace litrev;
  const std::string_view in = fuzz::as_text(data, size);
  const HttpResponse r = fuzz::answer_with_body(in, "http://127.0.0.1/search/");
  if (auto page = parse_hal_response(r)) {
    fuzz::check(page->records.size() <= page->docs, "more records than documents");
    for (const auto& rec : page->records) fuzz::check_record(in, rec.work);
  }
  return 0;
}
