#pragma once
// The parser's state machine, shared by parser.cpp (top level, comments, diagnostics),
// parser_entry.cpp (entries, fields, recovery) and parser_value.cpp (values, @string,
// @preamble). Internal to the bibtex module: use parser.hpp.

#include "importers/bibtex/lexer.hpp"
#include "importers/bibtex/parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace litrev::bibtex::detail {

using lex::Span;

inline void assign_lower(std::string& out, const char* b, const char* e) {
  out.assign(b, e);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

inline bool equals_lower(const char* b, const char* e, std::string_view lower) {
  if (static_cast<std::size_t>(e - b) != lower.size()) return false;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    char c = b[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// Field names repeat from entry to entry and the parser reuses the previous entry's
// strings: most of the time the name is already there.
inline void assign_lower_if_changed(std::string& out, const char* b, const char* e) {
  if (!equals_lower(b, e, out)) assign_lower(out, b, e);
}

inline bool all_digits(const char* b, const char* e) {
  if (b == e) return false;
  for (; b < e; ++b)
    if (!lex::is_digit(*b)) return false;
  return true;
}

// Runs of whitespace as one space ("early  access\tdate" -> "early access date").
void collapse_blanks(std::string& s);

// How a message shows the character found where something else was expected: 'x', "the
// end of the line", "byte 0x01".
std::string describe(const char* p, const char* end);
// A key or name as a message shows it: its first 100 bytes at most.
std::string_view shown(std::string_view s);

class Parser {
 public:
  Parser(std::string_view text, std::string_view source, const EntrySink& sink, std::vector<Diagnostic>& diagnostics,
         const ParseOptions& options)
      : begin_(text.data()),
        end_(text.data() + text.size()),
        lines_(begin_, end_),
        source_(source),
        sink_(sink),
        diagnostics_(diagnostics),
        options_(options),
        macros_(options.macros ? options.macros : &own_macros_),
        file_macro_limit_(options.max_macro_bytes_per_file
                              ? options.max_macro_bytes_per_file
                              : std::max(kMinMacroBytesPerFile, kMacroBytesPerInputByte * text.size())) {
    for (std::string_view f : options.line_break_fields) {
      line_break_lengths_ |= f.size() < 64 ? std::uint64_t{1} << f.size() : 0;
      if (!f.empty()) line_break_initials_[static_cast<unsigned char>(f[0])] = true;
    }
  }

  ParseStats run();

 private:
  // What kind of item is being read, for messages.
  enum class Item { entry, string, preamble };
  // How reading a value ended.
  enum class ValueEnd {
    ok,
    field_error,  // reported; p is at the problem
    unclosed,     // a '{' or '"' never closed: not reported yet, see unclosed_open_/unclosed_span_
    end_of_text,  // reported
    dropped,      // read to its end, but over a limit (reported): not to be kept
  };

  void parse_at(const char* at);
  void parse_comment(const char* at, const char* type_end);
  void parse_entry(const char* body, char close);
  void parse_fields(const char* p, char close);
  void parse_string(const char* at, const char* body, char close);
  void parse_preamble(const char* at, const char* body, char open, char close);
  ValueEnd parse_value(const char*& p, char close, std::string& out, Spacing spacing, std::string_view field);
  void append_bare(const char* b, const char* e, std::string_view field);
  // Appends a macro's value unless that goes over a limit, which is reported.
  void append_macro(const char* at, const std::string& value, std::string_view field);
  void too_deep(const char* at, std::size_t depth, std::string_view field);
  std::string dropped() const;  // what happens to a value over a limit: "field dropped"...

  bool at_line_start(const char* p) const { return lex::at_line_start(begin_, p); }
  bool at_entry_header(const char* p) const {
    return *p == '@' && at_line_start(p) && lex::looks_like_entry_header(p, end_);
  }
  bool is_line_break_field(std::string_view name) const;
  bool looks_like_field_start(const char* p) const;
  // A field name of several words on one line ("Early Access Date ="), word_e at the end of
  // the first: the end of the last word, or nullptr when what follows is not more words and '='.
  const char* spaced_name_end(const char* word_e) const;
  bool percent_comment_before(const char* at, const char* floor) const;
  const char* field_line_inside(const char* b, const char* e) const;

  // Entry assembly, reusing the storage of the previous entry's fields.
  void begin_entry(const char* at, const char* type_b, const char* type_e);
  RawField& add_field(const char* name_b, const char* name_e);
  void finish_entry();
  // After a field error: resumes at the next line that starts a field, closes the entry or
  // starts a new one. Returns where field parsing continues, or nullptr when the entry ended
  // (p_ is then set).
  const char* resync_fields(const char* from, char close);
  // The entry is not closed before the next entry header: if a field value swallowed the
  // fields after it (an extra '{'), drops that field and returns where to read on.
  const char* repair_swallowing_field();
  // The entry is not closed, and its last value ends with a '}' alone at the start of a line
  // after nested braces: that '}' was the entry's, the value lacks one of its own. Reports
  // it, drops the field, returns true.
  bool drop_field_that_took_the_closing_brace();
  void end_entry_at_unclosed(const char* at_sign);
  void fail_entry_rest(const char* resume);
  // Reports a value whose delimiter never closed; returns where parsing resumes.
  const char* report_unclosed(std::string_view field);

  // Diagnostics.
  void report(Diagnostic::Severity severity, const char* at, std::string_view field, std::string message);
  void warn(const char* at, std::string_view field, std::string message) {
    report(Diagnostic::Severity::warning, at, field, std::move(message));
  }
  void error(const char* at, std::string_view field, std::string message) {
    report(Diagnostic::Severity::error, at, field, std::move(message));
  }
  void truncated(const char* at, std::string_view field) {
    error(at, field, fmt::format("end of file inside {} (a truncated file?); {}", where(), consequence(false)));
  }
  std::string where() const;                          // "entry 'x'" / "@string" / "@preamble"
  std::string where_field(std::string_view f) const;  // "field 'f' of entry 'x'"
  std::string consequence(bool field_level) const;

  const char* begin_;
  const char* end_;
  const char* p_ = nullptr;  // where the top-level scan continues
  lex::LineTracker lines_;
  std::string_view source_;
  const EntrySink& sink_;
  std::vector<Diagnostic>& diagnostics_;
  const ParseOptions& options_;
  MacroTable own_macros_;
  MacroTable* macros_;
  std::uint64_t line_break_lengths_ = 0;         // bit n: some line_break_fields name has n bytes
  std::array<bool, 256> line_break_initials_{};  // first bytes of those names
  ParseStats stats_;
  std::size_t stored_ = 0;                          // diagnostics stored by this parse
  std::size_t suppressed_ = 0;                      // and those left out
  std::unordered_set<std::string> unknown_macros_;  // reported once each (lower case)
  const std::size_t file_macro_limit_;
  const std::size_t max_brace_depth_ = options_.max_brace_depth;  // read for every braced value
  std::size_t value_macro_bytes_ = 0;  // macro text in the value being read
  bool over_limit_ = false;            // the value being read went over a limit

  Item item_ = Item::entry;
  RawEntry entry_;
  std::size_t used_ = 0;  // fields of entry_ in use; the rest are spares
  struct ValueExtent {
    const char* begin;  // first byte of the value in the source
    const char* end;    // just after it
  };
  std::vector<ValueExtent> extents_;    // of the fields in use, to repair a swallowing value
  const char* repair_floor_ = nullptr;  // repairs look only at values after this
  std::vector<RawField> spare_;         // field storage handed back for reuse
  ValueBuilder builder_;
  std::string scratch_;  // @string values
  std::string name_scratch_;
  // How far a scan still inside braces goes (see lex::Runaway): once one has run to the end
  // of the file, later ones stop at the next '@' line, which keeps broken files linear.
  lex::Runaway value_runaway_ = lex::Runaway::at_entry_header;
  lex::Runaway comment_runaway_ = lex::Runaway::never;
  const char* unclosed_open_ = nullptr;  // set when parse_value returns unclosed
  Span unclosed_span_{};
};

}  // namespace litrev::bibtex::detail
