#include "support/test_support.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

namespace litrev::test {

namespace fs = std::filesystem;

fs::path shared_dir() {
  const char* env = std::getenv("LITREV_SHARED_DIR");
  fs::path dir = env && *env ? fs::path(env) : fs::path(LITREV_SHARED_DIR);
  std::error_code ec;
  if (!fs::is_directory(dir / "corpus", ec)) return {};
  return fs::canonical(dir, ec);
}

fs::path test_data(const std::string& relative) { return fs::path(LITREV_TEST_DATA) / relative; }

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

TempDir::TempDir() {
  std::random_device rd;
  const auto base = fs::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = base / ("litrev-test-" + std::to_string(rd()));
    std::error_code ec;
    if (fs::create_directory(candidate, ec)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

namespace {

// In a forked child whose standard streams are set: the environment, limits and user of
// options, then the litrev binary.
[[noreturn]] void exec_litrev(const std::vector<std::string>& args, const SpawnOptions& options) {
  unsetenv("LITREV_DB");
  unsetenv("LITREV_MAILTO");
  for (const auto& kv : options.env) putenv(const_cast<char*>(kv.c_str()));
  if (options.file_size_limit > 0) {
    std::signal(SIGXFSZ, SIG_IGN);  // stays ignored across exec
    const rlimit limit{options.file_size_limit, options.file_size_limit};
    setrlimit(RLIMIT_FSIZE, &limit);
  }
  if (options.as_nobody && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(126);
  std::vector<char*> argv;
  std::string binary = LITREV_BINARY;
  argv.push_back(binary.data());
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execv(binary.c_str(), argv.data());
  _exit(127);
}

std::string drain(int fd) {
  std::string out;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  return out;
}
}  // namespace

std::thread write_in_background(int fd, std::string content) {
  return std::thread([fd, content = std::move(content)] {
    std::size_t done = 0;
    while (done < content.size()) {
      const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    ::close(fd);
  });
}

RunResult run_litrev(const std::vector<std::string>& args, const std::string& stdin_text,
                     const std::vector<std::string>& env) {
  std::vector<std::string> argv = {LITREV_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_program(argv, stdin_text, env, {});
}

RunResult run_program(const std::vector<std::string>& argv_in, const std::string& stdin_text,
                      const std::vector<std::string>& env, const std::filesystem::path& cwd) {
  std::signal(SIGPIPE, SIG_IGN);  // the child may exit without reading its stdin
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (pipe(in_pipe) || pipe(out_pipe) || pipe(err_pipe)) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) close(fd);
    unsetenv("LITREV_DB");
    unsetenv("LITREV_MAILTO");
    for (const auto& kv : env) putenv(const_cast<char*>(kv.c_str()));
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
    std::vector<char*> argv;
    for (const auto& a : argv_in) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execvp(argv[0], argv.data());
    _exit(127);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  std::thread writer = write_in_background(in_pipe[1], stdin_text);
  RunResult result;
  std::thread err_reader([&] { result.err = drain(err_pipe[0]); });
  result.out = drain(out_pipe[0]);
  err_reader.join();
  writer.join();
  close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

LitrevProcess::LitrevProcess(const std::vector<std::string>& args, const SpawnOptions& options) {
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) || pipe(err_pipe)) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    const int null = open("/dev/null", O_RDONLY);
    dup2(null, 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    for (int fd : {null, out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) close(fd);
    exec_litrev(args, options);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  out_fd_ = out_pipe[0];
  err_fd_ = err_pipe[0];
}

LitrevProcess::~LitrevProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  for (int fd : {out_fd_, err_fd_})
    if (fd >= 0) close(fd);
}

void LitrevProcess::signal(int sig) const {
  if (pid_ > 0) kill(pid_, sig);
}

RunResult LitrevProcess::wait() {
  RunResult result;
  std::thread err_reader([&] { result.err = drain(err_fd_); });
  result.out = drain(out_fd_);
  err_reader.join();
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

bool program_available(const std::string& name) {
  if (name.find('/') != std::string::npos) return ::access(name.c_str(), X_OK) == 0;
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');)
    if (!dir.empty() && ::access((fs::path(dir) / name).c_str(), X_OK) == 0) return true;
  return false;
}

}  // namespace litrev::test
