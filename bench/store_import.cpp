// bench_store_import: how fast the store takes records in and gives them back.
//
//   bench_store_import [--records N] [--refs R] [--db PATH] [--bib FILE] [--skip-reads]
//
// Synthetic mode (default, N = 92000 records, R = 10 references each): records are generated
// on the fly (never all in memory), about 25 original fields each, 1-6 authors drawn from a
// pool so people are reused, DOIs on 70%, references to other generated works (by DOI, by
// cite key, by WoS locator) and to external works, 3% exact duplicates to exercise the dedup
// merge path. With --bib FILE (when built with the BibTeX importer), the file is parsed once
// alone, then parsed and imported in one streaming pass, as `litrev import bibtex` does.
//
// Then it times the reads the other modules rely on: commit (reference resolution), stats,
// streaming every work (export), find_duplicates and load_citation_corpus. Single-threaded;
// prints records/s and peak RSS (VmHWM) after each phase.

#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "src/store/store.hpp"

#if __has_include("importers/bibtex/bibtex_import.hpp") && defined(LITREV_BENCH_WITH_BIBTEX)
#include "importers/bibtex/bibtex_import.hpp"
#define HAVE_BIBTEX 1
#endif

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

long peak_rss_mb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10) / 1024;
  return -1;
}

// Deterministic synthetic records: record i is the same in every run.
class Generator {
 public:
  Generator(std::size_t records, std::size_t refs) : records_(records), refs_(refs) {
    static const char* families[] = {"Smith", "Müller", "Dupont", "García", "Nakamura", "O'Brien", "van der Berg",
                                     "Kowalski", "Rossi", "Nguyen", "Johansson", "Silva", "Cohen", "Ivanova"};
    static const char* givens[] = {"Anna", "Jean", "Wei", "Maria", "John", "Élise", "Kwame", "Sofia", "Lars", "Ana"};
    for (int i = 0; i < 40000; ++i) {
      pool_.push_back(litrev::Person{});
      auto& p = pool_.back();
      p.family = std::string(families[i % 14]) + (i >= 14 ? std::to_string(i / 14) : "");
      p.given = givens[(i * 7) % 10];
    }
    std::mt19937 words_rng(42);
    for (int v = 0; v < 5000; ++v) {
      std::string word;
      const int letters = 3 + static_cast<int>(words_rng() % 9);
      for (int l = 0; l < letters; ++l) word.push_back(static_cast<char>('a' + words_rng() % 26));
      vocabulary_.push_back(std::move(word));
    }
  }

  static std::string key_of(std::size_t i) { return fmt::format("work{}", i); }
  static std::string doi_of(std::size_t i) { return fmt::format("10.5555/bench.{}", i); }
  static bool has_doi(std::size_t i) { return i % 10 < 7; }
  static int year_of(std::size_t i) { return 1950 + static_cast<int>(i % 70); }

