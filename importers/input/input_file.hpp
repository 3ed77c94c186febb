#pragma once
// The bytes of one input (a file, or "-" for standard input), for every importer: a regular file
// is mapped read-only, not copied; a pipe, a FIFO or a device is read in chunks. The first
// kHeadBytes are available before the rest is read, so that the caller can look at them
// (sniff.hpp) and refuse /dev/zero or a PDF after 64 KiB instead of after reading it all.
//
// Limits: an input larger than max_bytes (kMaxInputBytes unless the caller says otherwise) is
// refused whole, with an error naming the limit: reading stops there, so an endless stream
// (/dev/zero, `yes`) ends with that error instead of exhausting memory. 1 GiB is over twice the
// largest real .bib we know of (a 448 MB concatenation used as a benchmark) and keeps the peak
// memory of a piped input (which has to be held whole) at about that size.
//
// Errors are Diagnostics whose source is the path and whose message carries strerror
// ("cannot open: No such file or directory", "cannot read: Is a directory").

#include "src/core/record.hpp"

#include <cstddef>
#include <expected>
#include <memory>
#include <string>
#include <string_view>

namespace litrev::input {

inline constexpr std::size_t kHeadBytes = std::size_t{64} << 10;
inline constexpr std::size_t kMaxInputBytes = std::size_t{1} << 30;

struct InputBytes {
  std::string source;                   // the path as given, or "-"
  std::string_view bytes;               // valid as long as `storage` lives
  std::shared_ptr<const void> storage;  // owns the bytes (a mapping or a buffer)
};

class InputFile {
 public:
  // Opens path ("-": standard input, not closed here) and reads its head. A FIFO blocks until a
  // writer opens it, as `cat` does.
  static std::expected<InputFile, Diagnostic> open(const std::string& path);
  // The same for a descriptor already open (not closed here); source names it in diagnostics.
  static std::expected<InputFile, Diagnostic> from_fd(int fd, std::string source);

  InputFile(InputFile&&) noexcept;
  InputFile& operator=(InputFile&&) noexcept;
  ~InputFile();

  const std::string& source() const;
  // The first kHeadBytes of the input (all of it when shorter).
  std::string_view head() const;
  // The whole input. Reading stops with an error once it exceeds max_bytes:
  //   "larger than the 1 GiB input limit (split it into smaller files)".
  std::expected<InputBytes, Diagnostic> read_all(std::size_t max_bytes = kMaxInputBytes) &&;

 private:
  struct State;
  explicit InputFile(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// "1 GiB", "64 MiB", "512 KiB", "300 bytes": limits as messages show them.
std::string format_size(std::size_t bytes);

}  // namespace litrev::input
