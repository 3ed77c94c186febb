#pragma once
// The exit codes of every litrev command, documented in `litrev --help` (see main.cpp).

#include <stdexcept>
#include <string>

namespace litrev::cli {

enum ExitCode : int {
  kOk = 0,            // everything done
  kPartial = 1,       // done, but some input was skipped or some lookups failed (the good part is stored)
  kUsage = 2,         // bad command line
  kUnreadable = 3,    // nothing could be read: file missing, not BibTeX at all, no answer from the API
  kNotFound = 4,      // a key named on the command line is not in the library
  kLibraryError = 5,  // the library file, or an output file, cannot be opened, migrated or written
  kInterrupted = 130, // Ctrl-C: the current input was rolled back, earlier inputs are kept
};

// Few exception types, caught once in main and mapped to the codes above.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct NotFoundError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct UnreadableError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// An output file (export, graph export) cannot be created or written: exit 5, like the library.
struct OutputFileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// A command noticed Ctrl-C before it finished and discarded its unfinished output: exit 130.
struct InterruptedError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace litrev::cli
