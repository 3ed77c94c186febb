#include "src/core/suggest.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace litrev {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(EditDistance, CountsEditsAndAdjacentSwapsIgnoringAsciiCase) {
  EXPECT_EQ(edit_distance("import", "import", 3), 0u);
  EXPECT_EQ(edit_distance("imprt", "import", 3), 1u);
  EXPECT_EQ(edit_distance("improt", "import", 3), 1u);  // transposition
  EXPECT_EQ(edit_distance("IMPORT", "import", 3), 0u);
  EXPECT_EQ(edit_distance("graph", "import", 2), 3u);  // over the limit: limit + 1
}

TEST(ClosestMatches, SuggestsTheNearestCommandsAndOptions) {
  const std::vector<std::string> commands = {"init", "import", "list", "show", "search", "note", "tag", "untag",
                                             "duplicates", "merge", "stats", "export", "graph", "people"};
  EXPECT_THAT(closest_matches("imprt", commands), ElementsAre("import"));
  EXPECT_THAT(closest_matches("serach", commands), ElementsAre("search"));
  EXPECT_THAT(closest_matches("tga", commands), ElementsAre("tag"));
  EXPECT_THAT(closest_matches("frobnicate", commands), IsEmpty());
  EXPECT_THAT(closest_matches("--limt", {"--limit", "--tag", "--json", "--db"}), ElementsAre("--limit"));
}

TEST(ClosestMatches, AKeyTypedShortFindsTheKeysItBegins) {
  const std::vector<std::string> keys = {"meyer1977", "dimaggio1983", "dimaggio1991", "powell1990"};
  EXPECT_THAT(closest_matches("dimagio1983", keys), ElementsAre("dimaggio1983", "dimaggio1991"));
  EXPECT_THAT(closest_matches("dimaggio", keys), ElementsAre("dimaggio1983", "dimaggio1991"));
  EXPECT_THAT(closest_matches("meyer1977", keys), IsEmpty());  // the key itself is no suggestion
}

TEST(QuotedAlternatives, ReadsAsAList) {
  EXPECT_EQ(quoted_alternatives({"a"}), "'a'");
  EXPECT_EQ(quoted_alternatives({"a", "b"}), "'a' or 'b'");
  EXPECT_EQ(quoted_alternatives({"a", "b", "c"}), "'a', 'b' or 'c'");
}

}  // namespace
}  // namespace litrev
