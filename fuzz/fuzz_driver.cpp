// A main for the fuzz target where libFuzzer is not available (g++; clang 14 cannot compile
// the project's C++23 library code): replays the files and folders given, then, with
// --seconds N, feeds random mutations of them (byte flips, grammar characters, deleted,
// repeated and spliced ranges). Not coverage-guided, but with the sanitizers on it finds
// what a parser should never do. The input being run when something breaks is written to
// crash-<target>-<pid>, to be kept in fuzz/corpus/<target>/ as a regression file.
//
//   <target>_fuzz [--seconds N] [--seed S] [--max-len BYTES] FILE_OR_DIR...

#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

#if defined(__SANITIZE_ADDRESS__)
extern "C" void __sanitizer_set_death_callback(void (*callback)(void));
#endif

namespace {

std::string g_current;  // the input being run, for the crash file
char g_crash_path[64];

void dump_current() {
  // Only async-signal-safe calls: this runs from a signal handler.
  const int fd = ::open(g_crash_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return;
  const char* p = g_current.data();
  std::size_t left = g_current.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n <= 0) break;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  ::close(fd);
  static const char kMsg[] = "fuzz target: the failing input is in ";
  [[maybe_unused]] ssize_t ignored = ::write(2, kMsg, sizeof kMsg - 1);
  ignored = ::write(2, g_crash_path, std::strlen(g_crash_path));
  ignored = ::write(2, "\n", 1);
}

void on_signal(int sig) {
  dump_current();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void run(const std::string& input) {
  g_current = input;
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

void load(const std::filesystem::path& path, std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  if (fs::is_directory(path)) {
    for (const auto& entry : fs::recursive_directory_iterator(path))
      if (entry.is_regular_file()) load(entry.path(), inputs);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  inputs.push_back(s.str());
}

// Pieces the grammar cares about, to insert at random places.
const std::vector<std::string> kTokens = {"@",
                                          "{",
                                          "}",
                                          "(",
                                          ")",
                                          "\"",
                                          "#",
                                          "%",
                                          ",",
                                          "=",
                                          "\n",
                                          "\r\n",
                                          "\t",
                                          " ",
                                          "\\",
                                          "\\\"",
                                          "\\{",
                                          "\\}",
                                          "@string{",
                                          "@comment{",
                                          "@preamble{",
                                          "@article{",
                                          "@misc(",
                                          "\n@article{k,\n",
                                          "jan",
                                          " # ",
                                          "\xEF\xBB\xBF",
                                          std::string("\0", 1),
                                          "\xFF\xFE",
                                          "\xFE\xFF",
                                          "\xE9",
                                          "\xC3\xA9",
                                          "\xF0\x9F\x98\x80",
                                          "\xE2\x80",
                                          "\n}\n",
                                          "title = {",
                                          "= ,",
                                          "@string{m = \" x \"}",
                                          "}}}}",
                                          "{{{{"};

std::string mutate(std::string s, const std::vector<std::string>& inputs, std::mt19937_64& rng, std::size_t max_len) {
  const int rounds = 1 + static_cast<int>(rng() % 6);
  for (int r = 0; r < rounds; ++r) {
    const std::size_t n = s.size();
    const std::size_t at = n ? rng() % (n + 1) : 0;
    switch (rng() % 7) {
      case 0:  // flip a byte
        if (n) s[rng() % n] = static_cast<char>(rng());
        break;
      case 1:  // insert a grammar token
        s.insert(at, kTokens[rng() % kTokens.size()]);
        break;
      case 2:  // delete a range
        if (n) s.erase(at < n ? at : n - 1, rng() % 64);
        break;
      case 3:  // repeat a range
        if (n) {
          const std::size_t from = rng() % n;
          s.insert(at, s.substr(from, rng() % 256));
        }
        break;
      case 4: {  // splice with another input
        const std::string& other = inputs[rng() % inputs.size()];
        if (!other.empty()) s = s.substr(0, at) + other.substr(rng() % other.size());
        break;
      }
      case 5:  // truncate
        s.resize(at);
        break;
      default:  // a run of one special character
        s.insert(at, std::string(1 + rng() % 40, "{}\"@%\n "[rng() % 7]));
    }
  }
  if (s.size() > max_len) s.resize(max_len);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 0;
  std::uint64_t seed = std::random_device{}();
  std::size_t max_len = 1 << 16;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--seconds" && i + 1 < argc)
      seconds = std::atof(argv[++i]);
    else if (arg == "--seed" && i + 1 < argc)
      seed = std::strtoull(argv[++i], nullptr, 10);
    else if (arg == "--max-len" && i + 1 < argc)
      max_len = std::strtoull(argv[++i], nullptr, 10);
    else
      load(arg, inputs);
  }
  std::snprintf(g_crash_path, sizeof g_crash_path, "crash-%.32s-%d", std::filesystem::path(argv[0]).filename().c_str(),
                static_cast<int>(::getpid()));
  for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL}) std::signal(sig, on_signal);
#if defined(__SANITIZE_ADDRESS__)
  __sanitizer_set_death_callback(dump_current);
#endif
  if (inputs.empty()) inputs.emplace_back();

  for (const auto& input : inputs) run(input);
  std::printf("replayed %zu inputs\n", inputs.size());
  if (seconds <= 0) return 0;

  std::mt19937_64 rng(seed);
  std::printf("fuzzing for %.0f s, seed %llu\n", seconds, static_cast<unsigned long long>(seed));
  const auto start = std::chrono::steady_clock::now();
  std::size_t runs = 0;
  while (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < seconds) {
    for (int k = 0; k < 64; ++k, ++runs) run(mutate(inputs[rng() % inputs.size()], inputs, rng, max_len));
  }
  std::printf("%zu runs, no failure\n", runs);
  return 0;
}