  litrev::ImportRecord make(std::size_t n) {
    // Every 33rd record repeats an earlier one under another key: a duplicate to merge.
    const bool duplicate = n % 33 == 32;
    const std::size_t i = duplicate ? n - 20 : n;
    std::mt19937_64 rng(i * 2654435761u + 17);
    litrev::ImportRecord r;
    auto& w = r.work;
    w.key = duplicate ? key_of(n) + "dup" : key_of(i);
    w.type = "article";
    // 4-12 words from a vocabulary of a few thousand, most frequent words most often: titles
    // as varied as real ones, so find_duplicates meets realistic, not pathological, input.
    const int title_words = 4 + static_cast<int>(rng() % 9);
    for (int k = 0; k < title_words; ++k) {
      const std::size_t r1 = rng() % vocabulary_.size(), r2 = rng() % vocabulary_.size();
      w.title += (k ? " " : "") + vocabulary_[std::min(r1, r2)];
    }
    w.subtitle = i % 4 == 0 ? "A comparative perspective" : "";
    w.container = fmt::format("Journal of Benchmarks {}", i % 300);
    w.year = year_of(i);
    w.date = std::to_string(*w.year);
    w.volume = std::to_string(i % 90 + 1);
    w.issue = std::to_string(i % 4 + 1);
    w.pages = fmt::format("{}-{}", i % 900 + 1, i % 900 + 20);
    w.publisher = "Bench Press";
    w.language = "en";
    w.abstract_text = fmt::format(
        "This synthetic abstract describes work {} about institutions, measurement and the sociology of "
        "quantification; it is long enough to be a realistic abstract for full-text indexing purposes, "
        "mentioning certification, standards, labels and accountability.",
        i);
    w.keywords = {"benchmark", words_[i % 8], words_[(i / 8) % 8]};
    w.url = "https://example.org/" + key_of(i);
    const int authors = 1 + static_cast<int>(rng() % 6);
    for (int a = 0; a < authors; ++a)
      w.contributors.push_back(litrev::Contributor{litrev::Role::author, pool_[(i * 3 + static_cast<std::size_t>(a) * 7919) % pool_.size()]});
    if (has_doi(i)) w.ids.push_back({litrev::IdScheme::doi, doi_of(i)});
    for (std::size_t k = 0; k < refs_; ++k) {
      litrev::Reference ref;
      const std::size_t target = i > 0 ? rng() % i : 0;  // cite older works
      switch (rng() % 5) {
        case 0:  // a generated work by key (litrev `cites`)
          ref.cite_key = key_of(target);
          ref.raw = ref.cite_key;
          break;
        case 1:  // by DOI when it has one
          if (has_doi(target)) {
            ref.doi = doi_of(target);
            ref.raw = "doi:" + ref.doi;
            break;
          }
          [[fallthrough]];
        case 2: {  // WoS-style locator of a generated work
          ref.first_author = pool_[(target * 3) % pool_.size()].family;
          ref.year = year_of(target);
          ref.volume = std::to_string(target % 90 + 1);
          ref.first_page = std::to_string(target % 900 + 1);
          ref.container = "J BENCHMARKS";
          ref.raw = fmt::format("{}, {}, J BENCHMARKS, V{}, P{}", ref.first_author, *ref.year, ref.volume, ref.first_page);
          break;
        }
        default: {  // an external work, from a pool cited by many
          const std::size_t e = rng() % (records_ / 2 + 1);
          ref.first_author = fmt::format("EXTERNAL{}", e % 5000);
          ref.year = 1900 + static_cast<int>(e % 120);
          ref.volume = std::to_string(e % 50 + 1);
          ref.first_page = std::to_string(e % 700 + 1);
          ref.container = "OUTSIDE J";
          if (e % 3 == 0) ref.doi = fmt::format("10.9999/ext.{}", e);
          ref.raw = fmt::format("{}, {}, OUTSIDE J, V{}, P{}{}", ref.first_author, *ref.year, ref.volume, ref.first_page,
                                ref.doi.empty() ? "" : ", DOI " + ref.doi);
        }
      }
      w.references.push_back(std::move(ref));
    }
    auto& s = r.source;
    s.source_kind = "bibtex";
    s.origin = "synthetic.bib";
    s.original_key = w.key;
    s.entry_type = "article";
    s.line = static_cast<std::uint32_t>(n * 30 + 1);
    auto field = [&](const char* name, std::string value) { s.fields.push_back({name, std::move(value)}); };
    std::string authors_field;
    for (const auto& c : w.contributors)
      authors_field += (authors_field.empty() ? "" : " and ") + c.person.family + ", " + c.person.given;
    field("author", authors_field);
    field("title", w.title);
    field("subtitle", w.subtitle);
    field("journaltitle", w.container);
    field("year", w.date);
    field("volume", w.volume);
    field("number", w.issue);
    field("pages", w.pages);
    field("publisher", w.publisher);
    field("language", "english");
    field("abstract", w.abstract_text);
    field("keywords", "benchmark, synthetic");
    field("url", w.url);
    if (has_doi(i)) field("doi", doi_of(i));
    field("issn", "1234-5678");
    field("month", "jan");
    field("note", "Generated for the store benchmark");
    field("urldate", "2024-01-01");
    field("file", ":papers/" + key_of(i) + ".pdf:PDF");
    field("owner", "bench");
    field("timestamp", "2024-01-01");
    field("address", "Nowhere");
    field("eprinttype", "arxiv");
    field("eprint", fmt::format("2401.{:05}", i % 100000));
    field("langid", "english");
    return r;
  }

 private:
  std::size_t records_, refs_;
  std::vector<litrev::Person> pool_;
  std::vector<std::string> vocabulary_;
  const char* words_[8] = {"ethics", "audit", "ranking", "labels", "standards", "markets", "policy", "metrics"};
};

// CPU seconds (user + system) of this process: on a shared machine wall time also counts the
// other processes, so both are printed.
double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double g_phase_cpu = 0;

