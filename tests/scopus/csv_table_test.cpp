#include <gtest/gtest.h>

#include "importers/scopus/csv_table.hpp"

namespace litrev::scopus {
namespace {

std::vector<CsvRow> rows_of(std::string_view text, std::vector<Diagnostic>* out = nullptr) {
  std::vector<CsvRow> rows;
  std::vector<Diagnostic> diagnostics;
  read_csv(text, "t.csv", [&](CsvRow&& r) { rows.push_back(std::move(r)); }, diagnostics);
  if (out) *out = diagnostics;
  return rows;
}

TEST(CsvTable, Rfc4180QuotingWithCommasQuotesAndLineBreaks) {
  const auto rows = rows_of("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nplain,,end\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].cells[0], "x, y");
  EXPECT_EQ(rows[1].cells[1], "say \"hi\"");
  EXPECT_EQ(rows[1].cells[2], "two\nlines");
  EXPECT_EQ(rows[2].cells[1], "");
  EXPECT_EQ(rows[0].line, 1u);
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[2].line, 4u);  // the row before spans lines 2 and 3
}

TEST(CsvTable, TheHeaderTellsTheDelimiter) {
  auto rows = rows_of("a;b;c\n1;\"2;3\";4\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].cells[1], "2;3");
  rows = rows_of("a\tb\n1\t2\n");
  EXPECT_EQ(rows[1].cells[1], "2");
}

TEST(CsvTable, AQuoteNeverClosedIsAnErrorOnTheRowItOpens) {
  std::vector<Diagnostic> diagnostics;
  const auto rows = rows_of("a,b\n1,2\n3,\"never closed\n5,6\n", &diagnostics);
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].line, 3u);
  EXPECT_NE(diagnostics[0].message.find("never closed"), std::string::npos);
}

}  // namespace
}  // namespace litrev::scopus
