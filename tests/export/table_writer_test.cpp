#include <gtest/gtest.h>

#include <sstream>

#include "src/export/table_writer.hpp"
#include "support/work_helpers.hpp"

namespace litrev {
namespace {

StoredWork work() {
  StoredWork sw;
  sw.id = 3;
  sw.work.key = "doe2020";
  sw.work.type = "article";
  sw.work.year = 2020;
  sw.work.title = "Labels, \"trust\" and AI";
  sw.work.subtitle = "a study";
  sw.work.contributors = {{Role::author, test::person("Doe", "Jane")}, {Role::author, test::person("Berg", "A.", "van")}};
  sw.work.ids = {{IdScheme::doi, "10.1/x"}, {IdScheme::isbn, "9780000000002"}, {IdScheme::isbn, "9781111111113"}};
  sw.tags = {"to-read", "labels"};
  sw.notes = {{1, "", "first\nline"}, {2, "", "second"}};
  return sw;
}

TEST(TableWriter, CsvQuotesWhatNeedsItAndEndsLinesWithCrlf) {
  std::ostringstream out;
  GraphValues graph;
  graph["pagerank"][3] = "0.125";
  TableWriter t(out, TableFormat::csv, {"key", "title", "authors", "isbn", "tags", "notes", "pagerank", "cluster"}, graph);
  t.header();
  t.row(work());
  EXPECT_EQ(out.str(),
            "key,title,authors,isbn,tags,notes,pagerank,cluster\r\n"
            "doe2020,\"Labels, \"\"trust\"\" and AI: a study\",\"Doe, Jane; van Berg, A.\","
            "9780000000002; 9781111111113,to-read; labels,\"first\nline\n\nsecond\",0.125,\r\n");
}

TEST(TableWriter, TsvHasNoQuotingSoTabsAndLineBreaksBecomeSpaces) {
  EXPECT_EQ(TableWriter::cell("a\tb\nc \"d\", e", TableFormat::tsv), "a b c \"d\", e");
  EXPECT_EQ(TableWriter::cell("plain", TableFormat::csv), "plain");
  EXPECT_EQ(TableWriter::cell("x\"y", TableFormat::csv), "\"x\"\"y\"");
}

TEST(TableWriter, UnknownColumnsAreNamed) {
  EXPECT_FALSE(check_table_columns({"key", "doi", "cluster"}).has_value());
  const auto error = check_table_columns({"key", "dio"});
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->find("unknown column 'dio'"), std::string::npos);
  EXPECT_TRUE(is_graph_column("pagerank"));
  EXPECT_FALSE(is_graph_column("doi"));
}

}  // namespace
}  // namespace litrev
