// Whitespace normalisation of values and the macro table, checked against simple reference
// implementations on many random inputs (the builder has an eight-bytes-at-a-time path).

#include "importers/bibtex/parser_value.hpp"
#include "src/core/text.hpp"

#include <gtest/gtest.h>

#include <random>

namespace litrev::bibtex {
namespace {

std::string build(const std::vector<std::string>& pieces, Spacing spacing, bool trim = true) {
  std::string out = "stale";
  ValueBuilder b;
  b.start(out, spacing, trim);
  for (const auto& p : pieces) b.append(p);
  b.finish();
  return out;
}

std::string random_text(std::mt19937& rng, std::size_t n) {
  static constexpr char kChars[] = "ab  \t\n\r\f\v{}x é";
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += kChars[rng() % (sizeof kChars - 1)];
  return s;
}

TEST(ValueBuilder, CollapseMatchesTheReferenceOnRandomPieces) {
  std::mt19937 rng(7);
  for (int round = 0; round < 5000; ++round) {
    std::vector<std::string> pieces;
    std::string all;
    const int n = static_cast<int>(rng() % 4) + 1;
    for (int i = 0; i < n; ++i) {
      pieces.push_back(random_text(rng, rng() % 40));
      all += pieces.back();
    }
    ASSERT_EQ(build(pieces, Spacing::collapse), collapse_spaces(all)) << "input: [" << all << "]";
  }
}

TEST(ValueBuilder, UntrimmedCollapseKeepsOneSpaceAtEachEnd) {
  EXPECT_EQ(build({"  a \n b  "}, Spacing::collapse, false), " a b ");
  EXPECT_EQ(build({"a"}, Spacing::collapse, false), "a");
  EXPECT_EQ(build({"\t\t"}, Spacing::collapse, false), " ");
  EXPECT_EQ(build({"   twelve chars here   "}, Spacing::collapse, false), " twelve chars here ");
}

TEST(ValueBuilder, KeepLinesKeepsLineBreaksAndAtMostOneEmptyLine) {
  EXPECT_EQ(build({"\n  first  line \r\n\tsecond\n\n\n\nthird  \n"}, Spacing::keep_lines), "first line\nsecond\n\nthird");
  EXPECT_EQ(build({"a\n", "  b"}, Spacing::keep_lines), "a\nb");
  EXPECT_EQ(build({" \n \n "}, Spacing::keep_lines), "");
}

TEST(ValueBuilder, KeepLinesIsIdempotent) {
  std::mt19937 rng(11);
  for (int round = 0; round < 2000; ++round) {
    const std::string once = build({random_text(rng, rng() % 60)}, Spacing::keep_lines);
    ASSERT_EQ(build({once}, Spacing::keep_lines), once);
  }
}

TEST(MacroTable, StartsWithTheMonthsAndComparesNamesCaseInsensitively) {
  MacroTable t;
  EXPECT_EQ(t.size(), 12u);
  ASSERT_NE(t.find("SEP"), nullptr);
  EXPECT_EQ(*t.find("SEP"), "September");
  t.define("Jacm", "Journal of the ACM");
  ASSERT_NE(t.find("JACM"), nullptr);
  EXPECT_EQ(*t.find("jacm"), "Journal of the ACM");
  t.define("JACM", "J. ACM");
  EXPECT_EQ(*t.find("jAcM"), "J. ACM");
  EXPECT_EQ(t.size(), 13u);
  EXPECT_EQ(t.find("jac"), nullptr);
}

}  // namespace
}  // namespace litrev::bibtex
