#include "importers/net/url.hpp"

#include <gtest/gtest.h>

namespace litrev {
namespace {

TEST(PercentEncode, KeepsUnreservedAndEscapesTheRest) {
  EXPECT_EQ(percent_encode("a-b_c.d~e"), "a-b_c.d~e");
  EXPECT_EQ(percent_encode("a b&c=d"), "a%20b%26c%3Dd");
  EXPECT_EQ(percent_encode("é"), "%C3%A9");
}

TEST(EncodeQueryValue, KeepsCrossrefFilterSyntaxReadable) {
  EXPECT_EQ(encode_query_value("doi:10.1371/journal.pone.0033693,doi:10.1/x"),
            "doi:10.1371/journal.pone.0033693,doi:10.1/x");
  EXPECT_EQ(encode_query_value("*"), "%2A");
  EXPECT_EQ(encode_query_value("AoJ+x/y=="), "AoJ%2Bx/y%3D%3D");
  EXPECT_EQ(encode_query_value("docid asc"), "docid%20asc");
}

TEST(EncodePath, EscapesDoiCharactersThatBreakUrls) {
  EXPECT_EQ(encode_path("10.1002/(SICI)1097-4636(199606)31:2<201::AID-JBM5>3.0.CO;2-P"),
            "10.1002/%28SICI%291097-4636%28199606%2931:2%3C201::AID-JBM5%3E3.0.CO%3B2-P");
  EXPECT_EQ(encode_path("10.1000/a#b?c"), "10.1000/a%23b%3Fc");
}

TEST(EncodePath, DotSegmentsCannotLeaveTheRoute) {
  EXPECT_EQ(encode_path("10.1234/../../../admin"), "10.1234/%2E%2E/%2E%2E/%2E%2E/admin");
  EXPECT_EQ(encode_path("10.1234/./x/."), "10.1234/%2E/x/%2E");
  EXPECT_EQ(encode_path("10.1234/a..b/...x"), "10.1234/a..b/...x");  // not dot segments
}

TEST(EncodePath, NoByteCanAddAHeaderOrAQuery) {
  EXPECT_EQ(encode_path("10.1/a b\r\nX-Injected: 1"), "10.1/a%20b%0D%0AX-Injected:%201");
  EXPECT_EQ(encode_path("10.1/100%<>\"{}|\\^`"), "10.1/100%25%3C%3E%22%7B%7D%7C%5C%5E%60");
}

TEST(PercentDecode, UndoesEncodeAndKeepsMalformedEscapes) {
  EXPECT_EQ(percent_decode("a%20b%2"), "a b%2");
  EXPECT_EQ(percent_decode("a+b", true), "a b");
  EXPECT_EQ(percent_decode(percent_encode("x&y=z/é")), "x&y=z/é");
}

TEST(BuildUrl, JoinsBasePathAndOrderedParameters) {
  EXPECT_EQ(build_url("https://api.crossref.org/", "/works", {{"query.author", "Carl Boettiger"}, {"rows", "2"}}),
            "https://api.crossref.org/works?query.author=Carl%20Boettiger&rows=2");
  EXPECT_EQ(build_url("http://127.0.0.1:1", "works", {}), "http://127.0.0.1:1/works");
}

}  // namespace
}  // namespace litrev
