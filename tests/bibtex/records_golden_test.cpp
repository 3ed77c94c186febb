// Golden files: tests/data/bibtex/golden/NAME.bib beside NAME.json, the records the importer
// makes of it (readable Work, provenance with every original field, warnings, counts).
// Run with LITREV_UPDATE_GOLDEN=1 to rewrite the .json files after a deliberate change, then
// review the diff.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "importers/bibtex/bibtex_import.hpp"
#include "support/record_json.hpp"
#include "support/test_support.hpp"

namespace litrev::bibtex {
namespace {

namespace fs = std::filesystem;
using Json = litrev::test::OrderedJson;

std::vector<std::string> golden_names() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(litrev::test::test_data("bibtex/golden")))
    if (e.path().extension() == ".bib") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

class RecordsGolden : public testing::TestWithParam<std::string> {};

TEST_P(RecordsGolden, RecordsMatchTheExpectedJson) {
  const fs::path bib = litrev::test::test_data("bibtex/golden/" + GetParam() + ".bib");
  const fs::path expected_path = litrev::test::test_data("bibtex/golden/" + GetParam() + ".json");
  const std::string text = litrev::test::read_file(bib);
  std::vector<Diagnostic> diagnostics;
  Json actual;
  const ImportStats stats = import_bibtex_string(
      text, GetParam() + ".bib", [&](ImportRecord&& r) { actual["records"].push_back(litrev::test::record_json(r)); }, diagnostics);
  actual["stats"] = {{"read", stats.read},
                     {"records", stats.records},
                     {"skipped", stats.skipped},
                     {"duplicate_keys", stats.duplicate_keys},
                     {"inheriting", stats.inheriting}};
  EXPECT_EQ(stats.errors, 0u) << "golden inputs are well-formed BibTeX";
  const std::string dumped = actual.dump(2) + "\n";
  if (std::getenv("LITREV_UPDATE_GOLDEN")) {
    litrev::test::write_file(expected_path, dumped);
    GTEST_SKIP() << "rewrote " << expected_path;
  }
  ASSERT_TRUE(fs::exists(expected_path)) << "no expected output " << expected_path
                                         << " (run with LITREV_UPDATE_GOLDEN=1 to create it)";
  const Json expected = Json::parse(litrev::test::read_file(expected_path));
  ASSERT_EQ(expected["records"].size(), actual["records"].size());
  for (std::size_t i = 0; i < expected["records"].size(); ++i)
    EXPECT_EQ(expected["records"][i].dump(2), actual["records"][i].dump(2)) << "record " << i;
  EXPECT_EQ(expected["stats"], actual["stats"]);
}

INSTANTIATE_TEST_SUITE_P(Golden, RecordsGolden, testing::ValuesIn(golden_names()),
                         [](const testing::TestParamInfo<std::string>& p) { return p.param; });

}  // namespace
}  // namespace litrev::bibtex
