// Ctrl-C and SIGTERM stop every command promptly with exit 130, not only imports: a graph
// computation in its inner loops, a search whose output waits on a full pipe.
#include <csignal>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "support/test_support.hpp"

namespace litrev::test {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// A generated library: n works, each citing `cites` others (a fixed pseudo-random choice), so
// that co-citation clustering has millions of pairs to count and many passes to make.
std::string citing_library(int n, int cites) {
  std::string bib;
  std::uint64_t state = 2463534242;
  auto next = [&] {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    return state;
  };
  for (int i = 0; i < n; ++i) {
    bib += "@article{w" + std::to_string(i) + ", author = {Author" + std::to_string(i % 211) +
           ", A.}, title = {Legitimacy of labels and organizations " + std::to_string(i) + "}, journal = {J}, year = {" +
           std::to_string(1980 + i % 40) + "}";
    if (cites > 0) {
      bib += ", cites = {";
      for (int c = 0; c < cites; ++c) bib += (c ? ", w" : "w") + std::to_string(next() % static_cast<std::uint64_t>(n));
      bib += "}";
    }
    bib += "}\n";
  }
  return bib;
}

// Starts the command, signals it after `after`, and returns what it did and how long it took
// to stop once signalled.
std::pair<RunResult, Clock::duration> interrupt(const std::vector<std::string>& args, int sig, Clock::duration after) {
  LitrevProcess process(args);
  std::this_thread::sleep_for(after);
  const auto signalled = Clock::now();
  process.signal(sig);
  RunResult r = process.wait();
  return {r, Clock::now() - signalled};
}

std::string library_of(const TempDir& dir, const std::string& bib) {
  write_file(dir / "lib.bib", bib);
  const std::string db = (dir / "lib.db").string();
  const auto r = run_litrev({"--db", db, "-q", "import", "bibtex", (dir / "lib.bib").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return db;
}

TEST(Signals, SigintStopsAGraphClusteringPromptly) {
  // 4,000 works citing 40 each: 3 million co-citation pairs, about 2 s of clustering (CPU time,
  // release build) when nothing stops it. --min-citations 1: the whole network, not the default
  // map of about 1,000 works, which clusters before the signal.
  TempDir dir;
  const std::string db = library_of(dir, citing_library(4000, 40));
  const auto [r, stopping] = interrupt({"--db", db, "graph", "cluster", "--network", "cocitation", "--min-citations", "1"}, SIGINT, 400ms);
  ASSERT_EQ(r.exit_code, 130) << "the clustering ended before the signal (library too small?) " << r.err;
  EXPECT_NE(r.err.find("interrupted"), std::string::npos) << r.err;
  EXPECT_LT(stopping, 1500ms);
}

TEST(Signals, SigtermStopsASearchWhoseOutputIsNotRead) {
  // 3,000 hits of ~100 bytes fill the pipe; the search then waits on its output until the signal.
  TempDir dir;
  const std::string db = library_of(dir, citing_library(3000, 0));
  const auto [r, stopping] = interrupt({"--db", db, "search", "legitimacy", "-n", "3000"}, SIGTERM, 400ms);
  EXPECT_EQ(r.exit_code, 130) << r.err;
  EXPECT_NE(r.err.find("interrupted"), std::string::npos) << r.err;
  EXPECT_LT(r.out.size(), 3000u * 90u);  // it stopped instead of writing the rest
  EXPECT_LT(stopping, 1500ms);
}

}  // namespace
}  // namespace litrev::test
