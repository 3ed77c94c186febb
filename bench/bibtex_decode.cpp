// Full BibTeX decode throughput: read (mmap, encoding), parse, then everything the import does
// before the store: names split, LaTeX -> Unicode, dates, identifiers, cited references,
// crossref/xdata inheritance, duplicate keys -- i.e. import_bibtex with a sink that only looks
// at the records. Best of N runs, single-threaded. Run by bench/bibtex.sh (issue 2 target:
// >= 50 MB/s on the 50 MB file built by ../shared/bench/make_big_bib.sh).
//
//   bench_bibtex_decode FILE [--runs N]
// The last line of output is machine-readable: "RESULT key=value ...".

#include <sys/resource.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include "importers/bibtex/bib_text.hpp"
#include "importers/bibtex/bibtex_import.hpp"

namespace {

// CPU time of this process so far: on a loaded machine (other builds on the same cores) wall
// time says little, CPU time still measures the code.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto sec = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return sec(usage.ru_utime) + sec(usage.ru_stime);
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
}

struct Totals {
  std::size_t records = 0, people = 0, references = 0, ids = 0, text_bytes = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  int runs = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else if (path.empty()) path = arg;
    else path.clear(), i = argc;
  }
  if (path.empty()) {
    fmt::print(stderr, "usage: bench_bibtex_decode FILE [--runs N]\n");
    return 2;
  }

  double best = 1e300, best_cpu = 1e300;
  litrev::bibtex::ImportStats stats;
  Totals totals;
  std::size_t bytes = 0;
  for (int r = 0; r < runs; ++r) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpu_seconds();
    auto text = litrev::bibtex::read_bib_file(path);
    if (!text) {
      fmt::print(stderr, "{}: {}\n", text.error().source, text.error().message);
      return 3;
    }
    bytes = text->input_bytes;
    Totals t;
    std::vector<litrev::Diagnostic> diagnostics;
    stats = litrev::bibtex::import_bibtex(
        *text,
        [&](litrev::ImportRecord&& rec) {
          // Touch what the store reads, so nothing is optimised away.
          ++t.records;
          t.people += rec.work.contributors.size();
          t.references += rec.work.references.size();
          t.ids += rec.work.ids.size();
          t.text_bytes += rec.work.title.size() + rec.work.container.size() + rec.source.fields.size();
        },
        diagnostics);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu = cpu_seconds() - cpu_start;
    fmt::print("run {}: {:.3f} s wall, {:.3f} s CPU\n", r + 1, seconds, cpu);
    best = std::min(best, seconds);
    best_cpu = std::min(best_cpu, cpu);
    totals = t;
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  fmt::print("{}: {:.1f} MB, {} entries read, {} records, {} people, {} references, {} identifiers, "
             "{} inheriting, {} errors, {} warnings\n",
             path, mb, stats.read, totals.records, totals.people, totals.references, totals.ids, stats.inheriting,
             stats.errors, stats.warnings);
  fmt::print("full decode: best of {}: {:.3f} s, {:.1f} MB/s, {:.0f} entries/s (CPU time {:.3f} s: {:.1f} MB/s), "
             "peak RSS {:.1f} MB ({:.2f}x the file)\n",
             runs, best, mb / best, static_cast<double>(stats.read) / best, best_cpu, mb / best_cpu, peak_rss_mb(),
             peak_rss_mb() / mb);
  fmt::print("RESULT bench=bibtex_decode mb={:.2f} entries={} seconds={:.4f} mb_per_s={:.1f} entries_per_s={:.0f} "
             "cpu_seconds={:.4f} cpu_mb_per_s={:.1f} peak_rss_mb={:.1f}\n",
             mb, stats.read, best, mb / best, static_cast<double>(stats.read) / best, best_cpu, mb / best_cpu,
             peak_rss_mb());
  return 0;
}
