#include "importers/crossref/doi_input.hpp"

#include <gtest/gtest.h>

namespace litrev {
namespace {

TEST(DoiLines, AcceptsBarePrefixedAndEmbeddedDoisInOrder) {
  const auto in = read_doi_lines(
      "# my reading list\n"
      "10.1371/journal.pone.0033693\n"
      "\n"
      "doi:10.1038/SREP16696\n"
      "https://doi.org/10.1136/jclinpath-2020-206745\n"
      "see Xu et al. (https://dx.doi.org/10.3892/ijo_00000353), also 10.1109/icdcsw.2003.1203662.\n"
      "10.1371/journal.pone.0033693\n",
      "list.txt");
  EXPECT_TRUE(in.errors.empty());
  EXPECT_EQ(in.dois, (std::vector<std::string>{"10.1371/journal.pone.0033693", "10.1038/srep16696",
                                               "10.1136/jclinpath-2020-206745", "10.3892/ijo_00000353",
                                               "10.1109/icdcsw.2003.1203662"}));
}

TEST(DoiLines, RefusesALineWithoutAValidDoiAndNamesIt) {
  const auto in = read_doi_lines("10.1371/journal.pone.0033693\n10.12/too-short-prefix\nnot a doi\n", "list.txt");
  ASSERT_EQ(in.errors.size(), 2u);
  EXPECT_EQ(in.errors[0].source, "list.txt");
  EXPECT_EQ(in.errors[0].line, 2u);
  EXPECT_EQ(in.errors[0].message, "not a valid DOI: \"10.12/too-short-prefix\"");
  EXPECT_EQ(in.errors[1].line, 3u);
  EXPECT_EQ(in.dois.size(), 1u);
}

TEST(DoiLines, HandlesCrlfAndAByteOrderMark) {
  const auto in = read_doi_lines("\xEF\xBB\xBF" "10.1000/abc\r\n10.1000/def\r\n", "f");
  EXPECT_TRUE(in.errors.empty());
  EXPECT_EQ(in.dois, (std::vector<std::string>{"10.1000/abc", "10.1000/def"}));
}

TEST(DoiArguments, UpperCaseDoisAreNormalizedAndGarbageRefused) {
  const std::vector<std::string> args{"10.1371/JOURNAL.PONE.0033693", "banana"};
  const auto in = read_doi_arguments(args);
  EXPECT_EQ(in.dois, (std::vector<std::string>{"10.1371/journal.pone.0033693"}));
  ASSERT_EQ(in.errors.size(), 1u);
  EXPECT_EQ(in.errors[0].message, "not a valid DOI: \"banana\"");
}

}  // namespace
}  // namespace litrev
