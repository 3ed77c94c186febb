// Writer-level lossless round trip over every file of ../shared/corpus/bibtex: the records the
// BibTeX importer makes of a file, written back by the BibTeX writer and imported again, are
// the same records: same entry types, keys, original fields (name and value; only whitespace
// may differ, see bibtex_writer.hpp) and the same readable works. The store is not involved
// (the end-to-end round trip through the library is the CLI's test).

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "importers/bibtex/bib_text.hpp"
#include "importers/bibtex/bibtex_import.hpp"
#include "src/core/identifiers.hpp"
#include "src/core/text.hpp"
#include "src/export/bibtex_writer.hpp"
#include "support/test_support.hpp"

namespace litrev {
namespace {

namespace fs = std::filesystem;

// Everything readable about a work, one line per part, for a comparison with a useful diff.
std::string describe(const Work& w) {
  std::ostringstream o;
  o << "key=" << w.key << "\ntype=" << w.type << "\ntitle=" << w.title << "\nsubtitle=" << w.subtitle
    << "\ncontainer=" << w.container << "\ndate=" << w.date << "\nyear=" << (w.year ? std::to_string(*w.year) : "")
    << "\nvolume=" << w.volume << "\nissue=" << w.issue << "\npages=" << w.pages << "\npublisher=" << w.publisher
    << "\nplace=" << w.place << "\nedition=" << w.edition << "\nlanguage=" << w.language
    << "\nabstract=" << w.abstract_text << "\nurl=" << w.url << "\n";
  for (const auto& k : w.keywords) o << "keyword=" << k << "\n";
  for (const auto& c : w.contributors)
    o << "person=" << static_cast<int>(c.role) << "|" << c.person.family << "|" << c.person.given << "|"
      << c.person.particle << "|" << c.person.suffix << "|" << c.person.literal << "\n";
  for (const auto& id : w.ids) o << "id=" << id_scheme_name(id.scheme) << ":" << id.value << "\n";
  for (const auto& r : w.references) o << "ref=" << r.raw << "|" << r.doi << "|" << r.cite_key << "\n";
  if (w.global_citations) o << "cited=" << *w.global_citations << "\n";
  return o.str();
}

std::vector<ImportRecord> import_text(const bibtex::BibText& text) {
  std::vector<ImportRecord> records;
  std::vector<Diagnostic> diagnostics;
  bibtex::import_bibtex(text, [&](ImportRecord&& r) { records.push_back(std::move(r)); }, diagnostics);
  return records;
}

std::vector<fs::path> corpus_files(const fs::path& shared) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(shared / "corpus" / "bibtex"))
    if (e.is_regular_file() && e.path().extension() == ".bib") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

struct Outcome {
  std::size_t records = 0, whitespace_only = 0, failures = 0;
};

Outcome round_trip(const fs::path& file, const BibWriterOptions& options) {
  Outcome outcome;
  auto text = bibtex::read_bib_file(file.string());
  if (!text) {
    ADD_FAILURE() << file << ": " << text.error().message;
    return outcome;
  }
  const auto first = import_text(*text);
  std::ostringstream written;
  for (const auto& r : first) {
    StoredWork sw;
    sw.work = r.work;
    sw.sources = {r.source};
    sw.fields = r.source.fields;
    write_bib_entry(written, sw, options);
    written << "\n";
  }
  const auto again = import_text(bibtex::decode_bib_bytes(written.str(), file.string() + " (written)"));
  outcome.records = first.size();
  EXPECT_EQ(first.size(), again.size()) << file << ": entries lost or invented by the writer";
  const std::size_t n = std::min(first.size(), again.size());
  for (std::size_t i = 0; i < n && outcome.failures < 5; ++i) {
    const auto& a = first[i];
    const auto& b = again[i];
    bool ok = true;
    if (options.dialect == BibDialect::bibtex) {
      EXPECT_EQ(a.source.entry_type, b.source.entry_type) << file << " entry " << a.source.original_key;
      EXPECT_EQ(a.source.original_key, b.source.original_key) << file;
      EXPECT_EQ(a.duplicate_key, b.duplicate_key) << file << " entry " << a.source.original_key;
      ok = a.source.entry_type == b.source.entry_type && a.source.original_key == b.source.original_key &&
           a.source.fields.size() == b.source.fields.size();
      EXPECT_EQ(a.source.fields.size(), b.source.fields.size()) << file << " entry " << a.source.original_key;
      bool whitespace = false;
      for (std::size_t k = 0; ok && k < a.source.fields.size(); ++k) {
        const auto& fa = a.source.fields[k];
        const auto& fb = b.source.fields[k];
        if (fa.name == fb.name && fa.value == fb.value) continue;
        if (fa.name == fb.name && collapse_spaces(fa.value) == collapse_spaces(fb.value)) {
          whitespace = true;
          continue;
        }
        ADD_FAILURE() << file << " entry " << a.source.original_key << " field " << fa.name << ":\n  read:    "
                      << fa.value << "\n  re-read: " << fb.name << " = " << fb.value;
        ok = false;
      }
      if (whitespace) ++outcome.whitespace_only;
    }
    const std::string wa = describe(a.work), wb = describe(b.work);
    if (wa != wb) {
      // Whitespace of multi-line values (abstracts) may differ; anything else is a loss.
      if (collapse_spaces(wa) != collapse_spaces(wb)) {
        EXPECT_EQ(wa, wb) << file << " entry " << a.source.original_key;
        ok = false;
      }
    }
    if (!ok) ++outcome.failures;
  }
  return outcome;
}

TEST(BibtexRoundTrip, EveryCorpusFileReadsBackAsTheSameRecords) {
  LITREV_REQUIRE_SHARED(shared);
  std::size_t files = 0, records = 0, whitespace_only = 0;
  for (const auto& file : corpus_files(shared)) {
    const Outcome o = round_trip(file, {});
    ++files;
    records += o.records;
    whitespace_only += o.whitespace_only;
  }
  EXPECT_GT(files, 100u) << "the corpus should hold 135 files";
  EXPECT_GT(records, 20000u);
  RecordProperty("files", static_cast<int>(files));
  RecordProperty("records", static_cast<int>(records));
  RecordProperty("whitespace_only", static_cast<int>(whitespace_only));
  std::cout << "[ round trip ] " << files << " files, " << records << " records, " << whitespace_only
            << " with whitespace-only differences\n";
}

TEST(BiblatexRoundTrip, ConvertedEntriesReadBackAsTheSameWorks) {
  LITREV_REQUIRE_SHARED(shared);
  BibWriterOptions options;
  options.dialect = BibDialect::biblatex;
  std::size_t records = 0;
  for (const auto& file : corpus_files(shared)) records += round_trip(file, options).records;
  EXPECT_GT(records, 20000u);
}

}  // namespace
}  // namespace litrev
