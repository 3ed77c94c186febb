// Whitespace normalisation of values and the macro table, checked against simple reference
// implementations on many random inputs (the builder has an eight-bytes-at-a-time path).

#include "importers/bibtex/parser_macros.hpp"
#include "importers/bibtex/parser_spacing.hpp"
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
  EXPECT_EQ(build({"\n  first  line \r\n\tsecond\n\n\n\nthird  \n"}, Spacing::keep_lines),
            "first line\nsecond\n\nthird");
  EXPECT_EQ(build({"a\n", "  b"}, Spacing::keep_lines), "a\nb");
  EXPECT_EQ(build({" \n \n "}, Spacing::keep_lines), "");
}

// keep_lines by its definition: lines (\r is whitespace) each collapsed and trimmed, runs of
// empty lines as one, none at either end.
std::string keep_lines_reference(const std::string& all) {
  std::vector<std::string> lines;
  std::string line;
  for (char c : all + "\n") {
    if (c == '\n') {
      lines.push_back(collapse_spaces(line));
      line.clear();
    } else {
      line += c;
    }
  }
  std::string out;
  bool empty_pending = false;
  for (const auto& l : lines) {
    if (l.empty()) {
      empty_pending = !out.empty();
      continue;
    }
    if (!out.empty()) out += empty_pending ? "\n\n" : "\n";
    empty_pending = false;
    out += l;
  }
  return out;
}

TEST(ValueBuilder, KeepLinesMatchesTheReferenceOnRandomMostlyPlainText) {
  std::mt19937 rng(13);
  for (int round = 0; round < 5000; ++round) {
    std::vector<std::string> pieces;
    std::string all;
    const int n = static_cast<int>(rng() % 3) + 1;
    for (int i = 0; i < n; ++i) {
      std::string piece;
      const std::size_t len = rng() % 90;
      for (std::size_t k = 0; k < len; ++k) {
        const unsigned r = rng() % 100;
        piece += r < 80 ? static_cast<char>('a' + r % 26) : r < 90 ? ' ' : r < 95 ? '\n' : r < 97 ? '\t' : '\r';
      }
      pieces.push_back(piece);
      all += piece;
    }
    ASSERT_EQ(build(pieces, Spacing::keep_lines), keep_lines_reference(all)) << "input: [" << all << "]";
  }
}

TEST(ValueBuilder, CollapseMatchesTheReferenceOnRandomMostlyPlainText) {
  std::mt19937 rng(17);
  for (int round = 0; round < 5000; ++round) {
    std::string all;
    const std::size_t len = rng() % 120;
    for (std::size_t k = 0; k < len; ++k) {
      const unsigned r = rng() % 100;
      all += r < 85 ? static_cast<char>('A' + r % 26) : r < 95 ? ' ' : r < 98 ? '\n' : '\t';
    }
    ASSERT_EQ(build({all}, Spacing::collapse), collapse_spaces(all)) << "input: [" << all << "]";
  }
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
