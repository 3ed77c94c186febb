// Scopus CSV golden file (tests/data/scopus/golden): every standard column, a BOM, quoted values
// with commas, doubled quotes and line breaks, author ids beside full names, the old "Family
// I.I." and new "Family, I.I." Authors columns, "[No author name available]", "[No abstract
// available]", references, an EID in the Link, a column another tool added, an unknown
// document type. scopus_2019_commas.csv: an export from before 2023, whose Authors column
// separates names with commas ("Guler A.T., Waaijer C.J.F."), a one-name list and a corporate
// author, and fewer columns.
#include "importers/scopus/scopus_import.hpp"
#include "support/golden_records.hpp"

namespace litrev::scopus {
namespace {

class ScopusGolden : public testing::TestWithParam<std::string> {};

TEST_P(ScopusGolden, RecordsMatchTheExpectedJson) {
  test::expect_golden("scopus/golden", GetParam(), "csv", parse_scopus_file);
}

INSTANTIATE_TEST_SUITE_P(Golden, ScopusGolden, testing::ValuesIn(test::golden_names("scopus/golden", "csv")),
                         [](const testing::TestParamInfo<std::string>& p) { return p.param; });

}  // namespace
}  // namespace litrev::scopus
