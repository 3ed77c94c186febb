// What happens to a library when an import dies: SIGKILL at random points of a large import
// (no handler runs: only SQLite's journal protects the file), and several litrev processes
// importing into and reading one library at once.
#include <csignal>

#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

namespace litrev::test {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Input file `file` of a generated import: `entries` works, each with two authors, an abstract,
// and three references (cites) to works of the same file.
std::string generated_bib(int file, int entries) {
  std::string bib;
  const std::string prefix = "f" + std::to_string(file) + "w";
  for (int i = 0; i < entries; ++i) {
    bib += "@article{" + prefix + std::to_string(i) + ", author = {Crash" + std::to_string(i % 173) +
           ", Carla and Kill" + std::to_string(file) + ", Karl}, title = {Organizations that survive a kill, file " +
           std::to_string(file) + " part " + std::to_string(i) + "}, journal = {Journal of Durability}, year = {" +
           std::to_string(1990 + i % 30) + "}, abstract = {What stays when the power goes " + std::string(120, 'z') +
           "}, cites = {" + prefix + std::to_string((i * 7 + 1) % entries) + ", " + prefix +
           std::to_string((i * 13 + 2) % entries) + ", " + prefix + std::to_string((i * 31 + 3) % entries) + "}}\n";
  }
  return bib;
}

struct LibraryState {
  std::string integrity;
  int works = 0;
  int works_without_two_authors = 0;
  int works_without_three_refs = 0;
};

LibraryState inspect(const std::string& db) {
  SQLite::Database lib(db, SQLite::OPEN_READWRITE);  // read/write so that a left-over WAL is recovered
  LibraryState s;
  s.integrity = lib.execAndGet("PRAGMA integrity_check").getString();
  s.works = lib.execAndGet("SELECT count(*) FROM works").getInt();
  s.works_without_two_authors =
      lib.execAndGet("SELECT count(*) FROM works w WHERE (SELECT count(*) FROM work_people p WHERE p.work = w.id) != 2")
          .getInt();
  s.works_without_three_refs =
      lib.execAndGet("SELECT count(*) FROM works w WHERE (SELECT count(*) FROM refs r WHERE r.work = w.id) != 3").getInt();
  return s;
}

TEST(CrashSafety, SigkillAtRandomPointsOfAnImportNeverHalfWritesAndARerunCompletesIt) {
  constexpr int kFiles = 6, kPerFile = 700;
  TempDir dir;
  const std::string db = (dir / "lib.db").string();
  std::vector<std::string> import = {"--db", db, "-q", "import", "bibtex"};
  for (int f = 0; f < kFiles; ++f) {
    const auto file = dir / ("part" + std::to_string(f) + ".bib");
    write_file(file, generated_bib(f, kPerFile));
    import.push_back(file.string());
  }
  // How long a whole import takes on this machine (and build): the kills land inside it.
  const auto timing_db = (dir / "timing.db").string();
  auto timed = import;
  timed[1] = timing_db;
  const auto started = Clock::now();
  ASSERT_EQ(run_litrev(timed).exit_code, 0);
  const auto whole = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);

  std::mt19937 random(20261205);  // fixed: a failure can be replayed
  const auto deadline = Clock::now() + 20s;
  int kills = 0, previous_works = 0;
  for (int round = 0; round < 12 && kills < 6 && Clock::now() < deadline; ++round) {
    if (previous_works == kFiles * kPerFile) {  // the last import ended before its kill: again
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
      previous_works = 0;
    }
    // A point inside what is left of the import (stored files are recognised quickly).
    const long left = whole.count() * 8 / 10 * (kFiles * kPerFile - previous_works) / (kFiles * kPerFile);
    std::uniform_int_distribution<long> kill_after(10, 10 + left);
    LitrevProcess process(import);
    std::this_thread::sleep_for(std::chrono::milliseconds(kill_after(random)));
    process.signal(SIGKILL);
    const auto r = process.wait();
    if (r.exit_code == 128 + SIGKILL) ++kills;
    const LibraryState s = inspect(db);
    ASSERT_EQ(s.integrity, "ok") << "after round " << round;
    EXPECT_EQ(s.works % kPerFile, 0) << "a file half stored after round " << round << ": " << s.works << " works";
    EXPECT_GE(s.works, previous_works);
    EXPECT_EQ(s.works_without_two_authors, 0) << "round " << round;
    EXPECT_EQ(s.works_without_three_refs, 0) << "round " << round;
    previous_works = s.works;
  }
  EXPECT_GE(kills, 3) << "most imports ended before their kill (whole import: " << whole.count() << " ms)";

