// The parsers and the matching keys on real exports, read from ../shared at run time:
// the Web of Science exports of corpus/citations (CR lines), the Scopus `references` fields of
// corpus/bibtex, and the reading list whose citation links were taken from WoS CR lines.
// Rates are printed (and recorded as test properties) so a regression shows as a number.

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_set>

#include "importers/references/reference_parser.hpp"
#include "src/core/reference_keys.hpp"
#include "src/core/text.hpp"
#include "support/test_support.hpp"

namespace litrev {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(std::move(line));
  }
  return out;
}

std::vector<std::string> wos_cited_references(const fs::path& file) {
  return wos_export_cited_references(test::read_file(file));
}

// Values of a BibTeX field (by name, case-sensitive) found by brace matching.
std::vector<std::string> bibtex_field_values(const std::string& text, const std::string& field) {
  std::vector<std::string> out;
  for (std::size_t at = text.find(field); at != std::string::npos; at = text.find(field, at + 1)) {
    if (at > 0 && text[at - 1] != '\n' && text[at - 1] != ' ' && text[at - 1] != ',') continue;
    std::size_t i = at + field.size();
    while (i < text.size() && (text[i] == ' ' || text[i] == '=')) ++i;
    if (i >= text.size() || text[i] != '{') continue;
    int depth = 0;
    const std::size_t start = i;
    for (; i < text.size(); ++i) {
      if (text[i] == '{') ++depth;
      else if (text[i] == '}' && --depth == 0) break;
    }
    out.push_back(text.substr(start, i + 1 - start));
  }
  return out;
}

std::vector<fs::path> wos_text_exports(const fs::path& shared) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(shared / "corpus" / "citations"))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

void report(const std::string& name, const std::string& value) {
  ::testing::Test::RecordProperty(name, value);
  std::cout << "[ measured ] " << name << ": " << value << "\n";
}