void print_phase(const char* what, double secs, std::size_t n, const char* unit) {
  const double cpu = cpu_seconds() - g_phase_cpu;
  fmt::print("{:<30} {:>7.2f} s wall {:>7.2f} s cpu {:>10.0f} {}/s (cpu)   peak RSS {} MB\n", what, secs, cpu,
             cpu > 0 ? n / cpu : 0.0, unit, peak_rss_mb());
  std::fflush(stdout);
  g_phase_cpu = cpu_seconds();
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t records = 92000, refs = 10;
  std::string db, bib;
  bool reads = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        fmt::print(stderr, "{} needs a value\n", a);
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--records") records = std::stoul(next());
    else if (a == "--refs") refs = std::stoul(next());
    else if (a == "--db") db = next();
    else if (a == "--bib") bib = next();
    else if (a == "--skip-reads") reads = false;
    else {
      fmt::print(stderr, "usage: bench_store_import [--records N] [--refs R] [--db PATH] [--bib FILE] [--skip-reads]\n");
      return 2;
    }
  }
  const auto dir = std::filesystem::temp_directory_path() / fmt::format("litrev-bench-{}", ::getpid());
  const bool own_db = db.empty();
  if (own_db) {
    std::filesystem::create_directories(dir);
    db = (dir / "bench.db").string();
  }
  try {
    auto store = litrev::Store::open(db);
    std::size_t added = 0, merged = 0;
    g_phase_cpu = cpu_seconds();
    double import_cpu_start = g_phase_cpu;
    auto t = Clock::now();
    if (!bib.empty()) {
#ifdef HAVE_BIBTEX
      std::vector<litrev::Diagnostic> diagnostics;
      auto read = litrev::bibtex::read_bib_file(bib);
      if (!read) {
        fmt::print(stderr, "{}: {}\n", bib, read.error().message);
        return 1;
      }
      const auto& text = *read;
      auto t0 = Clock::now();
      const auto parsed = litrev::bibtex::import_bibtex(text, [](litrev::ImportRecord&&) {}, diagnostics);
      print_phase("parse + decode only", seconds_since(t0), parsed.records, "records");
      diagnostics.clear();
      t = Clock::now();  // the import proper: parse + decode + add, streaming
      import_cpu_start = g_phase_cpu = cpu_seconds();
      auto batch = store.begin_import();
      litrev::bibtex::import_bibtex(
          text,
          [&](litrev::ImportRecord&& r) {
            merged += batch.add(r).merged;
            ++added;
          },
          diagnostics);
      print_phase("parse + decode + add", seconds_since(t), added, "records");
      const auto tc = Clock::now();
      const auto citations = batch.commit();
      print_phase("commit (resolve references)", seconds_since(tc), static_cast<std::size_t>(citations), "citations");
#else
      fmt::print(stderr, "this build has no BibTeX importer: --bib is not available\n");
      return 2;
#endif
    } else {
      Generator gen(records, refs);
      auto batch = store.begin_import();
      for (std::size_t n = 0; n < records; ++n) {
        merged += batch.add(gen.make(n)).merged;
        ++added;
        if (added % 100000 == 0) fmt::print(stderr, "  {} records added, {:.0f} s\n", added, seconds_since(t));
      }
      print_phase("generate + add", seconds_since(t), added, "records");
      const auto tc = Clock::now();
      const auto citations = batch.commit();
      print_phase("commit (resolve references)", seconds_since(tc), static_cast<std::size_t>(citations), "citations");
    }
    const double import_secs = seconds_since(t);
    g_phase_cpu = import_cpu_start;
    print_phase("import total", import_secs, added, "records");
    fmt::print("  {} records, {} merged into earlier works; library file {:.0f} MB\n", added, merged,
               std::filesystem::file_size(db) / 1e6);

    if (reads) {
      g_phase_cpu = cpu_seconds();
      t = Clock::now();
      const auto s = store.stats();
      print_phase("stats", seconds_since(t), 1, "calls");
      fmt::print("  works {} people {} references {} citations {} sources {} identifiers {}\n", s.works, s.people,
                 s.references, s.citations, s.sources, s.identifiers);
      t = Clock::now();
      std::size_t fields = 0, n = 0;
      store.for_each_work({}, [&](const litrev::StoredWork& w) {
        fields += w.fields.size();
        ++n;
      });
      print_phase("for_each_work (export read)", seconds_since(t), n, "works");
      t = Clock::now();
      const auto corpus = store.load_citation_corpus();
      print_phase("load_citation_corpus", seconds_since(t), corpus.citations.size(), "citations");
      fmt::print("  corpus: {} works, {} externals, {} citations, {} people, {} authorships\n", corpus.works.size(),
                 corpus.externals.size(), corpus.citations.size(), corpus.people.size(), corpus.authorships.size());
      t = Clock::now();
      const auto hits = store.search("certification standards");
      print_phase("search", seconds_since(t), 1, "queries");
      t = Clock::now();
      const auto dups = store.find_duplicates();
      print_phase("find_duplicates", seconds_since(t), s.works, "works");
      fmt::print("  {} probable duplicates, {} search hits\n", dups.size(), hits.size());
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "bench_store_import: {}\n", e.what());
    return 1;
  }
  if (own_db) std::filesystem::remove_all(dir);
  return 0;
}
