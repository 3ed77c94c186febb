// Fuzz target for what reads untrusted bytes first: decoding (BOMs, UTF-16, Latin-1) and the
// BibTeX parser. Besides "no crash, no sanitizer report", it checks the parser's promises:
// the whole text is consumed, positions point at what they name, diagnostics have a place,
// and what was read reads back the same when written out in braces.
//
// LLVMFuzzerTestOneInput is libFuzzer's entry point; fuzz_driver.cpp provides a main for
// compilers without libFuzzer (see fuzz/CMakeLists.txt).

#include "importers/bibtex/bib_text.hpp"
#include "importers/bibtex/parser.hpp"
#include "src/core/text.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

[[noreturn]] void fail(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "bibtex_parser_fuzz: invariant broken: %s %.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

void check(bool ok, const char* what, std::string_view detail = {}) {
  if (!ok) fail(what, detail);
}

bool balanced(std::string_view s) {
  int depth = 0;
  for (char c : s) {
    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth == 0;
}

// Can this entry be written as `@type{key, name = {value}, ...}` and be expected to read back
// the same? (Keys with separators, values that are not brace-balanced -- possible from quoted
// values -- and line breaks next to an '@' made by concatenation are out.)
bool rewritable(const litrev::bibtex::RawEntry& e) {
  if (!e.complete || e.key.find_first_of(" \t\n\r\f\v,={}()") != std::string::npos) return false;
  for (const auto& f : e.fields)
    if (!balanced(f.value) || f.value.find("\n@") != std::string::npos || f.value.find('\r') != std::string::npos)
      return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace litrev::bibtex;
  const BibText text = decode_bib_bytes(std::string(reinterpret_cast<const char*>(data), size), "fuzz.bib");
  check(litrev::is_valid_utf8(text.text), "decoded text is not UTF-8");

  std::vector<RawEntry> entries;
  std::vector<litrev::Diagnostic> diagnostics;
  EntrySink sink;
  sink.entry = [&](RawEntry&& e) { entries.push_back(std::move(e)); };
  const ParseStats stats = parse_bibtex(text.text, "fuzz.bib", sink, diagnostics);

  const std::string_view t = text.text;
  check(stats.end_offset == t.size(), "parse stopped before the end");
  check(stats.entries == entries.size(), "entry count");
  std::size_t ats = 0, lines = 1;
  for (char c : t) {
    ats += c == '@';
    lines += c == '\n';
  }
  check(stats.entries + stats.skipped_entries <= ats, "more entries than '@'");
  std::size_t previous = 0;
  for (const auto& e : entries) {
    check(e.offset < t.size() && t[e.offset] == '@', "entry offset", e.key);
    check(e.offset >= previous, "entries out of order", e.key);
    previous = e.offset;
    check(e.line >= 1 && e.line <= lines && e.column >= 1, "entry position", e.key);
    for (const auto& f : e.fields) {
      check(!f.name.empty(), "empty field name", e.key);
      check(f.line >= e.line && f.line <= lines && f.column >= 1, "field position", f.name);
    }
  }
  for (const auto& d : diagnostics) {
    if (d.line == 0 && d.message.ends_with("more problems not shown")) continue;
    check(d.line >= 1 && d.line <= lines && d.column >= 1, "diagnostic position", d.message);
    check(!d.message.empty(), "empty diagnostic");
  }

  // Written back in braces, every rewritable entry reads back the same.
  std::string out;
  std::vector<const RawEntry*> written;
  for (const auto& e : entries) {
    if (!rewritable(e)) continue;
    out += "@" + e.type + "{" + e.key + ",\n";
    for (const auto& f : e.fields) out += "  " + f.name + " = {" + f.value + "},\n";
    out += "}\n";
    written.push_back(&e);
  }
  std::vector<litrev::Diagnostic> again_diagnostics;
  const auto again = parse_bibtex_entries(out, "rewritten", again_diagnostics);
  check(again.size() == written.size(), "rewritten entries do not read back", out);
  for (std::size_t i = 0; i < again.size(); ++i) {
    const RawEntry& a = *written[i];
    const RawEntry& b = again[i];
    check(a.key == b.key && a.type == b.type && a.fields.size() == b.fields.size(), "rewritten entry differs", a.key);
    for (std::size_t k = 0; k < a.fields.size(); ++k)
      check(a.fields[k].name == b.fields[k].name && a.fields[k].value == b.fields[k].value, "rewritten field differs",
            a.fields[k].name);
  }
  return 0;
}
