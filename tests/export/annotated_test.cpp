// The annotated bibliography's pieces: grouping and ordering, the facts line, notes through
// cmark, each format's escaping, and the docx/odt archives' XML (read back with libzip).
#include <gtest/gtest.h>
#include <zip.h>

#include "src/export/annotated.hpp"
#include "src/export/annotated_office.hpp"
#include "src/export/markdown_note.hpp"

namespace litrev {
namespace {

AnnotatedEntry entry(const std::string& key, std::optional<int> year, std::size_t order) {
  AnnotatedEntry e;
  e.key = key;
  e.year = year;
  e.style_order = order;
  e.reference.text = "Ref " + key;
  e.type = "article";
  return e;
}

std::vector<std::string> keys(const AnnotatedGroup& g) {
  std::vector<std::string> out;
  for (const auto& e : g.entries) out.push_back(e.key);
  return out;
}

TEST(AnnotatedGroups, ClustersInOrderWithTheUnclusteredLast) {
  auto a = entry("a", 2001, 0), b = entry("b", 2002, 1), c = entry("c", 2003, 2);
  a.cluster = 2;
  c.cluster = 1;
  const auto groups = group_entries({a, b, c}, GroupBy::cluster, EntryOrder::style,
                                    {{1, "ethics", {"ethics", "ai"}}, {2, "labels", {}}, {3, "empty", {}}});
  ASSERT_EQ(groups.size(), 3u);  // the empty cluster 3 has no heading
  EXPECT_EQ(groups[0].heading, "Cluster 1: ethics");
  EXPECT_EQ(groups[0].terms, (std::vector<std::string>{"ethics", "ai"}));
  EXPECT_EQ(keys(groups[0]), std::vector<std::string>{"c"});
  EXPECT_FALSE(groups[0].entries[0].cluster);  // said by the heading, not under the entry
  EXPECT_EQ(groups[1].heading, "Cluster 2: labels");
  EXPECT_EQ(groups[2].heading, "Not clustered");
  EXPECT_EQ(keys(groups[2]), std::vector<std::string>{"b"});
}

TEST(AnnotatedGroups, AWorkWithTwoTagsIsUnderBothInAlphabeticalOrder) {
  auto a = entry("a", 2001, 0), b = entry("b", 2002, 1);
  a.tags = {"labels", "CSR"};
  const auto groups = group_entries({a, b}, GroupBy::tag, EntryOrder::style, {});
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].heading, "CSR");
  EXPECT_EQ(groups[1].heading, "labels");
  EXPECT_EQ(groups[2].heading, "Untagged");
}

TEST(AnnotatedGroups, YearsNewestFirstAndUndatedLast) {
  const auto groups = group_entries({entry("a", 1999, 0), entry("b", std::nullopt, 1), entry("c", 2020, 2)},
                                    GroupBy::year, EntryOrder::style, {});
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].heading, "2020");
  EXPECT_EQ(groups[1].heading, "1999");
  EXPECT_EQ(groups[2].heading, "No date");
}

TEST(AnnotatedGroups, SortsByCitationsThenStyleOrder) {
  auto a = entry("a", 2001, 0), b = entry("b", 2002, 1), c = entry("c", 2003, 2);
  a.citations = 1;
  b.citations = 5;
  c.citations = 1;
  const auto groups = group_entries({c, a, b}, GroupBy::none, EntryOrder::citations, {});
  EXPECT_EQ(keys(groups[0]), (std::vector<std::string>{"b", "a", "c"}));
  const auto by_year = group_entries({a, b, c}, GroupBy::none, EntryOrder::year, {});
  EXPECT_EQ(keys(by_year[0]), (std::vector<std::string>{"c", "b", "a"}));
}

TEST(AnnotatedFacts, SaysOnlyWhatIsKnown) {
  auto e = entry("a", 2001, 0);
  EXPECT_EQ(entry_facts(e), "");
  e.citations = 0;
  EXPECT_EQ(entry_facts(e), "");
  e.tags = {"csr", "labels"};
  e.cluster = 3;
  e.cluster_label = "ethics washing";
  e.citations = 1;
  e.pagerank_rank = 7;
  EXPECT_EQ(entry_facts(e), "Tags: csr, labels · Cluster 3: ethics washing · cited by 1 work of the library · PageRank rank 7");
}

TEST(MarkdownNote, ParagraphsListsAndEmphasis) {
  const auto ps = note_paragraphs("A *key* text on **labels**.\n\n- first\n- second [link](https://x.org)\n\n> quoted");
  ASSERT_EQ(ps.size(), 4u);
  ASSERT_EQ(ps[0].runs.size(), 5u);
  EXPECT_TRUE(ps[0].runs[1].italic);
  EXPECT_EQ(ps[0].runs[1].text, "key");
  EXPECT_TRUE(ps[0].runs[3].bold);
  EXPECT_EQ(ps[1].list_depth, 1);
  EXPECT_EQ(ps[1].runs[0].text, "• first");
  EXPECT_EQ(ps[2].runs[0].text, "• second link <https://x.org>");
  EXPECT_TRUE(ps[3].quote);
}

