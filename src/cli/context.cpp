#include "src/cli/context.hpp"

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <ostream>
#include <streambuf>

#include "src/cli/diagnostic_view.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/core/cancellation.hpp"
#include "src/core/text.hpp"
#include "src/cli/output_file.hpp"

namespace litrev::cli {

namespace {

extern "C" void on_signal(int) {
  // The first signal asks the running command to stop at its next check and unwind (rolling
  // back what is uncommitted); a second one means "now".
  if (cancellation_requested()) {
    remove_partial_output();  // a forced exit leaves no temporary export file behind
    std::_Exit(kInterrupted);
  }
  request_cancellation();
}

// JSON for scripts, harmless on a terminal: nlohmann escapes C0 controls but writes DEL and the
// C1 controls (U+0080..U+009F, UTF-8 C2 80..C2 9F) as they are. Outside strings JSON text is
// ASCII, so these bytes can only be inside strings, where \u escapes mean the same characters.
std::string escape_remaining_controls(const std::string& text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    unsigned code = 0;
    if (c == 0x7F) code = c;
    else if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {
      code = next;
      ++i;
    }
    if (code == 0) {
      out.push_back(text[i]);
      continue;
    }
    out += "\\u00";
    out.push_back(kHex[code >> 4]);
    out.push_back(kHex[code & 0xF]);
  }
  return out;
}

}  // namespace

struct Context::Streams {
  // A stream buffer that passes text to another one through ControlCharFilter.
  class ControlFilterBuf final : public std::streambuf {
   public:
    explicit ControlFilterBuf(std::streambuf* target) : target_(target) {}
    ~ControlFilterBuf() override {
      std::string tail;
      filter_.finish(tail);
      if (!tail.empty()) target_->sputn(tail.data(), static_cast<std::streamsize>(tail.size()));
      target_->pubsync();
    }

   protected:
    std::streamsize xsputn(const char* s, std::streamsize n) override {
      scratch_.clear();
      filter_.feed(std::string_view(s, static_cast<std::size_t>(n)), scratch_);
      const auto size = static_cast<std::streamsize>(scratch_.size());
      return target_->sputn(scratch_.data(), size) == size ? n : 0;
    }
    int_type overflow(int_type c) override {
      if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
      const char ch = traits_type::to_char_type(c);
      return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
    }
    int sync() override { return target_->pubsync(); }

   private:
    std::streambuf* target_;
    ControlCharFilter filter_;
    std::string scratch_;
  };

  Streams(std::ostream& stdout_stream, std::ostream& stderr_stream)
      : out_buf(stdout_stream.rdbuf()), err_buf(stderr_stream.rdbuf()), out(&out_buf), err(&err_buf) {}
  ControlFilterBuf out_buf, err_buf;
  std::ostream out, err;
};

bool interrupted() { return cancellation_requested(); }

void install_interrupt_handler() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

Context::Context(GlobalOptions options, std::ostream& out, std::ostream& err)
    : options_(std::move(options)), raw_out_(out), raw_err_(err), streams_(std::make_unique<Streams>(out, err)),
      stderr_is_tty_(::isatty(STDERR_FILENO) == 1), stdout_is_tty_(::isatty(STDOUT_FILENO) == 1) {}

Context::~Context() {
  streams_->out.flush();
  streams_->err.flush();
}

std::ostream& Context::out() { return streams_->out; }
std::ostream& Context::err() { return streams_->err; }

std::filesystem::path Context::db_path() const {
  if (!options_.db.empty()) return options_.db;
  if (const char* env = std::getenv("LITREV_DB"); env && *env) return env;
  return "litrev.db";
}

Store& Context::store() {
  if (!store_) store_.emplace(Store::open(db_path()));
  return *store_;
}

void Context::progress(std::string_view line) {
  if (!show_progress()) return;
  raw_err_ << "\r\033[K" << printable_text(line) << std::flush;
  progress_shown_ = true;
}

void Context::end_progress() {
  if (!progress_shown_) return;
  raw_err_ << "\r\033[K" << std::flush;
  progress_shown_ = false;
}

std::string Context::json_text(const nlohmann::json& value, bool pretty) {
  return escape_remaining_controls(value.dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void Context::print_json(const nlohmann::json& value) {
  const bool pretty = stdout_is_tty_ && (value.is_array() || value.is_object());
  streams_->out.flush();
  raw_out_ << json_text(value, pretty) << '\n';
}

void Context::write_line(const std::string& message) {
  end_progress();
  auto& err = streams_->err;
  if (message.starts_with("litrev:") || message.find(": warning:") != std::string::npos ||
      message.find(": error:") != std::string::npos)
    err << message << '\n';
  else
    err << "litrev: " << message << '\n';
  err.flush();
}

void Context::error(const std::string& message) { write_line(message); }

void Context::warn(const std::string& message) {
  if (!quiet()) write_line(message);
}

void Context::summary(const std::string& message) {
  if (quiet()) return;
  end_progress();
  streams_->err << message << '\n';
}

void Context::diagnostic(const Diagnostic& d) {
  if (d.severity == Diagnostic::Severity::error) error(format_diagnostic(d));
  else warn(format_diagnostic(d));
}

}  // namespace litrev::cli
