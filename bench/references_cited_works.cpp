// One node per cited work, measured on real Web of Science exports without a library: the CR
// lines of the files (or the cited references of WoS and Scopus BibTeX exports) are parsed, given the identities the store would give them, and grouped by
// core unify_cited_works. Prints references, distinct cited works before and after, and writes a
// random sample of the merges for checking by hand (importers/references/merge_sample.tsv).
// With --journal-list, measures the abbreviation rules on a "Full Name = Abbrev." list
// (JabRef's journalList.txt, shipped inside Debian's jabref package).
//
// A Scopus CSV export (FILE.csv, read by the Scopus importer) adds its references; the cited
// works that then hold references from both databases are counted, and --cross-tsv writes a
// sample of them for checking by hand (bench/scopus_csv_from_bib.py makes such a CSV).
//
//   bench_references_cited_works [--sample N] [--seed S] [--tsv OUT] [--cross-tsv OUT]
//                                [--journal-list FILE] FILE.txt|FILE.bib|FILE.csv...

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "importers/references/reference_parser.hpp"
#include "importers/scopus/scopus_import.hpp"
#include "src/core/cited_works.hpp"
#include "src/core/source_names.hpp"
#include "src/core/text.hpp"

namespace {

using namespace litrev;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string tsv_cell(std::string s) {
  std::replace(s.begin(), s.end(), '\t', ' ');
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

// The cited references of a BibTeX export: WoS `Cited-References = {...}` (one per line) and
// Scopus `references = {...}` ("; "-separated), found by brace matching.
std::vector<std::string> bibtex_cited_references(const std::string& text) {
  std::vector<std::string> out;
  for (const std::string field : {"Cited-References", "references"}) {
    for (std::size_t at = text.find(field); at != std::string::npos; at = text.find(field, at + 1)) {
      if (at > 0 && text[at - 1] != '\n' && text[at - 1] != ' ' && text[at - 1] != ',') continue;
      std::size_t i = at + field.size();
      while (i < text.size() && (text[i] == ' ' || text[i] == '=')) ++i;
      if (i >= text.size() || text[i] != '{') continue;
      const std::size_t start = i;
      for (int depth = 0; i < text.size(); ++i) {
        if (text[i] == '{') ++depth;
        else if (text[i] == '}' && --depth == 0) break;
      }
      const std::string_view value(text.data() + start, i + 1 - start);
      for (auto& r : field == "references" ? split_scopus_references(value) : split_wos_references(value))
        out.push_back(std::move(r));
    }
  }
  return out;
}

void measure_journal_list(const std::string& path) {
  std::vector<std::pair<std::string, std::string>> entries;  // full, abbreviation
  std::istringstream in(read_file(path));
  for (std::string line; std::getline(in, line);) {
    const auto eq = line.find(" = ");
    if (eq == std::string::npos || line.starts_with("#")) continue;
    entries.emplace_back(std::string(trim(line.substr(0, eq))), std::string(trim(line.substr(eq + 3))));
  }
  std::size_t matched = 0, wos_matched = 0, false_matches = 0, compared = 0;
  std::vector<std::string> misses;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& [full, abbreviation] = entries[i];
    if (source_names_match(abbreviation, full)) ++matched;
    else if (misses.size() < 8) misses.push_back(abbreviation + " | " + full);
    // The WoS form of the same abbreviation: capitals, no dots.
    std::string wos = ascii_upper(abbreviation);
    std::erase(wos, '.');
    wos_matched += source_names_match(wos, full);
    // Against another journal of the list (a fixed stride: every entry is compared once).
    const auto& other = entries[(i * 7919 + 4111) % entries.size()].first;
    if (normalized_title(other) == normalized_title(full)) continue;
    ++compared;
    false_matches += source_names_match(abbreviation, other);
  }
  const auto n = static_cast<double>(entries.size());
  fmt::print("journal list {}: {} entries\n", path, entries.size());
  fmt::print("  abbreviation ~ its full title: {:.4f} (WoS form {:.4f})\n", static_cast<double>(matched) / n,
             static_cast<double>(wos_matched) / n);
  fmt::print("  abbreviation ~ another journal: {} of {} ({:.5f})\n", false_matches, compared,
             static_cast<double>(false_matches) / static_cast<double>(compared));
  for (const auto& m : misses) fmt::print("  missed, e.g.: {}\n", m);
}

// The raw references of a Scopus CSV export, as its importer reads them.
std::vector<std::string> scopus_csv_references(const std::string& text, const std::string& path) {
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> out;
  for (auto& record : scopus::import_scopus_records(text, path, diagnostics))
    for (auto& r : record.work.references) out.push_back(std::move(r.raw));
  return out;
}

std::vector<std::string> cited_references(const std::string& path) {
  const std::string text = read_file(path);
  if (path.ends_with(".bib")) return bibtex_cited_references(text);
  if (path.ends_with(".csv")) return scopus_csv_references(text, path);
  return wos_export_cited_references(text);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t sample = 120;
  unsigned seed = 7;
  std::string tsv, cross_tsv, journal_list;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--sample" && i + 1 < argc) sample = std::stoul(argv[++i]);
    else if (a == "--seed" && i + 1 < argc) seed = static_cast<unsigned>(std::stoul(argv[++i]));
    else if (a == "--tsv" && i + 1 < argc) tsv = argv[++i];
    else if (a == "--cross-tsv" && i + 1 < argc) cross_tsv = argv[++i];
    else if (a == "--journal-list" && i + 1 < argc) journal_list = argv[++i];
    else files.push_back(a);
  }
  if (!journal_list.empty()) measure_journal_list(journal_list);
  if (files.empty()) return 0;