  const auto rerun = run_litrev(import);
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  const LibraryState s = inspect(db);
  EXPECT_EQ(s.integrity, "ok");
  EXPECT_EQ(s.works, kFiles * kPerFile);  // every work once: the stored files were recognised
  EXPECT_EQ(s.works_without_two_authors, 0);
  EXPECT_EQ(s.works_without_three_refs, 0);
  const auto stats = run_litrev({"--db", db, "stats", "--json"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  auto counts = nlohmann::json::parse(stats.out);
  EXPECT_EQ(counts["works"], kFiles * kPerFile);
  auto uninterrupted = nlohmann::json::parse(run_litrev({"--db", timing_db, "stats", "--json"}).out);
  counts.erase("library");
  uninterrupted.erase("library");
  EXPECT_EQ(counts, uninterrupted) << "the killed and re-run import differs from one uninterrupted import";
}

TEST(CrashSafety, SigintRollsBackTheFileBeingImportedWithExit130) {
  constexpr int kFiles = 4, kPerFile = 700;
  TempDir dir;
  const std::string db = (dir / "lib.db").string();
  std::vector<std::string> import = {"--db", db, "import", "bibtex"};
  for (int f = 0; f < kFiles; ++f) {
    const auto file = dir / ("part" + std::to_string(f) + ".bib");
    write_file(file, generated_bib(f, kPerFile));
    import.push_back(file.string());
  }
  LitrevProcess process(import);
  std::this_thread::sleep_for(300ms);
  process.signal(SIGINT);
  const auto r = process.wait();
  const LibraryState s = inspect(db);
  EXPECT_EQ(s.integrity, "ok");
  EXPECT_EQ(s.works % kPerFile, 0) << s.works;
  if (s.works == kFiles * kPerFile) {
    EXPECT_EQ(r.exit_code, 0) << "everything was stored: the exit code must say so " << r.err;
  } else {
    EXPECT_EQ(r.exit_code, 130) << r.err;
    EXPECT_NE(r.err.find("interrupted"), std::string::npos) << r.err;
  }
}

TEST(SharedLibrary, ImportersAndReadersAtOnceAllSucceedAndStoreEveryRecordOnce) {
  constexpr int kImporters = 3, kPerFile = 400;
  TempDir dir;
  const std::string db = (dir / "lib.db").string();
  ASSERT_EQ(run_litrev({"--db", db, "init"}).exit_code, 0);
  std::vector<std::unique_ptr<LitrevProcess>> importers;
  for (int f = 0; f < kImporters; ++f) {
    const auto file = dir / ("part" + std::to_string(f) + ".bib");
    write_file(file, generated_bib(f, kPerFile));
    // Each file imported twice, by two processes: the second must merge, not duplicate.
    for (int twice = 0; twice < 2; ++twice)
      importers.push_back(
          std::make_unique<LitrevProcess>(std::vector<std::string>{"--db", db, "-q", "import", "bibtex", file.string()}));
  }
  // Readers while the imports run: each must succeed and see whole files only.
  int reads = 0;
  const auto until = Clock::now() + 1500ms;
  while (Clock::now() < until) {
    for (const auto& args : std::vector<std::vector<std::string>>{{"stats", "--json"}, {"search", "durability", "-n", "5"},
                                                                   {"list", "--json", "--limit", "10"}}) {
      auto full = args;
      full.insert(full.begin(), {"--db", db});
      const auto r = run_litrev(full);
      ASSERT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
      if (args[0] == "stats") {
        EXPECT_EQ(nlohmann::json::parse(r.out)["works"].get<int>() % kPerFile, 0) << r.out;
      }
      ++reads;
    }
  }
  for (auto& p : importers) {
    const auto r = p->wait();
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
  EXPECT_GE(reads, 3);
  const LibraryState s = inspect(db);
  EXPECT_EQ(s.integrity, "ok");
  EXPECT_EQ(s.works, kImporters * kPerFile);
  EXPECT_EQ(s.works_without_two_authors, 0);
  EXPECT_EQ(s.works_without_three_refs, 0);
}

}  // namespace
}  // namespace litrev::test
