#pragma once
// Helpers every test folder may use: the shared material, temporary directories, running the
// litrev binary.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace litrev::test {

// ../shared (or $LITREV_SHARED_DIR). Empty path when it is absent.
std::filesystem::path shared_dir();

// Skips the current test with a clear message when ../shared is absent; use as
//   LITREV_REQUIRE_SHARED(dir);
#define LITREV_REQUIRE_SHARED(var)                                                       \
  const auto var = ::litrev::test::shared_dir();                                         \
  if (var.empty()) GTEST_SKIP() << "../shared is absent (set LITREV_SHARED_DIR): skipped"

// tests/data/<relative>
std::filesystem::path test_data(const std::string& relative);

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& content);

// A fresh directory removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// Writes `content` to fd from a new thread, then closes fd: the writer end of a pipe whose
// reader is the code under test. Join the thread after reading.
std::thread write_in_background(int fd, std::string content);

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the litrev binary with args (no shell), optional stdin text and extra environment
// (NAME=value). The environment variables LITREV_DB and LITREV_MAILTO are cleared first.
RunResult run_litrev(const std::vector<std::string>& args, const std::string& stdin_text = {},
                     const std::vector<std::string>& env = {});

// How to start a LitrevProcess.
struct SpawnOptions {
  std::vector<std::string> env;  // NAME=value, after LITREV_DB and LITREV_MAILTO are cleared
  // Run as the unprivileged user "nobody" (when the tests run as root, which ignores file modes).
  bool as_nobody = false;
  // RLIMIT_FSIZE in bytes (SIGXFSZ ignored, so a write past it fails with EFBIG): a full disk
  // without filling one.
  std::size_t file_size_limit = 0;
};

// The litrev binary running in the background (stdin from /dev/null), for tests that signal it
// or let its output pipe fill up.
class LitrevProcess {
 public:
  explicit LitrevProcess(const std::vector<std::string>& args, const SpawnOptions& options = {});
  ~LitrevProcess();  // kills it if still running
  LitrevProcess(const LitrevProcess&) = delete;
  LitrevProcess& operator=(const LitrevProcess&) = delete;

  void signal(int sig) const;
  // Reads stdout and stderr to the end, then waits for the exit.
  RunResult wait();

 private:
  int pid_ = -1;
  int out_fd_ = -1, err_fd_ = -1;
};

// Runs any program (argv[0] looked up in PATH) the same way, in cwd when given: the tools
// litrev's outputs are for (biber, bibtex, pandoc, python3 with networkx).
RunResult run_program(const std::vector<std::string>& argv, const std::string& stdin_text = {},
                      const std::vector<std::string>& env = {}, const std::filesystem::path& cwd = {});

// True when name (or a path) is an executable on PATH.
bool program_available(const std::string& name);

}  // namespace litrev::test
