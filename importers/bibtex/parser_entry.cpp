// Entries and their fields, and the recovery from errors inside them (see parser.hpp).

#include "importers/bibtex/parser_impl.hpp"

#include <cstring>

namespace litrev::bibtex::detail {

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

const char* Parser::spaced_name_end(const char* word_e) const {
  // Only asked when the name is not followed by '=': normal files never pay for it.
  const char* p = lex::skip_blank(word_e, end_);
  if (p == word_e || p == end_ || *p == '=') return nullptr;
  const char* last_e = nullptr;
  while (p < end_ && lex::has(*p, lex::kName) && *p != '(' && *p != ')' && *p != '@') {
    last_e = lex::skip_class(p, end_, lex::kName);
    p = lex::skip_blank(last_e, end_);
  }
  return p < end_ && *p == '=' ? last_e : nullptr;
}

void collapse_blanks(std::string& s) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool blank = lex::is_space(s[i]);
    if (blank && out > 0 && s[out - 1] == ' ') continue;
    s[out++] = blank ? ' ' : s[i];
  }
  s.resize(out);
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
        warn(key_b, {}, fmt::format("the key of entry '{}' contains spaces", shown(entry_.key)));
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
    warn(key_b, {},
         fmt::format("entry of type '{}' has no key: '{}' is read as a field name", shown(entry_.type), shown(name)));
    parse_fields(key_b, close);
  } else if (looks_like_field_start(p)) {
    warn(p, {}, fmt::format("missing ',' after the key of {}", where()));
    parse_fields(p, close);
  } else if (at_entry_header(p)) {
    end_entry_at_unclosed(p);
  } else {
    error(p, {},
          fmt::format("expected ',' after the key of {}, found {}; {}", where(), describe(p, end_), consequence(true)));
    if (const char* next = resync_fields(p, close)) parse_fields(next, close);
  }
}

void Parser::end_entry_at_unclosed(const char* at_sign) {
  warn(at_sign, {},
       fmt::format("{} (line {}) has no closing '}}' before the next entry; read up to here", where(), entry_.line));
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
                    where_field(f.name), lines_.at(v.end - 1).line, consequence(false)));
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
    // `@type{` or `@type(` is never a field name, even in mid-line (where it is no new
    // entry either): '@' starts a name only for ADS's disabled fields ("@series = ").
    if (!lex::has(c, lex::kName) || c == '(' || c == ')' || (c == '@' && lex::looks_like_entry_header(p, end_))) {
      error(p, {},
            fmt::format("expected a field name in {}, found {}; {}", where(), describe(p, end_), consequence(true)));
      p = resync_fields(p, close);
      if (!p) return;
      continue;
    }
    const char* name_b = p;
    const char* name_e = lex::skip_class(p, end_, lex::kName);
    p = lex::skip_space_and_comments(name_e, end_);
    bool spaced_name = false;
    if (p < end_ && *p != '=') {
      if (const char* words_e = spaced_name_end(name_e)) {  // "Early Access Date = {...}" (WoS)
        name_e = words_e;
        spaced_name = true;
        p = lex::skip_space_and_comments(name_e, end_);
      }
    }
    const std::string_view name(name_b, static_cast<std::size_t>(name_e - name_b));
    if (p == end_) {
      truncated(p, name);
      fail_entry_rest(end_);
      return;
    }
    if (*p != '=') {
      error(p, name,
            fmt::format("expected '=' after field name '{}' in {}, found {}; {}", shown(name), where(),
                        describe(p, end_), consequence(true)));
      p = resync_fields(p, close);
      if (!p) return;
      continue;
    }
    ++p;
    const std::size_t index = used_;
    RawField& field = add_field(name_b, name_e);
    if (spaced_name) collapse_blanks(field.name);
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
    if (end == ValueEnd::dropped) {  // over a limit (reported); read on after it
      used_ = index;
      entry_.complete = false;
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
      warn(p, {},
           fmt::format("missing ',' before field '{}' in {}",
                       std::string_view(p, static_cast<std::size_t>(lex::skip_class(p, end_, lex::kName) - p)),
                       where()));
      continue;
    }
    // `{D\}ead}`: BibTeX closed the value at the `\}`; if reading `\{` `\}` as escaped
    // braces (as LaTeX and Better BibTeX do) ends the value cleanly, take that.
    if (used_ > index && *extents_[index].begin == '{') {
      const Span span = lex::scan_braced_escaped(extents_[index].begin + 1, end_, value_runaway_);
      const char* after =
          span.stop == Span::Stop::closed ? lex::skip_space_and_comments(span.content_end + 1, end_) : end_;
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
    error(p, done.name,
          fmt::format("expected ',' or '{}' after the value of field '{}' in {}, found {}; {}", close, done.name,
                      where(), describe(p, end_), consequence(true)));
    p = resync_fields(p, close);
    if (!p) return;
  }
}

}  // namespace litrev::bibtex::detail
