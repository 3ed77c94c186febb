// What sniff says of real exports (../shared) and of small files written here for the formats
// the shared corpus lacks (RIS, Scopus CSV, CSL-JSON) and the files people give by mistake.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "importers/input/input_file.hpp"
#include "importers/input/sniff.hpp"
#include "support/test_support.hpp"

namespace litrev::input {
namespace {

namespace fs = std::filesystem;
using test::read_file;

std::string head_of(const fs::path& path) { return read_file(path).substr(0, kHeadBytes); }

Format format_of(std::string_view bytes) { return sniff(bytes).format; }

std::string utf16le_with_bom(std::string_view ascii) {
  std::string out = "\xFF\xFE";
  for (const char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

TEST(Sniff, WebOfSciencePlainTextExports) {
  LITREV_REQUIRE_SHARED(shared);
  for (const char* file : {"ai_generative_ai/savedrecs.txt", "policy_transformative_innovation/savedrecs.txt",
                           "sustainable_development_sdg/savedrecs_3.txt",
                           "organizations_nonhuman_agency/20221111-analysis-corpus-web-of-science-export-full-records.txt"}) {
    const Sniffed s = sniff(head_of(shared / "corpus/citations" / file));
    EXPECT_EQ(s.format, Format::wos_plain_text) << file;
    EXPECT_EQ(s.encoding, "utf-8-bom") << file;
    EXPECT_EQ(s.description, "a Web of Science plain-text export") << file;
  }
}

TEST(Sniff, WebOfScienceTabDelimitedExportsInUtf8AndUtf16) {
  LITREV_REQUIRE_SHARED(shared);
  const std::string utf8 = head_of(shared / "corpus/citations/sts_science_technology_studies/savedrecs_29.txt");
  const Sniffed s = sniff(utf8);
  EXPECT_EQ(s.format, Format::wos_tab_delimited);
  EXPECT_EQ(s.encoding, "utf-8-bom");
  // WoS also writes this export as UTF-16LE with a BOM ("Tab-delimited (Win, UTF-16)").
  const std::string ascii = utf8.substr(3, 4000);
  const Sniffed wide = sniff(utf16le_with_bom(ascii));
  EXPECT_EQ(wide.format, Format::wos_tab_delimited);
  EXPECT_EQ(wide.encoding, "utf-16le");
}

TEST(Sniff, BibtexExportsOfEveryOrigin) {
  LITREV_REQUIRE_SHARED(shared);
  for (const char* file : {"citations/ai_generative_ai/savedrecs.bib", "bibtex/bibliometrix/scopus_vignette.bib",
                           "bibtex/bibliometrix/wos_savedrecs_vignette_bom.bib", "bibtex/socbibs/socbib-bibdesk.bib",
                           "bibtex/biber/encoding1.bib", "bibtex/biber/tugboat.bib"}) {
    EXPECT_EQ(format_of(head_of(shared / "corpus" / file)), Format::bibtex) << file;
  }
}

// Every .bib file of the shared corpus with an entry in its first 64 KiB is BibTeX to sniff,
// whatever its encoding or its garbage.
TEST(Sniff, EveryCorpusBibWithAnEntryIsBibtex) {
  LITREV_REQUIRE_SHARED(shared);
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(shared / "corpus/bibtex")) {
    if (e.path().extension() != ".bib") continue;
    const std::string head = head_of(e.path());
    ++files;
    const Format f = format_of(head);
    if (f == Format::empty) {
      EXPECT_TRUE(head.find_first_not_of(" \t\r\n") == std::string::npos) << e.path();
      continue;
    }
    EXPECT_TRUE(f == Format::bibtex || f == Format::text) << e.path() << ": " << format_name(f);
    if (f == Format::text) {
      EXPECT_EQ(head.find("\n@"), std::string::npos) << e.path();
    }
  }
  EXPECT_GT(files, 100u);
}

TEST(Sniff, JsonFromCslAndFromTheApis) {
  LITREV_REQUIRE_SHARED(shared);
  EXPECT_EQ(format_of(head_of(shared / "tools/data/csl-sample.json")), Format::csl_json);
  const Sniffed crossref = sniff(head_of(shared / "fixtures/crossref/work-journal-article-70refs-plos-0033693.json"));
  EXPECT_EQ(crossref.format, Format::json);
  EXPECT_EQ(crossref.description, "a Crossref API answer (JSON)");
  EXPECT_EQ(format_of(R"([{"id": "a", "type": "book", "title": "Gouverner par les instruments"}])"), Format::csl_json);
  EXPECT_EQ(format_of("[\n  {\n    \"id\": \"x\",\n    \"type\": \"article-journal\",\n    \"author\": []\n  }\n]"),
            Format::csl_json);
  EXPECT_EQ(format_of(R"({"response": {"numFound": 0, "docs": []}})"), Format::json);
  EXPECT_EQ(format_of("[1, 2, 3]"), Format::text) << "not an array of objects";
}

TEST(Sniff, Ris) {
  const std::string ris =
      "TY  - JOUR\r\nAU  - Meyer, John W.\r\nTI  - Institutionalized Organizations\r\nPY  - 1977\r\nER  - \r\n";
  const Sniffed s = sniff(ris);
  EXPECT_EQ(s.format, Format::ris);
  EXPECT_EQ(s.description, "a RIS export");
  EXPECT_EQ(format_of("\xEF\xBB\xBF" + ris), Format::ris);
  EXPECT_EQ(format_of("Exported from Zotero\n\n" + ris), Format::ris) << "RIS after a preamble line";
}

TEST(Sniff, ScopusCsvAndOtherTables) {
  const std::string scopus =
      "\xEF\xBB\xBF\"Authors\",\"Author full names\",\"Author(s) ID\",\"Title\",\"Year\",\"Source title\",\"Volume\","
      "\"DOI\",\"Link\",\"EID\"\n\"Doe J.\",\"Doe, John (1)\",\"1\",\"A title, with a comma\",\"2020\",\"J. Things\","
      "\"3\",\"10.1/x\",\"https://www.scopus.com/x\",\"2-s2.0-1\"\n";
  EXPECT_EQ(format_of(scopus), Format::scopus_csv);
  EXPECT_EQ(sniff(scopus).description, "a Scopus CSV export");
  const Sniffed table = sniff("Authors,Title,Year,DOI\n\"Doe J.\",\"A title\",2020,10.1/x\n");
  EXPECT_EQ(table.format, Format::csv);
  EXPECT_EQ(table.description, "a CSV table");
  EXPECT_EQ(format_of("name;year;doi\nDoe;2020;10.1/x\n"), Format::csv);
  EXPECT_EQ(format_of("Just a sentence, with commas, here.\nAnd another line.\n"), Format::text);
}

TEST(Sniff, FilesGivenByMistake) {
  EXPECT_EQ(sniff("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n").description, "a PDF document");
  std::string sqlite("SQLite format 3\0", 16);
  sqlite.append(84, '\0');
  const Sniffed db = sniff(sqlite);
  EXPECT_EQ(db.format, Format::sqlite);
  EXPECT_EQ(db.description, "an SQLite database (such as a litrev library)");
  // This very test program is an ELF executable.
  EXPECT_EQ(format_of(head_of("/proc/self/exe")), Format::executable);
  EXPECT_EQ(format_of(std::string("PK\x03\x04\x14\0\x06\0", 8)), Format::archive);
  EXPECT_EQ(format_of(std::string("\x1f\x8b\x08\0", 4)), Format::archive);
  EXPECT_EQ(format_of("\x89PNG\r\n\x1a\n"), Format::image);
  EXPECT_EQ(format_of("{\\rtf1\\ansi hello}"), Format::office);
  EXPECT_EQ(format_of("<!DOCTYPE html>\n<html><body>Login</body></html>"), Format::html);
  EXPECT_EQ(format_of("<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"/>"), Format::xml);
  std::string mz("MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0", 16);
  mz.append(200, '\0');
  EXPECT_EQ(sniff(mz).description, "an executable program (Windows)");
}

TEST(Sniff, EmptyBinaryAndPlainText) {
  EXPECT_EQ(format_of(""), Format::empty);
  EXPECT_EQ(format_of(" \n\t\r\n"), Format::empty);
  EXPECT_EQ(format_of("\xEF\xBB\xBF\n"), Format::empty);
  EXPECT_EQ(sniff(std::string(kHeadBytes, '\0')).description, "binary data");  // /dev/zero
  std::string noise;
  for (int i = 0; i < 4096; ++i) noise.push_back(static_cast<char>((i * 7919 + 13) & 0xff));
  EXPECT_EQ(format_of(noise), Format::binary);
  EXPECT_EQ(format_of("Dear colleague,\nhere are my references.\n"), Format::text);
}

TEST(Sniff, BibtexWithGarbageAroundIsStillBibtex) {
  EXPECT_EQ(format_of("Exported on 2024-01-01 by some tool\n\n@article{a,\n title={x}\n}\n"), Format::bibtex);
  EXPECT_EQ(format_of(std::string("@misc{a, title={x}}\n\0\0\0\x01\x02@misc{b}\n", 34)), Format::bibtex);
  EXPECT_EQ(format_of("% Encoding: UTF-8\n\n  @ Book ( key,\n title = {x})\n"), Format::bibtex);
  EXPECT_EQ(format_of("@string{acm = \"ACM\"}\n"), Format::bibtex);
  EXPECT_EQ(format_of("% Exported by litrev 0.1.0 from lib.db (bibtex)\n\n"), Format::bibtex) << "no entries";
  // Utf-16 without a BOM, as some Windows tools write .bib files.
  std::string wide;
  for (const char c : std::string("@misc{k, title = {Wide}}\n")) {
    wide.push_back(c);
    wide.push_back('\0');
  }
  const Sniffed s = sniff(wide);
  EXPECT_EQ(s.format, Format::bibtex);
  EXPECT_EQ(s.encoding, "utf-16le");
}

TEST(Sniff, NamesForScripts) {
  EXPECT_EQ(format_name(Format::wos_plain_text), "wos-plain-text");
  EXPECT_EQ(format_name(Format::bibtex), "bibtex");
  EXPECT_EQ(describe(Format::csl_json), "a CSL-JSON file");
}

TEST(TextEncoding, ByteOrderMarksAndNulPatterns) {
  EXPECT_EQ(detect_text_encoding("plain").name, "utf-8");
  EXPECT_EQ(detect_text_encoding("\xEF\xBB\xBFx").bom_size, 3u);
  EXPECT_EQ(detect_text_encoding(std::string("\xFF\xFE\0\0x\0\0\0", 8)).name, "utf-32le");
  EXPECT_EQ(detect_text_encoding("\xFE\xFF\0x").name, "utf-16be");
  const auto guessed = detect_text_encoding(std::string("\0@\0m\0i\0s\0c\0{\0k\0}", 16));
  EXPECT_EQ(guessed.name, "utf-16be");
  EXPECT_TRUE(guessed.guessed);
}

}  // namespace
}  // namespace litrev::input
