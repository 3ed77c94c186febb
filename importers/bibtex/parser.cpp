#include "importers/bibtex/parser.hpp"

#include "importers/bibtex/lexer.hpp"
#include "src/core/text.hpp"

#include <fmt/format.h>

#include <array>
#include <cstring>
#include <unordered_set>

namespace litrev::bibtex {

namespace {

using lex::Span;

// out = lower-cased [b, e), without touching out when it already holds that (field names
// repeat from entry to entry, and the parser reuses the previous entry's strings).
void assign_lower_if_changed(std::string& out, const char* b, const char* e) {
  const auto n = static_cast<std::size_t>(e - b);
  if (out.size() == n) {
    std::size_t i = 0;
    for (; i < n; ++i) {
      char c = b[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != out[i]) break;
    }
    if (i == n) return;
  }
  out.assign(b, e);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

void assign_lower(std::string& out, const char* b, const char* e) {
  out.assign(b, e);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

bool equals_lower(const char* b, const char* e, std::string_view lower) {
  if (static_cast<std::size_t>(e - b) != lower.size()) return false;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    char c = b[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

bool all_digits(const char* b, const char* e) {
  if (b == e) return false;
  for (; b < e; ++b)
    if (!lex::is_digit(*b)) return false;
  return true;
}

// Length of the UTF-8 sequence starting at p if it is a valid one, else 0.
std::size_t utf8_sequence(const char* p, const char* end) {
  const auto c = static_cast<unsigned char>(*p);
  std::size_t n = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || end - p < static_cast<std::ptrdiff_t>(n)) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(p[k]) & 0xC0) != 0x80) return 0;
  return n;
}

// How a message shows the character found where something else was expected.
std::string describe(const char* p, const char* end) {
  if (p >= end) return "the end of the file";
  const auto c = static_cast<unsigned char>(*p);
  if (c == '\n' || c == '\r') return "the end of the line";
  if (c < 0x20 || c == 0x7F) return fmt::format("byte 0x{:02X}", c);
  if (c < 0x80) return fmt::format("'{}'", static_cast<char>(c));
  if (const std::size_t n = utf8_sequence(p, end)) return fmt::format("'{}'", std::string_view(p, n));
  return fmt::format("byte 0x{:02X}", c);
}

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
        macros_(options.macros ? options.macros : &own_macros_) {
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
  };

  void parse_at(const char* at);
  void parse_comment(const char* at, const char* type_end);
  void parse_entry(const char* body, char close);
  void parse_fields(const char* p, char close);
  void parse_string(const char* at, const char* body, char close);
  void parse_preamble(const char* at, const char* body, char open, char close);
  ValueEnd parse_value(const char*& p, char close, std::string& out, Spacing spacing, std::string_view field);
  void append_bare(const char* b, const char* e, std::string_view field);

  bool at_line_start(const char* p) const { return lex::at_line_start(begin_, p); }
  bool at_entry_header(const char* p) const {
    return *p == '@' && at_line_start(p) && lex::looks_like_entry_header(p, end_);
  }
  bool is_line_break_field(std::string_view name) const;
  bool looks_like_field_start(const char* p) const;
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
  std::string where() const;                         // "entry 'x'" / "@string" / "@preamble"
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
  std::uint64_t line_break_lengths_ = 0;  // bit n: some line_break_fields name has n bytes
  std::array<bool, 256> line_break_initials_{};  // first bytes of those names
  ParseStats stats_;
  std::size_t stored_ = 0;      // diagnostics stored by this parse
  std::size_t suppressed_ = 0;  // and those left out
  std::unordered_set<std::string> unknown_macros_;  // reported once each (lower case)

  Item item_ = Item::entry;
  RawEntry entry_;
  std::size_t used_ = 0;  // fields of entry_ in use; the rest are spares
  struct ValueExtent {
    const char* begin;  // first byte of the value in the source
    const char* end;    // just after it
  };
  std::vector<ValueExtent> extents_;  // of the fields in use, to repair a swallowing value
  const char* repair_floor_ = nullptr;  // repairs look only at values after this
  std::vector<RawField> spare_;         // field storage handed back for reuse
  ValueBuilder builder_;
  std::string scratch_;  // @string values
  std::string name_scratch_;
  const char* unclosed_open_ = nullptr;  // set when parse_value returns unclosed
  Span unclosed_span_{};
};

ParseStats Parser::run() {
  p_ = begin_ + std::min(options_.start_offset, static_cast<std::size_t>(end_ - begin_));
  while (p_ < end_) {
    if (options_.max_entries && stats_.entries + stats_.skipped_entries >= options_.max_entries) break;
    const void* hit = std::memchr(p_, '@', static_cast<std::size_t>(end_ - p_));
    if (!hit) {
      p_ = end_;
      break;
    }
    const char* at = static_cast<const char*>(hit);
    if (percent_comment_before(at, p_)) {
      p_ = lex::end_of_line(at, end_);
      continue;
    }
    parse_at(at);
  }
  if (suppressed_ > 0) {
    diagnostics_.push_back({Diagnostic::Severity::warning, std::string(source_), 0, 0, {},
                            fmt::format("{} more problems not shown", suppressed_)});
  }
  stats_.end_offset = static_cast<std::size_t>(p_ - begin_);
  return stats_;
}

bool Parser::percent_comment_before(const char* at, const char* floor) const {
  for (const char* q = at; q > floor && q[-1] != '\n';)
    if (*--q == '%') return true;
  return false;
}

void Parser::parse_at(const char* at) {
  // BibTeX allows whitespace between '@' and the type.
  const char* type_b = lex::skip_space(at + 1, end_);
  if (type_b == end_ || !lex::is_ascii_letter(*type_b)) {  // an '@' in free text
    p_ = at + 1;
    return;
  }
  const char* type_e = lex::skip_class(type_b, end_, lex::kBare);
  if (equals_lower(type_b, type_e, "comment")) {
    parse_comment(at, type_e);
    return;
  }
  const char* q = lex::skip_space(type_e, end_);
  if (q == end_ || (*q != '{' && *q != '(')) {
    // "@misc title..." at the start of a line is a broken entry; "me@example.org" in free
    // text is not an entry at all.
    if (at_line_start(at)) {
      item_ = Item::entry;
      error(at, {}, fmt::format("expected '{{' or '(' after '@{}', found {}; entry skipped",
                                std::string_view(type_b, static_cast<std::size_t>(type_e - type_b)),
                                describe(q, end_)));
      ++stats_.skipped_entries;
    }
    p_ = at + 1;
    return;
  }
  const char close = *q == '{' ? '}' : ')';
  if (equals_lower(type_b, type_e, "string")) {
    parse_string(at, q + 1, close);
  } else if (equals_lower(type_b, type_e, "preamble")) {
    parse_preamble(at, q + 1, *q, close);
  } else {
    begin_entry(at, type_b, type_e);
    parse_entry(q + 1, close);
  }
}

void Parser::parse_comment(const char* at, const char* type_end) {
  ++stats_.comments;
  Comment comment;
  const lex::Position pos = lines_.at(at);
  comment.line = pos.line;
  comment.column = pos.column;
  comment.offset = static_cast<std::size_t>(at - begin_);
  const char* q = lex::skip_space(type_end, end_);
  const char* line_end = lex::end_of_line(type_end, end_);
  bool block = false;
  if (q < end_ && (*q == '{' || *q == '(')) {
    const char close = *q == '{' ? '}' : ')';
    const Span span = lex::scan_comment_block(q + 1, end_, *q, close);
    if (span.stop == Span::Stop::closed) {
      comment.text.assign(q + 1, span.content_end);
      p_ = span.content_end + 1;
      block = true;
    } else {
      warn(q, {}, fmt::format("'{}' of @comment is not closed; only its line is ignored", *q));
    }
  }
  if (!block) {
    comment.text.assign(lex::skip_blank(type_end, line_end), line_end);
    p_ = line_end;
  }
  if (sink_.comment) sink_.comment(std::move(comment));
}

void Parser::begin_entry(const char* at, const char* type_b, const char* type_e) {
  item_ = Item::entry;
  assign_lower(entry_.type, type_b, type_e);
  entry_.key.clear();
  const lex::Position pos = lines_.at(at);
  entry_.line = pos.line;
  entry_.column = pos.column;
  entry_.offset = static_cast<std::size_t>(at - begin_);
  entry_.complete = true;
  used_ = 0;
  repair_floor_ = at;
}

RawField& Parser::add_field(const char* name_b, const char* name_e) {
  if (used_ == entry_.fields.size()) {
    if (!spare_.empty()) {
      entry_.fields.push_back(std::move(spare_.back()));
      spare_.pop_back();
    } else {
      entry_.fields.emplace_back();
    }
  }
  if (extents_.size() <= used_) extents_.resize(used_ + 1);
  RawField& f = entry_.fields[used_++];
  assign_lower_if_changed(f.name, name_b, name_e);
  const lex::Position pos = lines_.at(name_b);
  f.line = pos.line;
  f.column = pos.column;
  return f;
}

void Parser::finish_entry() {
  // Park unused field storage so the entry holds exactly its fields.
  while (entry_.fields.size() > used_) {
    spare_.push_back(std::move(entry_.fields.back()));
    entry_.fields.pop_back();
  }
  if (!entry_.complete && !options_.keep_incomplete_entries) {
    ++stats_.skipped_entries;
    return;
  }
  ++stats_.entries;
  stats_.fields += used_;
  if (!entry_.complete) ++stats_.incomplete_entries;
  if (sink_.entry) sink_.entry(std::move(entry_));
  // A sink that moved the entry away leaves it empty; one that did not leaves its storage
  // for the next entry.
  used_ = 0;
}

bool Parser::is_line_break_field(std::string_view name) const {
  // Asked for every field: most names are ruled out by their length or first letter.
  if (name.empty() || (name.size() < 64 && !((line_break_lengths_ >> name.size()) & 1)) ||
      !line_break_initials_[static_cast<unsigned char>(name[0])])
    return false;
  for (std::string_view f : options_.line_break_fields)
    if (f == name) return true;
  return false;
}

bool Parser::looks_like_field_start(const char* p) const {
  if (p >= end_ || !lex::has(*p, lex::kName) || *p == '(' || *p == ')') return false;
  const char* q = lex::skip_class(p, end_, lex::kName);
  q = lex::skip_space(q, end_);
  return q < end_ && *q == '=';
}

const char* Parser::field_line_inside(const char* b, const char* e) const {
  // A line inside a broken value that starts with `name =` right after a line ending in ','
  // is where the next field was meant to start.
  for (const char* n = lex::end_of_line(b, e); n < e; n = lex::end_of_line(n + 1, e)) {
    const char* t = n;
    while (t > b && lex::is_space(t[-1])) --t;
    if (t == b || t[-1] != ',') continue;
    const char* q = lex::skip_blank(n + 1, e);
    if (q < e && looks_like_field_start(q)) return q;
  }
  return nullptr;
}

void Parser::parse_entry(const char* body, char close) {
  const char* p = lex::skip_space(body, end_);
  if (p == end_) {
    truncated(p, {});
    fail_entry_rest(end_);
    return;
  }
  if (*p == close) {  // @foo{}
    finish_entry();
    p_ = p + 1;
    return;
  }
  const char* key_b = p;
  while (p < end_ && !lex::has(*p, lex::kKeyStop) && *p != close) ++p;
  const char* key_e = p;
  entry_.key.assign(key_b, key_e);
  // "Conference paper2022775," (a Scopus export): more key text on the same line, then a
  // comma and no '=' -- the key has spaces in it.
  if (key_e > key_b && p < end_ && *p != '\n' && lex::is_space(*p)) {
    const char* q = lex::skip_blank(p, end_);
    if (q < end_ && *q != ',' && *q != '\n' && *q != close && *q != '=') {
      const char* r = q;
      while (r < end_ && *r != ',' && *r != '\n' && *r != '=' && *r != close && *r != '{' && *r != '"') ++r;
      if (r < end_ && *r == ',') {
        const char* t = r;
        while (lex::is_space(t[-1])) --t;
        entry_.key.assign(key_b, t);
        warn(key_b, {}, fmt::format("the key of entry '{}' contains spaces", entry_.key));
        p = r;
      }
    }
  }
  p = lex::skip_space(p, end_);
  if (p == end_) {
    truncated(p, {});
    fail_entry_rest(end_);
    return;
  }
  if (*p == ',') {
    parse_fields(p + 1, close);
  } else if (*p == close) {
    finish_entry();
    p_ = p + 1;
  } else if (*p == '=' && key_e > key_b) {
    // @article(foo=bar): no key; what looked like one is the first field name.
    const std::string name = entry_.key;
    entry_.key.clear();
    warn(key_b, {}, fmt::format("entry of type '{}' has no key: '{}' is read as a field name", entry_.type, name));
    parse_fields(key_b, close);
  } else if (looks_like_field_start(p)) {
    warn(p, {}, fmt::format("missing ',' after the key of {}", where()));
    parse_fields(p, close);
  } else if (at_entry_header(p)) {
    end_entry_at_unclosed(p);
  } else {
    error(p, {}, fmt::format("expected ',' after the key of {}, found {}; {}", where(), describe(p, end_),
                             consequence(true)));
    if (const char* next = resync_fields(p, close)) parse_fields(next, close);
  }
}

void Parser::end_entry_at_unclosed(const char* at_sign) {
  warn(at_sign, {}, fmt::format("{} (line {}) has no closing '}}' before the next entry; read up to here", where(),
                                entry_.line));
  finish_entry();
  p_ = at_sign;
}

void Parser::fail_entry_rest(const char* resume) {
  entry_.complete = false;
  finish_entry();
  p_ = resume;
}

const char* Parser::resync_fields(const char* from, char close) {
  entry_.complete = false;
  // Start on the line after the error: the broken field occupies the rest of its line.
  const char* line = lex::end_of_line(from, end_);
  while (line < end_) {
    const char* q = lex::skip_blank(line + 1, end_);
    if (q == end_) break;
    if (*q == '@') {
      fail_entry_rest(q);
      return nullptr;
    }
    if (*q == close) {
      const char* r = lex::skip_blank(q + 1, end_);
      if (r == end_ || *r == '\n' || *r == '%') {  // the entry's own closing line
        fail_entry_rest(q + 1);
        return nullptr;
      }
    }
    if (looks_like_field_start(q)) return q;
    line = lex::end_of_line(q, end_);
  }
  fail_entry_rest(end_);
  return nullptr;
}

const char* Parser::repair_swallowing_field() {
  for (std::size_t i = 0; i < used_; ++i) {
    const ValueExtent& v = extents_[i];
    if (v.begin < repair_floor_) continue;
    const char* q = field_line_inside(v.begin, v.end);
    if (!q) continue;
    const RawField& f = entry_.fields[i];
    error(v.begin, f.name,
          fmt::format("unbalanced braces in {}: the value runs into the next field (line {}); {}", where_field(f.name),
                      lines_.at(q).line, consequence(true)));
    entry_.complete = false;
    used_ = i;
    repair_floor_ = q;
    return q;
  }
  return nullptr;
}

bool Parser::drop_field_that_took_the_closing_brace() {
  if (used_ == 0) return false;
  const std::size_t last = used_ - 1;
  const ValueExtent& v = extents_[last];
  if (v.begin < repair_floor_ || v.end - v.begin < 2 || v.end[-1] != '}' || !at_line_start(v.end - 1)) return false;
  if (std::memchr(v.begin + 1, '{', static_cast<std::size_t>(v.end - 1 - (v.begin + 1))) == nullptr) return false;
  const RawField& f = entry_.fields[last];
  error(v.begin, f.name,
        fmt::format("unbalanced braces in {}: the value is closed only by the entry's closing brace (line {}); {}",
                    where_field(f.name), lines_.at(v.end - 1).line, consequence(true)));
  used_ = last;
  return true;
}

const char* Parser::report_unclosed(std::string_view field) {
  const char open = *unclosed_open_;
  const char* what = open == '{' ? "unbalanced braces" : "unterminated quoted value";
  const bool runaway = unclosed_span_.stop == Span::Stop::runaway;
  const std::string until =
      runaway ? fmt::format("before the next entry (line {})", lines_.at(unclosed_span_.content_end).line)
              : std::string("at the end of the file");
  error(unclosed_open_, field,
        fmt::format("{} in {}: '{}' is not closed {}; {}", what, where_field(field), open, until, consequence(false)));
  return runaway ? unclosed_span_.content_end : lex::find_line_starting_with_at(begin_, unclosed_open_ + 1, end_);
}

void Parser::parse_fields(const char* p, char close) {
  for (;;) {
    p = lex::skip_space_and_comments(p, end_);
    if (p == end_) {
      // A value that swallowed the entry's closing brace (an extra '{') shows up as a
      // truncated entry: repair that first.
      if (const char* q = repair_swallowing_field()) {
        p = q;
        continue;
      }
      if (drop_field_that_took_the_closing_brace()) {
        fail_entry_rest(end_);
        return;
      }
      truncated(p, {});
      fail_entry_rest(end_);
      return;
    }
    const char c = *p;
    if (c == close) {
      finish_entry();
      p_ = p + 1;
      return;
    }
    if (c == ',') {  // ",," or a comma right after another: harmless
      ++p;
      continue;
    }
    if (at_entry_header(p)) {
      if (const char* q = repair_swallowing_field()) {
        p = q;
        continue;
      }
      if (drop_field_that_took_the_closing_brace()) {
        fail_entry_rest(p);
        return;
      }
      end_entry_at_unclosed(p);
      return;
    }
    if (!lex::has(c, lex::kName) || c == '(' || c == ')') {
      error(p, {}, fmt::format("expected a field name in {}, found {}; {}", where(), describe(p, end_),
                               consequence(true)));
      p = resync_fields(p, close);
      if (!p) return;
      continue;
    }
    const char* name_b = p;
    const char* name_e = lex::skip_class(p, end_, lex::kName);
    const std::string_view name(name_b, static_cast<std::size_t>(name_e - name_b));
    p = lex::skip_space_and_comments(name_e, end_);
    if (p == end_) {
      truncated(p, name);
      fail_entry_rest(end_);
      return;
    }
    if (*p != '=') {
      error(p, name, fmt::format("expected '=' after field name '{}' in {}, found {}; {}", name, where(),
                                 describe(p, end_), consequence(true)));
      p = resync_fields(p, close);
      if (!p) return;
      continue;
    }
    ++p;
    const std::size_t index = used_;
    RawField& field = add_field(name_b, name_e);
    const Spacing spacing = is_line_break_field(field.name) ? Spacing::keep_lines : Spacing::collapse;
    extents_[index].begin = lex::skip_space(p, end_);
    const ValueEnd end = parse_value(p, close, field.value, spacing, field.name);
    extents_[index].end = p;
    if (end == ValueEnd::end_of_text) {
      used_ = index;
      fail_entry_rest(end_);
      return;
    }
    if (end == ValueEnd::field_error) {
      used_ = index;
      p = resync_fields(p, close);
      if (!p) return;
      continue;
    }
    if (end == ValueEnd::unclosed) {
      used_ = index;
      // Where the value ran to; if a line inside it starts the next field, the extra '{' is
      // in this field only: drop it and read on from there.
      const char* stop = unclosed_span_.stop == Span::Stop::runaway ? unclosed_span_.content_end : end_;
      if (const char* q = field_line_inside(unclosed_open_ + 1, stop)) {
        const std::string fname = entry_.fields[index].name;
        error(unclosed_open_, fname,
              fmt::format("{} in {}: the value runs into the next field (line {}); {}",
                          *unclosed_open_ == '{' ? "unbalanced braces" : "unterminated quoted value",
                          where_field(fname), lines_.at(q).line, consequence(true)));
        entry_.complete = false;
        p = q;
        continue;
      }
      fail_entry_rest(report_unclosed(entry_.fields[index].name));
      return;
    }
    // After a value: ',' or the end of the entry, with some tolerance.
    p = lex::skip_space_and_comments(p, end_);
    if (p == end_ || *p == ',' || *p == close || at_entry_header(p)) continue;  // see the top of the loop
    if (looks_like_field_start(p)) {
      warn(p, {}, fmt::format("missing ',' before field '{}' in {}",
                              std::string_view(p, static_cast<std::size_t>(
                                                      lex::skip_class(p, end_, lex::kName) - p)),
                              where()));
      continue;
    }
    // `{D\}ead}`: BibTeX closed the value at the `\}`; if reading `\{` `\}` as escaped
    // braces (as LaTeX and Better BibTeX do) ends the value cleanly, take that.
    if (*extents_[index].begin == '{') {
      const Span span = lex::scan_braced_escaped(extents_[index].begin + 1, end_);
      const char* after = span.stop == Span::Stop::closed ? lex::skip_space_and_comments(span.content_end + 1, end_) : end_;
      if (after < end_ && (*after == ',' || *after == close)) {
        RawField& f = entry_.fields[index];
        builder_.start(f.value, spacing);
        builder_.append(extents_[index].begin + 1, span.content_end);
        builder_.finish();
        extents_[index].end = span.content_end + 1;
        warn(extents_[index].begin, f.name,
             fmt::format("braces in {} balance only if '\\{{' and '\\}}' are escaped braces; read so",
                         where_field(f.name)));
        p = after;
        continue;
      }
    }
    const RawField& done = entry_.fields[index];
    error(p, done.name, fmt::format("expected ',' or '{}' after the value of field '{}' in {}, found {}; {}", close,
                                    done.name, where(), describe(p, end_), consequence(true)));
    p = resync_fields(p, close);
    if (!p) return;
  }
}

void Parser::append_bare(const char* b, const char* e, std::string_view field) {
  if (all_digits(b, e)) {
    builder_.append(b, e);
    return;
  }
  const std::string_view name(b, static_cast<std::size_t>(e - b));
  if (const std::string* value = macros_->find(name)) {
    builder_.append(*value);
    return;
  }
  ++stats_.unknown_macro_uses;
  // Once per macro name: a file whose journal macros live in another file would otherwise
  // produce one warning per entry.
  if (unknown_macros_.insert(ascii_lower(name)).second)
    warn(b, field, fmt::format("unknown macro '{}' in {}; kept as text (reported once per macro)", name,
                               where_field(field)));
  builder_.append(name);
}

Parser::ValueEnd Parser::parse_value(const char*& p, char close, std::string& out, Spacing spacing,
                                     std::string_view field) {
  builder_.start(out, spacing, item_ != Item::string);
  bool first = true;
  for (;;) {
    p = lex::skip_space_and_comments(p, end_);
    if (p == end_) {
      truncated(p, field);
      return ValueEnd::end_of_text;
    }
    const char c = *p;
    if (c == '{' || c == '"') {
      const Span span = c == '{' ? lex::scan_braced(p + 1, end_) : lex::scan_quoted(p + 1, end_);
      if (span.stop != Span::Stop::closed) {
        unclosed_open_ = p;
        unclosed_span_ = span;
        return ValueEnd::unclosed;
      }
      builder_.append(p + 1, span.content_end);
      p = span.content_end + 1;
    } else if (lex::has(c, lex::kBare)) {
      const char* tok_e = lex::skip_class(p, end_, lex::kBare);
      append_bare(p, tok_e, field);
      p = tok_e;
    } else if (first && (c == ',' || c == close)) {
      warn(p, field, fmt::format("{} has no value; read as empty", where_field(field)));
      return ValueEnd::ok;
    } else {
      error(p, field, fmt::format("expected a value for {}, found {}; {}", where_field(field), describe(p, end_),
                                  consequence(true)));
      return ValueEnd::field_error;
    }
    first = false;
    const char* q = lex::skip_space_and_comments(p, end_);
    if (q < end_ && *q == '#') {
      p = q + 1;
      continue;
    }
    builder_.finish();
    return ValueEnd::ok;
  }
}

void Parser::parse_string(const char* at, const char* body, char close) {
  item_ = Item::string;
  const char* p = body;
  const auto skip_rest = [&](const char* from) {
    p_ = lex::find_line_starting_with_at(begin_, from < end_ ? from + 1 : from, end_);
  };
  for (;;) {
    p = lex::skip_space_and_comments(p, end_);
    if (p < end_ && *p == close) {
      p_ = p + 1;
      return;
    }
    if (p == end_ || !lex::has(*p, lex::kBare)) {
      error(p, {}, fmt::format("expected a macro name in @string, found {}; @string skipped", describe(p, end_)));
      skip_rest(p);
      return;
    }
    const char* name_b = p;
    const char* name_e = lex::skip_class(p, end_, lex::kBare);
    p = lex::skip_space_and_comments(name_e, end_);
    if (p == end_ || *p != '=') {
      error(p, {}, fmt::format("expected '=' after the macro name in @string, found {}; @string skipped",
                               describe(p, end_)));
      skip_rest(p);
      return;
    }
    ++p;
    name_scratch_.assign(name_b, name_e);
    switch (parse_value(p, close, scratch_, Spacing::collapse, name_scratch_)) {
      case ValueEnd::ok: break;
      case ValueEnd::end_of_text: p_ = end_; return;
      case ValueEnd::field_error: skip_rest(p); return;
      case ValueEnd::unclosed: p_ = report_unclosed(name_scratch_); return;
    }
    ++stats_.macros;
    macros_->define(name_scratch_, scratch_);
    if (sink_.macro) {
      const lex::Position pos = lines_.at(at);
      sink_.macro({name_scratch_, scratch_, pos.line, pos.column, static_cast<std::size_t>(at - begin_)});
    }
    p = lex::skip_space_and_comments(p, end_);
    if (p < end_ && *p == ',') {  // @string{a = "x", b = "y"}
      ++p;
      continue;
    }
    if (p < end_ && *p == close) {
      p_ = p + 1;
      return;
    }
    if (p < end_ && at_entry_header(p)) {
      warn(p, {}, fmt::format("@string has no closing '{}' before the next entry; read up to here", close));
      p_ = p;
      return;
    }
    error(p, {}, fmt::format("expected '{}' at the end of @string, found {}", close, describe(p, end_)));
    skip_rest(p);
    return;
  }
}

void Parser::parse_preamble(const char* at, const char* body, char open, char close) {
  item_ = Item::preamble;
  const char* p = lex::skip_space(body, end_);
  Preamble preamble;
  if (p < end_ && *p == close) {  // @preamble{}
    p_ = p + 1;
  } else {
    // Read it as a value; if that fails, many files hold raw TeX there
    // (`@preamble{ \newcommand{\x}{y} }`): take the balanced block as it is, and forget the
    // diagnostics of the attempt.
    const std::size_t mark_diagnostics = diagnostics_.size(), mark_stored = stored_, mark_suppressed = suppressed_;
    const ParseStats mark_stats = stats_;
    const ValueEnd end = parse_value(p, close, preamble.value, Spacing::keep_lines, {});
    const char* q = end == ValueEnd::ok ? lex::skip_space_and_comments(p, end_) : p;
    if (end != ValueEnd::ok || q == end_ || *q != close) {
      const Span raw = lex::scan_comment_block(body, end_, open, close);
      if (raw.stop == Span::Stop::closed) {
        diagnostics_.resize(mark_diagnostics);
        stored_ = mark_stored;
        suppressed_ = mark_suppressed;
        stats_ = mark_stats;
        builder_.start(preamble.value, Spacing::keep_lines);
        builder_.append(body, raw.content_end);
        builder_.finish();
        warn(body, {}, "@preamble is not a quoted or braced value; read as raw text");
        q = raw.content_end;
      } else {
        switch (end) {
          case ValueEnd::end_of_text: p_ = end_; return;
          case ValueEnd::unclosed: p_ = report_unclosed({}); return;
          case ValueEnd::field_error: break;
          case ValueEnd::ok:
            error(q, {}, fmt::format("expected '{}' at the end of @preamble, found {}; @preamble skipped", close,
                                     describe(q, end_)));
        }
        p_ = lex::find_line_starting_with_at(begin_, q < end_ ? q + 1 : q, end_);
        return;
      }
    }
    p_ = q + 1;
  }
  ++stats_.preambles;
  if (sink_.preamble) {
    const lex::Position pos = lines_.at(at);
    preamble.line = pos.line;
    preamble.column = pos.column;
    preamble.offset = static_cast<std::size_t>(at - begin_);
    sink_.preamble(std::move(preamble));
  }
}

void Parser::report(Diagnostic::Severity severity, const char* at, std::string_view field, std::string message) {
  if (severity == Diagnostic::Severity::error) ++stats_.errors;
  else ++stats_.warnings;
  if (stored_ >= options_.max_diagnostics) {
    ++suppressed_;
    return;
  }
  ++stored_;
  const lex::Position pos = lines_.at(at);
  diagnostics_.push_back({severity, std::string(source_), pos.line, pos.column, std::string(field), std::move(message)});
}

std::string Parser::where() const {
  switch (item_) {
    case Item::string: return "@string";
    case Item::preamble: return "@preamble";
    case Item::entry: break;
  }
  return fmt::format("entry '{}'", entry_.key);
}

std::string Parser::where_field(std::string_view f) const {
  switch (item_) {
    case Item::string: return fmt::format("@string '{}'", f);
    case Item::preamble: return "@preamble";
    case Item::entry: break;
  }
  return fmt::format("field '{}' of entry '{}'", f, entry_.key);
}

std::string Parser::consequence(bool field_level) const {
  switch (item_) {
    case Item::string: return "@string skipped";
    case Item::preamble: return "@preamble skipped";
    case Item::entry: break;
  }
  if (!options_.keep_incomplete_entries) return "entry skipped";
  return field_level ? "skipped to the next field" : "rest of the entry skipped";
}

}  // namespace

ParseStats parse_bibtex(std::string_view utf8_text, std::string_view source_name, const EntrySink& sink,
                        std::vector<Diagnostic>& diagnostics, const ParseOptions& options) {
  Parser parser(utf8_text, source_name, sink, diagnostics, options);
  return parser.run();
}

std::vector<RawEntry> parse_bibtex_entries(std::string_view utf8_text, std::string_view source_name,
                                           std::vector<Diagnostic>& diagnostics, const ParseOptions& options) {
  std::vector<RawEntry> entries;
  EntrySink sink;
  sink.entry = [&](RawEntry&& e) { entries.push_back(std::move(e)); };
  parse_bibtex(utf8_text, source_name, sink, diagnostics, options);
  return entries;
}

}  // namespace litrev::bibtex
