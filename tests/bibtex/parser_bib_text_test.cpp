// Getting the text of a file: encodings, BOMs, binary input, and errors opening files.

#include "bibtex/parser_test_helpers.hpp"
#include "importers/bibtex/bib_text.hpp"
#include "support/test_support.hpp"

#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

namespace litrev::bibtex {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::StartsWith;

std::string show(const Diagnostic& d) {
  return fmt::format("{}:{}: {}: {}", d.source, d.line, d.severity == Diagnostic::Severity::error ? "error" : "warning",
                     d.message);
}

std::vector<RawEntry> entries_of(const BibText& t) {
  std::vector<Diagnostic> diagnostics;
  return parse_bibtex_entries(t.text, t.source, diagnostics);
}

std::string utf16(std::u16string_view s, bool little_endian, bool bom) {
  std::string out;
  const auto put = [&](char16_t u) {
    const char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
    out += little_endian ? std::string{lo, hi} : std::string{hi, lo};
  };
  if (bom) put(0xFEFF);
  for (char16_t u : s) put(u);
  return out;
}

TEST(BibText, ValidUtf8IsUsedAsItIs) {
  const auto t = decode_bib_bytes("@misc{k, title = {Écoles}}", "a.bib");
  EXPECT_EQ(t.encoding, "utf-8");
  EXPECT_EQ(t.text, "@misc{k, title = {Écoles}}");
  EXPECT_THAT(t.warnings, IsEmpty());
}

TEST(BibText, Utf8ByteOrderMarkIsSkippedAndPositionsStayRight) {
  const auto t = decode_bib_bytes("\xEF\xBB\xBF@misc{k,\n title = {x}}", "bom.bib");
  EXPECT_EQ(t.encoding, "utf-8-bom");
  EXPECT_EQ(t.text.substr(0, 5), "@misc");
  const auto entries = entries_of(t);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].line, 1u);
  EXPECT_EQ(entries[0].column, 1u);
  EXPECT_EQ(entries[0].offset, 0u);
  EXPECT_EQ(entries[0].fields[0].line, 2u);
  EXPECT_EQ(entries[0].fields[0].column, 2u);
}

TEST(BibText, Utf16WithByteOrderMarkIsTranscoded) {
  const std::u16string text = u"@misc{k, title = {Ünïcödé \U0001F600}}";
  for (const bool le : {true, false}) {
    const auto t = decode_bib_bytes(utf16(text, le, true), "u16.bib");
    EXPECT_EQ(t.encoding, le ? "utf-16le" : "utf-16be");
    EXPECT_EQ(t.text, "@misc{k, title = {Ünïcödé 😀}}");
    EXPECT_THAT(t.warnings, IsEmpty());
  }
}

TEST(BibText, Utf32WithByteOrderMarkIsTranscoded) {
  const std::u32string text = U"@misc{k, title = {Ünï 😀}}";
  for (const bool le : {true, false}) {
    std::string bytes;
    const auto put = [&](char32_t c) {
      for (int k = 0; k < 4; ++k) {
        const int shift = le ? 8 * k : 8 * (3 - k);
        bytes += static_cast<char>((c >> shift) & 0xFF);
      }
    };
    put(0xFEFF);
    for (char32_t c : text) put(c);
    const auto t = decode_bib_bytes(bytes, "u32.bib");
    EXPECT_EQ(t.encoding, le ? "utf-32le" : "utf-32be");
    EXPECT_EQ(t.text, "@misc{k, title = {Ünï 😀}}");
    EXPECT_THAT(t.warnings, IsEmpty());
  }
}

TEST(BibText, Utf16WithoutByteOrderMarkIsDetectedByItsNulBytes) {
  const std::u16string text = u"@misc{k, title = {Paris}}\n@misc{l}";
  for (const bool le : {true, false}) {
    const auto t = decode_bib_bytes(utf16(text, le, false), "nobom.bib");
    EXPECT_EQ(t.encoding, le ? "utf-16le" : "utf-16be");
    EXPECT_EQ(entries_of(t).size(), 2u);
    EXPECT_THAT(t.warnings,
                ElementsAre(testing::Field(&Diagnostic::message,
                                           le ? "no byte-order mark, but the NUL bytes say UTF-16LE; read as such"
                                              : "no byte-order mark, but the NUL bytes say UTF-16BE; read as such")));
  }
}

TEST(BibText, LoneSurrogatesAndAnOddLastByteAreReported) {
  std::string bytes = utf16(u"@misc{k}", true, true);
  bytes += std::string("\x00\xD8", 2);  // a high surrogate with nothing after it
  bytes += 'x';                         // and half a code unit
  const auto t = decode_bib_bytes(bytes, "bad16.bib");
  EXPECT_EQ(t.text, "@misc{k}\xEF\xBF\xBD");
  EXPECT_THAT(
      t.warnings,
      ElementsAre(testing::Field(&Diagnostic::message, "1 invalid UTF-16 code units replaced by U+FFFD"),
                  testing::Field(&Diagnostic::message, "odd number of bytes in a UTF-16 file: last byte ignored")));
}

TEST(BibText, Latin1FileIsReadAsWindows1252WithAWarningAtTheFirstBadLine) {
  const auto t = decode_bib_bytes("@misc{k,\n  title = {Ecole},\n  author = {M\xFCller \x96 \x80}}", "latin1.bib");
  EXPECT_EQ(t.encoding, "windows-1252");
  EXPECT_EQ(t.text, "@misc{k,\n  title = {Ecole},\n  author = {Müller – €}}");
  ASSERT_EQ(t.warnings.size(), 1u);
  EXPECT_EQ(show(t.warnings[0]), "latin1.bib:3: warning: not valid UTF-8; read as Windows-1252/Latin-1");
}