  std::vector<Reference> refs;
  std::vector<bool> from_scopus_csv;  // per reference
  for (const auto& f : files)
    for (const auto& raw : cited_references(f)) {
      refs.push_back(parse_reference(raw));
      from_scopus_csv.push_back(f.ends_with(".csv"));
    }
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::uint32_t> variant_of;
  const auto variants = cited_work_variants(refs, variant_of);
  const auto identified = std::chrono::steady_clock::now();
  const auto canonical = unify_cited_works(variants);
  const auto unified = std::chrono::steady_clock::now();

  std::vector<std::string> raw_of(variants.size());  // the longest raw text of each variant
  for (std::size_t i = 0; i < refs.size(); ++i) {
    auto& r = raw_of[variant_of[i]];
    if (refs[i].raw.size() > r.size() || (refs[i].raw.size() == r.size() && refs[i].raw < r)) r = refs[i].raw;
  }
  std::size_t after = 0, merged = 0;
  std::vector<std::uint32_t> merges;
  for (std::uint32_t i = 0; i < variants.size(); ++i) {
    if (canonical[i] == i) ++after;
    else merges.push_back(i), merged += variants[i].citations;
  }
  fmt::print("references: {} in {} files\n", refs.size(), files.size());
  fmt::print("distinct cited works before (one per identity): {}\n", variants.size());
  fmt::print("distinct cited works after unify_cited_works: {} ({} variants joined another, {} references)\n", after,
             merges.size(), merged);
  // Cited works whose references come from both a Scopus CSV and another export: one node
  // where bibliometrix's mergeDbSources keeps two.
  if (std::find(from_scopus_csv.begin(), from_scopus_csv.end(), true) != from_scopus_csv.end()) {
    std::vector<std::uint8_t> seen(variants.size());  // per cited work: 1 other export, 2 Scopus CSV
    std::vector<std::string> scopus_raw(variants.size()), other_raw(variants.size());
    std::size_t with_doi = 0;
    for (std::size_t i = 0; i < refs.size(); ++i) {
      const auto work = canonical[variant_of[i]];
      seen[work] |= from_scopus_csv[i] ? 2 : 1;
      (from_scopus_csv[i] ? scopus_raw : other_raw)[work] = refs[i].raw;
      with_doi += !refs[i].doi.empty();
    }
    std::vector<std::uint32_t> both;
    for (std::uint32_t w = 0; w < variants.size(); ++w)
      if (seen[w] == 3) both.push_back(w);
    fmt::print("references with a DOI: {} of {}\n", with_doi, refs.size());
    fmt::print("cited works cited from both the Scopus CSV and the other exports: {}\n", both.size());
    if (!cross_tsv.empty()) {
      std::mt19937 rng(seed);
      std::shuffle(both.begin(), both.end(), rng);
      both.resize(std::min(sample, both.size()));
      std::ofstream out(cross_tsv);
      out << "scopus\tother\tverdict\n";
      for (const auto w : both) out << tsv_cell(scopus_raw[w]) << '\t' << tsv_cell(other_raw[w]) << "\t\n";
      fmt::print("sample of {} cross-database cited works written to {}\n", both.size(), cross_tsv);
    }
  }
  fmt::print("time: identities {:.3f} s, unification {:.3f} s\n",
             std::chrono::duration<double>(identified - start).count(),
             std::chrono::duration<double>(unified - identified).count());
  if (tsv.empty()) return 0;
  std::mt19937 rng(seed);
  std::shuffle(merges.begin(), merges.end(), rng);
  merges.resize(std::min(sample, merges.size()));
  std::sort(merges.begin(), merges.end(), [&](std::uint32_t a, std::uint32_t b) { return raw_of[a] < raw_of[b]; });
  std::ofstream out(tsv);
  out << "joined\tinto\tjoined_refs\tinto_refs\tverdict\n";
  for (const auto i : merges)
    out << tsv_cell(raw_of[i]) << '\t' << tsv_cell(raw_of[canonical[i]]) << '\t' << variants[i].citations << '\t'
        << variants[canonical[i]].citations << "\t\n";
  fmt::print("sample of {} merges written to {}\n", merges.size(), tsv);
  return 0;
}
