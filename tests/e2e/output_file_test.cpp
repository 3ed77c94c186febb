// `--out` of export and graph export (src/cli/output_file.hpp): the file named is replaced whole
// or not at all, nothing else is ever written (a link planted at the old temporary name, a
// FIFO, a device, another hard link), the mode stays, nothing is left behind, a write failure
// exits 5 naming the file, and an interrupted export exits 130 with the previous file intact.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "support/test_support.hpp"

namespace litrev::test {
namespace {

namespace fs = std::filesystem;

constexpr const char* kOutputLibrary = R"(@article{meyer1977,
  author = {Meyer, John W. and Rowan, Brian},
  title = {Institutionalized Organizations: Formal Structure as Myth and Ceremony},
  journal = {American Journal of Sociology},
  year = {1977}, volume = {83}, number = {2}, pages = {340--363},
  doi = {10.1086/226550}
}
@article{dimaggio1983,
  author = {DiMaggio, Paul J. and Powell, Walter W.},
  title = {The Iron Cage Revisited},
  journal = {American Sociological Review},
  year = 1983, doi = {10.2307/2095101},
  cites = {meyer1977}
}
)";

class OutputFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(tmp_ / "library.bib", kOutputLibrary);
    const auto r = run({"import", "bibtex", (tmp_ / "library.bib").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    out_dir_ = tmp_ / "out";
    fs::create_directory(out_dir_);
  }
  RunResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", (tmp_ / "lib.db").string(), "-q"});
    return run_litrev(args);
  }
  // Whatever an export may have left in the output directory beside the files named.
  std::vector<std::string> leftovers() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(out_dir_))
      if (e.path().filename().string().find(".litrev") != std::string::npos) names.push_back(e.path().filename());
    return names;
  }
  TempDir tmp_;
  fs::path out_dir_;
};

TEST_F(OutputFileTest, ReplacesTheFileWholeAndLeavesNothingBehind) {
  const auto file = out_dir_ / "out.bib";
  write_file(file, "old content");
  ASSERT_EQ(run({"export", "bibtex", "--out", file.string()}).exit_code, 0);
  EXPECT_NE(read_file(file).find("@article{meyer1977,"), std::string::npos);
  EXPECT_TRUE(leftovers().empty());
  const auto g = run({"graph", "export", "--format", "vosviewer", "--out", (out_dir_ / "map.txt").string()});
  ASSERT_EQ(g.exit_code, 0) << g.err;
  EXPECT_TRUE(fs::exists(out_dir_ / "map.txt.network.txt"));
  EXPECT_TRUE(leftovers().empty());
}

TEST_F(OutputFileTest, ALinkPlantedAtTheTemporaryNameIsNeverFollowed) {
  const auto victim = tmp_ / "victim.txt";
  write_file(victim, "precious");
  const auto file = out_dir_ / "out.bib";
  fs::create_symlink(victim, file.string() + ".litrev-tmp");  // the name used to be predictable
  ASSERT_EQ(run({"export", "bibtex", "--out", file.string()}).exit_code, 0);
  EXPECT_EQ(read_file(victim), "precious");
  EXPECT_TRUE(fs::is_symlink(file.string() + ".litrev-tmp"));
  EXPECT_NE(read_file(file).find("@article{meyer1977,"), std::string::npos);
}

TEST_F(OutputFileTest, ASymlinkNamedIsFollowedAndStaysALink) {
  const auto target = out_dir_ / "real.bib";
  write_file(target, "old");
  const auto link = out_dir_ / "link.bib";
  fs::create_symlink("real.bib", link);
  ASSERT_EQ(run({"export", "bibtex", "--out", link.string()}).exit_code, 0);
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_NE(read_file(target).find("@article{meyer1977,"), std::string::npos);
}

