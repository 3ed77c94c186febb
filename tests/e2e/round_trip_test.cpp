// Import -> export -> import into a new library: the two libraries hold the same works with the
// same readable values, and exporting the second gives the same file as exporting the first:
// nothing is lost beyond what the writer changes so that BibTeX, biber and pandoc read the
// entries (bibtex_writer.hpp; those rules have their own tests). For every file of the shared
// real-world corpus (issue 2, "Round trip").
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "src/export/bib_values.hpp"
#include "support/library_works.hpp"
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

// What must survive the round trip: the readable values. A book's booktitle is not written
// (it was the book's container, or its title when it had none); an empty field of an entry
// that inherits no longer hides the parent's value.
// `original` (the first library's work) decides what is compared.
json comparable(const json& w, const json& original) {
  json c = {{"type", w["type"]}, {"title", w["title"]},     {"year", w["year"]},
            {"doi", w["doi"]},   {"authors", w["authors"]}, {"container", w["container"]}};
  const json& fields = original["fields"];
  static const std::set<std::string> kBooks = {"book", "mvbook", "collection", "mvcollection", "proceedings",
                                                "mvproceedings", "reference", "mvreference"};
  if (fields.contains("booktitle") && kBooks.contains(original["type"].get<std::string>())) {
    c.erase("container");
    if (!fields.contains("title")) c.erase("title");
  }
  if (fields.contains("crossref"))
    for (const auto& [name, value] : fields.items())
      if (value.is_string() && value.get<std::string>().find_first_not_of(" {}") == std::string::npos) c = json();
  return c;
}

// A book with a booktitle but no title gets its booktitle as title (bibtex_writer.hpp).
bool titled_by_export(const json& w) {
  return w["fields"].contains("booktitle") && !w["fields"].contains("title") && w["type"] == "book";
}

// The entries an export writes, sorted (the import orders a crossref child after its parent, so
// the second library may hold them in another order).
std::vector<std::string> export_entries(const fs::path& db, const fs::path& out) {
  const auto r = run_litrev({"--db", db.string(), "-q", "export", "bibtex", "--out", out.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string text = read_file(out);
  std::vector<std::string> entries;
  for (std::size_t start = text.find("\n@"); start != std::string::npos;) {  // after the header line
    const std::size_t end = text.find("\n@", start + 1);
    entries.push_back(text.substr(start + 1, end == std::string::npos ? std::string::npos : end - start - 1));
    start = end;
  }
  std::sort(entries.begin(), entries.end());
  return entries;
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
    const auto first_entries = export_entries(first, exported);
    const auto again = run_litrev({"--db", second.string(), "import", "bibtex", exported.string()});
    // The export is clean BibTeX: reading it back reports no error.
    EXPECT_EQ(again.exit_code, 0) << again.err;
    const auto a = works_by_key(first), b = works_by_key(second);
    std::size_t merged = 0;
    for (const auto& [key, work] : a) {
      auto it = b.find(bib_citation_key(key));  // the export writes keys that every tool reads
      if (it == b.end() && titled_by_export(work)) {
        ++merged;  // now titled, it is recognised as the duplicate it was (BibDesk's smelser94 twice)
        continue;
      }
      if (it == b.end()) {
        ADD_FAILURE() << "work " << key << " is missing after the round trip";
        continue;
      }
      EXPECT_EQ(comparable(work, work).dump(1), comparable(it->second, work).dump(1)) << "work " << key;
      ++works_checked;
    }
    EXPECT_EQ(a.size(), b.size() + merged);
    // The export is a fixed point: what the second library exports is what the first did.
    if (merged == 0) {
      EXPECT_EQ(first_entries, export_entries(second, tmp / "again.bib"));
    }
    ++files_checked;
  }
  std::cout << "round trip: " << files_checked << " files, " << works_checked << " works compared\n";
}

}  // namespace
}  // namespace litrev::test
