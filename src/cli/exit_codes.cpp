#include "src/cli/exit_codes.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace litrev::cli {

std::string exit_code_help() {
  // Meanings wrapped at 100 columns, continued under themselves.
  constexpr std::size_t kWidth = 100, kIndent = 7;
  std::string out = "Exit codes:";
  for (const auto& [code, meaning] : kExitCodeMeanings) {
    std::string line = fmt::format("  {:<4} ", static_cast<int>(code));
    std::size_t start = 0;
    while (start < meaning.size()) {
      std::size_t end = meaning.size();
      if (line.size() + (end - start) > kWidth) {
        end = meaning.rfind(' ', start + (kWidth - line.size()));
        if (end == std::string_view::npos || end <= start) end = meaning.find(' ', start);
        if (end == std::string_view::npos) end = meaning.size();
      }
      line += meaning.substr(start, end - start);
      out += "\n" + line;
      line.assign(kIndent, ' ');
      start = end < meaning.size() ? end + 1 : end;
    }
  }
  return out;
}

ExitCode exit_code_of_current_exception(std::string& message) {
  try {
    throw;
  } catch (const Cancelled&) {
    message.clear();
    return kInterrupted;
  } catch (const InterruptedError& e) {
    message = e.what();  // what was left as it was
    return kInterrupted;
  } catch (const CLI::ParseError& e) {
    message = e.what();
    return kUsage;
  } catch (const UsageError& e) {
    message = e.what();
    return kUsage;
  } catch (const UnreadableError& e) {
    message = e.what();
    return kUnreadable;
  } catch (const NotFoundError& e) {
    message = e.what();
    return kNotFound;
  } catch (const OutputFileError& e) {
    message = e.what();
    return kLibraryError;
  } catch (const StoreError& e) {
    message = e.what();
    return kLibraryError;
  } catch (const std::bad_alloc&) {
    message = "out of memory";
    return kInternal;
  } catch (const std::exception& e) {
    message = fmt::format("internal error: {}", e.what());
    return kInternal;
  } catch (...) {
    message = "internal error: unknown exception";
    return kInternal;
  }
}

}  // namespace litrev::cli
