#pragma once
// litrev's error model, in one place: the exit codes with their meanings (printed by
// `litrev --help`; README.md's table is checked against it by tests/e2e/help_test.cpp), the
// few exception types commands throw, and the one function that maps an exception to its code.
//
// One outcome per kind of failure:
//   bad command line or option value ........ CLI11's ParseError, UsageError   -> 2
//   nothing could be read ................... UnreadableError                   -> 3
//   a name given is not in the library ...... NotFoundError (src/store)         -> 4
//   the library file cannot be used ......... StoreError (src/store)            -> 5
//   an output file (--out) cannot be written  OutputFileError                   -> 5
//   Ctrl-C / SIGTERM noticed by a loop ...... Cancelled (src/core)              -> 130
//   ... or by an export before its rename ... InterruptedError                  -> 130
//   anything else ........................... a bug                             -> 70
// Partial success (1) is not an exception: a command returns it after storing the good part.

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>

#include "src/core/cancellation.hpp"
#include "src/store/store.hpp"

namespace litrev::cli {

enum ExitCode : int {
  kOk = 0,
  kPartial = 1,
  kUsage = 2,
  kUnreadable = 3,
  kNotFound = 4,
  kLibraryError = 5,
  kInternal = 70,
  kInterrupted = 130,
};

struct ExitCodeMeaning {
  ExitCode code;
  std::string_view meaning;
};

// The documented table, in order. README.md's "Exit codes" table repeats it word for word.
inline constexpr std::array kExitCodeMeanings = {
    ExitCodeMeaning{kOk, "success"},
    ExitCodeMeaning{kPartial, "partial: some entries were skipped or reported as errors, or some lookups failed; every "
                              "good record is stored"},
    ExitCodeMeaning{kUsage, "usage error: unknown command or option, bad option value, invalid DOI before any request"},
    ExitCodeMeaning{kUnreadable, "nothing could be read: input file missing or in no format litrev reads, or no answer from the API"},
    ExitCodeMeaning{kNotFound, "a key (or person, or run) given on the command line is not in the library"},
    ExitCodeMeaning{kLibraryError, "the library file cannot be opened, migrated or written (not a litrev library, "
                                   "newer schema, read-only, disk full), or an --out file cannot be written; the "
                                   "library and the old --out file are left unchanged"},
    ExitCodeMeaning{kInternal, "internal error (a bug: please report it)"},
    ExitCodeMeaning{kInterrupted, "interrupted (Ctrl-C, SIGTERM) before the command completed: the input being imported "
                                  "is rolled back, earlier inputs are kept; an export leaves its --out file as it was"},
};

// "Exit codes:\n  0    success\n..." for the --help footer.
std::string exit_code_help();

// Few exception types, thrown by commands and mapped by exit_code_of_current_exception.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct UnreadableError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct OutputFileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
using litrev::NotFoundError;
using litrev::StoreError;

// Call inside a catch block: the exit code of the exception being handled, and the message to
// print (empty for Cancelled: the caller says "interrupted").
ExitCode exit_code_of_current_exception(std::string& message);
// A command noticed Ctrl-C before it finished and discarded its unfinished output (an export):
// exit 130, like Cancelled.
struct InterruptedError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace litrev::cli
