#include "src/cli/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>
#include <streambuf>

#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"

namespace litrev::cli {
namespace {

namespace fs = std::filesystem;

// The temporary file being written, for remove_partial_output(); points into a live Impl.
std::atomic<const char*> g_partial{nullptr};

[[noreturn]] void fail(const std::string& path, int error) {
  throw OutputFileError(fmt::format("{}: cannot write: {}", path, std::strerror(error)));
}

// PATH with its symbolic links followed (a dangling link gives the path it points to).
std::string resolve_links(const std::string& path) {
  fs::path p = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p.string();
    std::error_code ec;
    const fs::path next = fs::read_symlink(p, ec);
    if (ec) fail(path, ec.value());
    p = next.is_absolute() ? next : p.parent_path() / next;
  }
  fail(path, ELOOP);
}

std::string random_suffix() {
  static constexpr std::string_view kChars = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::random_device device;
  std::string s;
  for (int i = 0; i < 8; ++i) s.push_back(kChars[device() % kChars.size()]);
  return s;
}

// Copies the whole of file from into to (both open), for a hard-linked target.
int copy_into(int from, int to) {
  if (::lseek(from, 0, SEEK_SET) < 0) return errno;
  std::array<char, 1 << 16> buffer{};
  for (;;) {
    const ssize_t n = ::read(from, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) return 0;
    for (ssize_t done = 0; done < n;) {
      const ssize_t w = ::write(to, buffer.data() + done, static_cast<std::size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) return errno;
      done += w;
    }
  }
}

}  // namespace

// Writes to a file descriptor, remembering the first error (errno) instead of losing it the
// way std::ofstream does: "disk full" must reach the user as such.
class OutputFileBuf final : public std::streambuf {
 public:
  void attach(int fd) {
    fd_ = fd;
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    const char* p = pbase();
    auto left = static_cast<std::size_t>(pptr() - pbase());
    while (left > 0 && error_ == 0) {
      const ssize_t n = ::write(fd_, p, left);
      if (n < 0) {
        if (errno != EINTR) error_ = errno;  // EINTR: a Ctrl-C; commit() decides what it means
        continue;
      }
      p += n;
      left -= static_cast<std::size_t>(n);
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_ == 0;
  }

  int fd_ = -1;
  int error_ = 0;
  std::array<char, 1 << 16> buffer_{};
};

struct OutputFile::Impl {
  std::string path;    // as given: what messages name
  std::string target;  // links followed
  std::string temp;    // empty: the target is written directly
  bool in_place = false;
  bool committed = false;
  int fd = -1;
  OutputFileBuf buffer;
  std::ostream out{&buffer};

  ~Impl() {
    if (fd > STDERR_FILENO) ::close(fd);
    if (!committed && !temp.empty()) {
      g_partial.store(nullptr);
      ::unlink(temp.c_str());
    }
  }
};

OutputFile::OutputFile(std::string path) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.path = std::move(path);
  if (m.path == "-") {
    std::cout.flush();  // what the command printed before comes first
    m.fd = STDOUT_FILENO;
    m.buffer.attach(m.fd);
    return;
  }
  m.target = resolve_links(m.path);
  struct stat st {};
  const bool exists = ::stat(m.target.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) fail(m.path, EISDIR);
  if (exists && !S_ISREG(st.st_mode)) {
    // A device, FIFO or socket: there is nothing to replace, only something to write to.
    m.fd = ::open(m.target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (m.fd < 0) fail(m.path, errno);
    m.buffer.attach(m.fd);
    return;
  }
  const fs::path target(m.target);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  for (int attempt = 0; m.fd < 0; ++attempt) {
    const std::string name = (dir / (target.filename().string() + ".litrev-" + random_suffix())).string();
    m.fd = ::open(name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (m.fd >= 0) m.temp = name;
    else if (errno != EEXIST || attempt == 100) fail(m.path, errno);
  }
  g_partial.store(m.temp.c_str());
  if (exists) {
    // The new content takes the old file's place: same permissions (and owner, when root).
    if (::fchmod(m.fd, st.st_mode & 07777) != 0) fail(m.path, errno);
    if (::geteuid() == 0 && ::fchown(m.fd, st.st_uid, st.st_gid) != 0) fail(m.path, errno);
    m.in_place = st.st_nlink > 1;
  }
  m.buffer.attach(m.fd);
}

OutputFile::~OutputFile() = default;

std::ostream& OutputFile::stream() { return impl_->out; }

void OutputFile::commit() {
  Impl& m = *impl_;
  m.out.flush();
  if (m.buffer.error() != 0) fail(m.path, m.buffer.error());
  if (interrupted()) {
    throw InterruptedError(m.temp.empty() ? fmt::format("{}: interrupted", m.path)
                                          : fmt::format("{}: interrupted; the file was left as it was", m.path));
  }
  if (m.temp.empty()) {
    if (m.fd > STDERR_FILENO) {
      const int fd = std::exchange(m.fd, -1);
      if (::close(fd) != 0 && errno != EINTR) fail(m.path, errno);
    }
    m.committed = true;
    return;
  }
  if (::fsync(m.fd) != 0) fail(m.path, errno);
  if (m.in_place) {
    const int to = ::open(m.target.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (to < 0) fail(m.path, errno);
    const int error = copy_into(m.fd, to);
    const int closed = ::close(to) == 0 ? 0 : errno;
    if (error != 0 || closed != 0) fail(m.path, error != 0 ? error : closed);
    return;  // ~Impl removes the temporary file
  }
  const int fd = std::exchange(m.fd, -1);
  if (::close(fd) != 0 && errno != EINTR) fail(m.path, errno);
  if (::rename(m.temp.c_str(), m.target.c_str()) != 0) fail(m.path, errno);
  g_partial.store(nullptr);
  m.committed = true;
}

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  OutputFile file(path);
  write(file.stream());
  file.commit();
}

void write_output(const std::string& path, std::ostream& standard_output,
                  const std::function<void(std::ostream&)>& write) {
  if (path.empty()) write(standard_output);
  else write_file_atomically(path, write);
}

void remove_partial_output() noexcept {
  if (const char* temp = g_partial.load()) ::unlink(temp);
}

}  // namespace litrev::cli
