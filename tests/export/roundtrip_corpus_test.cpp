// Writer-level round trip over every file of ../shared/corpus/bibtex: the records the BibTeX
// importer makes of a file, written back by the BibTeX writer and imported again, are the same
// records: same entry types, keys, the fields the writer meant to write (name and value; only
// whitespace may differ) and the same readable works. What the writer changes so that BibTeX,
// biber and pandoc read the entry (bibtex_writer.hpp: field names, empty fields, braces,
// months, a book's booktitle) is counted, and only the readable parts it changes may differ.
// The store is not involved (the end-to-end round trip through the library is the CLI's test).

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "importers/bibtex/bib_text.hpp"
#include "importers/bibtex/bibtex_import.hpp"
#include "src/core/identifiers.hpp"
#include "src/core/text.hpp"
#include "src/export/bib_values.hpp"
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
  std::size_t records = 0, whitespace_only = 0, repaired = 0, failures = 0;
};

// The same month, however written ("mar" read back as "March").
bool same_month(std::string_view a, std::string_view b) {
  const auto ma = parse_month_value(a), mb = parse_month_value(b);
  return ma && mb && ma->first == mb->first && ma->last == mb->last && ma->day == mb->day && ma->season == mb->season;
}

// The readable parts a documented writer rule may change: the date of an entry with a month
// (read more precisely: "Oct 29" gives a day), the container of a book whose booktitle was left
// out, the title of a book whose booktitle became its title; and everything of an entry whose
// braces were repaired (its LaTeX was broken: its text is read differently) or that left out an
// empty field while it inherits (the empty field no longer hides the parent's).
std::string describe_unchanged(const Work& w, const ImportRecord& original, const BibEntry& written, bool& skip) {
  skip = false;
  bool has_month = false, booktitle_dropped = false, title_added = false, blank = false, inherits = false;
  bool had_title = false;
  for (const auto& f : original.source.fields) {
    if (f.name == "month") has_month = true;
    if (f.name == "booktitle") booktitle_dropped = true;
    if (f.name == "title") had_title = true;
    if (f.name == "crossref" || f.name == "xdata") inherits = true;
    if (is_blank_value(f.value)) blank = true;
  }
  for (const auto& f : written.fields) {
    if (f.name == "booktitle") booktitle_dropped = false;
    if (f.name == "title" && !had_title) title_added = true;
    if (collapse_spaces(brace_safe_value(f.value)) != collapse_spaces(f.value)) skip = true;
  }
  if (blank && inherits) skip = true;
  Work copy = w;
  if (has_month) copy.date = copy.date.substr(0, 4);
  if (booktitle_dropped) copy.container.clear();
  if (title_added) copy.title.clear();
  return describe(copy);
}

Outcome round_trip(const fs::path& file, const BibWriterOptions& options) {
  Outcome outcome;
  auto text = bibtex::read_bib_file(file.string());
  if (!text) {
    ADD_FAILURE() << file << ": " << text.error().message;
    return outcome;
  }
  const auto first = import_text(*text);
  std::ostringstream written;
  std::vector<BibEntry> entries;
  for (const auto& r : first) {
    StoredWork sw;
    sw.work = r.work;
    sw.sources = {r.source};
    sw.fields = r.source.fields;
    entries.push_back(to_bib_entry(sw, options));
    write_bib_entry(written, entries.back());
    written << "\n";
  }
  const auto again = import_text(bibtex::decode_bib_bytes(written.str(), file.string() + " (written)"));
  outcome.records = first.size();
  EXPECT_EQ(first.size(), again.size()) << file << ": entries lost or invented by the writer";
  const std::size_t n = std::min(first.size(), again.size());
  for (std::size_t i = 0; i < n && outcome.failures < 5; ++i) {
    const auto& a = first[i];
    const auto& b = again[i];
    const BibEntry& e = entries[i];
    bool ok = true;
    if (options.dialect == BibDialect::bibtex) {
      EXPECT_EQ(e.type, b.source.entry_type) << file << " entry " << a.source.original_key;
      EXPECT_EQ(a.source.original_key, b.source.original_key) << file;
      EXPECT_EQ(a.duplicate_key, b.duplicate_key) << file << " entry " << a.source.original_key;
      ok = e.type == b.source.entry_type && a.source.original_key == b.source.original_key &&
           e.fields.size() == b.source.fields.size();
      EXPECT_EQ(e.fields.size(), b.source.fields.size()) << file << " entry " << a.source.original_key;
      bool whitespace = false;
      for (std::size_t k = 0; ok && k < e.fields.size(); ++k) {
        const auto& fa = e.fields[k];
        const auto& fb = b.source.fields[k];
        const std::string expected = brace_safe_value(fa.value);
        if (fa.name == fb.name && (fb.value == expected || (fa.name == "month" && same_month(fa.value, fb.value))))
          continue;
        if (fa.name == fb.name && collapse_spaces(expected) == collapse_spaces(fb.value)) {
          whitespace = true;
          continue;
        }
        ADD_FAILURE() << file << " entry " << a.source.original_key << " field " << fa.name << ":\n  written: "
                      << expected << "\n  re-read: " << fb.name << " = " << fb.value;
        ok = false;
      }
      if (whitespace) ++outcome.whitespace_only;
    }
    bool repaired = false;
    const std::string wa = describe_unchanged(a.work, a, e, repaired), wb = describe_unchanged(b.work, a, e, repaired);
    if (repaired) ++outcome.repaired;
    // Whitespace of multi-line values (abstracts) may differ; anything else is a loss.
    if (!repaired && wa != wb && collapse_spaces(wa) != collapse_spaces(wb)) {
      EXPECT_EQ(wa, wb) << file << " entry " << a.source.original_key;
      ok = false;
    }
    if (!ok) ++outcome.failures;
  }
  return outcome;
}

TEST(BibtexRoundTrip, EveryCorpusFileReadsBackAsTheSameRecords) {
  LITREV_REQUIRE_SHARED(shared);
  std::size_t files = 0, records = 0, whitespace_only = 0, repaired = 0;
  for (const auto& file : corpus_files(shared)) {
    const Outcome o = round_trip(file, {});
    ++files;
    records += o.records;
    whitespace_only += o.whitespace_only;
    repaired += o.repaired;
  }
  // Broken LaTeX is rare: a few abstracts and notes per thousand entries at most.
  EXPECT_LT(repaired, records / 200) << "brace repairs on " << repaired << " records";
  EXPECT_GT(files, 100u) << "the corpus should hold 135 files";
  EXPECT_GT(records, 20000u);
  RecordProperty("files", static_cast<int>(files));
  RecordProperty("records", static_cast<int>(records));
  RecordProperty("whitespace_only", static_cast<int>(whitespace_only));
  std::cout << "[ round trip ] " << files << " files, " << records << " records, " << whitespace_only
            << " with whitespace-only differences, " << repaired << " with braces repaired\n";
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
