// Golden files: tests/data/csl/golden/<style>.csl (styles written for these tests) formats
// library.json; the entries must equal <style>.txt, .html, .md and .tex, line by line.
// LITREV_UPDATE_GOLDEN=1 rewrites the expected files (then read the diff before committing).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "csl_test_helpers.hpp"

namespace litrev::test::csl {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> golden_styles() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(test_data("csl/golden")))
    if (e.path().extension() == ".csl") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, EveryFormatMatches) {
  LITREV_REQUIRE_CSL_LOCALES();
  const fs::path dir = test_data("csl/golden");
  Processor p(load_style_file(dir / (GetParam() + ".csl"), test_sources()));
  const auto bib = p.bibliography(read_csl_json(read_file(dir / "library.json")).items);
  const bool update = std::getenv("LITREV_UPDATE_GOLDEN") != nullptr;
  for (const auto& [ext, format] : {std::pair{".txt", OutputFormat::text}, std::pair{".html", OutputFormat::html},
                                    std::pair{".md", OutputFormat::markdown}, std::pair{".tex", OutputFormat::latex}}) {
    std::string got;
    for (const auto& e : bib.entries) got += e.id + "\t" + render(e.content, format) + "\n";
    const fs::path expected = dir / (GetParam() + ext);
    if (update) write_file(expected, got);
    ASSERT_TRUE(fs::exists(expected)) << expected << " missing (LITREV_UPDATE_GOLDEN=1 writes it)";
    EXPECT_EQ(got, read_file(expected)) << expected;
  }
}

INSTANTIATE_TEST_SUITE_P(Styles, Golden, ::testing::ValuesIn(golden_styles()),
                         [](const auto& param_info) {
                           std::string n = param_info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

}  // namespace
}  // namespace litrev::test::csl
