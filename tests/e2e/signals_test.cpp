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
           std::to_string(1980 + i % 40) + "}, cites = {";
    for (int c = 0; c < cites; ++c) bib += (c ? ", w" : "w") + std::to_string(next() % static_cast<std::uint64_t>(n));
    bib += "}}\n";
  }
  return bib;
}

class Signals : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    write_file(*dir_ / "big.bib", citing_library(4000, 40));
    const auto r = run_litrev({"--db", db(), "-q", "import", "bibtex", (*dir_ / "big.bib").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string db() { return (*dir_ / "lib.db").string(); }

  // Starts the command, signals it after `after`, and returns what it did and how long it took
  // to stop once signalled.
  static std::pair<RunResult, Clock::duration> interrupt(const std::vector<std::string>& args, int sig,
                                                         Clock::duration after) {
    std::vector<std::string> full = {"--db", db()};
    full.insert(full.end(), args.begin(), args.end());
    LitrevProcess process(full);
    std::this_thread::sleep_for(after);
    const auto signalled = Clock::now();
    process.signal(sig);
    RunResult r = process.wait();
    return {r, Clock::now() - signalled};
  }

  static TempDir* dir_;
};
TempDir* Signals::dir_ = nullptr;

TEST_F(Signals, SigintStopsAGraphClusteringPromptly) {
  const auto [r, stopping] = interrupt({"graph", "cluster", "--network", "cocitation"}, SIGINT, 400ms);
  ASSERT_EQ(r.exit_code, 130) << "the clustering ended before the signal (library too small?) " << r.err;
  EXPECT_NE(r.err.find("interrupted"), std::string::npos) << r.err;
  EXPECT_LT(stopping, 1500ms);
}

TEST_F(Signals, SigtermStopsASearchWhoseOutputIsNotRead) {
  // 4000 hits of ~150 bytes fill the pipe; the search then waits on its output until the signal.
  const auto [r, stopping] = interrupt({"search", "legitimacy", "-n", "4000"}, SIGTERM, 400ms);
  EXPECT_EQ(r.exit_code, 130) << r.err;
  EXPECT_NE(r.err.find("interrupted"), std::string::npos) << r.err;
  EXPECT_LT(r.out.size(), 4000u * 100u);  // it stopped instead of writing the rest
  EXPECT_LT(stopping, 1500ms);
}

}  // namespace
}  // namespace litrev::test
