// CSL-JSON golden files (tests/data/csljson/golden/*.csljson beside the expected records):
// Zotero (item URIs as ids, date-parts as strings, "raw" and "literal" dates, the note's Extra
// lines and Zotero's older "{:key: value}" form, isInstitution and literal names, rich text in a
// title, a chapter's container-author and series editor), Better BibTeX (citation keys,
// dropping and non-dropping particles, suffixes, date ranges, circa, tex.* lines, a "type:"
// line, a "Citation Key:" line, a DOI as URL, comma-separated keywords), pandoc's conversion of
// a BibTeX file, a single object instead of an array, and hostile values (elements that are
// not objects, wrong JSON types, huge numbers, NUL, negative years, an unknown type).
#include "importers/csljson/csljson_import.hpp"
#include "support/golden_records.hpp"

namespace litrev::csljson {
namespace {

class CslJsonGolden : public testing::TestWithParam<std::string> {};

TEST_P(CslJsonGolden, RecordsMatchTheExpectedJson) {
  test::expect_golden("csljson/golden", GetParam(), "csljson", parse_csljson_file);
}

INSTANTIATE_TEST_SUITE_P(Golden, CslJsonGolden, testing::ValuesIn(test::golden_names("csljson/golden", "csljson")),
                         [](const testing::TestParamInfo<std::string>& p) { return p.param; });

}  // namespace
}  // namespace litrev::csljson
