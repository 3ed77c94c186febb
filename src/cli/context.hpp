#pragma once
// What every command shares: the global options, the library (opened on first use), and the
// output streams. Commands print through here; library code never prints.

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "src/store/store.hpp"

namespace litrev::cli {

struct GlobalOptions {
  std::string db;  // --db; empty = $LITREV_DB, else ./litrev.db
  bool quiet = false;
};

class Context {
 public:
  Context(GlobalOptions options, std::ostream& out, std::ostream& err);

  // The library file: --db, else $LITREV_DB, else ./litrev.db.
  std::filesystem::path db_path() const;
  // Opens (creating on first use) the library. Throws StoreError.
  Store& store();

  std::ostream& out() { return out_; }
  std::ostream& err() { return err_; }
  bool quiet() const { return options_.quiet; }
  // Progress lines go to stderr only when it is a terminal.
  bool show_progress() const { return stderr_is_tty_ && !options_.quiet; }

  // Prints one JSON value on stdout (pretty for arrays/objects when stdout is a terminal).
  void print_json(const nlohmann::json& value);
  // A warning or error line on stderr ("litrev: ..." prefix added when missing).
  void warn(const std::string& message);

 private:
  GlobalOptions options_;
  std::ostream& out_;
  std::ostream& err_;
  bool stderr_is_tty_ = false;
  bool stdout_is_tty_ = false;
  std::optional<Store> store_;
};

// Set by the SIGINT handler; long loops poll it and stop between inputs (the current input's
// transaction rolls back when its batch is destroyed).
bool interrupted();
void install_interrupt_handler();

}  // namespace litrev::cli
