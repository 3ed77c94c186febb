// Breadth: every independent style of the official CSL repository (as Debian installs it) and
// a sample of the dependent ones formats a varied library without an error. Prints how many
// pass. Under the sanitizers (CI's second pass) a seventh of the styles is enough.
#include <gtest/gtest.h>

#include <algorithm>

#include "csl_test_helpers.hpp"
#include "src/csl/csl_error.hpp"

namespace litrev::test::csl {
namespace {

namespace fs = std::filesystem;

#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kEvery = 7;
#else
constexpr std::size_t kEvery = 1;
#endif

std::vector<Item> breadth_library() {
  std::vector<Item> items = read_csl_json(read_file(test_data("csl/varied-extra.json"))).items;
  // And the shared sample when present (more French, more types).
  const auto shared = shared_dir();
  if (!shared.empty() && fs::exists(shared / "tools" / "data" / "csl-sample.json")) {
    auto more = read_csl_json(read_file(shared / "tools" / "data" / "csl-sample.json")).items;
    items.insert(items.end(), more.begin(), more.end());
  }
  return items;
}

std::vector<fs::path> csl_files(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".csl") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

struct Tally {
  std::size_t tried = 0, passed = 0;
  std::string failures;
};

void try_styles(const std::vector<fs::path>& styles, std::size_t every, const StyleCatalog& catalog,
                const std::vector<Item>& items, Tally& t) {
  for (std::size_t i = 0; i < styles.size(); i += every) {
    ++t.tried;
    try {
      Processor p(load_style_file(styles[i], catalog.sources()));
      const auto bib = p.bibliography(items);
      for (const auto& e : bib.entries) {
        render(e.content, OutputFormat::html);
      }
      if (bib.entries.size() != items.size()) throw std::runtime_error("entries missing");
      ++t.passed;
    } catch (const std::exception& e) {
      t.failures += "  " + styles[i].filename().string() + ": " + e.what() + "\n";
    }
  }
}

TEST(Breadth, EveryDebianIndependentStyleFormatsTheVariedLibrary) {
  const fs::path root = "/usr/share/citation-style-language";
  if (!fs::exists(root / "styles") || !fs::exists(root / "locales"))
    GTEST_SKIP() << "citation-style-language-styles/-locales not installed (scripts/install-deps.sh)";
  const StyleCatalog catalog({root / "styles"}, {root / "locales"});
  const auto items = breadth_library();
  Tally independent;
  try_styles(csl_files(root / "styles"), kEvery, catalog, items, independent);
  std::cout << independent.passed << "/" << independent.tried << " independent styles format " << items.size()
            << " items without error\n";
  EXPECT_EQ(independent.passed, independent.tried) << independent.failures;
  EXPECT_GT(independent.tried, 300u);
}

TEST(Breadth, ASampleOfDependentStylesFormatsTheVariedLibrary) {
  const fs::path root = "/usr/share/citation-style-language";
  if (!fs::exists(root / "styles" / "dependent")) GTEST_SKIP() << "citation-style-language-styles not installed";
  const StyleCatalog catalog({root / "styles"}, {root / "locales"});
  const auto items = breadth_library();
  Tally dependent;
  try_styles(csl_files(root / "styles" / "dependent"), 40 * kEvery, catalog, items, dependent);
  std::cout << dependent.passed << "/" << dependent.tried << " dependent styles (every " << 40 * kEvery << "th)\n";
  EXPECT_EQ(dependent.passed, dependent.tried) << dependent.failures;
}

}  // namespace
}  // namespace litrev::test::csl