TEST(BibText, StrayBytesInUtf8TextAreTheOnlyOnesReadAsWindows1252) {
  const auto t = decode_bib_bytes("@misc{k, title = {Écoles à Paris}, note = {caf\xE9}}", "mixed.bib");
  EXPECT_EQ(t.encoding, "utf-8+windows-1252");
  EXPECT_EQ(t.text, "@misc{k, title = {Écoles à Paris}, note = {café}}");
  ASSERT_EQ(t.warnings.size(), 1u);
  EXPECT_EQ(show(t.warnings[0]),
            "mixed.bib:1: warning: not valid UTF-8 (1 stray bytes in UTF-8 text); those bytes read as "
            "Windows-1252/Latin-1");
}

TEST(BibText, DeclaredLatin9IsHonoured) {
  const auto t = decode_bib_bytes("% -*- coding: latin-9-unix -*-\n@BOOK{test\xA6, title = {\xA6ome \xA4}}", "l9.bib");
  EXPECT_EQ(t.encoding, "iso-8859-15");
  const auto entries = entries_of(t);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].key, "testŠ");
  EXPECT_EQ(entries[0].fields[0].value, "Šome €");
  ASSERT_EQ(t.warnings.size(), 1u);
  EXPECT_EQ(show(t.warnings[0]),
            "l9.bib:2: warning: not valid UTF-8; read as ISO-8859-15 (Latin-9), as the file declares");
}

// NUL bytes would cut values short in every C API later (SQLite's text functions, terminals).
TEST(BibText, NulBytesAreReplacedWithAWarning) {
  const auto t = decode_bib_bytes(std::string("@misc{a}\n\0\0@misc{b, title = {x\0y}}", 34), "nul.bib");
  ASSERT_EQ(t.warnings.size(), 1u);
  EXPECT_EQ(show(t.warnings[0]), "nul.bib:2: warning: 3 NUL bytes (binary data in a text file?) replaced by U+FFFD");
  EXPECT_EQ(t.text, "@misc{a}\n\uFFFD\uFFFD@misc{b, title = {x\uFFFDy}}");
  EXPECT_EQ(entries_of(t).size(), 2u);
}

TEST(BibText, PngRenamedBibIsReadWithoutCrashingAndHoldsNoEntry) {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5c\x72\xa8\x66", 33);
  for (int i = 0; i < 1000; ++i) png += static_cast<char>((i * 7919) % 256);
  const auto t = decode_bib_bytes(png, "image.bib");
  std::vector<Diagnostic> diagnostics;
  const auto stats = parse_bibtex(t.text, t.source, EntrySink{}, diagnostics);
  EXPECT_EQ(stats.entries, 0u);
  EXPECT_EQ(stats.end_offset, t.text.size());
}

TEST(BibText, EmptyInputIsEmptyUtf8) {
  const auto t = decode_bib_bytes("", "empty.bib");
  EXPECT_EQ(t.encoding, "utf-8");
  EXPECT_TRUE(t.text.empty());
  EXPECT_THAT(t.warnings, IsEmpty());
}

TEST(BibText, ReadsAFileByMappingIt) {
  litrev::test::TempDir dir;
  litrev::test::write_file(dir / "a.bib", "@misc{k, title = {x}}\n");
  const auto t = read_bib_file((dir / "a.bib").string());
  ASSERT_TRUE(t.has_value()) << t.error().message;
  EXPECT_EQ(t->source, (dir / "a.bib").string());
  EXPECT_EQ(t->text, "@misc{k, title = {x}}\n");
  EXPECT_EQ(t->input_bytes, 22u);
  EXPECT_EQ(entries_of(*t).size(), 1u);
}

TEST(BibText, TextOutlivesCopiesOfTheObject) {
  litrev::test::TempDir dir;
  litrev::test::write_file(dir / "a.bib", "@misc{k}");
  std::string_view view;
  BibText copy;
  {
    auto t = read_bib_file((dir / "a.bib").string());
    ASSERT_TRUE(t.has_value());
    copy = *t;
    view = t->text;
  }
  EXPECT_EQ(copy.text, "@misc{k}");
  EXPECT_EQ(view.data(), copy.text.data());  // the mapping is shared, not copied
}

TEST(BibText, MissingFileIsAnErrorValueWithPathAndReason) {
  const auto t = read_bib_file("/nonexistent/dir/refs.bib");
  ASSERT_FALSE(t.has_value());
  EXPECT_EQ(t.error().severity, Diagnostic::Severity::error);
  EXPECT_EQ(show(t.error()), "/nonexistent/dir/refs.bib:0: error: cannot open: No such file or directory");
}

TEST(BibText, DirectoryIsAnErrorValue) {
  litrev::test::TempDir dir;
  const auto t = read_bib_file(dir.path().string());
  ASSERT_FALSE(t.has_value());
  EXPECT_EQ(t.error().message, "cannot read: Is a directory");
}

TEST(BibText, ReadsFromAPipe) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  std::string big;
  for (int i = 0; i < 5000; ++i) big += "@misc{k" + std::to_string(i) + ", title = {x}}\n";
  std::thread writer = litrev::test::write_in_background(fds[1], big);
  auto t = read_bib_fd(fds[0], "-");
  writer.join();
  ::close(fds[0]);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->source, "-");
  EXPECT_EQ(t->text.size(), big.size());
  EXPECT_EQ(entries_of(*t).size(), 5000u);
}

TEST(BibText, ReadErrorOnADescriptorIsAnErrorValue) {
  const auto t = read_bib_fd(-1, "-");
  ASSERT_FALSE(t.has_value());
  EXPECT_THAT(t.error().message, StartsWith("cannot read: Bad file descriptor"));
}

}  // namespace
}  // namespace litrev::bibtex
