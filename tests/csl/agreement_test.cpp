// litrev's bibliographies against citeproc-js, Zotero's processor (the measure: the
// same entries, in the same order, with the same text and formatting once spaces are
// normalized, on at least 95% of the entries of each style). Styles and the CSL-JSON sample
// come from ../shared; citeproc-js from npm (installed into the build folder on first use).
// The bib/ sample library is compared the same way end to end in tests/e2e.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "support/citeproc_js.hpp"
#include "csl_test_helpers.hpp"

namespace litrev::test::csl {
namespace {

namespace fs = std::filesystem;

// The shared CSL-JSON sample plus the varied items of tests/data/csl, in one file.
fs::path varied_library(const TempDir& dir) {
  auto sample = read_file(shared_dir() / "tools" / "data" / "csl-sample.json");
  auto extra = read_file(test_data("csl/varied-extra.json"));
  // Two JSON arrays into one: drop the first's "]" and the second's "[".
  sample.erase(sample.find_last_of(']'));
  extra.erase(0, extra.find('[') + 1);
  const fs::path path = dir / "library.json";
  write_file(path, sample + "," + extra);
  return path;
}

Bib litrev_bibliography(const fs::path& style, const fs::path& library, const StyleCatalog& catalog) {
  Processor p(load_style_file(style, catalog.sources()));
  const auto bib = p.bibliography(read_csl_json(read_file(library)).items);
  Bib out;
  for (const auto& e : bib.entries) {
    out.ids.push_back(e.id);
    out.entries[e.id] = canonical_entry(render(e.content, OutputFormat::html));
  }
  return out;
}

class SharedStyles : public ::testing::Test {
 protected:
  void SetUp() override {
    if (shared_dir().empty()) GTEST_SKIP() << "../shared is absent (set LITREV_SHARED_DIR): skipped";
    std::string why;
    prefix_ = citeproc_js_prefix(why);
    if (prefix_.empty()) GTEST_SKIP() << "citeproc-js unavailable: " << why;
  }
  fs::path prefix_;
};

TEST_F(SharedStyles, AgreeWithCiteprocJsOnTheVariedLibrary) {
  TempDir dir;
  const auto library = varied_library(dir);
  const fs::path csl = shared_dir() / "csl";
  StyleCatalog catalog({csl}, {csl});
  std::vector<fs::path> styles;
  for (const auto& e : fs::directory_iterator(csl))
    if (e.path().extension() == ".csl") styles.push_back(e.path());
  for (const auto& e : fs::directory_iterator(csl / "dependent"))
    if (e.path().extension() == ".csl") styles.push_back(e.path());
  std::sort(styles.begin(), styles.end());
  ASSERT_GE(styles.size(), 9u);
  for (const auto& style : styles) {
    const auto reference = citeproc_js_bibliography(prefix_, style, library, csl);
    const auto agreement = compare_bibliographies(reference, litrev_bibliography(style, library, catalog));
    std::cout << style.filename().string() << ": " << agreement.same << "/" << agreement.total << " identical, order "
              << (agreement.order_same ? "same" : "differs") << "\n";
    EXPECT_GE(agreement.percent(), 95.0) << style << "\n" << agreement.report;
    EXPECT_TRUE(agreement.order_same) << style;
  }
}

// A sample of Debian's styles (fixed seed: the test is repeatable), as the check
// draws some at random. The sample as a whole must agree on 90% of its entries; the
// per-style figures are printed.
TEST_F(SharedStyles, ARandomSampleOfDebianStylesAgrees) {
  const fs::path styles_dir = "/usr/share/citation-style-language/styles";
  const fs::path locales = "/usr/share/citation-style-language/locales";
  if (!fs::exists(styles_dir) || !fs::exists(locales)) GTEST_SKIP() << "citation-style-language-styles not installed";
  TempDir dir;
  const auto library = varied_library(dir);
  std::vector<fs::path> styles;
  for (const auto& e : fs::directory_iterator(styles_dir))
    if (e.path().extension() == ".csl") styles.push_back(e.path());
  std::sort(styles.begin(), styles.end());
  std::mt19937 rng(20240601);
  std::shuffle(styles.begin(), styles.end(), rng);
  StyleCatalog catalog({styles_dir}, {locales});
  std::size_t same = 0, total = 0, tried = 0;
  for (const auto& style : styles) {
    if (tried == 12) break;
    Bib reference;
    try {
      reference = citeproc_js_bibliography(prefix_, style, library, locales);
    } catch (const std::exception&) {
      continue;  // citeproc-js makes no bibliography from a note style without one
    }
    ++tried;
    const auto agreement = compare_bibliographies(reference, litrev_bibliography(style, library, catalog));
    same += agreement.same;
    total += agreement.total;
    std::cout << style.filename().string() << ": " << agreement.same << "/" << agreement.total << "\n";
  }
  ASSERT_GT(total, 0u);
  EXPECT_GE(100.0 * static_cast<double>(same) / static_cast<double>(total), 90.0) << same << "/" << total;
}

TEST(CanonicalEntry, KeepsFormattingAndNormalizesSpaces) {
  EXPECT_EQ(canonical_entry("A\u00A0<i>b&#38;c</i>  d <span style=\"font-variant:small-caps;\">e</span>"),
            "{}A {i}b&c {}d {c}e");
  EXPECT_EQ(canonical_entry("<i>a <span style=\"font-style:normal;\">b</span></i>"), "{i}a {}b");
}

}  // namespace
}  // namespace litrev::test::csl
