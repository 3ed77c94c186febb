#include "src/csl/rich_text.hpp"

#include <array>
#include <optional>
#include <vector>

namespace litrev::csl {
namespace {

enum class Kind { root, italic, bold, sup, sub, small_caps, nocase, nodecor, dquote, squote, curly_d, curly_s };

struct Markup {
  std::string_view open;
  std::string_view close;
  Kind kind;
};

// Tags citeproc-js reads in field values; compared case-sensitively, as it does.
constexpr std::array<Markup, 10> kTags = {{
    {"<i>", "</i>", Kind::italic},
    {"<b>", "</b>", Kind::bold},
    {"<sup>", "</sup>", Kind::sup},
    {"<sub>", "</sub>", Kind::sub},
    {"<sc>", "</sc>", Kind::small_caps},
    {"<span class=\"nocase\">", "</span>", Kind::nocase},
    {"<span class=\"nodecor\">", "</span>", Kind::nodecor},
    {"<span style=\"font-variant:small-caps;\">", "</span>", Kind::small_caps},
    {"<span style=\"font-variant: small-caps;\">", "</span>", Kind::small_caps},
    {"<span style=\"font-variant:small-caps\">", "</span>", Kind::small_caps},
}};

struct Frame {
  Kind kind;
  std::string marker;  // the opening text, put back if the frame is never closed
  std::string_view close;
  Blob blob = Blob::group();
};

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n'; }
bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || u >= 0x80;
}
bool opens_after(char prev) { return is_space_byte(prev) || prev == '(' || prev == '[' || prev == '{' || prev == '-' || prev == '/'; }

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) { stack_.push_back({Kind::root, "", "", Blob::group()}); }

  Blob run() {
    std::size_t i = 0;
    while (i < s_.size()) i = step(i);
    while (stack_.size() > 1) unwind_top();
    Blob out = std::move(stack_.front().blob);
    if (out.children.size() == 1 && out.children[0].leaf && out.children[0].formatting.empty() && !out.children[0].quotes)
      return std::move(out.children[0]);
    return out;
  }

 private:
  void text(std::string_view t) {
    auto& children = stack_.back().blob.children;
    if (!children.empty() && children.back().leaf && children.back().formatting.empty() && !children.back().quotes &&
        !children.back().nocase)
      children.back().text += t;
    else
      children.push_back(Blob::of_text(std::string(t)));
  }
  void open(Kind kind, std::string marker, std::string_view close) {
    Frame f{kind, std::move(marker), close, Blob::group()};
    switch (kind) {
      case Kind::italic: f.blob.formatting.font_style = FontStyle::italic; f.blob.flip = true; break;
      case Kind::bold: f.blob.formatting.font_weight = FontWeight::bold; f.blob.flip = true; break;
      case Kind::sup: f.blob.formatting.vertical_align = VerticalAlign::sup; f.blob.nocase = true; break;
      case Kind::sub: f.blob.formatting.vertical_align = VerticalAlign::sub; f.blob.nocase = true; break;
      case Kind::small_caps: f.blob.formatting.font_variant = FontVariant::small_caps; f.blob.flip = true; f.blob.nocase = true; break;
      case Kind::nocase: f.blob.nocase = true; break;
      case Kind::nodecor:
        f.blob.formatting.font_style = FontStyle::normal;
        f.blob.formatting.font_weight = FontWeight::normal;
        f.blob.formatting.font_variant = FontVariant::normal;
        break;
      default:
        f.blob.quotes = true;
        f.blob.rich_quotes = true;
    }
    stack_.push_back(std::move(f));
  }
  void close_top() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (!f.blob.children.empty() || f.blob.quotes) stack_.back().blob.children.push_back(std::move(f.blob));
  }
  // An opening never closed is text after all.
  void unwind_top() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    text(f.marker == "'" ? "\u2019" : f.marker);
    for (auto& c : f.blob.children) {
      if (c.leaf && c.formatting.empty() && !c.quotes && !c.nocase) text(c.text);
      else stack_.back().blob.children.push_back(std::move(c));
    }
  }
  bool in(Kind k) const {
    for (const auto& f : stack_)
      if (f.kind == k) return true;
    return false;
  }
  void close_until(Kind k) {
    while (stack_.back().kind != k) unwind_top();
    close_top();
  }
  char prev(std::size_t i) const { return i == 0 ? ' ' : s_[i - 1]; }
  char next(std::size_t i, std::size_t len) const { return i + len < s_.size() ? s_[i + len] : ' '; }
  // A closing single quote ahead: ' followed by a non-word character.
  bool closing_squote_ahead(std::size_t from) const {
    for (std::size_t k = from; k < s_.size(); ++k)
      if (s_[k] == '\'' && k > from && !is_space_byte(s_[k - 1]) && !is_word_byte(next(k, 1))) return true;
    return false;
  }

  std::size_t step(std::size_t i) {
    const char c = s_[i];
    if (c == '<') {
      const auto rest = s_.substr(i);
      for (const auto& tag : kTags) {
        if (rest.starts_with(tag.open)) {
          open(tag.kind, std::string(tag.open), tag.close);
          return i + tag.open.size();
        }
      }
      if (stack_.size() > 1 && rest.starts_with(stack_.back().close)) {
        const auto len = stack_.back().close.size();
        close_top();
        return i + len;
      }
      // A closing tag of an outer frame: close what is open inside it first.
      for (std::size_t k = stack_.size(); k-- > 1;) {
        if (!stack_[k].close.empty() && rest.starts_with(stack_[k].close)) {
          const auto len = stack_[k].close.size();
          close_until(stack_[k].kind);
          return i + len;
        }
      }
      text("<");
      return i + 1;
    }
    if (c == '"') {
      if (in(Kind::dquote)) {
        close_until(Kind::dquote);
      } else if (opens_after(prev(i)) && !is_space_byte(next(i, 1))) {
        open(Kind::dquote, "\"", "");
      } else {
        text("\"");
      }
      return i + 1;
    }
    if (c == '\'') {
      const char p = prev(i), n = next(i, 1);
      if (stack_.back().kind == Kind::squote && !is_space_byte(p) && !is_word_byte(n)) {
        close_top();
      } else if (opens_after(p) && !is_space_byte(n) && closing_squote_ahead(i + 1)) {
        open(Kind::squote, "'", "");
      } else {
        text("\u2019");
      }
      return i + 1;
    }
    const auto rest = s_.substr(i);
    if (rest.starts_with("\u201C")) {
      open(Kind::curly_d, "\u201C", "");
      return i + 3;
    }
    if (rest.starts_with("\u201D") && in(Kind::curly_d)) {
      close_until(Kind::curly_d);
      return i + 3;
    }
    if (rest.starts_with("\u2018") && opens_after(prev(i))) {
      open(Kind::curly_s, "\u2018", "");
      return i + 3;
    }
    if (rest.starts_with("\u2019") && stack_.back().kind == Kind::curly_s && !is_word_byte(next(i, 3))) {
      close_top();
      return i + 3;
    }
    // Plain text up to the next special character.
    std::size_t j = i + 1;
    while (j < s_.size() && s_[j] != '<' && s_[j] != '"' && s_[j] != '\'' && s_[j] != '\xE2') ++j;
    text(s_.substr(i, j - i));
    return j;
  }

  std::string_view s_;
  std::vector<Frame> stack_;
};

bool has_markup(std::string_view v) {
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (c == '<' || c == '"' || c == '\'') return true;
    // U+2018 / U+201C (E2 80 98 / E2 80 9C)
    if (c == '\xE2' && i + 2 < v.size() && v[i + 1] == '\x80' && (v[i + 2] == '\x98' || v[i + 2] == '\x9C')) return true;
  }
  return false;
}

void append_plain(const Blob& b, std::string& out) {
  if (b.leaf) {
    out += b.text;
    return;
  }
  if (b.quotes) out += '"';
  for (const auto& c : b.children) append_plain(c, out);
  if (b.quotes) out += '"';
}

}  // namespace

Blob parse_rich_text(std::string_view value) {
  if (!has_markup(value)) return Blob::of_text(std::string(value));
  return Parser(value).run();
}

std::string strip_rich_text(std::string_view value) {
  if (value.find('<') == std::string_view::npos) return std::string(value);
  std::string out;
  append_plain(Parser(value).run(), out);
  return out;
}

}  // namespace litrev::csl
