// Fuzz target for the RIS, Web of Science (plain text and tab-delimited) and Scopus CSV parsers:
// the same bytes, decoded as a file would be (BOMs, UTF-16, Latin-1), go through each. Besides
// "no crash, no sanitizer report", each parser keeps its promises: no more records skipped than
// read, every record UTF-8, every diagnostic placed on a line of the text.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/fuzz_checks.hpp"
#include "importers/input/text_decoding.hpp"
#include "importers/ris/ris_import.hpp"
#include "importers/scopus/scopus_import.hpp"
#include "importers/wos/wos_import.hpp"

namespace {

using Parse = litrev::input::ParseCounts (*)(const litrev::input::DecodedText&, const litrev::input::RecordSink&,
                                              std::vector<litrev::Diagnostic>&);

void check_parser(const litrev::input::DecodedText& text, Parse parse, const char* name) {
  using litrev::fuzz::check;
  // Lines as the parsers count them: CRLF, LF, or a lone CR (old Mac exports).
  std::size_t lines = 1;
  const std::string_view t = text.text;
  for (std::size_t i = 0; i < t.size(); ++i) lines += t[i] == '\n' || (t[i] == '\r' && (i + 1 == t.size() || t[i + 1] != '\n'));
  std::size_t handed = 0;
  std::vector<litrev::Diagnostic> diagnostics;
  const auto counts = parse(
      text,
      [&](litrev::ImportRecord&& record) {
        ++handed;
        litrev::fuzz::check_record(text.text, record.work);
        check(record.source.line <= lines, "record line past the end", name);
      },
      diagnostics);
  check(counts.skipped <= counts.read, "more records skipped than read", name);
  check(handed + counts.skipped == counts.read, "records handed on + skipped != read", name);
  for (const auto& d : diagnostics) {
    check(!d.message.empty(), "empty diagnostic", name);
    check(d.line <= lines, "diagnostic line past the end", d.message);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = litrev::input::decode_text_bytes(std::string(litrev::fuzz::as_text(data, size)), "fuzz");
  litrev::fuzz::check(litrev::is_valid_utf8(text.text), "decoded text is not UTF-8");
  check_parser(text, &litrev::ris::parse_ris_file, "ris");
  check_parser(text, &litrev::wos::parse_wos_file, "wos");
  check_parser(text, &litrev::scopus::parse_scopus_file, "scopus");
  return 0;
}
