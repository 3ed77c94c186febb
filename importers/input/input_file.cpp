#include "importers/input/input_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace litrev::input {

namespace {

Diagnostic io_error(const std::string& path, const char* what, int err) {
  return {Diagnostic::Severity::error, path, 0, 0, {}, fmt::format("{}: {}", what, std::strerror(err))};
}

Diagnostic too_large(const std::string& path, std::size_t limit) {
  return {Diagnostic::Severity::error, path, 0, 0, {},
          fmt::format("larger than the {} input limit; nothing read (split it into smaller files)",
                      format_size(limit))};
}

}  // namespace

struct InputFile::State {
  std::string source;
  int fd = -1;
  bool owns_fd = false;
  // A regular file: its mapping. Otherwise the bytes read so far, and whether the end was seen.
  std::shared_ptr<const void> mapping;
  std::string_view mapped;
  std::shared_ptr<std::string> buffer;
  bool at_end = false;

  ~State() {
    if (owns_fd && fd >= 0) ::close(fd);
  }

  // Reads until the buffer holds `want` bytes or the input ends; errno on failure.
  int fill(std::size_t want) {
    std::string& data = *buffer;
    std::size_t size = data.size();
    while (!at_end && size < want) {
      // Grow geometrically, but never past what is wanted: a capped read must not allocate
      // twice the cap.
      if (data.size() == size) data.resize(std::min(want, std::max<std::size_t>(size * 2, kHeadBytes)));
      const ssize_t n = ::read(fd, data.data() + size, data.size() - size);
      if (n < 0) {
        if (errno == EINTR) continue;
        data.resize(size);
        return errno;
      }
      if (n == 0) at_end = true;
      size += static_cast<std::size_t>(n);
    }
    data.resize(size);
    return 0;
  }
};

InputFile::InputFile(std::unique_ptr<State> state) : state_(std::move(state)) {}
InputFile::InputFile(InputFile&&) noexcept = default;
InputFile& InputFile::operator=(InputFile&&) noexcept = default;
InputFile::~InputFile() = default;

const std::string& InputFile::source() const { return state_->source; }

std::string_view InputFile::head() const {
  const std::string_view all = state_->mapping ? state_->mapped : std::string_view(*state_->buffer);
  return all.substr(0, kHeadBytes);
}

std::expected<InputFile, Diagnostic> InputFile::from_fd(int fd, std::string source) {
  auto state = std::make_unique<State>();
  state->source = std::move(source);
  state->fd = fd;
  state->buffer = std::make_shared<std::string>();
  if (const int err = state->fill(kHeadBytes)) return std::unexpected(io_error(state->source, "cannot read", err));
  return InputFile(std::move(state));
}

std::expected<InputFile, Diagnostic> InputFile::open(const std::string& path) {
  if (path == "-") return from_fd(STDIN_FILENO, "-");
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::unexpected(io_error(path, "cannot open", errno));
  auto state = std::make_unique<State>();
  state->source = path;
  state->fd = fd;
  state->owns_fd = true;
  struct stat st {};
  if (::fstat(fd, &st) != 0) return std::unexpected(io_error(path, "cannot read", errno));
  if (S_ISDIR(st.st_mode)) return std::unexpected(io_error(path, "cannot read", EISDIR));
  if (S_ISREG(st.st_mode) && st.st_size > 0) {
    const auto size = static_cast<std::size_t>(st.st_size);
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) return std::unexpected(io_error(path, "cannot map", errno));
    ::madvise(map, size, MADV_SEQUENTIAL);
    state->mapping = std::shared_ptr<const void>(map, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
    state->mapped = std::string_view(static_cast<const char*>(map), size);
    return InputFile(std::move(state));
  }
  // Pipes, FIFOs, character devices, and files whose size stat does not know (procfs).
  state->buffer = std::make_shared<std::string>();
  if (const int err = state->fill(kHeadBytes)) return std::unexpected(io_error(path, "cannot read", err));
  return InputFile(std::move(state));
}

std::expected<InputBytes, Diagnostic> InputFile::read_all(std::size_t max_bytes) && {
  State& s = *state_;
  if (s.mapping) {
    if (s.mapped.size() > max_bytes) return std::unexpected(too_large(s.source, max_bytes));
    return InputBytes{std::move(s.source), s.mapped, std::move(s.mapping)};
  }
  if (const int err = s.fill(max_bytes)) return std::unexpected(io_error(s.source, "cannot read", err));
  if (!s.at_end) {
    // Full up to the limit: one more byte tells "exactly the limit" from "more" (read aside,
    // so that the buffer is not reallocated for it).
    char extra;
    ssize_t n;
    while ((n = ::read(s.fd, &extra, 1)) < 0 && errno == EINTR) {
    }
    if (n < 0) return std::unexpected(io_error(s.source, "cannot read", errno));
    if (n > 0) return std::unexpected(too_large(s.source, max_bytes));
  }
  const std::string_view bytes = *s.buffer;
  return InputBytes{std::move(s.source), bytes, std::move(s.buffer)};
}

std::string format_size(std::size_t bytes) {
  constexpr std::string_view kUnits[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  std::size_t unit = 0;
  std::size_t value = bytes;
  while (unit + 1 < std::size(kUnits) && value >= 1024 && value % 1024 == 0) {
    value /= 1024;
    ++unit;
  }
  if (unit == 0 && bytes >= 1024) return fmt::format("{:.1f} KiB", static_cast<double>(bytes) / 1024);
  return fmt::format("{} {}", value, kUnits[unit]);
}

}  // namespace litrev::input
