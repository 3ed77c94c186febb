#pragma once
// Golden files of an importer: tests/data/<dir>/NAME.<ext> beside NAME.json, the records the
// importer makes of it (support/record_json.hpp), its diagnostics and counts. Run with
// LITREV_UPDATE_GOLDEN=1 to rewrite the .json files after a deliberate change, then review the
// diff.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "importers/input/file_parser.hpp"
#include "support/record_json.hpp"
#include "support/test_support.hpp"

namespace litrev::test {

// The stems of tests/data/<dir>/*.<ext>, sorted.
inline std::vector<std::string> golden_names(const std::string& dir, const std::string& ext) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(test_data(dir)))
    if (e.path().extension() == "." + ext) names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Decodes tests/data/<dir>/<name>.<ext> as `litrev import` does, parses it and compares with
// <name>.json.
inline void expect_golden(const std::string& dir, const std::string& name, const std::string& ext,
                          const input::FileParser& parse) {
  namespace fs = std::filesystem;
  const fs::path in = test_data(dir + "/" + name + "." + ext);
  const fs::path expected_path = test_data(dir + "/" + name + ".json");
  const input::DecodedText text = input::decode_text_bytes(read_file(in), name + "." + ext);
  std::vector<Diagnostic> diagnostics;
  OrderedJson actual;
  actual["records"] = OrderedJson::array();
  const input::ParseCounts counts =
      parse(text, [&](ImportRecord&& r) { actual["records"].push_back(record_json(r)); }, diagnostics);
  actual["encoding"] = text.encoding;
  actual["counts"] = {{"read", counts.read}, {"skipped", counts.skipped}};
  actual["diagnostics"] = OrderedJson::array();
  for (const auto& d : diagnostics)
    actual["diagnostics"].push_back(std::string(d.severity == Diagnostic::Severity::error ? "error" : "warning") +
                                    " " + std::to_string(d.line) + ": " + d.message);
  if (std::getenv("LITREV_UPDATE_GOLDEN")) {
    write_file(expected_path, actual.dump(2) + "\n");
    GTEST_SKIP() << "rewrote " << expected_path;
  }
  ASSERT_TRUE(fs::exists(expected_path)) << "no expected output " << expected_path
                                         << " (run with LITREV_UPDATE_GOLDEN=1 to create it)";
  const OrderedJson expected = OrderedJson::parse(read_file(expected_path));
  ASSERT_EQ(expected["records"].size(), actual["records"].size());
  for (std::size_t i = 0; i < expected["records"].size(); ++i)
    EXPECT_EQ(expected["records"][i].dump(2), actual["records"][i].dump(2)) << "record " << i;
  EXPECT_EQ(expected["counts"], actual["counts"]);
  EXPECT_EQ(expected["encoding"], actual["encoding"]);
  EXPECT_EQ(expected["diagnostics"].dump(2), actual["diagnostics"].dump(2));
}

}  // namespace litrev::test
