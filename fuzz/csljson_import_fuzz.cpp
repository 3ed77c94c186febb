// Fuzz target for the CSL-JSON importer: the bytes, decoded as a file would be (BOMs, UTF-16,
// Latin-1), go through the parser. Besides "no crash, no sanitizer report" (deep nesting, huge
// numbers, values of any JSON type where CSL expects another), it keeps its promises: no more
// items skipped than read, every record UTF-8, every diagnostic placed on a line of the text,
// and a malformed file is one error, nothing read.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/fuzz_checks.hpp"
#include "importers/csljson/csljson_import.hpp"
#include "importers/input/text_decoding.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using litrev::fuzz::check;
  const auto text = litrev::input::decode_text_bytes(std::string(litrev::fuzz::as_text(data, size)), "fuzz");
  std::size_t lines = 1;
  for (const char c : text.text) lines += c == '\n';
  std::size_t handed = 0;
  std::vector<litrev::Diagnostic> diagnostics;
  const auto counts = litrev::csljson::parse_csljson_file(
      text,
      [&](litrev::ImportRecord&& record) {
        ++handed;
        litrev::fuzz::check_record(text.text, record.work);
        check(record.source.line >= 1 && record.source.line <= lines, "record line outside the text");
        check(record.source.source_kind == "csl-json", "record of another kind");
      },
      diagnostics);
  check(counts.skipped <= counts.read, "more items skipped than read");
  check(handed + counts.skipped == counts.read, "items handed on + skipped != read");
  for (const auto& d : diagnostics) {
    check(!d.message.empty(), "empty diagnostic");
    check(d.line <= lines, "diagnostic line past the end", d.message);
  }
  if (counts.read == 0 && !text.text.empty())
    check(!diagnostics.empty() || text.text.find('[') != std::string_view::npos, "nothing read and nothing said");
  return 0;
}
