// Fuzz target for the LaTeX decoder and the name splitter on their own (the BibTeX target
// reaches them only through well-formed entries): any bytes as a field value and as a name list.

#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_checks.hpp"
#include "importers/bibtex/latex.hpp"
#include "importers/bibtex/names.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace litrev;
  const std::string_view in = fuzz::as_text(data, size);
  fuzz::check_utf8(in, bibtex::decode_latex(in), "decoded LaTeX is not UTF-8");
  const auto spans = bibtex::decode_latex_with_spans(in);
  fuzz::check_utf8(in, spans.text, "decoded LaTeX (with spans) is not UTF-8");

  for (std::string_view name : bibtex::split_name_list(in).names) fuzz::check(in.find(name) != std::string_view::npos || name.empty(), "a split name is not part of the list");
  const bibtex::NameList names = bibtex::parse_names(in);
  for (const Person& p : names.people) {
    for (const std::string* s : {&p.family, &p.given, &p.particle, &p.suffix, &p.literal})
      fuzz::check_utf8(in, *s, "name part is not UTF-8");
  }
  return 0;
}