TEST(WosCorpus, EveryCitedReferenceParsesToAFamilyAndAYearOrIsCountedUnparseable) {
  LITREV_REQUIRE_SHARED(shared);
  std::size_t total = 0, parsed = 0, detected_wos = 0;
  std::vector<std::string> unparseable;
  double seconds = 0;
  for (const auto& file : wos_text_exports(shared)) {
    const auto refs = wos_cited_references(file);
    const auto start = std::chrono::steady_clock::now();
    for (const auto& raw : refs) {
      const auto r = parse_reference(raw, ReferenceStyle::wos);
      ++total;
      EXPECT_EQ(r.raw, trim(raw));
      if (!r.first_author.empty() && r.year) ++parsed;
      else if (unparseable.size() < 5) unparseable.push_back(raw);
      detected_wos += detect_reference_style(raw) == ReferenceStyle::wos;
    }
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  ASSERT_GT(total, 100000u) << "the WoS exports of corpus/citations were not found or not read";
  const double rate = static_cast<double>(parsed) / static_cast<double>(total);
  report("wos_cr_lines", std::to_string(total));
  report("wos_cr_family_and_year_rate", std::to_string(rate));
  report("wos_cr_unparseable", std::to_string(total - parsed));
  report("wos_cr_detected_as_wos_rate", std::to_string(static_cast<double>(detected_wos) / static_cast<double>(total)));
  report("wos_cr_parse_and_detect_per_second", std::to_string(static_cast<double>(total) / seconds));
  for (const auto& u : unparseable) std::cout << "    unparseable, e.g.: " << u << "\n";
  // What stays unparseable has no author or no year in the export itself ("2002, NATURE, V417",
  // "CALLON M, MARKET DEVICES", web pages).
  EXPECT_GE(rate, 0.97);
  EXPECT_GE(static_cast<double>(detected_wos) / static_cast<double>(total), 0.99);
}

TEST(WosCorpus, OneCitedWorkWrittenSeveralWaysIsOneIdentity) {
  LITREV_REQUIRE_SHARED(shared);
  std::vector<Reference> refs;
  for (const auto& file : wos_text_exports(shared))
    for (const auto& raw : wos_cited_references(file)) refs.push_back(parse_reference(raw, ReferenceStyle::wos));
  ReferenceIdentities ids;
  for (const auto& r : refs) ids.learn(r);
  std::unordered_set<std::string> raw_strings, plain, unified;
  std::map<std::string, std::set<std::string>> raws_by_identity;
  for (const auto& r : refs) {
    raw_strings.insert(r.raw);
    plain.insert(reference_identity(r));
    const auto id = ids.identity(r);
    unified.insert(id);
    raws_by_identity[id].insert(r.raw);
  }
  report("wos_cr_distinct_raw_strings", std::to_string(raw_strings.size()));
  report("wos_cr_distinct_identities", std::to_string(plain.size()));
  report("wos_cr_distinct_identities_doi_unified", std::to_string(unified.size()));
  EXPECT_LT(unified.size(), plain.size());
  EXPECT_LT(plain.size(), raw_strings.size() * 98 / 100);

  // Every reference without DOI whose locator was also written with a DOI joined that DOI.
  for (const auto& r : refs) {
    const auto keys = reference_keys(r);
    if (r.doi.empty() && !keys.locator.empty() && !ids.doi_for_locator(keys.locator).empty()) {
      EXPECT_TRUE(ids.identity(r).starts_with("doi:")) << r.raw;
    }
  }
  // The most cited identities gather several spellings: printed for inspection.
  std::vector<std::pair<std::size_t, std::string>> by_variants;
  for (const auto& [id, raws] : raws_by_identity) by_variants.emplace_back(raws.size(), id);
  std::sort(by_variants.rbegin(), by_variants.rend());
  for (std::size_t i = 0; i < 5 && i < by_variants.size(); ++i)
    std::cout << "    " << by_variants[i].second << " <- " << by_variants[i].first << " spellings, e.g. "
              << *raws_by_identity[by_variants[i].second].begin() << "\n";
  ASSERT_FALSE(by_variants.empty());
  EXPECT_GE(by_variants.front().first, 3u);
}

TEST(WosCorpus, BibtexAndPlainTextExportsOfTheSameRecordsGiveTheSameIdentities) {
  LITREV_REQUIRE_SHARED(shared);
  const auto dir = shared / "corpus" / "citations" / "ai_generative_ai";
  std::multiset<std::string> from_text, from_bib;
  for (const auto& raw : wos_cited_references(dir / "savedrecs.txt"))
    from_text.insert(reference_identity(parse_reference(raw, ReferenceStyle::wos)));
  for (const auto& value : bibtex_field_values(test::read_file(dir / "savedrecs.bib"), "Cited-References"))
    for (const auto& raw : split_wos_references(value))
      from_bib.insert(reference_identity(parse_reference(raw, ReferenceStyle::wos)));
  ASSERT_GT(from_text.size(), 10000u);
  EXPECT_EQ(from_bib.size(), from_text.size());
  std::vector<std::string> only_text, only_bib;
  std::set_difference(from_text.begin(), from_text.end(), from_bib.begin(), from_bib.end(), std::back_inserter(only_text));
  std::set_difference(from_bib.begin(), from_bib.end(), from_text.begin(), from_text.end(), std::back_inserter(only_bib));
  report("wos_bib_vs_txt_identities_only_in_txt", std::to_string(only_text.size()));
  report("wos_bib_vs_txt_identities_only_in_bib", std::to_string(only_bib.size()));
  for (std::size_t i = 0; i < 3 && i < only_text.size(); ++i) std::cout << "    only in txt: " << only_text[i] << "\n";
  for (std::size_t i = 0; i < 3 && i < only_bib.size(); ++i) std::cout << "    only in bib: " << only_bib[i] << "\n";
  // The BibTeX export adds a final "." to every line and TeX-escapes "_", "#", "&" in DOIs and
  // names: none of it may change an identity.
  EXPECT_TRUE(only_text.empty());
  EXPECT_TRUE(only_bib.empty());
}

TEST(ScopusCorpus, ReferenceListsSplitAndParse) {
  LITREV_REQUIRE_SHARED(shared);
  std::size_t fields = 0, items = 0, parsed = 0, located = 0, detected = 0;
  for (const char* name : {"bibliometrix/scopus_garfield.bib", "bibliometrix/scopus_vignette.bib",
                           "db-exports-colrev/scopus_bib.bib"}) {
    const auto text = test::read_file(shared / "corpus" / "bibtex" / name);
    for (const char* field : {"references =", "references="}) {
      for (const auto& value : bibtex_field_values(text, field)) {
        ++fields;
        for (const auto& raw : split_scopus_references(value)) {
          ++items;
          const auto r = parse_reference(raw, ReferenceStyle::scopus);
          parsed += !r.first_author.empty() && r.year.has_value();
          located += !reference_keys(r).locator.empty();
          detected += detect_reference_style(raw) == ReferenceStyle::scopus;
        }
      }
    }
  }
  ASSERT_GT(fields, 300u);
  report("scopus_reference_fields", std::to_string(fields));
  report("scopus_reference_items", std::to_string(items));
  report("scopus_family_and_year_rate", std::to_string(static_cast<double>(parsed) / static_cast<double>(items)));
  report("scopus_locator_rate", std::to_string(static_cast<double>(located) / static_cast<double>(items)));
  report("scopus_detected_as_scopus_rate", std::to_string(static_cast<double>(detected) / static_cast<double>(items)));
  EXPECT_GE(static_cast<double>(parsed) / static_cast<double>(items), 0.85);
  EXPECT_GE(static_cast<double>(detected) / static_cast<double>(items), 0.9);
}

// works.tsv row -> Work, as an importer of the sample library would fill it.
Work work_from_reading_list(const std::vector<std::string>& c) {
  Work w;
  w.title = c[4];
  w.container = c[5];
  if (!c[3].empty()) w.year = std::stoi(c[3]);
  w.volume = c[6];
  w.pages = c[8];
  std::string first_author = c[2].substr(0, c[2].find(';'));
  Person p;
  if (const auto comma = first_author.find(", "); comma != std::string::npos) {
    p.family = first_author.substr(0, comma);
    p.given = first_author.substr(comma + 2);
  } else {
    p.literal = first_author;
  }
  w.contributors.push_back({Role::author, p});
  if (!c[10].empty()) w.ids.push_back({IdScheme::doi, ascii_lower(c[10])});
  return w;
}

std::vector<std::string> tsv_cells(const std::string& line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
    cells.push_back(line.substr(start, tab - start));
  cells.push_back(line.substr(start));
  return cells;
}

TEST(ReadingList, WosReferencesFindTheLibraryWorksTheyCite) {
  LITREV_REQUIRE_SHARED(shared);
  const auto dir = shared / "corpus" / "reading-list";
  std::map<std::string, Work> works;
  for (const auto& line : lines_of(test::read_file(dir / "works.tsv"))) {
    const auto c = tsv_cells(line);
    if (c.size() >= 11 && c[0] != "id") works[c[0]] = work_from_reading_list(c);
  }
  ASSERT_GT(works.size(), 100u);
  std::size_t links = 0, matched = 0, by_doi = 0, by_locator = 0, by_abbreviation = 0;
  for (const auto& line : lines_of(test::read_file(dir / "cites.tsv"))) {
    const auto c = tsv_cells(line);
    if (c.size() < 3 || !works.contains(c[1]) || !c[2].starts_with("WoS CR")) continue;
    const auto colon = c[2].find(": ", c[2].find(" record "));
    ASSERT_NE(colon, std::string::npos) << line;
    const auto ref = reference_keys(parse_reference(c[2].substr(colon + 2), ReferenceStyle::wos));
    const auto work = work_keys(works[c[1]]);
    ++links;
    const bool doi = !ref.doi.empty() && ref.doi == work.doi;
    const bool locator = !ref.locator.empty() && ref.locator == work.locator;
    const bool abbreviation = !ref.abbreviated.empty() && ref.abbreviated == work.abbreviated;
    by_doi += doi;
    by_locator += locator;
    by_abbreviation += abbreviation;
    if (doi || locator || abbreviation) ++matched;
    else std::cout << "    not matched: " << c[0] << " -> " << c[1] << ": " << c[2].substr(colon + 2) << "\n";
  }
  ASSERT_GT(links, 100u);
  report("reading_list_wos_links", std::to_string(links));
  report("reading_list_matched", std::to_string(matched));
  report("reading_list_matched_by_doi", std::to_string(by_doi));
  report("reading_list_matched_by_locator", std::to_string(by_locator));
  report("reading_list_matched_by_abbreviated_title", std::to_string(by_abbreviation));
  EXPECT_GE(static_cast<double>(matched) / static_cast<double>(links), 0.9);
}

}  // namespace
}  // namespace litrev
