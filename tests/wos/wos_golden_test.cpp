// Web of Science golden files (tests/data/wos/golden): a plain-text export (BOM, FN/VR header,
// continuation lines, AF over AU, "nullPT" artefacts, a missing ER, an empty record, EF, OI
// pairs with two authors of one family name, early access dates, PD ranges and seasons, DT
// lists), and the same tab-delimited export in UTF-8 with a BOM and in UTF-16LE.
#include "importers/wos/wos_import.hpp"
#include "support/golden_records.hpp"

namespace litrev::wos {
namespace {

class WosGolden : public testing::TestWithParam<std::string> {};

TEST_P(WosGolden, RecordsMatchTheExpectedJson) { test::expect_golden("wos/golden", GetParam(), "txt", parse_wos_file); }

INSTANTIATE_TEST_SUITE_P(Golden, WosGolden, testing::ValuesIn(test::golden_names("wos/golden", "txt")),
                         [](const testing::TestParamInfo<std::string>& p) { return p.param; });

}  // namespace
}  // namespace litrev::wos
