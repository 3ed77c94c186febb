#pragma once
// Files the CLI writes (exports): written beside the target, then renamed over it, so that a
// failed or interrupted export never leaves half a file where the user expects a whole one.

#include <functional>
#include <ostream>
#include <string>

namespace litrev::cli {

// Calls write with a stream on PATH.litrev-tmp, then renames it to path. On failure the
// temporary file is removed and UsageError names the path and the system's reason.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace litrev::cli
