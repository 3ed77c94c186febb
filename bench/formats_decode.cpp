// Decode throughput of the RIS, Web of Science, Scopus CSV and CSL-JSON importers: read (mmap, encoding
// detection and conversion) and parse one export into complete records (names, dates, types,
// cited references parsed), best of N runs, single-threaded: the work `litrev import FILE`
// does before the store. Run by bench/formats.sh; the BibTeX counterpart is bench_bibtex_decode.
//
//   bench_formats_decode ris|wos|scopus|csl-json FILE [--runs N]
// The last line of output is machine-readable: "RESULT key=value ...".

#include <sys/resource.h>
#include <time.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include "importers/csljson/csljson_import.hpp"
#include "importers/input/text_decoding.hpp"
#include "importers/ris/ris_import.hpp"
#include "importers/scopus/scopus_import.hpp"
#include "importers/wos/wos_import.hpp"

namespace {

using Parse = litrev::input::ParseCounts (*)(const litrev::input::DecodedText&, const litrev::input::RecordSink&,
                                              std::vector<litrev::Diagnostic>&);

Parse parser_for(const std::string& format) {
  if (format == "ris") return &litrev::ris::parse_ris_file;
  if (format == "wos") return &litrev::wos::parse_wos_file;
  if (format == "scopus") return &litrev::scopus::parse_scopus_file;
  if (format == "csl-json") return &litrev::csljson::parse_csljson_file;
  return nullptr;
}

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || !parser_for(argv[1])) {
    fmt::print(stderr, "usage: bench_formats_decode ris|wos|scopus|csl-json FILE [--runs N]\n");
    return 2;
  }
  const std::string format = argv[1], path = argv[2];
  int runs = 5;
  if (argc == 5 && std::string(argv[3]) == "--runs") runs = std::max(1, std::atoi(argv[4]));
  const Parse parse = parser_for(format);

  double best = 1e300, best_cpu = 1e300;
  std::size_t bytes = 0, records = 0, skipped = 0, references = 0, people = 0, problems = 0;
  std::string encoding;
  for (int r = 0; r < runs; ++r) {
    std::size_t refs = 0, names = 0;
    std::vector<litrev::Diagnostic> diagnostics;
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = thread_cpu_seconds();
    auto text = litrev::input::read_text_file(path);
    if (!text) {
      fmt::print(stderr, "{}: {}\n", path, text.error().message);
      return 3;
    }
    const auto counts = parse(
        *text,
        [&](litrev::ImportRecord&& record) {
          refs += record.work.references.size();
          names += record.work.contributors.size();
        },
        diagnostics);
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    best_cpu = std::min(best_cpu, thread_cpu_seconds() - c0);
    bytes = text->input_bytes;
    encoding = text->encoding;
    records = counts.read, skipped = counts.skipped, references = refs, people = names;
    problems = diagnostics.size();
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  fmt::print("file       {} ({:.2f} MB, {}, read as {})\n", path, mb, encoding, format);
  fmt::print("read       {} records ({} skipped), {} names, {} cited references, {} diagnostics\n", records, skipped,
             people, references, problems);
  fmt::print("decode     best {:.4f} s of {} runs: {:.1f} MB/s, {:.0f} records/s\n", best, runs, mb / best,
             static_cast<double>(records) / best);
  fmt::print("cpu time   best {:.4f} s: {:.1f} MB/s (wall time includes waiting for a busy CPU)\n", best_cpu,
             mb / best_cpu);
  fmt::print("peak RSS   {:.1f} MB ({:.2f}x the file)\n", peak_rss_mb(), peak_rss_mb() / std::max(mb, 1e-9));
  fmt::print("RESULT bench=formats_decode format={} mb={:.3f} records={} references={} seconds={:.4f} mb_per_s={:.1f} "
             "cpu_mb_per_s={:.1f} peak_rss_mb={:.1f}\n",
             format, mb, records, references, best, mb / best, mb / best_cpu, peak_rss_mb());
  return 0;
}
