#pragma once
// Files the CLI writes (--out of export and graph export). A regular file is replaced whole or
// not at all: written to a new temporary file beside it (created exclusively, so a link planted
// there is never followed), given the old file's mode, then renamed over it. Devices and FIFOs
// (/dev/null, /dev/full, a pipe) are written directly: renaming over them would replace the
// device with a regular file. "-" is standard output.

#include <functional>
#include <ostream>
#include <string>

namespace litrev::cli {

// Calls write with a stream on path (see above; a symlink at path is followed, so the file it
// names is replaced and the link kept). Throws OutputFileError (exit 5) naming path and the
// system's reason when the file cannot be created or written; a temporary file is never left.
void write_output_file(const std::string& path, std::ostream& standard_output,
                       const std::function<void(std::ostream&)>& write);

}  // namespace litrev::cli
