// Fuzz target for cited-reference strings: one WoS CR line, one Scopus string or free text in
// each style, and whole fields split into references, as they come from exports.

#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_checks.hpp"
#include "importers/references/reference_parser.hpp"

namespace {

void check_reference(std::string_view in, const litrev::Reference& r) {
  using litrev::fuzz::check_utf8;
  for (const std::string* s : {&r.doi, &r.first_author, &r.author_initials, &r.title, &r.container, &r.volume,
                               &r.first_page, &r.isbn})
    check_utf8(in, *s, "reference field is not UTF-8");
  // A DOI is stored only as a DOI: "10." prefix, no spaces.
  if (!r.doi.empty()) {
    litrev::fuzz::check(r.doi.starts_with("10."), "DOI without its 10. prefix", r.doi);
    litrev::fuzz::check(r.doi.find_first_of(" \t\r\n") == std::string::npos, "DOI with a space", r.doi);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace litrev;
  const std::string_view in = fuzz::as_text(data, size);
  for (ReferenceStyle style : {ReferenceStyle::automatic, ReferenceStyle::wos, ReferenceStyle::scopus,
                               ReferenceStyle::unstructured})
    check_reference(in, parse_reference(in, style));
  for (const std::string& one : split_scopus_references(in)) check_reference(one, parse_reference(one));
  for (const std::string& one : split_wos_references(in)) check_reference(one, parse_reference(one));
  for (const std::string& one : wos_export_cited_references(in)) check_reference(one, parse_reference(one));
  return 0;
}
