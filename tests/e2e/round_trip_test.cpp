// Import -> export -> import into a new library: the two libraries hold the same works with the
// same field values, for every file of the shared real-world corpus (issue 2, "Round trip").
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "support/test_support.hpp"

namespace litrev::test {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::vector<std::string> corpus_files(const fs::path& shared) {
  std::vector<std::string> files;
  std::ifstream in(shared / "corpus/bibtex/EXPECTED.tsv");
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    files.push_back(line.substr(0, line.find('\t')));
  }
  return files;
}

std::map<std::string, json> works_by_key(const fs::path& db) {
  const auto r = run_litrev({"--db", db.string(), "list", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, json> works;
  for (auto& w : json::parse(r.out)) works[w["key"].get<std::string>()] = w;
  return works;
}

// What must survive the round trip: the readable values and every original field.
json comparable(const json& w) {
  json fields = w["fields"];
  return {{"type", w["type"]}, {"title", w["title"]},     {"year", w["year"]},
          {"doi", w["doi"]},   {"authors", w["authors"]}, {"container", w["container"]},
          {"fields", fields}};
}

TEST(RoundTrip, EveryCorpusFileSurvivesImportExportImport) {
  LITREV_REQUIRE_SHARED(shared);
  const auto files = corpus_files(shared);
  ASSERT_GT(files.size(), 100u);
  std::size_t files_checked = 0, works_checked = 0;
  for (const auto& rel : files) {
    SCOPED_TRACE(rel);
    TempDir tmp;
    const auto first = tmp / "first.db", second = tmp / "second.db", exported = tmp / "export.bib";
    const auto source = (shared / "corpus/bibtex" / rel).string();
    const auto imported = run_litrev({"--db", first.string(), "-q", "import", "bibtex", source});
    if (imported.exit_code == 3 && imported.err.ends_with("error: the file is empty; nothing imported\n")) continue;
    ASSERT_TRUE(imported.exit_code == 0 || imported.exit_code == 1) << imported.err;
    const auto out = run_litrev({"--db", first.string(), "-q", "export", "bibtex", "--out", exported.string()});
    ASSERT_EQ(out.exit_code, 0) << out.err;
    const auto again = run_litrev({"--db", second.string(), "import", "bibtex", exported.string()});
    // The export is clean BibTeX: reading it back reports no error.
    EXPECT_EQ(again.exit_code, 0) << again.err;
    const auto a = works_by_key(first), b = works_by_key(second);
    EXPECT_EQ(a.size(), b.size());
    for (const auto& [key, work] : a) {
      auto it = b.find(key);
      if (it == b.end()) {
        ADD_FAILURE() << "work " << key << " is missing after the round trip";
        continue;
      }
      EXPECT_EQ(comparable(work).dump(1), comparable(it->second).dump(1)) << "work " << key;
      ++works_checked;
    }
    ++files_checked;
  }
  std::cout << "round trip: " << files_checked << " files, " << works_checked << " works compared\n";
}

}  // namespace
}  // namespace litrev::test
