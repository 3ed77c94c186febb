// Golden files: each tests/data/bibtex/parser/NAME.bib beside NAME.expected, the parser's
// complete output in a readable form (entries, fields, positions, @string/@preamble/
// @comment, diagnostics verbatim, counts). Inputs are written for these tests: a WoS export,
// a Scopus export, a JabRef library, a file of errors, Latin-1 and UTF-16 files.
//
// After an intended change of output, regenerate and review the diff:
//   LITREV_UPDATE_GOLDEN=1 build/tests/test_bibtex --gtest_filter='*ParserGolden*'

#include "importers/bibtex/bib_text.hpp"
#include "importers/bibtex/parser.hpp"
#include "support/test_support.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

namespace litrev::bibtex {
namespace {

namespace fs = std::filesystem;

std::string escaped(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else
      out += c;
  }
  return out;
}

// The parser's whole output for one file, one item per line.
std::string render(const fs::path& path) {
  auto text = read_bib_file(path.string());
  if (!text) return "cannot read: " + text.error().message + "\n";
  std::string out = fmt::format("encoding {}\n", text->encoding);
  for (const auto& w : text->warnings) out += fmt::format("{}: warning: {}\n", w.line, w.message);
  EntrySink sink;
  sink.entry = [&](RawEntry&& e) {
    out += fmt::format("entry {} {{{}}} at {}:{} offset {}{}\n", e.type, e.key, e.line, e.column, e.offset,
                       e.complete ? "" : " INCOMPLETE");
    for (const auto& f : e.fields)
      out += fmt::format("  {} at {}:{} = {}\n", f.name, f.line, f.column, escaped(f.value));
  };
  sink.preamble = [&](Preamble&& p) {
    out += fmt::format("preamble at {}:{} = {}\n", p.line, p.column, escaped(p.value));
  };
  sink.comment = [&](Comment&& c) { out += fmt::format("comment at {}:{} = {}\n", c.line, c.column, escaped(c.text)); };
  sink.macro = [&](MacroDefinition&& m) {
    out += fmt::format("string {} at {}:{} = {}\n", m.name, m.line, m.column, escaped(m.value));
  };
  std::vector<Diagnostic> diagnostics;
  const ParseStats s = parse_bibtex(text->text, path.filename().string(), sink, diagnostics);
  for (const auto& d : diagnostics)
    out += fmt::format("{}:{}:{}: {}: {}{}\n", d.source, d.line, d.column,
                       d.severity == Diagnostic::Severity::error ? "error" : "warning", d.message,
                       d.field.empty() ? "" : fmt::format(" [field {}]", d.field));
  out += fmt::format(
      "stats entries={} incomplete={} skipped={} fields={} macros={} preambles={} comments={} errors={} warnings={}\n",
      s.entries, s.incomplete_entries, s.skipped_entries, s.fields, s.macros, s.preambles, s.comments, s.errors,
      s.warnings);
  return out;
}

std::vector<std::string> golden_inputs() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(litrev::test::test_data("bibtex/parser")))
    if (entry.path().extension() == ".bib") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

class ParserGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(ParserGolden, OutputMatchesTheExpectedFile) {
  const fs::path input = litrev::test::test_data("bibtex/parser/" + GetParam() + ".bib");
  const fs::path expected = litrev::test::test_data("bibtex/parser/" + GetParam() + ".expected");
  const std::string actual = render(input);
  if (std::getenv("LITREV_UPDATE_GOLDEN")) {
    litrev::test::write_file(expected, actual);
    GTEST_SKIP() << "wrote " << expected;
  }
  ASSERT_TRUE(fs::exists(expected)) << expected << " is missing (LITREV_UPDATE_GOLDEN=1 writes it)";
  EXPECT_EQ(actual, litrev::test::read_file(expected));
}

INSTANTIATE_TEST_SUITE_P(Files, ParserGolden, ::testing::ValuesIn(golden_inputs()),
                         [](const ::testing::TestParamInfo<std::string>& param) { return param.param; });

TEST(ParserGoldenFiles, AreThere) { EXPECT_GE(golden_inputs().size(), 6u); }

}  // namespace
}  // namespace litrev::bibtex
