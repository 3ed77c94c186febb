// What a file that is not CSL-JSON gets: one error naming the line and column, nothing read;
// and the pieces of the parser on their own (the layout scan, the note's Extra lines).
#include <gtest/gtest.h>

#include <string>

#include "importers/csljson/csljson_import.hpp"
#include "importers/csljson/json_layout.hpp"
#include "importers/csljson/note_fields.hpp"

namespace litrev::csljson {
namespace {

struct Outcome {
  std::vector<ImportRecord> records;
  std::vector<Diagnostic> diagnostics;
};

Outcome import_text(std::string_view text) {
  Outcome o;
  o.records = input::all_records(parse_csljson_file, input::decode_text_bytes(std::string(text), "in.json"), o.diagnostics);
  return o;
}

std::string only_error(const Outcome& o) {
  EXPECT_TRUE(o.records.empty());
  EXPECT_EQ(o.diagnostics.size(), 1u);
  if (o.diagnostics.empty()) return {};
  const Diagnostic& d = o.diagnostics.front();
  EXPECT_EQ(d.severity, Diagnostic::Severity::error);
  EXPECT_EQ(d.source, "in.json");
  return std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message;
}

TEST(CslJsonHostile, TextThatIsNotJsonIsOneErrorWithItsPosition) {
  EXPECT_EQ(only_error(import_text("[\n  {\"id\": \"a\", \"title\": \"x\"},\n  {\"id\": \"b\" \"title\": \"y\"}\n]\n")),
            "3:20: not valid JSON: syntax error while parsing object - unexpected string literal; expected '}'; "
            "nothing read");
}

TEST(CslJsonHostile, TruncatedFileIsOneError) {
  EXPECT_EQ(only_error(import_text("[\n  {\"id\": \"a\", \"title\": \"x\"")),
            "2:27: not valid JSON: syntax error while parsing object - unexpected end of input; expected '}'; nothing "
            "read");
}

TEST(CslJsonHostile, EmptyTextIsOneError) {
  EXPECT_EQ(only_error(import_text("")).substr(0, 20), "1:1: not valid JSON:");
}

TEST(CslJsonHostile, JsonThatIsNoArrayIsRefused) {
  EXPECT_EQ(only_error(import_text("\"a string\"")), "1:1: CSL-JSON is an array of items; this file holds a JSON string; nothing read");
  EXPECT_EQ(only_error(import_text("12")), "1:1: CSL-JSON is an array of items; this file holds a JSON number; nothing read");
}

TEST(CslJsonHostile, NumberTooLargeForADoubleIsOneError) {
  EXPECT_EQ(only_error(import_text("[\n{\"id\": \"a\", \"volume\": 1e999}]")),
            "2:23: not valid JSON: number overflow parsing '1e999'; nothing read");
}

TEST(CslJsonHostile, DeepNestingIsRefusedBeforeParsing) {
  std::string deep = "[{\"id\": \"a\", \"custom\": ";
  for (int i = 0; i < 100000; ++i) deep += '[';
  for (int i = 0; i < 100000; ++i) deep += ']';
  deep += "}]";
  EXPECT_EQ(only_error(import_text(deep)), "1:0: JSON nested deeper than 64 levels: not CSL-JSON; nothing read");
}

TEST(CslJsonHostile, NestingWithinTheLimitIsRead) {
  std::string deep = "[{\"id\": \"a\", \"title\": \"T\", \"custom\": ";
  for (int i = 0; i < 60; ++i) deep += '[';
  for (int i = 0; i < 60; ++i) deep += ']';
  deep += "}]";
  const Outcome o = import_text(deep);
  ASSERT_EQ(o.records.size(), 1u);
  EXPECT_EQ(o.records[0].work.title, "T");
}

TEST(CslJsonHostile, EmptyArrayReadsNothingWithoutComplaint) {
  const Outcome o = import_text("[ ]");
  EXPECT_TRUE(o.records.empty());
  EXPECT_TRUE(o.diagnostics.empty());
}

TEST(CslJsonLayout, ItemsAndKeysAreFoundOutsideStrings) {
  const std::string text = "[\n {\"id\": \"a, [b]\", \"title\": \"{\\\"x\\\"\"},\n\n {\"id\": 2,\n  \"author\": [{\"family\": \"F\"}]},\n \"s\"\n]";
  const JsonLayout layout = scan_json_layout(text, 64);
  ASSERT_EQ(layout.items.size(), 3u);
  EXPECT_EQ(layout.items[0].line, 2u);
  EXPECT_EQ(layout.items[1].line, 4u);
  EXPECT_EQ(layout.items[2].line, 6u);
  ASSERT_EQ(layout.items[0].keys.size(), 2u);
  EXPECT_EQ(layout.items[0].keys[1].first, "title");
  ASSERT_EQ(layout.items[1].keys.size(), 2u);  // "family" is a name's key, not the item's
  EXPECT_EQ(layout.items[1].line_of("author"), 5u);
  EXPECT_EQ(layout.items[1].line_of("missing"), 4u);
  EXPECT_EQ(layout.too_deep_line, 0u);
}

TEST(CslJsonLayout, RootObjectIsOneItem) {
  const JsonLayout layout = scan_json_layout("\n{\"id\": \"a\",\n \"title\": \"t\"}", 64);
  ASSERT_EQ(layout.items.size(), 1u);
  EXPECT_EQ(layout.items[0].line, 2u);
  EXPECT_EQ(layout.items[0].line_of("title"), 3u);
}

TEST(CslJsonNote, KnownKeysBecomeFieldsAndTheRestStaysText) {
  const SplitNote n = split_note(
      "Original Date: 1987\nPMID: 123\ntex.ids: a, b\nSee also: Bourdieu 1979\nhttps://example.org\n"
      "type: dataset\nCitation Key: k1\n{:issued: 2001} tail");
  ASSERT_EQ(n.fields.size(), 6u);
  EXPECT_EQ(n.fields[0].name, "issued");
  EXPECT_EQ(n.fields[0].value, "2001");
  EXPECT_EQ(n.fields[1].name, "original-date");
  EXPECT_EQ(n.fields[2].name, "PMID");
  EXPECT_EQ(n.fields[3].name, "tex.ids");
  EXPECT_EQ(n.fields[3].value, "a, b");
  EXPECT_EQ(n.fields[4].name, "type");
  EXPECT_EQ(n.fields[5].name, "citation-key");
  EXPECT_EQ(n.text, "See also: Bourdieu 1979\nhttps://example.org\n tail");
}

TEST(CslJsonNote, ANoteLineIsNoField) {
  const SplitNote n = split_note("Note: keep this\nabstract:");
  EXPECT_TRUE(n.fields.empty());
  EXPECT_EQ(n.text, "Note: keep this\nabstract:");
}

}  // namespace
}  // namespace litrev::csljson
