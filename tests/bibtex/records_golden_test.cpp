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
#include "src/core/identifiers.hpp"
#include "src/core/types.hpp"
#include "support/test_support.hpp"

namespace litrev::bibtex {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

// Empty strings are left out so the files show what was found.
void put(Json& j, const char* name, const std::string& v) {
  if (!v.empty()) j[name] = v;
}

Json to_json(const ImportRecord& r) {
  Json j;
  const Work& w = r.work;
  put(j, "key", w.key);
  put(j, "type", w.type);
  if (r.duplicate_key) j["duplicate_key"] = true;
  put(j, "title", w.title);
  put(j, "subtitle", w.subtitle);
  put(j, "container", w.container);
  put(j, "date", w.date);
  if (w.year) j["year"] = *w.year;
  put(j, "volume", w.volume);
  put(j, "issue", w.issue);
  put(j, "pages", w.pages);
  put(j, "publisher", w.publisher);
  put(j, "place", w.place);
  put(j, "edition", w.edition);
  put(j, "language", w.language);
  put(j, "abstract", w.abstract_text);
  if (!w.keywords.empty()) j["keywords"] = w.keywords;
  put(j, "url", w.url);
  for (const auto& c : w.contributors) {
    Json p;
    p["role"] = role_name(c.role);
    put(p, "family", c.person.family);
    put(p, "given", c.person.given);
    put(p, "particle", c.person.particle);
    put(p, "suffix", c.person.suffix);
    put(p, "literal", c.person.literal);
    j["contributors"].push_back(p);
  }
  for (const auto& id : w.ids) j["ids"].push_back(std::string(id_scheme_name(id.scheme)) + ":" + id.value);
  for (const auto& ref : w.references) {
    Json x;
    put(x, "raw", ref.raw);
    put(x, "doi", ref.doi);
    put(x, "cite_key", ref.cite_key);
    put(x, "first_author", ref.first_author);
    if (ref.year) x["year"] = *ref.year;
    put(x, "container", ref.container);
    j["references"].push_back(x);
  }
  if (w.global_citations) j["global_citations"] = *w.global_citations;
  Json s;
  s["entry_type"] = r.source.entry_type;
  s["original_key"] = r.source.original_key;
  s["line"] = r.source.line;
  for (const auto& f : r.source.fields) s["fields"].push_back(f.name + " = " + f.value);
  j["source"] = s;
  for (const auto& d : r.warnings)
    j["warnings"].push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
                            (d.field.empty() ? "" : d.field + ": ") + d.message);
  return j;
}

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
      text, GetParam() + ".bib", [&](ImportRecord&& r) { actual["records"].push_back(to_json(r)); }, diagnostics);
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
