#include "src/cli/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>
#include <streambuf>

#include "src/cli/exit_codes.hpp"

namespace litrev::cli {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& path, int error) {
  throw OutputFileError(fmt::format("{}: cannot write: {}", path, std::strerror(error)));
}

// A stream buffer writing to an open descriptor, so the file created is the file written (no
// second open by name). The first failed write is kept in error().
class DescriptorBuffer final : public std::streambuf {
 public:
  explicit DescriptorBuffer(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (sync() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override {
    for (const char* p = pbase(); p < pptr();) {
      const ssize_t n = ::write(fd_, p, static_cast<std::size_t>(pptr() - p));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        error_ = errno;
        setp(buffer_, buffer_ + sizeof buffer_);  // drop the rest: the stream is failed anyway
        return -1;
      }
      p += n;
    }
    setp(buffer_, buffer_ + sizeof buffer_);
    return 0;
  }

 private:
  int fd_;
  int error_ = 0;
  char buffer_[1 << 16];
};

// Runs write on fd and returns 0 or the errno of the first failed write.
int write_to(int fd, const std::function<void(std::ostream&)>& write) {
  DescriptorBuffer buffer(fd);
  std::ostream out(&buffer);
  write(out);
  out.flush();
  return buffer.error();
}

// A new file ".NAME.XXXXXX.litrev-tmp" in dir, created exclusively (O_EXCL never follows a link).
std::pair<int, fs::path> create_temporary(const fs::path& target, const std::string& shown) {
  std::random_device random;
  for (int attempt = 0; attempt < 100; ++attempt) {
    const fs::path temp = target.parent_path() / fmt::format(".{}.{:06x}.litrev-tmp", target.filename().string(),
                                                             random() & 0xffffff);
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd >= 0) return {fd, temp};
    if (errno != EEXIST) fail(shown, errno);
  }
  fail(shown, EEXIST);
}

void replace_regular_file(const fs::path& target, const struct stat* old, const std::string& shown,
                          const std::function<void(std::ostream&)>& write) {
  const auto [fd, temp] = create_temporary(target, shown);
  auto give_up = [&, fd = fd, temp = temp](int error) {
    ::close(fd);
    ::unlink(temp.c_str());
    if (error != 0) fail(shown, error);
  };
  if (old != nullptr) {
    // The new file is the old one's successor: same mode (a private file stays private) and,
    // where allowed, the same owner.
    if (::fchown(fd, old->st_uid, old->st_gid) != 0) {
      // Not permitted for an ordinary user on someone else's file: it keeps the writer's ids.
    }
    if (::fchmod(fd, old->st_mode & 07777) != 0) give_up(errno);
  }
  int error = 0;
  try {
    error = write_to(fd, write);
  } catch (...) {  // Cancelled, or a bug: the old file stays as it was
    give_up(0);
    throw;
  }
  if (error == 0 && ::fsync(fd) != 0) error = errno;
  if (error != 0) give_up(error);
  if (::close(fd) != 0) {
    error = errno;
    ::unlink(temp.c_str());
    fail(shown, error);
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    error = errno;
    ::unlink(temp.c_str());
    fail(shown, error);
  }
}

void write_special_file(const std::string& path, const std::function<void(std::ostream&)>& write) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) fail(path, errno);
  int error = 0;
  try {
    error = write_to(fd, write);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) fail(path, error);
}

}  // namespace

void write_output_file(const std::string& path, std::ostream& standard_output,
                       const std::function<void(std::ostream&)>& write) {
  if (path == "-") {
    write(standard_output);
    standard_output.flush();
    return;
  }
  struct stat old {};
  if (::stat(path.c_str(), &old) != 0) {
    if (errno != ENOENT) fail(path, errno);
    replace_regular_file(fs::path(path), nullptr, path, write);
  } else if (S_ISREG(old.st_mode)) {
    std::error_code ec;
    const fs::path target = fs::canonical(path, ec);  // through a symlink: replace the file, keep the link
    if (ec) fail(path, ec.value());
    replace_regular_file(target, &old, path, write);
  } else {
    write_special_file(path, write);
  }
}

}  // namespace litrev::cli
