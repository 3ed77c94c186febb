#include <gtest/gtest.h>

#include "src/core/types.hpp"

namespace litrev {
namespace {

TEST(Types, FamiliesGroupTheTypesOneWorkMayBeRecordedAs) {
  EXPECT_EQ(type_family("article"), "article");
  EXPECT_EQ(type_family("inproceedings"), type_family("proceedings"));
  EXPECT_EQ(type_family("incollection"), type_family("inbook"));
  EXPECT_EQ(type_family("misc"), "");
  EXPECT_EQ(type_family("no such type"), "");
}

TEST(Types, BiblatexSoftwareEntryTypesAreSoftware) {
  EXPECT_EQ(store_type_from_bibtex("softwareversion"), "software");
  EXPECT_EQ(store_type_from_bibtex("SoftwareModule"), "software");
  EXPECT_EQ(store_type_from_bibtex("codefragment"), "software");
}

TEST(Types, GenericTypesAreCompatibleWithEverythingOthersOnlyWithinTheirFamily) {
  EXPECT_TRUE(types_compatible("article", "article"));
  EXPECT_TRUE(types_compatible("misc", "inproceedings"));
  EXPECT_TRUE(types_compatible("book", "unpublished"));
  EXPECT_TRUE(types_compatible("book", "collection"));
  EXPECT_FALSE(types_compatible("inproceedings", "article"));
  EXPECT_FALSE(types_compatible("book", "incollection"));
  EXPECT_FALSE(types_compatible("thesis", "report"));
}

TEST(Types, RoleNamesRoundTripAndUnknownNamesAreContributors) {
  for (Role r : {Role::author, Role::editor, Role::translator, Role::holder, Role::contributor})
    EXPECT_EQ(role_from_name(role_name(r)), r);
  EXPECT_EQ(role_name(Role::bookauthor), "bookauthor");
  EXPECT_EQ(role_from_name("illustrator"), Role::contributor);
}

}  // namespace
}  // namespace litrev

namespace litrev {
namespace {

TEST(OpenAlexTypes, MapOntoStoreTypes) {
  EXPECT_EQ(store_type_from_openalex("article"), "article");
  EXPECT_EQ(store_type_from_openalex("book-chapter"), "incollection");
  EXPECT_EQ(store_type_from_openalex("book"), "book");
  EXPECT_EQ(store_type_from_openalex("dissertation"), "thesis");
  EXPECT_EQ(store_type_from_openalex("preprint"), "unpublished");
  EXPECT_EQ(store_type_from_openalex("a-type-of-2027"), "misc");
}

}  // namespace
}  // namespace litrev
