#pragma once
// The character-level machinery of the BibTeX parser: character classes, line/column
// tracking, and the scans that find where a token ends. No grammar here (see parser.cpp),
// no allocation, no diagnostics: every function is a tight loop over a byte range so the
// parser can read a 50 MB file at hundreds of MB/s.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace litrev::bibtex::lex {

// Character classes, one bit each, looked up in a 256-entry table (one load per byte
// instead of a chain of comparisons).
enum CharClass : std::uint8_t {
  kSpace = 1 << 0,      // ' ' \t \n \r \f \v
  kBraceStop = 1 << 1,  // what ends a run of plain text inside {...}: { } \n
  kQuoteStop = 1 << 2,  // inside "...": { } " \n
  kName = 1 << 3,       // may appear in a field name (after the first character)
  kBare = 1 << 4,       // may appear in an entry type, a macro name or a bare number
  kKeyStop = 1 << 5,    // ends a citation key: whitespace , = }  (and the closing delimiter)
};

struct ClassTable {
  std::array<std::uint8_t, 256> bits{};
  constexpr ClassTable() {
    for (int c = 0; c < 256; ++c) {
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
      const bool control = c < 0x20 || c == 0x7F;
      std::uint8_t b = 0;
      if (space) b |= kSpace;
      if (c == '{' || c == '}' || c == '\n') b |= kBraceStop;
      if (c == '{' || c == '}' || c == '"' || c == '\n') b |= kQuoteStop;
      // BibTeX's identifiers exclude  " # % ' ( ) , = { }  and whitespace. Field names in
      // real exports also carry ( ) (WoS "Usage-Count-(Last-180-days)"), so names allow them.
      const bool bibtex_special = c == '"' || c == '#' || c == '%' || c == '\'' || c == '(' || c == ')' || c == ',' ||
                                  c == '=' || c == '{' || c == '}';
      if (!space && !control && !bibtex_special) b |= kBare;
      // '@' too: ADS disables a field by writing "@series = {...}"; an entry header at the
      // start of a line is told apart before a name is read.
      if (!space && !control && c != '"' && c != '#' && c != '%' && c != ',' && c != '=' && c != '{' && c != '}')
        b |= kName;
      if (space || c == ',' || c == '=' || c == '}') b |= kKeyStop;
      bits[static_cast<std::size_t>(c)] = b;
    }
  }
};
inline constexpr ClassTable kClasses{};

inline bool has(char c, std::uint8_t cls) { return (kClasses.bits[static_cast<unsigned char>(c)] & cls) != 0; }
inline bool is_space(char c) { return has(c, kSpace); }
inline bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Skips ASCII whitespace.
inline const char* skip_space(const char* p, const char* end) {
  while (p < end && is_space(*p)) ++p;
  return p;
}
// Skips spaces and tabs (and \r, \f, \v), not newlines.
inline const char* skip_blank(const char* p, const char* end) {
  while (p < end && *p != '\n' && is_space(*p)) ++p;
  return p;
}
// The end of the line p is on (the '\n' or end).
const char* end_of_line(const char* p, const char* end);
// Skips whitespace and '%' comments (to the end of their line). Used only where a field
// name or a separator is expected: no valid BibTeX has a '%' there, and exports and hand-
// written files put comments there ("year = {2022},  % note").
const char* skip_comments_slow(const char* p, const char* end);
inline const char* skip_space_and_comments(const char* p, const char* end) {
  p = skip_space(p, end);
  return p < end && *p == '%' ? skip_comments_slow(p, end) : p;
}
// Skips a run of characters of class cls.
inline const char* skip_class(const char* p, const char* end, std::uint8_t cls) {
  while (p < end && has(*p, cls)) ++p;
  return p;
}

// True when only blanks separate p from the start of its line.
bool at_line_start(const char* begin, const char* p);

// "@ident{" or "@ident(" (spaces allowed before the delimiter), p at the '@'. What a line
// must look like for a brace scan to stop there as a runaway value.
bool looks_like_entry_header(const char* p, const char* end);

// The next '@' that starts a line (after optional blanks), searching from p; end if none.
// This is where parsing resumes after a broken entry, like btparse.
const char* find_line_starting_with_at(const char* begin, const char* p, const char* end);

// Result of scanning a delimited value.
struct Span {
  enum class Stop { closed, runaway, end_of_text };
  const char* content_end;  // end of the content (the closing delimiter when closed; the
                            // '@' of the line it stopped at when runaway)
  Stop stop;
  std::size_t max_depth;    // deepest brace nesting inside the content (scan_braced, scan_quoted)
};

// Where a scan that is still inside its braces at a line start gives up ("runaway").
enum class Runaway {
  // A line that starts with an entry header `@type{` / `@type(`: a field value never
  // holds one, so a brace is missing.
  at_entry_header,
  // Any line that starts with '@'. Used once a value or comment has run to the end of the
  // file: every later scan is then cut short at the next '@' line, so a file of unbalanced
  // garbage costs linear time, not a scan to the end of the file per entry.
  at_any_at_line,
  // Never: a @comment block may hold commented-out entries.
  never,
};

// Scans the content of a {...} value, p just after the opening brace: nested braces balance.
// Stops at the matching '}' (closed), at a line start where `runaway` says (runaway), or at
// end. Braces count as BibTeX counts them, backslash or not.
Span scan_braced(const char* p, const char* end, Runaway runaway = Runaway::at_entry_header);
// Like scan_braced, but a brace after a backslash (`\{`, `\}`) does not count: how LaTeX
// reads them, not BibTeX. Only tried when the BibTeX reading leaves junk after the value.
Span scan_braced_escaped(const char* p, const char* end, Runaway runaway = Runaway::at_entry_header);
// Same for a "..." value: ends at a '"' at brace depth 0 that no backslash escapes.
Span scan_quoted(const char* p, const char* end, Runaway runaway = Runaway::at_entry_header);
// A balanced {...} or (...) block for @comment or a raw @preamble, p just after the opening
// delimiter. content_end is end when the block never closes.
Span scan_comment_block(const char* p, const char* end, char open, char close, Runaway runaway = Runaway::never);

// Line and column of a position. Lines are 1-based; columns are 1-based and count Unicode
// code points (UTF-8 lead bytes), what an editor shows, not bytes.
struct Position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

// Computes positions incrementally: the parser asks in (mostly) increasing order, so each
// byte is counted once overall; going backwards is allowed and costs the distance.
class LineTracker {
 public:
  LineTracker(const char* begin, const char* end);
  Position at(const char* p);

 private:
  void advance_to(const char* p);
  void retreat_to(const char* p);

  const char* begin_;
  const char* end_;
  const char* counted_;     // newlines are counted up to here
  std::uint32_t line_ = 1;  // line of counted_
  const char* line_start_;  // start of that line
  const char* col_pos_;     // column cache on the current line
  std::uint32_t col_ = 1;
};

// Number of '\n' in [p, end).
std::size_t count_newlines(const char* p, const char* end);
// Number of code points (non-continuation bytes) in [b, e).
std::size_t count_code_points(const char* b, const char* e);

}  // namespace litrev::bibtex::lex
