// `--out FILE` of export and graph export as a hostile or unlucky user meets it: a regular file
// is replaced whole or not at all (keeping its mode), a temporary name planted as a symlink is
// not followed, devices, FIFOs and `-` are written directly, and a write that fails is exit 5
// naming the file with nothing left behind.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_support.hpp"

namespace litrev::test {
namespace {

namespace fs = std::filesystem;

std::string works_bib(int entries) {
  std::string bib;
  for (int i = 0; i < entries; ++i)
    bib += "@article{out" + std::to_string(i) + ", author = {Writer, Wanda}, title = {Exports and their files " +
           std::to_string(i) + "}, journal = {Journal of Outputs}, year = {2001}, abstract = {" +
           std::string(300, 'y') + "}}\n";
  return bib;
}

class OutFile : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(tmp_ / "lib.bib", works_bib(200));
    const auto r = run({"-q", "import", "bibtex", (tmp_ / "lib.bib").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  RunResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", (tmp_ / "lib.db").string()});
    return run_litrev(args);
  }
  RunResult export_to(const fs::path& out) { return run({"export", "bibtex", "--out", out.string()}); }
  // Files of the directory other than the library and its input.
  std::vector<std::string> others() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(tmp_.path())) {
      const std::string name = entry.path().filename().string();
      if (!name.starts_with("lib.")) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
  }
  TempDir tmp_;
};

TEST_F(OutFile, AnExportReplacesTheFileWholeAndLeavesNoTemporaryFile) {
  write_file(tmp_ / "out.bib", "old");
  const auto r = export_to(tmp_ / "out.bib");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string written = read_file(tmp_ / "out.bib");
  EXPECT_NE(written.find("@article{out199,"), std::string::npos);
  EXPECT_EQ(others(), std::vector<std::string>{"out.bib"});
}

TEST_F(OutFile, AMissingDirectoryIsExitFiveNamingTheFile) {
  const auto out = tmp_ / "missing" / "out.bib";
  const auto r = export_to(out);
  EXPECT_EQ(r.exit_code, 5) << r.err;  // was 2, a usage error
  EXPECT_NE(r.err.find(out.string()), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("No such file or directory"), std::string::npos) << r.err;
  const auto g = run({"graph", "export", "--format", "graphml", "--out", out.string()});
  EXPECT_EQ(g.exit_code, 5) << g.err;
  EXPECT_NE(g.err.find(out.string()), std::string::npos) << g.err;
}

TEST_F(OutFile, AFullDiskIsExitFiveAndKeepsTheOldFile) {
  write_file(tmp_ / "out.bib", "old");
  SpawnOptions options;
  options.file_size_limit = 48 * 1024;  // the export is about 90 kB; the library opens (32 kB -shm)
  LitrevProcess process({"--db", (tmp_ / "lib.db").string(), "export", "bibtex", "--out", (tmp_ / "out.bib").string()},
                        options);
  const auto r = process.wait();
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_NE(r.err.find((tmp_ / "out.bib").string()), std::string::npos) << r.err;
  EXPECT_EQ(read_file(tmp_ / "out.bib"), "old");
  EXPECT_EQ(others(), std::vector<std::string>{"out.bib"});
}

TEST_F(OutFile, TheDevFullDeviceIsWrittenDirectlyAndItsFailureReported) {
  struct stat before {};
  if (::stat("/dev/full", &before) != 0 || !S_ISCHR(before.st_mode))
    GTEST_SKIP() << "/dev/full is not the full device on this machine (an export by an older litrev, run as "
                    "root, may have replaced it with a regular file): skipped";
  const auto r = export_to("/dev/full");
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_NE(r.err.find("/dev/full"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << r.err;
  struct stat after {};
  ASSERT_EQ(::stat("/dev/full", &after), 0);
  EXPECT_TRUE(S_ISCHR(after.st_mode));  // still the device, not a regular file put in its place
  EXPECT_EQ(after.st_rdev, before.st_rdev);
  EXPECT_FALSE(fs::exists("/dev/full.litrev-tmp"));
}

TEST_F(OutFile, ASymlinkPlantedAtTheOldTemporaryNameIsNotFollowed) {
  write_file(tmp_ / "victim.txt", "precious");
  fs::create_symlink(tmp_ / "victim.txt", tmp_ / "out.bib.litrev-tmp");
  const auto r = export_to(tmp_ / "out.bib");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(read_file(tmp_ / "victim.txt") == "precious");  // not the whole export in the log
  EXPECT_NE(read_file(tmp_ / "out.bib").find("@article{out0,"), std::string::npos);
}

TEST_F(OutFile, AFileKeepsItsModeAndAnOutSymlinkKeepsPointingAtIt) {
  write_file(tmp_ / "private.bib", "old");
  fs::permissions(tmp_ / "private.bib", fs::perms::owner_read | fs::perms::owner_write);
  fs::create_symlink("private.bib", tmp_ / "link.bib");
  ASSERT_EQ(export_to(tmp_ / "private.bib").exit_code, 0);
  EXPECT_EQ(fs::status(tmp_ / "private.bib").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);  // was 644 after the export
  ASSERT_EQ(export_to(tmp_ / "link.bib").exit_code, 0);
  EXPECT_TRUE(fs::is_symlink(tmp_ / "link.bib"));
  EXPECT_NE(read_file(tmp_ / "private.bib").find("@article{out0,"), std::string::npos);
}

TEST_F(OutFile, AFifoIsWrittenNotReplaced) {
  const auto fifo = tmp_ / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // A reader that does not block on open; the 20 works written fit in the pipe's buffer.
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  const auto r = run({"export", "bibtex", "--tag", "none", "--out", fifo.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  char buffer[4096];
  const auto n = ::read(reader, buffer, sizeof buffer);
  ::close(reader);
  EXPECT_TRUE(fs::is_fifo(fifo));
  ASSERT_GT(n, 0);
  EXPECT_NE(std::string(buffer, static_cast<std::size_t>(n)).find("% Exported by litrev"), std::string::npos);
}

TEST_F(OutFile, DashIsStandardOutput) {
  const auto r = run({"export", "bibtex", "--out", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("@article{out199,"), std::string::npos);
  EXPECT_FALSE(fs::exists("-"));
}

}  // namespace
}  // namespace litrev::test