TEST(MarkdownNote, RawHtmlIsDroppedNotPassedOn) {
  EXPECT_EQ(note_html("Hi <script>alert(1)</script> *there*"), "<p>Hi <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --> <em>there</em></p>\n");
  EXPECT_NE(note_latex("50% of A_B & #1").find("50\\% of A\\_B \\& \\#1"), std::string::npos);
}

AnnotatedDocument sample_document() {
  AnnotatedDocument doc;
  doc.title = "Review <draft> & 100%";
  doc.subtitle = "2 works";
  auto e = entry("k<1>", 2004, 0);
  e.reference = csl::Span{};
  csl::Span author, title;
  author.text = "Lascoumes, P. (2004). ";
  title.text = "Gouverner par les instruments";
  title.formatting.font_style = csl::FontStyle::italic;
  e.reference.children = {author, title};
  e.notes = {"Instruments *are* institutions_"};
  e.tags = {"a_b"};
  doc.groups = {AnnotatedGroup{"Cluster 1: policy & <tools>", {"x#y"}, {e}}};
  return doc;
}

TEST(AnnotatedWriters, EveryFormatEscapesWhatIsNotMarkup) {
  const auto doc = sample_document();
  const auto html = write_annotated(doc, AnnotatedFormat::html);
  EXPECT_NE(html.find("<h1>Review &#60;draft&#62; &#38; 100%</h1>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h2>Cluster 1: policy &#38; &#60;tools&#62;</h2>"), std::string::npos);
  EXPECT_NE(html.find("<i>Gouverner par les instruments</i>"), std::string::npos);
  EXPECT_NE(html.find("<p>Instruments <em>are</em> institutions_</p>"), std::string::npos);
  const auto tex = write_annotated(doc, AnnotatedFormat::latex);
  EXPECT_NE(tex.find("\\section*{Cluster 1: policy \\& <tools>}"), std::string::npos) << tex;
  EXPECT_NE(tex.find("\\textit{Gouverner par les instruments}"), std::string::npos);
  EXPECT_NE(tex.find("Tags: a\\_b"), std::string::npos);
  const auto md = write_annotated(doc, AnnotatedFormat::markdown);
  EXPECT_NE(md.find("*Gouverner par les instruments*"), std::string::npos) << md;
  EXPECT_NE(md.find("> Instruments *are* institutions_"), std::string::npos);
  const auto text = write_annotated(doc, AnnotatedFormat::text);
  EXPECT_NE(text.find("Lascoumes, P. (2004). Gouverner par les instruments\n    [Tags: a_b]\n    Instruments are institutions_\n"),
            std::string::npos)
      << text;
}

std::string member(const std::string& archive, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(archive.data(), archive.size(), 0, &error);
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (!z) return "<not a zip>";
  std::string out;
  zip_stat_t st;
  if (zip_stat(z, name, 0, &st) == 0) {
    zip_file_t* f = zip_fopen(z, name, 0);
    out.resize(st.size);
    zip_fread(f, out.data(), st.size);
    zip_fclose(f);
  } else {
    out = "<missing>";
  }
  zip_close(z);
  return out;
}

TEST(AnnotatedOffice, DocxHasStyledParagraphsAndItalicRuns) {
  const auto docx = write_annotated(sample_document(), AnnotatedFormat::docx);
  ASSERT_EQ(docx.substr(0, 2), "PK");
  EXPECT_NE(member(docx, "[Content_Types].xml").find("wordprocessingml.document.main+xml"), std::string::npos);
  EXPECT_NE(member(docx, "word/styles.xml").find("w:hanging=\"720\""), std::string::npos);
  const auto xml = member(docx, "word/document.xml");
  EXPECT_NE(xml.find("<w:pStyle w:val=\"Title\"/>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("Review &lt;draft&gt; &amp; 100%"), std::string::npos);
  EXPECT_NE(xml.find("<w:pStyle w:val=\"Heading1\"/>"), std::string::npos);
  EXPECT_NE(xml.find("<w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">Gouverner par les instruments</w:t></w:r>"),
            std::string::npos);
  EXPECT_NE(xml.find("<w:pStyle w:val=\"Annotation\"/>"), std::string::npos);
}

TEST(AnnotatedOffice, OdtStartsWithItsStoredMimetype) {
  const auto odt = write_annotated(sample_document(), AnnotatedFormat::odt);
  // ODF: the first member is "mimetype", uncompressed, so the type shows at byte 38.
  EXPECT_EQ(odt.substr(30, 8), "mimetype");
  EXPECT_EQ(odt.substr(38, 39), "application/vnd.oasis.opendocument.text");
  const auto xml = member(odt, "content.xml");
  EXPECT_NE(xml.find("text:style-name=\"Bibliography\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">Cluster 1: policy &amp; &lt;tools&gt;"),
            std::string::npos);
  EXPECT_NE(xml.find("<text:span text:style-name=\"T1\">Gouverner par les instruments</text:span>"), std::string::npos);
}

}  // namespace
}  // namespace litrev
