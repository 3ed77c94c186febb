// Values (pieces, # concatenation, macros) and the @string and @preamble directives.

#include "importers/bibtex/parser_impl.hpp"
#include "importers/input/input_file.hpp"
#include "src/core/text.hpp"

namespace litrev::bibtex::detail {

void Parser::append_bare(const char* b, const char* e, std::string_view field) {
  if (all_digits(b, e)) {
    builder_.append(b, e);
    return;
  }
  const std::string_view name(b, static_cast<std::size_t>(e - b));
  if (const std::string* value = macros_->find(name)) {
    append_macro(b, *value, field);
    return;
  }
  ++stats_.unknown_macro_uses;
  // Once per macro name: a file whose journal macros live in another file would otherwise
  // produce one warning per entry.
  if (unknown_macros_.insert(ascii_lower(name)).second)
    warn(b, field,
         fmt::format("unknown macro '{}' in {}; kept as text (reported once per macro)", shown(name),
                     where_field(field)));
  builder_.append(name);
}

void Parser::append_macro(const char* at, const std::string& value, std::string_view field) {
  if (over_limit_) return;
  if (value_macro_bytes_ + value.size() > options_.max_macro_bytes_per_value) {
    error(at, field,
          fmt::format("@string macros expand {} to more than {} (limit: {} per value); {}", where_field(field),
                      input::format_size(options_.max_macro_bytes_per_value),
                      input::format_size(options_.max_macro_bytes_per_value), dropped()));
    over_limit_ = true;
    return;
  }
  if (macros_->expanded_bytes() + value.size() > file_macro_limit_) {
    // The rule is named unless the caller set the limit itself.
    const std::string rule = options_.max_macro_bytes_per_file
                                 ? std::string()
                                 : fmt::format(" (limit: {}, or {} times the file's size if that is more)",
                                               input::format_size(kMinMacroBytesPerFile), kMacroBytesPerInputByte);
    error(at, field,
          fmt::format("@string macros have added more than {} to the values of this file{}; {}",
                      input::format_size(file_macro_limit_), rule, dropped()));
    over_limit_ = true;
    return;
  }
  value_macro_bytes_ += value.size();
  macros_->count_expansion(value.size());
  stats_.macro_bytes += value.size();
  builder_.append(value);
}

void Parser::too_deep(const char* at, std::size_t depth, std::string_view field) {
  if (over_limit_) return;  // one error per value
  error(at, field,
        fmt::format("braces in {} are nested {} levels deep (limit: {}); {}", where_field(field), depth,
                    max_brace_depth_, dropped()));
  over_limit_ = true;
}

std::string Parser::dropped() const {
  switch (item_) {
    case Item::string: return "macro left undefined";
    case Item::preamble: return "@preamble skipped";
    case Item::entry: break;
  }
  return "field dropped";
}

Parser::ValueEnd Parser::parse_value(const char*& p, char close, std::string& out, Spacing spacing,
                                     std::string_view field) {
  builder_.start(out, spacing, item_ != Item::string);
  value_macro_bytes_ = 0;
  over_limit_ = false;
  bool first = true;
  for (;;) {
    p = lex::skip_space_and_comments(p, end_);
    if (p == end_) {
      truncated(p, field);
      return ValueEnd::end_of_text;
    }
    const char c = *p;
    if (c == '{' || c == '"') {
      const Span span =
          c == '{' ? lex::scan_braced(p + 1, end_, value_runaway_) : lex::scan_quoted(p + 1, end_, value_runaway_);
      if (span.stop == Span::Stop::end_of_text) value_runaway_ = lex::Runaway::at_any_at_line;
      if (span.stop != Span::Stop::closed) {
        unclosed_open_ = p;
        unclosed_span_ = span;
        return ValueEnd::unclosed;
      }
      if (span.max_depth > max_brace_depth_) [[unlikely]]
        too_deep(p, span.max_depth, field);
      builder_.append(p + 1, span.content_end);  // text of the input: bounded even when dropped
      p = span.content_end + 1;
    } else if (lex::has(c, lex::kBare)) {
      const char* tok_e = lex::skip_class(p, end_, lex::kBare);
      append_bare(p, tok_e, field);
      p = tok_e;
    } else if (first && (c == ',' || c == close)) {
      warn(p, field, fmt::format("{} has no value; read as empty", where_field(field)));
      return ValueEnd::ok;
    } else {
      error(p, field,
            fmt::format("expected a value for {}, found {}; {}", where_field(field), describe(p, end_),
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
    return over_limit_ ? ValueEnd::dropped : ValueEnd::ok;
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
      error(p, {},
            fmt::format("expected '=' after the macro name in @string, found {}; @string skipped", describe(p, end_)));
      skip_rest(p);
      return;
    }
    ++p;
    name_scratch_.assign(name_b, name_e);
    const ValueEnd end = parse_value(p, close, scratch_, Spacing::collapse, name_scratch_);
    switch (end) {
      case ValueEnd::ok:
      case ValueEnd::dropped: break;
      case ValueEnd::end_of_text: p_ = end_; return;
      case ValueEnd::field_error: skip_rest(p); return;
      case ValueEnd::unclosed: p_ = report_unclosed(name_scratch_); return;
    }
    if (end == ValueEnd::ok) {
      ++stats_.macros;
      macros_->define(name_scratch_, scratch_);
      if (sink_.macro) {
        const lex::Position pos = lines_.at(at);
        sink_.macro({name_scratch_, scratch_, pos.line, pos.column, static_cast<std::size_t>(at - begin_)});
      }
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
    if (end == ValueEnd::dropped) {  // over a limit (reported): skipped, not read again as raw text
      const char* q = lex::skip_space_and_comments(p, end_);
      p_ = q < end_ && *q == close ? q + 1 : lex::find_line_starting_with_at(begin_, q < end_ ? q + 1 : q, end_);
      return;
    }
    const char* q = end == ValueEnd::ok ? lex::skip_space_and_comments(p, end_) : p;
    if (end != ValueEnd::ok || q == end_ || *q != close) {
      const Span raw = lex::scan_comment_block(body, end_, open, close, comment_runaway_);
      if (raw.stop == Span::Stop::end_of_text) comment_runaway_ = lex::Runaway::at_any_at_line;
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
          case ValueEnd::field_error:
          case ValueEnd::dropped: break;  // dropped is handled above
          case ValueEnd::ok:
            error(q, {},
                  fmt::format("expected '{}' at the end of @preamble, found {}; @preamble skipped", close,
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

}  // namespace litrev::bibtex::detail
