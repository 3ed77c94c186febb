#pragma once
// Files the CLI writes (exports). A failed or interrupted export never leaves half a file where
// the user expects a whole one, never leaves a temporary file behind, and never writes to a file
// other than the one named:
//  - A regular file (or a new one) is written to a temporary file in its directory, created
//    exclusively (O_EXCL | O_NOFOLLOW, unpredictable name: a link planted there is never
//    followed), with the target's mode (a new file: 0666 minus the umask), synced, then renamed
//    over the target. Until the rename the target is untouched.
//  - PATH a symbolic link: the file it points to is the target; the link stays a link.
//  - A regular file with other hard links: after the temporary file is complete, it is copied
//    into the file in place, so that every name of the file sees the new content.
//  - "-" is standard output; devices (/dev/null, /dev/full), FIFOs and sockets are written
//    directly: they cannot be replaced and must not become regular files.
// Failures throw OutputFileError (exit 5) naming PATH and the system's reason; an interrupt
// (SIGINT, SIGTERM) noticed before the rename throws InterruptedError (exit 130).

#include <functional>
#include <memory>
#include <ostream>
#include <string>

namespace litrev::cli {

class OutputFile {
 public:
  // Opens the temporary file (or the special file). Throws OutputFileError.
  explicit OutputFile(std::string path);
  ~OutputFile();  // not committed: the temporary file is removed, the target untouched
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream();
  // Flushes and puts the content in place. Throws OutputFileError or InterruptedError.
  void commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// OutputFile(path), write(stream), commit().
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);
// What an export's --out says: write(standard_output) when path is empty, else as above.
void write_output(const std::string& path, std::ostream& standard_output,
                  const std::function<void(std::ostream&)>& write);

// For the signal handler's forced exit (second Ctrl-C): unlinks the temporary file being
// written, if any. Async-signal-safe.
void remove_partial_output() noexcept;

}  // namespace litrev::cli
