// Faults of the library file seen from the command line: exit 5, a message naming the file,
// and the file as it was.
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

namespace litrev::test {
namespace {

namespace fs = std::filesystem;

std::string some_bib(int entries, const std::string& prefix) {
  std::string bib;
  for (int i = 0; i < entries; ++i)
    bib += "@article{" + prefix + std::to_string(i) + ", author = {Author" + std::to_string(i % 97) +
           ", Ann}, title = {On organizations and their labels, part " + std::to_string(i) +
           "}, journal = {Journal of Tests}, year = {" + std::to_string(1990 + i % 30) +
           "}, abstract = {An abstract long enough to take some room in the library file, " +
           std::string(200, 'x') + "}}\n";
  return bib;
}

// Sets big-endian 32-bit header fields of an SQLite file written by `litrev init` (and drops
// WAL mode, as another application would have its file), without the sqlite3 library.
void patch_header(const fs::path& file, std::size_t offset, std::uint32_t value) {
  std::string bytes = read_file(file);
  ASSERT_GT(bytes.size(), 100u);
  for (int i = 0; i < 4; ++i) bytes[offset + static_cast<std::size_t>(i)] = static_cast<char>(value >> (24 - 8 * i));
  bytes[18] = bytes[19] = 1;  // file format versions: 1 = rollback journal, 2 = WAL
  write_file(file, bytes);
  fs::remove(file.string() + "-wal");
  fs::remove(file.string() + "-shm");
}

void expect_refused(const fs::path& file, const std::string& reason) {
  const std::string before = read_file(file);
  const auto r = run_litrev({"--db", file.string(), "list"});
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_NE(r.err.find(file.string()), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(reason), std::string::npos) << r.err;
  EXPECT_EQ(read_file(file), before);
  EXPECT_FALSE(fs::exists(file.string() + "-wal"));
  EXPECT_FALSE(fs::exists(file.string() + "-shm"));
}

TEST(LibraryFile, AFileThatIsNotSqliteIsRefusedUntouched) {
  TempDir tmp;
  write_file(tmp / "refs.bib", some_bib(3, "a"));
  expect_refused(tmp / "refs.bib", "not an SQLite file");
}

TEST(LibraryFile, AnotherApplicationsSqliteFileIsRefusedUntouched) {
  TempDir tmp;
  // An empty litrev library whose header names another application (GeoPackage's id) and the
  // rollback journal most applications use.
  const auto path = tmp / "other.db";
  ASSERT_EQ(run_litrev({"--db", path.string(), "init"}).exit_code, 0);
  patch_header(path, 68, 0x47504B47);  // application id "GPKG"
  expect_refused(path, "not a litrev library");
}

TEST(LibraryFile, ALibraryOfANewerSchemaIsRefusedUntouched) {
  TempDir tmp;
  const auto path = tmp / "future.db";
  ASSERT_EQ(run_litrev({"--db", path.string(), "init"}).exit_code, 0);
  patch_header(path, 60, 99);  // user_version
  expect_refused(path, "newer than this litrev supports");
}

// Root ignores file modes: the commands then run as "nobody".
bool as_root() { return geteuid() == 0; }

TEST(LibraryFile, AReadOnlyLibraryCanBeReadButNotWritten) {
  TempDir tmp;
  fs::create_directory(tmp / "shared");
  fs::permissions(tmp.path(), fs::perms::all);
  fs::permissions(tmp / "shared", fs::perms::all);  // others may create -wal and -shm here
  const auto path = tmp / "shared" / "lib.db";
  write_file(tmp / "refs.bib", some_bib(3, "a"));
  ASSERT_EQ(run_litrev({"--db", path.string(), "import", "bibtex", (tmp / "refs.bib").string()}).exit_code, 0);
  fs::permissions(path, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  const std::string before = read_file(path);
  SpawnOptions options;
  options.as_nobody = as_root();

  LitrevProcess list({"--db", path.string(), "list"}, options);
  const auto listed = list.wait();
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_NE(listed.out.find("a2"), std::string::npos) << listed.out;

  LitrevProcess note({"--db", path.string(), "note", "a1", "a note"}, options);
  const auto noted = note.wait();
  EXPECT_EQ(noted.exit_code, 5) << noted.err;
  EXPECT_NE(noted.err.find(path.string()), std::string::npos) << noted.err;
  EXPECT_NE(noted.err.find("read-only"), std::string::npos) << noted.err;
  EXPECT_EQ(read_file(path), before);
}

TEST(LibraryFile, ALibraryInAReadOnlyFolderIsRefusedUnchanged) {
  TempDir tmp;
  fs::permissions(tmp.path(), fs::perms::all);
  fs::create_directory(tmp / "folder");
  const auto path = tmp / "folder" / "lib.db";
  write_file(tmp / "refs.bib", some_bib(3, "a"));
  ASSERT_EQ(run_litrev({"--db", path.string(), "import", "bibtex", (tmp / "refs.bib").string()}).exit_code, 0);
  // Closed cleanly: no -wal or -shm left, and none can be created in the folder now.
  fs::permissions(tmp / "folder", fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                      fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  const std::string before = read_file(path);
  SpawnOptions options;
  options.as_nobody = as_root();
  for (const auto& args : std::vector<std::vector<std::string>>{{"note", "a1", "a note"}, {"list"}}) {
    std::vector<std::string> full = {"--db", path.string()};
    full.insert(full.end(), args.begin(), args.end());
    LitrevProcess process(full, options);
    const auto r = process.wait();
    EXPECT_EQ(r.exit_code, 5) << args[0] << ": " << r.err;
    EXPECT_NE(r.err.find(path.string()), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("read-only"), std::string::npos) << r.err;
  }
  EXPECT_EQ(read_file(path), before);
  LitrevProcess init({"--db", (tmp / "folder" / "new.db").string(), "init"}, options);
  const auto created = init.wait();
  EXPECT_EQ(created.exit_code, 5) << created.err;
  EXPECT_NE(created.err.find((tmp / "folder" / "new.db").string()), std::string::npos) << created.err;
  fs::permissions(tmp / "folder", fs::perms::owner_all);  // so that TempDir can remove it
}

TEST(LibraryFile, AFullDiskDuringAnImportLeavesTheLibraryAsItWas) {
  TempDir tmp;
  const auto path = tmp / "lib.db";
  write_file(tmp / "first.bib", some_bib(20, "a"));
  write_file(tmp / "big.bib", some_bib(3000, "b"));
  ASSERT_EQ(run_litrev({"--db", path.string(), "import", "bibtex", (tmp / "first.bib").string()}).exit_code, 0);
  SpawnOptions options;
  options.file_size_limit = fs::file_size(path) + 128 * 1024;  // the import's WAL outgrows it
  LitrevProcess import({"--db", path.string(), "import", "bibtex", (tmp / "big.bib").string()}, options);
  const auto r = import.wait();
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_NE(r.err.find(path.string()), std::string::npos) << r.err;
  const auto stats = run_litrev({"--db", path.string(), "stats", "--json"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_EQ(nlohmann::json::parse(stats.out)["works"], 20);
}

TEST(LibraryFile, AFullDiskDuringAnExportKeepsTheOldFileAndLeavesNothing) {
  TempDir tmp;
  const auto path = tmp / "lib.db";
  write_file(tmp / "refs.bib", some_bib(300, "a"));  // an export of about 100 kB
  ASSERT_EQ(run_litrev({"--db", path.string(), "-q", "import", "bibtex", (tmp / "refs.bib").string()}).exit_code, 0);
  fs::create_directory(tmp / "out");
  write_file(tmp / "out" / "refs.bib", "old");
  SpawnOptions options;
  options.file_size_limit = 48 * 1024;  // the library opens (its 32 kB -shm), the export cannot be written
  LitrevProcess process({"--db", path.string(), "export", "bibtex", "--out", (tmp / "out" / "refs.bib").string()},
                        options);
  const auto r = process.wait();
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_NE(r.err.find((tmp / "out" / "refs.bib").string() + ": cannot write"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(tmp / "out" / "refs.bib"), "old");
  EXPECT_EQ(std::distance(fs::directory_iterator(tmp / "out"), fs::directory_iterator()), 1);
}

}  // namespace
}  // namespace litrev::test
