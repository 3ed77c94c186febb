// The RIS writer: what Zotero, EndNote and Mendeley read, and what the RIS importer reads back
// as the same work.
#include <gtest/gtest.h>

#include "importers/ris/ris_import.hpp"
#include "src/export/ris_writer.hpp"
#include "support/work_helpers.hpp"

namespace litrev {
namespace {

using test::person;

StoredWork article() {
  StoredWork sw;
  sw.id = 7;
  Work& w = sw.work;
  w.key = "dimaggio1983";
  w.type = "article";
  w.title = "The iron cage revisited";
  w.subtitle = "Institutional isomorphism";
  w.container = "American Sociological Review";
  w.date = "1983-04";
  w.year = 1983;
  w.volume = "48";
  w.issue = "2";
  w.pages = "147-160";
  w.publisher = "ASA";
  w.language = "en";
  w.abstract_text = "What makes organizations so similar?\n\nAU - not a field\nThird line.";
  w.keywords = {"institutional theory", "isomorphism"};
  w.url = "https://www.jstor.org/stable/2095101";
  Person corporate;
  corporate.literal = "Organisation for Economic Co-operation and Development";
  w.contributors = {{Role::author, person("DiMaggio", "Paul J.")},
                    {Role::author, person("Berg", "Anna", "van der", "Jr.")},
                    {Role::author, corporate},
                    {Role::editor, person("Editor", "Ed")},
                    {Role::bookauthor, person("Nobody", "Lost")}};
  w.ids = {{IdScheme::doi, "10.2307/2095101"}, {IdScheme::issn, "0003-1224"}, {IdScheme::wos, "WOS:A1983QM13300001"}};
  sw.tags = {"to-read", "Isomorphism"};
  sw.notes = {{1, "2024-01-01", "Coercive, *mimetic*, normative.\n\nSecond paragraph."}, {2, "2024-01-02", "Short."}};
  return sw;
}

TEST(RisWriter, WritesTheSpecificationsTagsInOrderWithCrlf) {
  const std::string ris = ris_record_text(article());
  EXPECT_EQ(ris,
            "TY  - JOUR\r\n"
            "ID  - dimaggio1983\r\n"
            "TI  - The iron cage revisited: Institutional isomorphism\r\n"
            "AU  - DiMaggio, Paul J.\r\n"
            "AU  - van der Berg, Anna, Jr.\r\n"
            "AU  - Organisation for Economic Co-operation and Development\r\n"
            "A2  - Editor, Ed\r\n"
            "T2  - American Sociological Review\r\n"
            "PY  - 1983\r\n"
            "DA  - 1983/04//\r\n"
            "VL  - 48\r\n"
            "IS  - 2\r\n"
            "SP  - 147\r\n"
            "EP  - 160\r\n"
            "PB  - ASA\r\n"
            "LA  - en\r\n"
            "AB  - What makes organizations so similar?\r\n"
            "\r\n"
            " AU - not a field\r\n"
            "Third line.\r\n"
            "KW  - institutional theory\r\n"
            "KW  - isomorphism\r\n"
            "KW  - to-read\r\n"
            "DO  - 10.2307/2095101\r\n"
            "SN  - 0003-1224\r\n"
            "AN  - WOS:A1983QM13300001\r\n"
            "UR  - https://www.jstor.org/stable/2095101\r\n"
            "N1  - Coercive, *mimetic*, normative.\r\n"
            "\r\n"
            "Second paragraph.\r\n"
            "N1  - Short.\r\n"
            "ER  - \r\n");
}

TEST(RisWriter, TheRisImporterReadsTheSameWorkBack) {
  const StoredWork sw = article();
  std::vector<Diagnostic> diagnostics;
  const auto records = ris::import_ris_records(ris_record_text(sw), "out.ris", diagnostics);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_TRUE(diagnostics.empty());
  const Work& w = records[0].work;
  EXPECT_EQ(w.key, sw.work.key);
  EXPECT_EQ(w.type, "article");
  EXPECT_EQ(w.title, "The iron cage revisited: Institutional isomorphism");
  EXPECT_EQ(w.container, sw.work.container);
  EXPECT_EQ(w.date, "1983-04");
  EXPECT_EQ(w.pages, "147-160");
  EXPECT_EQ(w.abstract_text, sw.work.abstract_text);
  EXPECT_EQ(w.keywords, (std::vector<std::string>{"institutional theory", "isomorphism", "to-read"}));
  ASSERT_EQ(w.contributors.size(), 4u);  // the book author has no RIS tag
  EXPECT_EQ(w.contributors[1].person.particle, "van der");
  EXPECT_EQ(w.contributors[1].person.suffix, "Jr.");
  EXPECT_EQ(w.contributors[2].person.literal, "Organisation for Economic Co-operation and Development");
  EXPECT_EQ(w.contributors[3].role, Role::editor);
  EXPECT_EQ(w.ids.size(), 3u);
  EXPECT_EQ(records[0].notes, (std::vector<std::string>{sw.notes[0].text, sw.notes[1].text}));
}

TEST(RisWriter, BooksPutTheirEditorInA3AndSeasonsInTheDate) {
  StoredWork sw;
  sw.work.type = "collection";
  sw.work.title = "Labels";
  sw.work.date = "2021-22";
  sw.work.year = 2021;
  sw.work.pages = "e101";
  sw.work.contributors = {{Role::editor, person("Editor", "Ed")}, {Role::contributor, person("Series", "S.")}};
  const std::string ris = ris_record_text(sw);
  EXPECT_NE(ris.find("TY  - EDBOOK\r\n"), std::string::npos);
  EXPECT_NE(ris.find("A3  - Editor, Ed\r\nA2  - Series, S.\r\n"), std::string::npos) << ris;
  EXPECT_NE(ris.find("DA  - 2021///Summer\r\n"), std::string::npos);
  EXPECT_NE(ris.find("SP  - e101\r\n"), std::string::npos);
  EXPECT_EQ(ris.find("EP  -"), std::string::npos);
}

TEST(RisWriter, FieldsOfAnRisSourceThatLitrevDoesNotReadAreKept) {
  StoredWork sw = article();
  SourceRecord ris;
  ris.source_kind = "ris";
  ris.entry_type = "MGZN";
  ris.fields = {{"TY", "MGZN"}, {"TI", "old title"}, {"ST", "Iron cage"}, {"Y2", "2024/05/02/"}, {"J2", "Am. Sociol. Rev."},
                {"L1", "file:///a.pdf"}, {"AU", "DiMaggio, Paul J."}};
  sw.sources.push_back(ris);
  const std::string out = ris_record_text(sw);
  EXPECT_TRUE(out.starts_with("TY  - MGZN\r\n"));  // the imported type, which maps to the same store type
  EXPECT_NE(out.find("ST  - Iron cage\r\nY2  - 2024/05/02/\r\nJ2  - Am. Sociol. Rev.\r\nL1  - file:///a.pdf\r\n"),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find("old title"), std::string::npos);
  EXPECT_EQ(out.find("AU  - DiMaggio, Paul J.\r\nAU  - DiMaggio"), std::string::npos);
}

TEST(RisWriter, NotesAndTagsCanBeLeftOut) {
  RisWriterOptions options;
  options.notes = false;
  options.tags = false;
  const std::string out = ris_record_text(article(), options);
  EXPECT_EQ(out.find("N1  -"), std::string::npos);
  EXPECT_EQ(out.find("to-read"), std::string::npos);
}

}  // namespace
}  // namespace litrev
