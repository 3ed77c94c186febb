#include <gtest/gtest.h>

#include "src/core/name_lists.hpp"

namespace litrev {
namespace {

TEST(Initials, EachLetterWithItsPeriod) {
  for (const char* t : {"T.U.", "K.", "J.-P.", "É."}) EXPECT_TRUE(is_initials_token(t)) << t;
  for (const char* t : {"TU", "T.U", "Smith", "t.u.", ".", "-J."}) EXPECT_FALSE(is_initials_token(t)) << t;
}

TEST(CommaSeparatedNames, ScopusListsButNotFamilyGivenNames) {
  EXPECT_TRUE(is_comma_separated_name_list("Daim T.U., Kozanoglu D.C."));
  EXPECT_TRUE(is_comma_separated_name_list("Al Motairy O., Alodib M., Badr Y."));
  EXPECT_FALSE(is_comma_separated_name_list("Daim T.U."));  // one name: nothing to split
  EXPECT_FALSE(is_comma_separated_name_list("Daim, T.U."));
  EXPECT_FALSE(is_comma_separated_name_list("van Dijk, J.A.G.M."));
  EXPECT_FALSE(is_comma_separated_name_list("Kluster, Jr., Kevin"));
  EXPECT_FALSE(is_comma_separated_name_list("{Daim T.U., Kozanoglu D.C.}"));
  EXPECT_FALSE(is_comma_separated_name_list("J.-P. Sartre, A. Camus"));  // initials first: not Scopus's form
}

}  // namespace
}  // namespace litrev
