#include "src/core/text.hpp"

#include <gtest/gtest.h>

namespace litrev {
namespace {

TEST(NormalizedTitle, FoldsCaseAccentsAndPunctuation) {
  EXPECT_EQ(normalized_title("The Iron Cage Revisited: Institutional Isomorphism"),
            "the iron cage revisited institutional isomorphism");
  EXPECT_EQ(normalized_title("Gouverner par les instruments — Économie"), "gouverner par les instruments economie");
  EXPECT_EQ(normalized_title("  L'État,  c'est   moi! "), "l etat c est moi");
}

TEST(Utf8, ValidatesAndFindsFirstBadByte) {
  EXPECT_TRUE(is_valid_utf8("caf\xC3\xA9"));
  EXPECT_EQ(valid_utf8_prefix("caf\xE9 au lait"), 3u);
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong
}

TEST(Cp1252, MapsLatin1AndWindowsPunctuation) {
  EXPECT_EQ(cp1252_to_utf8("caf\xE9"), "caf\xC3\xA9");
  EXPECT_EQ(cp1252_to_utf8("\x93quoted\x94"), "\xE2\x80\x9Cquoted\xE2\x80\x9D");
}

TEST(Fold, StripsMarksAndCaseFolds) { EXPECT_EQ(fold("ÉCOLE Straße"), "ecole strasse"); }

}  // namespace
}  // namespace litrev
