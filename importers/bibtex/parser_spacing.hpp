#pragma once
// Building a field value from its pieces: whitespace normalised the way BibTeX does it,
// except in fields whose line structure carries meaning.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace litrev::bibtex {

// How the whitespace of a value is normalised.
enum class Spacing {
  // BibTeX's rule: every run of whitespace (newlines included) becomes one space; leading
  // and trailing whitespace is dropped. Applied across the pieces of a # concatenation.
  collapse,
  // For fields listed in ParseOptions::line_break_fields: line breaks are kept (at most one
  // empty line in a row, \r\n read as \n); runs of other whitespace become one space;
  // blanks at the start and end of each line and of the value are dropped.
  keep_lines,
};

// The field names (lower case) whose line breaks are kept by default: WoS puts one cited
// reference per line, abstracts and notes have paragraphs, `file` lists one file per line
// in some managers. This list is the one place that decides it.
std::span<const std::string_view> default_line_break_fields();

// Appends text pieces into one value, normalising whitespace as it goes (one pass, no
// temporary string).
class ValueBuilder {
 public:
  // Starts a new value written into out (cleared, capacity kept). trim_ends = false keeps
  // one space at either end when the source has whitespace there: what BibTeX does for an
  // @string's text, so that `"ACM" # stoc` with stoc = " Symposium" reads "ACM Symposium"
  // (a field's own value is trimmed once it is complete). Only for Spacing::collapse.
  void start(std::string& out, Spacing spacing, bool trim_ends = true);
  // Appends the bytes [b, e) as they appear in the source.
  void append(const char* b, const char* e);
  void append(std::string_view s) { append(s.data(), s.data() + s.size()); }
  // Ends the value (writes the trailing space kept when trim_ends is false).
  void finish();

 private:
  std::string* out_ = nullptr;
  Spacing spacing_ = Spacing::collapse;
  bool trim_ends_ = true;
  bool prev_space_ = false;     // collapse: the last byte appended was whitespace
  bool pending_space_ = false;  // keep_lines: whitespace seen, not yet written
  int pending_newlines_ = 0;
};

}  // namespace litrev::bibtex
