// The sample library bib/responsible-ai.bib, read by the project's BibTeX importer: every entry
// imports cleanly, every `cites` key names an entry of the file, every cited reference reads as
// a WoS reference, and (when ../shared is present) the entries agree with the verified reading
// list they were written from.

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "importers/bibtex/bibtex_import.hpp"
#include "importers/references/reference_parser.hpp"
#include "src/core/identifiers.hpp"
#include "src/core/reference_keys.hpp"
#include "src/core/text.hpp"
#include "support/test_support.hpp"

namespace litrev {
namespace {

std::vector<ImportRecord> sample_library(std::vector<Diagnostic>& diagnostics) {
  const auto path = std::filesystem::path(LITREV_SOURCE_DIR) / "bib" / "responsible-ai.bib";
  return bibtex::import_bibtex_records(test::read_file(path), path.string(), diagnostics);
}

std::string doi_of(const Work& w) {
  for (const auto& id : w.ids)
    if (id.scheme == IdScheme::doi) return id.value;
  return {};
}

TEST(SampleLibrary, ImportsWithoutDiagnosticsAndWithUniqueKeys) {
  std::vector<Diagnostic> diagnostics;
  const auto records = sample_library(diagnostics);
  for (const auto& d : diagnostics) ADD_FAILURE() << d.line << ":" << d.column << ": " << d.message;
  ASSERT_GE(records.size(), 80u);
  ASSERT_LE(records.size(), 150u);
  std::set<std::string> keys;
  for (const auto& r : records) {
    EXPECT_TRUE(r.warnings.empty()) << r.work.key << ": " << (r.warnings.empty() ? "" : r.warnings[0].message);
    EXPECT_FALSE(r.duplicate_key) << r.work.key;
    EXPECT_TRUE(keys.insert(r.work.key).second) << r.work.key;
    EXPECT_FALSE(r.work.title.empty()) << r.work.key;
    EXPECT_TRUE(r.work.year.has_value()) << r.work.key;
    EXPECT_FALSE(r.work.contributors.empty()) << r.work.key;
    EXPECT_FALSE(r.work.keywords.empty()) << r.work.key;
    const auto doi = doi_of(r.work);
    if (!doi.empty()) {
      EXPECT_EQ(normalize_doi(doi), doi) << r.work.key;
    }
  }
}

TEST(SampleLibrary, CitesNameEntriesOfTheFileAndCitedReferencesParse) {
  std::vector<Diagnostic> diagnostics;
  const auto records = sample_library(diagnostics);
  std::set<std::string> keys;
  for (const auto& r : records) keys.insert(r.work.key);
  std::size_t cites = 0, external = 0;
  std::map<std::string, std::set<std::string>> citing_by_identity;
  for (const auto& r : records) {
    for (const auto& ref : r.work.references) {
      if (!ref.cite_key.empty()) {
        ++cites;
        EXPECT_TRUE(keys.contains(ref.cite_key)) << r.work.key << " cites unknown " << ref.cite_key;
        EXPECT_NE(ref.cite_key, r.work.key);
        continue;
      }
      ++external;
      EXPECT_FALSE(ref.first_author.empty()) << ref.raw;
      EXPECT_TRUE(ref.year.has_value()) << ref.raw;
      citing_by_identity[reference_identity(ref)].insert(r.work.key);
    }
  }
  EXPECT_GE(cites, 100u);
  EXPECT_GE(external, 50u);
  // The demo's "missing works": several external references are cited by 4 or more entries.
  std::size_t cited_by_four = 0;
  for (const auto& [id, citing] : citing_by_identity) cited_by_four += citing.size() >= 4;
  std::cout << "[ measured ] sample library: " << records.size() << " works, " << cites << " cites links, "
            << external << " cited references, " << citing_by_identity.size() << " distinct external works, "
            << cited_by_four << " cited by >= 4 works\n";
  EXPECT_GE(cited_by_four, 5u);
}

std::vector<std::vector<std::string>> tsv(const std::filesystem::path& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(test::read_file(path));
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      cells.push_back(line.substr(start, tab - start));
    cells.push_back(line.substr(start));
    rows.push_back(std::move(cells));
  }
  return rows;
}

TEST(SampleLibrary, AgreesWithTheVerifiedReadingList) {
  LITREV_REQUIRE_SHARED(shared);
  std::vector<Diagnostic> diagnostics;
  std::map<std::string, Work> works;
  for (auto& r : sample_library(diagnostics)) works[r.work.key] = std::move(r.work);
  const auto rows = tsv(shared / "corpus" / "reading-list" / "works.tsv");
  ASSERT_GT(rows.size(), 1u);
  std::size_t compared = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& c = rows[i];
    if (c.size() < 11) continue;
    ++compared;
    ASSERT_TRUE(works.contains(c[0])) << c[0];
    const Work& w = works[c[0]];
    // Titles: same words (the .bib protects acronyms with braces and escapes "&").
    EXPECT_EQ(normalized_title(w.title + (w.subtitle.empty() ? "" : ": " + w.subtitle)), normalized_title(c[4]))
        << c[0];
    EXPECT_EQ(w.year, std::stoi(c[3])) << c[0];
    EXPECT_EQ(doi_of(w), ascii_lower(c[10])) << c[0];  // a DOI only where the reading list has one
    EXPECT_EQ(w.volume, c[6]) << c[0];
    EXPECT_EQ(w.issue, c[7]) << c[0];
    // First author's family name.
    const std::string first = c[2].substr(0, c[2].find(';'));
    const auto& p = w.contributors.front().person;
    const std::string family = first.find(',') == std::string::npos ? first : first.substr(0, first.find(','));
    EXPECT_EQ(family_token(p.family.empty() ? p.literal : (p.particle.empty() ? "" : p.particle + " ") + p.family),
              family_token(family))
        << c[0];
  }
  EXPECT_EQ(compared, works.size());
}

}  // namespace
}  // namespace litrev
