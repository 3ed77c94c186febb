#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "src/core/work_fields.hpp"

namespace litrev {
namespace {

const WorkFieldSpec& field(std::string_view name) {
  const auto* f = find_work_field(name);
  EXPECT_NE(f, nullptr) << name;
  return *f;
}

TEST(WorkFields, NamesAndAliasesFindTheCanonicalField) {
  EXPECT_EQ(field("journal").name, "journaltitle");
  EXPECT_EQ(field("Container").name, "journaltitle");
  EXPECT_EQ(field("language").name, "langid");
  EXPECT_EQ(field("hyphenation").name, "langid");
  EXPECT_EQ(field("issue").name, "number");
  EXPECT_EQ(field("address").name, "location");
  EXPECT_EQ(find_work_field("titel"), nullptr);
  EXPECT_THAT(work_field_names(), ::testing::Contains("doi"));
}

TEST(WorkFields, ValuesAreCheckedAndNormalizedAsOnImport) {
  EXPECT_EQ(normalize_work_field(field("doi"), "https://doi.org/10.1086/226550").value(), "10.1086/226550");
  EXPECT_FALSE(normalize_work_field(field("doi"), "226550").has_value());
  EXPECT_EQ(normalize_work_field(field("year"), " 2019 ").value(), "2019");
  EXPECT_FALSE(normalize_work_field(field("year"), "2019a").has_value());
  EXPECT_FALSE(normalize_work_field(field("year"), "19").has_value());
  EXPECT_EQ(normalize_work_field(field("date"), "2019-03-14").value(), "2019-03-14");
  EXPECT_EQ(normalize_work_field(field("date"), "2019/2020").value(), "2019/2020");
  EXPECT_FALSE(normalize_work_field(field("date"), "2019-13").has_value());
  EXPECT_FALSE(normalize_work_field(field("date"), "March 2019").has_value());
  EXPECT_EQ(normalize_work_field(field("type"), "phdthesis").value(), "thesis");
  EXPECT_EQ(normalize_work_field(field("type"), "Article").value(), "article");
  EXPECT_FALSE(normalize_work_field(field("type"), "paper").has_value());
  EXPECT_EQ(normalize_work_field(field("langid"), "french").value(), "french");
  EXPECT_FALSE(normalize_work_field(field("langid"), "klingon").has_value());
  EXPECT_FALSE(normalize_work_field(field("url"), "example.org").has_value());
  EXPECT_EQ(normalize_work_field(field("title"), "  Gouverner   par les instruments ").value(),
            "Gouverner par les instruments");
  EXPECT_FALSE(normalize_work_field(field("title"), "   ").has_value());
  EXPECT_EQ(normalize_work_field(field("keywords"), "policy, instruments;;public action").value(),
            "policy; instruments; public action");
  EXPECT_EQ(normalize_work_field(field("isbn"), "978-2-7246-0934-9").value(), "9782724609349");
  EXPECT_FALSE(normalize_work_field(field("isbn"), "978-2-7246-0934-3").has_value());
}

TEST(WorkFields, AppliedValuesGoWhereTheyBelong) {
  Work w;
  w.date = "2019-03-14";
  w.year = 2019;
  apply_work_field(w, field("year"), "2020");
  EXPECT_EQ(w.year, 2020);
  EXPECT_EQ(w.date, "2020");  // the date follows a corrected year
  apply_work_field(w, field("date"), "2018-05");
  EXPECT_EQ(w.year, 2018);
  apply_work_field(w, field("year"), "");
  EXPECT_FALSE(w.year.has_value());
  EXPECT_EQ(w.date, "");
  w.ids = {{IdScheme::doi, "10.1/a"}, {IdScheme::isbn, "9782724609349"}, {IdScheme::doi, "10.1/b"}};
  EXPECT_EQ(work_field_value(w, field("doi")), "10.1/a; 10.1/b");
  apply_work_field(w, field("doi"), "10.1/c");
  EXPECT_EQ(work_field_value(w, field("doi")), "10.1/c");
  EXPECT_EQ(work_field_value(w, field("isbn")), "9782724609349");
  apply_work_field(w, field("journal"), "Revue française de sociologie");
  EXPECT_EQ(w.container, "Revue française de sociologie");
  apply_work_field(w, field("keywords"), "a; b");
  EXPECT_THAT(w.keywords, ::testing::ElementsAre("a", "b"));
}

}  // namespace
}  // namespace litrev
