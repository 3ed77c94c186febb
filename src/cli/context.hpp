#pragma once
// What every command shares: the global options, the library (opened on first use), and the
// output streams. Commands print through here; library code never prints.
//
// Output rules, applied here once:
// - out() and err() are text for people: control characters that a title, an abstract or an
//   API answer may carry (ESC sequences, CR, C1 controls) are shown as U+FFFD, so printing a
//   library can never drive the terminal (core/text.hpp ControlCharFilter). Tab and newline pass.
// - JSON (print_json, json_text) is for scripts: every value is kept, control characters are
//   escaped (\u001b, \u009b), which is the same JSON value and harmless on a terminal.
// - raw_out() is for bytes that must stay as stored (a BibTeX export on stdout).
// - -q keeps errors and drops warnings, summaries and progress: error() always prints,
//   warn(), diagnostic() of a warning and summary() print unless quiet.

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "src/core/record.hpp"
#include "src/store/store.hpp"

namespace litrev::cli {

struct GlobalOptions {
  std::string db;  // --db; empty = $LITREV_DB, else ./litrev.db
  bool quiet = false;
};

class Context {
 public:
  Context(GlobalOptions options, std::ostream& out, std::ostream& err);
  ~Context();

  // The library file: --db, else $LITREV_DB, else ./litrev.db.
  std::filesystem::path db_path() const;
  // Opens (creating on first use) the library. Throws StoreError.
  Store& store();

  std::ostream& out();
  std::ostream& err();
  std::ostream& raw_out() { return raw_out_; }
  bool quiet() const { return options_.quiet; }
  // Progress lines go to stderr only when it is a terminal (and not with -q).
  bool show_progress() const { return stderr_is_tty_ && !options_.quiet; }
  // Rewrites the progress line in place; end_progress() clears it. Nothing unless show_progress().
  void progress(std::string_view line);
  void end_progress();

  // Prints one JSON value on stdout (pretty for arrays/objects when stdout is a terminal).
  void print_json(const nlohmann::json& value);
  // One JSON value as text (compact), control characters escaped: for streamed arrays.
  static std::string json_text(const nlohmann::json& value, bool pretty = false);

  // "litrev: ..." lines on stderr (the prefix is added when the message has no location).
  void error(const std::string& message);    // always
  void warn(const std::string& message);     // unless -q
  void summary(const std::string& message);  // unless -q: "3 works exported", "note 4 added"
  // An importer's diagnostic (FILE:LINE:COL: error: ...): errors always, warnings unless -q.
  void diagnostic(const Diagnostic& d);

 private:
  void write_line(const std::string& message);

  GlobalOptions options_;
  std::ostream& raw_out_;
  std::ostream& raw_err_;
  struct Streams;
  std::unique_ptr<Streams> streams_;
  bool stderr_is_tty_ = false;
  bool stdout_is_tty_ = false;
  bool progress_shown_ = false;
  std::optional<Store> store_;
};

// True once SIGINT or SIGTERM arrived (core/cancellation.hpp: long loops throw Cancelled).
bool interrupted();
// SIGINT/SIGTERM request cancellation; a second signal ends the process at once (exit 130).
void install_interrupt_handler();

}  // namespace litrev::cli
