#pragma once
// The one exception of the CSL module: a style or locale that cannot be used. It names the
// file, the line and the element, so that the user can look (the CLI maps kinds to exit codes).

#include <cstdint>
#include <stdexcept>
#include <string>

namespace litrev::csl {

class CslError : public std::runtime_error {
 public:
  enum class Kind : std::uint8_t {
    unknown_style,   // a style name that no file answers to (the message lists the closest)
    unreadable,      // a file that cannot be read
    not_csl,         // not XML, or XML that is not a CSL style / locale
    invalid,         // a CSL file breaking the schema in a way the engine cannot follow
    missing_locale,  // a locale asked for that no locale file provides
    macro_cycle,     // a macro that calls itself, directly or not
    unimplemented,   // a feature of CSL (or of an extension) this engine does not do
  };

  CslError(Kind kind, std::string source, std::uint32_t line, std::string element, const std::string& message)
      : std::runtime_error(format(source, line, element, message)),
        kind_(kind),
        source_(std::move(source)),
        line_(line),
        element_(std::move(element)) {}

  Kind kind() const { return kind_; }
  const std::string& source() const { return source_; }
  std::uint32_t line() const { return line_; }
  const std::string& element() const { return element_; }

 private:
  static std::string format(const std::string& source, std::uint32_t line, const std::string& element,
                            const std::string& message) {
    std::string out = source;
    if (line) out += ":" + std::to_string(line);
    if (!element.empty()) out += (out.empty() ? "" : ": ") + std::string("<") + element + ">";
    return out + (out.empty() ? "" : ": ") + message;
  }
  Kind kind_;
  std::string source_;
  std::uint32_t line_;
  std::string element_;
};

}  // namespace litrev::csl
