#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/records.hpp"

namespace litrev {
namespace {

using test::record;

TEST(Concurrency, TwoStoresOnOneFileOneWritesTheOtherReads) {
  test::TempLibrary lib;
  auto reader = Store::open(lib.path);
  EXPECT_EQ(reader.stats().works, 0);
  test::import_all(lib.store, {record("w1").title("Written by the first").year(2020).author("A")});
  lib.store.add_note("w1", "a note");
  lib.store.tag("w1", {"t"});
  EXPECT_EQ(reader.stats().works, 1);
  const auto seen = reader.find_work("w1");
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->notes.size(), 1u);
  EXPECT_EQ(seen->tags.size(), 1u);
  EXPECT_EQ(reader.search("first").size(), 1u);
  // And the other way round.
  reader.add_note("w1", "from the reader");
  EXPECT_EQ(lib.store.find_work("w1")->notes.size(), 2u);
}

TEST(Concurrency, AReaderIsNotBlockedByAnOpenImport) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("old").title("Old").year(2000).author("A")});
  auto reader = Store::open(lib.path);
  auto batch = lib.store.begin_import();
  batch.add(record("new").title("New").year(2001).author("B"));
  EXPECT_EQ(reader.stats().works, 1);  // WAL: the reader sees the last commit, immediately
  EXPECT_EQ(reader.list_works().size(), 1u);
  batch.commit();
  EXPECT_EQ(reader.stats().works, 2);
}

TEST(Concurrency, AWriteBlockedByAnotherProcessesImportSaysSo) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("w").title("W").year(2000).author("A")});
  auto other = Store::open(lib.path);
  auto batch = lib.store.begin_import();  // holds the write lock
  try {
    other.add_note("w", "blocked");  // waits for the busy timeout, then gives up
    FAIL() << "the note was written under another writer's lock";
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("another process is writing"));
  }
  batch.commit();
  EXPECT_GT(other.add_note("w", "now it works"), 0);
}

// Several processes open one new library at the same time, again and again: each sees either no
// library yet or the whole first version, never the version without the application id that
// the same commit writes (found as "not a litrev library" by the test below, under load).
TEST(Concurrency, ProcessesOpeningANewLibraryAtOnceAllSucceed) {
  test::TempDir dir;
  constexpr int kProcesses = 6, kRounds = 15;
  for (int round = 0; round < kRounds; ++round) {
    const auto path = dir / ("new" + std::to_string(round) + ".db");
    std::vector<pid_t> children;
    for (int p = 0; p < kProcesses; ++p) {
      const pid_t pid = fork();
      ASSERT_GE(pid, 0);
      if (pid == 0) {
        int code = 0;
        try {
          Store::open(path);
        } catch (const std::exception& e) {
          fprintf(stderr, "round %d, process %d: %s\n", round, p, e.what());
          code = 1;
        }
        _exit(code);
      }
      children.push_back(pid);
    }
    for (const pid_t pid : children) {
      int status = 0;
      ASSERT_EQ(waitpid(pid, &status, 0), pid);
      ASSERT_TRUE(WIFEXITED(status));
      EXPECT_EQ(WEXITSTATUS(status), 0) << "round " << round;
    }
  }
}

// Two processes import into one new library at the same time: both inputs are stored whole
// (BEGIN IMMEDIATE makes the second wait for the first) and the file stays consistent.
TEST(Concurrency, TwoProcessesImportingIntoOneFileBothSucceed) {
  test::TempDir dir;
  const auto path = dir / "shared.db";
  constexpr int kPerProcess = 300;
  std::vector<pid_t> children;
  for (int p = 0; p < 2; ++p) {
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      int code = 0;
      try {
        auto store = Store::open(path);
        for (int round = 0; round < 3; ++round) {
          auto batch = store.begin_import();
          for (int i = 0; i < kPerProcess / 3; ++i) {
            const std::string key = "p" + std::to_string(p) + "-" + std::to_string(round) + "-" + std::to_string(i);
            batch.add(record(key).title("Work " + key).year(2000 + i % 20).author("Author" + std::to_string(i % 7))
                          .cites("p" + std::to_string(1 - p) + "-0-0"));
          }
          batch.commit();
        }
      } catch (const std::exception& e) {
        fprintf(stderr, "child %d: %s\n", p, e.what());
        code = 1;
      }
      _exit(code);
    }
    children.push_back(pid);
  }
  for (const pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
  }
  auto store = Store::open(path);
  const auto stats = store.stats();
  EXPECT_EQ(stats.works, 2 * kPerProcess);
  EXPECT_EQ(stats.sources, 2 * kPerProcess);
  EXPECT_EQ(stats.references, 2 * kPerProcess);
  EXPECT_EQ(stats.citations, 2 * kPerProcess);  // each batch also resolves the other process's dangling keys
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement check(db, "PRAGMA integrity_check");
  ASSERT_TRUE(check.executeStep());
  EXPECT_EQ(check.getColumn(0).getString(), "ok");
  SQLite::Statement fk(db, "PRAGMA foreign_key_check");
  EXPECT_FALSE(fk.executeStep());
}

}  // namespace
}  // namespace litrev