TEST_F(OutputFileTest, TheModeOfTheFileIsKept) {
  const auto file = out_dir_ / "private.bib";
  write_file(file, "old");
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
  ASSERT_EQ(run({"export", "bibtex", "--out", file.string()}).exit_code, 0);
  EXPECT_EQ(fs::status(file).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
}

TEST_F(OutputFileTest, EveryHardLinkSeesTheNewContent) {
  const auto file = out_dir_ / "a.bib", other = out_dir_ / "b.bib";
  write_file(file, "old");
  fs::create_hard_link(file, other);
  ASSERT_EQ(run({"export", "bibtex", "--out", file.string()}).exit_code, 0);
  EXPECT_TRUE(fs::equivalent(file, other));
  EXPECT_NE(read_file(other).find("@article{meyer1977,"), std::string::npos);
  EXPECT_TRUE(leftovers().empty());
}

TEST_F(OutputFileTest, AFifoIsWrittenNotReplaced) {
  const auto fifo = out_dir_ / "pipe.bib";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // The reader is open before litrev starts (non-blocking, so that a litrev that never opens
  // the FIFO cannot hang the test) and reads until litrev is done.
  const int fd = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(fd, 0);
  std::atomic<bool> done{false};
  std::string received;
  std::thread reader([&] {
    char buffer[4096];
    for (;;) {
      const ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n > 0) received.append(buffer, static_cast<std::size_t>(n));
      else if (done) break;
      else std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  const auto r = run({"export", "bibtex", "--out", fifo.string()});
  done = true;
  reader.join();
  ::close(fd);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_NE(received.find("@article{meyer1977,"), std::string::npos);
}

TEST_F(OutputFileTest, DevNullStaysADevice) {
  // As root, a writer that renames over its target would turn /dev/null into a regular file:
  // the FIFO test above shows special files are written directly without risking that here.
  if (::geteuid() == 0) GTEST_SKIP() << "run as root: /dev/null is checked through the FIFO test";
  ASSERT_EQ(run({"export", "bibtex", "--out", "/dev/null"}).exit_code, 0);
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
}

TEST_F(OutputFileTest, DashIsStandardOutput) {
  const auto r = run_program({LITREV_BINARY, "--db", (tmp_ / "lib.db").string(), "export", "bibtex", "--out", "-"}, {},
                             {}, out_dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("@article{meyer1977,"), std::string::npos);
  EXPECT_FALSE(fs::exists(out_dir_ / "-"));
}

TEST_F(OutputFileTest, WriteFailuresExitFiveNamingTheFile) {
  const auto nowhere = out_dir_ / "no-such-dir" / "out.bib";
  const auto r = run({"export", "bibtex", "--out", nowhere.string()});
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_NE(r.err.find(nowhere.string() + ": cannot write: No such file or directory"), std::string::npos) << r.err;
  const auto g = run({"graph", "export", "--format", "csv", "--out", nowhere.string()});
  EXPECT_EQ(g.exit_code, 5);
  EXPECT_NE(g.err.find(nowhere.string()), std::string::npos) << g.err;

  if (fs::exists("/dev/full")) {
    const auto full = run({"export", "bibtex", "--out", "/dev/full"});
    EXPECT_EQ(full.exit_code, 5);
    EXPECT_NE(full.err.find("/dev/full: cannot write: No space left on device"), std::string::npos) << full.err;
  }
  EXPECT_TRUE(leftovers().empty());
}

// A library big enough for the export to take a while: 3000 works with abstracts.
void write_big_library(const fs::path& file) {
  std::ofstream out(file);
  const std::string abstract(1500, 'x');
  for (int i = 0; i < 3000; ++i)
    out << "@article{w" << i << ", author = {Doe, Jane}, title = {Work " << i << "}, year = {2001}, abstract = {"
        << abstract << "}}\n";
}

TEST_F(OutputFileTest, AnInterruptedExportLeavesThePreviousFileAndExits130) {
  const auto db = tmp_ / "big.db";
  write_big_library(tmp_ / "big.bib");
  ASSERT_EQ(run_litrev({"--db", db.string(), "-q", "import", "bibtex", (tmp_ / "big.bib").string()}).exit_code, 0);
  const auto file = out_dir_ / "out.bib";
  write_file(file, "previous");
  for (int attempt = 0; attempt < 5; ++attempt) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      const int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, 1);
      ::dup2(null, 2);
      std::string binary = LITREV_BINARY;
      execl(binary.c_str(), binary.c_str(), "--db", db.c_str(), "export", "bibtex", "--out", file.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    // Freeze litrev as soon as its temporary file exists, then interrupt it: while it is stopped,
    // a temporary file still there means the rename has not happened.
    bool caught = false;
    for (int i = 0; i < 200000 && !caught; ++i) {
      if (!leftovers().empty()) {
        ::kill(pid, SIGSTOP);
        caught = !leftovers().empty();
        if (caught) ::kill(pid, SIGINT);
        ::kill(pid, SIGCONT);
      }
      int status = 0;
      if (!caught && ::waitpid(pid, &status, WNOHANG) == pid) break;
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!caught) {
      write_file(file, "previous");  // too fast this time: try again
      continue;
    }
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 130);
    EXPECT_EQ(read_file(file), "previous");
    EXPECT_TRUE(leftovers().empty());
    return;
  }
  GTEST_SKIP() << "the export always finished before it could be interrupted";
}

}  // namespace
}  // namespace litrev::test
