#include "src/cli/output_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "src/cli/exit_codes.hpp"

namespace litrev::cli {

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  const std::string temp = path + ".litrev-tmp";
  auto fail = [&](const std::string& what) {
    const std::string reason = std::strerror(errno);
    std::remove(temp.c_str());
    throw UsageError(fmt::format("{}: {}: {}", path, what, reason));
  };
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) fail("cannot write");
    try {
      write(out);
    } catch (...) {
      out.close();
      std::remove(temp.c_str());
      throw;
    }
    out.flush();
    if (!out) fail("write failed");
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) fail("cannot write");
}

}  // namespace litrev::cli
