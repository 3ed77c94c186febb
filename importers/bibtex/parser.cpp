#include "importers/bibtex/parser.hpp"

#include "importers/bibtex/parser_impl.hpp"

#include <algorithm>
#include <cstring>

namespace litrev::bibtex {

namespace detail {

namespace {
// Length of the UTF-8 sequence starting at p if it is a valid one, else 0.
std::size_t utf8_sequence(const char* p, const char* end) {
  const auto c = static_cast<unsigned char>(*p);
  std::size_t n = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || end - p < static_cast<std::ptrdiff_t>(n)) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(p[k]) & 0xC0) != 0x80) return 0;
  return n;
}
}  // namespace

std::string_view shown(std::string_view s) {
  // Garbage can make a "key" megabytes long; a message needs its start only.
  constexpr std::size_t kMax = 100;
  if (s.size() <= kMax) return s;
  std::size_t n = kMax;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // not inside a UTF-8 character
  return s.substr(0, n);
}

std::string describe(const char* p, const char* end) {
  if (p >= end) return "the end of the file";
  const auto c = static_cast<unsigned char>(*p);
  if (c == '\n' || c == '\r') return "the end of the line";
  if (c < 0x20 || c == 0x7F) return fmt::format("byte 0x{:02X}", c);
  if (c < 0x80) return fmt::format("'{}'", static_cast<char>(c));
  if (const std::size_t n = utf8_sequence(p, end)) return fmt::format("'{}'", std::string_view(p, n));
  return fmt::format("byte 0x{:02X}", c);
}

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
    diagnostics_.push_back({Diagnostic::Severity::warning,
                            std::string(source_),
                            0,
                            0,
                            {},
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
      error(at, {},
            fmt::format("expected '{{' or '(' after '@{}', found {}; entry skipped",
                        std::string_view(type_b, static_cast<std::size_t>(type_e - type_b)), describe(q, end_)));
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
    const Span span = lex::scan_comment_block(q + 1, end_, *q, close, comment_runaway_);
    if (span.stop == Span::Stop::end_of_text) comment_runaway_ = lex::Runaway::at_any_at_line;
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

void Parser::report(Diagnostic::Severity severity, const char* at, std::string_view field, std::string message) {
  if (severity == Diagnostic::Severity::error)
    ++stats_.errors;
  else
    ++stats_.warnings;
  if (stored_ >= options_.max_diagnostics) {
    ++suppressed_;
    return;
  }
  ++stored_;
  const lex::Position pos = lines_.at(at);
  diagnostics_.push_back(
      {severity, std::string(source_), pos.line, pos.column, std::string(field), std::move(message)});
}

std::string Parser::where() const {
  switch (item_) {
    case Item::string: return "@string";
    case Item::preamble: return "@preamble";
    case Item::entry: break;
  }
  return fmt::format("entry '{}'", shown(entry_.key));
}

std::string Parser::where_field(std::string_view f) const {
  switch (item_) {
    case Item::string: return fmt::format("@string '{}'", f);
    case Item::preamble: return "@preamble";
    case Item::entry: break;
  }
  return fmt::format("field '{}' of entry '{}'", shown(f), shown(entry_.key));
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

}  // namespace detail

ParseStats parse_bibtex(std::string_view utf8_text, std::string_view source_name, const EntrySink& sink,
                        std::vector<Diagnostic>& diagnostics, const ParseOptions& options) {
  detail::Parser parser(utf8_text, source_name, sink, diagnostics, options);
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
