// Raw BibTeX parse throughput: read (mmap, encoding detection, UTF-8 validation) and parse
// (entries, fields, @string/# expansion, whitespace normalisation, positions) one .bib file,
// best of N runs, single-threaded. Run by bench/bibtex.sh.
//
//   bench_bibtex_parse FILE [--runs N] [--keys] [--diagnostics]
//     --keys         print the key of every entry read (one per line), to compare with peers
//     --diagnostics  print every diagnostic as FILE:LINE:COL: severity: message (stderr)
//     --dump         print every field as KEY<TAB>FIELD<TAB>VALUE (newlines as \n), to diff with peers
// The last line of output is machine-readable: "RESULT key=value ...".

#include "importers/bibtex/bib_text.hpp"
#include "importers/bibtex/parser.hpp"

#include <sys/resource.h>
#include <time.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct Run {
  double seconds = 0;      // wall clock
  double cpu_seconds = 0;  // this thread's CPU time: what the machine's other load does not inflate
  litrev::bibtex::ParseStats stats;
  std::size_t value_bytes = 0;
};

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

void print_diagnostic(const litrev::Diagnostic& d) {
  fmt::print(stderr, "{}:{}:{}: {}: {}\n", d.source, d.line, d.column,
             d.severity == litrev::Diagnostic::Severity::error ? "error" : "warning", d.message);
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  int runs = 5;
  bool keys = false, show_diagnostics = false, dump = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc)
      runs = std::max(1, std::atoi(argv[++i]));
    else if (arg == "--keys")
      keys = true;
    else if (arg == "--diagnostics")
      show_diagnostics = true;
    else if (arg == "--dump")
      dump = keys = true;
    else if (path.empty())
      path = arg;
    else {
      fmt::print(stderr, "usage: bench_bibtex_parse FILE [--runs N] [--keys] [--diagnostics] [--dump]\n");
      return 2;
    }
  }
  if (path.empty()) {
    fmt::print(stderr, "usage: bench_bibtex_parse FILE [--runs N] [--keys] [--diagnostics] [--dump]\n");
    return 2;
  }

  Run best;
  best.seconds = 1e300;
  std::vector<double> times;
  double best_cpu = 1e300;
  std::string encoding;
  std::size_t bytes = 0;
  for (int r = 0; r < runs; ++r) {
    const bool last = r == runs - 1;
    Run run;
    std::vector<litrev::Diagnostic> diagnostics;
    litrev::bibtex::EntrySink sink;
    sink.entry = [&](litrev::bibtex::RawEntry&& e) {
      // Touch what a consumer reads, so nothing is optimised away.
      for (const auto& f : e.fields) run.value_bytes += f.value.size() + f.name.size();
      if (dump && last) {
        for (const auto& f : e.fields) {
          std::string v = f.value;
          for (std::size_t i = 0; (i = v.find('\n', i)) != std::string::npos;) v.replace(i, 1, "\\n");
          fmt::print("{}\t{}\t{}\n", e.key, f.name, v);
        }
      } else if (keys && last) {
        fmt::print("{}\n", e.key);
      }
    };
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = thread_cpu_seconds();
    auto text = litrev::bibtex::read_bib_file(path);
    if (!text) {
      print_diagnostic(text.error());
      return 3;
    }
    run.stats = litrev::bibtex::parse_bibtex(text->text, text->source, sink, diagnostics);
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    run.cpu_seconds = thread_cpu_seconds() - c0;
    best_cpu = std::min(best_cpu, run.cpu_seconds);
    times.push_back(run.seconds);
    encoding = text->encoding;
    bytes = text->input_bytes;
    if (last && show_diagnostics) {
      for (const auto& d : text->warnings) print_diagnostic(d);
      for (const auto& d : diagnostics) print_diagnostic(d);
    }
    if (run.seconds < best.seconds) best = run;
  }
  std::sort(times.begin(), times.end());
  const double mb = static_cast<double>(bytes) / 1e6;
  const auto& s = best.stats;
  if (!keys) {
    fmt::print("file       {} ({:.2f} MB, {})\n", path, mb, encoding);
    fmt::print("read       {} entries ({} incomplete, {} skipped), {} fields, {} @string, {} @preamble, {} @comment\n",
               s.entries, s.incomplete_entries, s.skipped_entries, s.fields, s.macros, s.preambles, s.comments);
    fmt::print("problems   {} errors, {} warnings\n", s.errors, s.warnings);
    fmt::print("raw parse  best {:.4f} s of {} runs (median {:.4f} s): {:.1f} MB/s, {:.0f} entries/s\n", best.seconds,
               runs, times[times.size() / 2], mb / best.seconds, static_cast<double>(s.entries) / best.seconds);
    fmt::print("cpu time   best {:.4f} s: {:.1f} MB/s (wall time includes waiting for a busy CPU)\n", best_cpu,
               mb / best_cpu);
    fmt::print("peak RSS   {:.1f} MB ({:.2f}x the file)\n", peak_rss_mb(), peak_rss_mb() / std::max(mb, 1e-9));
  }
  fmt::print(keys ? stderr : stdout,
             "RESULT bench=bibtex_parse mb={:.3f} entries={} fields={} errors={} seconds={:.4f} mb_per_s={:.1f} "
             "cpu_seconds={:.4f} cpu_mb_per_s={:.1f} peak_rss_mb={:.1f}\n",
             mb, s.entries, s.fields, s.errors, best.seconds, mb / best.seconds, best_cpu, mb / best_cpu,
             peak_rss_mb());
  return 0;
}
