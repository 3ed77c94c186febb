// One node per cited work on the real WoS exports of ../shared/corpus/citations (read at run
// time, skipped when absent): how many distinct cited works the identities give, how many
// remain once unify_cited_works groups them, and the known split works of issue 7 joined.

#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "importers/references/reference_parser.hpp"
#include "src/core/cited_works.hpp"
#include "src/core/reference_keys.hpp"
#include "support/test_support.hpp"

namespace litrev {
namespace {

namespace fs = std::filesystem;

TEST(CitedWorksCorpus, GroupsTheVariantsOfOneCitedWorkOnRealExports) {
  LITREV_REQUIRE_SHARED(shared);
  std::vector<Reference> refs;
  for (const auto& e : fs::recursive_directory_iterator(shared / "corpus" / "citations"))
    if (e.path().extension() == ".txt")
      for (const auto& raw : wos_export_cited_references(test::read_file(e.path()))) refs.push_back(parse_reference(raw));
  ASSERT_GT(refs.size(), 100000u);
  std::vector<std::uint32_t> variant_of;
  const auto variants = cited_work_variants(refs, variant_of);
  const auto canonical = unify_cited_works(variants);
  std::size_t after = 0;
  for (std::uint32_t i = 0; i < variants.size(); ++i) after += canonical[i] == i;
  std::cout << "[ measured ] references " << refs.size() << ", distinct cited works before " << variants.size()
            << ", after " << after << "\n";
  EXPECT_LT(after, variants.size());
  // A precise rule joins few variants: most identities were right already.
  EXPECT_GT(after, variants.size() * 97 / 100);

  // The works of refs whose raw text contains `needle`.
  auto works_of = [&](const std::string& needle) {
    std::set<std::string> out;
    for (std::size_t i = 0; i < refs.size(); ++i)
      if (refs[i].raw.find(needle) != std::string::npos) out.insert(variants[canonical[variant_of[i]]].identity);
    return out;
  };
  EXPECT_EQ(works_of("Brown T. B., 2020, Adv. Neural. Inf. Process. Syst, P1877"),
            works_of("Brown T., 2020, Advances in neural information processing systems, V33, P1877"));
  EXPECT_EQ(works_of("WOOD DJ, 1991, ACAD MANAGE REV, V16, P691").size(), 1u);
  // Every group agrees on what it knows: no two volumes or first pages.
  std::map<std::uint32_t, std::set<std::string>> volumes, pages;
  for (std::uint32_t i = 0; i < variants.size(); ++i) {
    if (auto v = locator_volume(variants[i].volume); !v.empty()) volumes[canonical[i]].insert(v);
    if (auto p = locator_page(variants[i].first_page); !p.empty()) pages[canonical[i]].insert(p);
  }
  for (const auto& [g, v] : volumes) EXPECT_LE(v.size(), 1u) << variants[g].identity;
  for (const auto& [g, p] : pages) EXPECT_LE(p.size(), 1u) << variants[g].identity;
}

}  // namespace
}  // namespace litrev
