// RIS golden files (tests/data/ris/golden): Zotero (HTML notes, T2/J2, A2 editors, a book's
// A2/A3, a book's lone SP), EndNote (CRLF, a "Provider:" header, A1/T1/JF/Y1, numeric ID, a
// note repeating the title, RN, an empty record, an unknown type, junk dates and DOIs),
// Mendeley (JO, N2, a multi-paragraph N1, "ER  -" without its space, a bare ER, a missing ER at
// the end, an ISO date), Latin-1 bytes, and a BOM with lone-CR line ends.
#include "importers/ris/ris_import.hpp"
#include "support/golden_records.hpp"

namespace litrev::ris {
namespace {

class RisGolden : public testing::TestWithParam<std::string> {};

TEST_P(RisGolden, RecordsMatchTheExpectedJson) { test::expect_golden("ris/golden", GetParam(), "ris", parse_ris_file); }

INSTANTIATE_TEST_SUITE_P(Golden, RisGolden, testing::ValuesIn(test::golden_names("ris/golden", "ris")),
                         [](const testing::TestParamInfo<std::string>& p) { return p.param; });

}  // namespace
}  // namespace litrev::ris
