#include "src/cli/context.hpp"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <ostream>

#include "src/cli/exit_codes.hpp"
#include "src/cli/output_file.hpp"

namespace litrev::cli {

namespace {
std::atomic<bool> g_interrupted{false};

extern "C" void on_sigint(int) {
  if (g_interrupted.exchange(true)) {
    remove_partial_output();  // a forced exit leaves no temporary export file behind
    std::_Exit(130);
  }
}
}  // namespace

bool interrupted() { return g_interrupted.load(std::memory_order_relaxed); }

void install_interrupt_handler() {
  struct sigaction action {};
  action.sa_handler = on_sigint;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

Context::Context(GlobalOptions options, std::ostream& out, std::ostream& err)
    : options_(std::move(options)), out_(out), err_(err),
      stderr_is_tty_(::isatty(STDERR_FILENO) == 1), stdout_is_tty_(::isatty(STDOUT_FILENO) == 1) {}

std::filesystem::path Context::db_path() const {
  if (!options_.db.empty()) return options_.db;
  if (const char* env = std::getenv("LITREV_DB"); env && *env) return env;
  return "litrev.db";
}

Store& Context::store() {
  if (!store_) store_.emplace(Store::open(db_path()));
  return *store_;
}

void Context::print_json(const nlohmann::json& value) {
  const bool pretty = stdout_is_tty_ && (value.is_array() || value.is_object());
  out_ << value.dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void Context::warn(const std::string& message) {
  if (message.starts_with("litrev:") || message.find(": warning:") != std::string::npos ||
      message.find(": error:") != std::string::npos)
    err_ << message << '\n';
  else
    err_ << "litrev: " << message << '\n';
}

}  // namespace litrev::cli
