// Fuzz target for what OpenAlex sends back: any bytes as the body of a 200 answer to /works (a
// list page) and to /works/{id} (one work), and as the body of an error answer.

#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_answer.hpp"
#include "fuzz/fuzz_checks.hpp"
#include "importers/openalex/openalex_response.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace litrev;
  const std::string_view in = fuzz::as_text(data, size);
  HttpResponse r = fuzz::answer_with_body(in, "http://127.0.0.1/works", "application/json");
  if (auto page = parse_openalex_list(r)) {
    fuzz::check(page->records.size() <= page->items, "more records than items");
    for (const auto& rec : page->records) fuzz::check_record(in, rec.work);
  }
  if (auto one = parse_openalex_work(r); one && *one) fuzz::check_record(in, (*one)->work);
  r.status = 400;
  const std::string message = openalex_error_message(r);
  fuzz::check(message.size() < 1000 + r.url.size() + 300, "an error message that floods the terminal", message);
  return 0;
}
