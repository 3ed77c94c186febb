// Fuzz target for what Crossref sends back: any bytes as the body of a 200 answer to /works
// and to /works/{doi}, and as a JATS abstract or a title with markup.

#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_answer.hpp"
#include "fuzz/fuzz_checks.hpp"
#include "importers/crossref/crossref_response.hpp"
#include "importers/crossref/markup_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace litrev;
  const std::string_view in = fuzz::as_text(data, size);
  const HttpResponse r = fuzz::answer_with_body(in, "http://127.0.0.1/works", "application/json");
  if (auto page = parse_crossref_works_response(r)) {
    fuzz::check(page->records.size() <= page->items, "more records than items");
    for (const auto& rec : page->records) fuzz::check_record(in, rec.work);
  }
  if (auto one = parse_crossref_work_response(r); one && *one) fuzz::check_record(in, (*one)->work);
  fuzz::check_utf8(in, jats_to_text(in), "JATS text is not UTF-8");
  const std::string line = markup_to_line(in);
  fuzz::check_utf8(in, line, "title text is not UTF-8");
  fuzz::check(line.find('\n') == std::string::npos, "a title line holds a line break", line);
  return 0;
}
