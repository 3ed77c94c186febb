// HTML as citeproc-js writes it (so that its output and ours compare tag for tag): numeric
// entities for & < >, a doubled space kept visible, formatting as <i>/<b>/<sup>/<sub> or
// style spans, display blocks as csl-* divs.
#include <array>
#include <string_view>

#include "src/csl/renderers.hpp"
#include "src/csl/superscripts.hpp"

namespace litrev::csl {
namespace {

void escape_html(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&':
        out += "&#38;";
        break;
      case '<':
        out += "&#60;";
        break;
      case '>':
        out += "&#62;";
        break;
      case ' ':
        // Browsers collapse spaces; a doubled one stays visible as no-break + space.
        if (i + 1 < text.size() && text[i + 1] == ' ') {
          out += "&#160; ";
          ++i;
        } else {
          out.push_back(c);
        }
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x80) {
          std::size_t len = 1;
          const char32_t cp = utf8_at(text, i, len);
          if (const auto base = superscript_base(cp); !base.empty()) {
            out += "<sup>";
            out += base;
            out += "</sup>";
          } else {
            out.append(text.substr(i, len));
          }
          i += len - 1;
        } else {
          out.push_back(c);
        }
    }
  }
}

struct Tag {
  std::string_view open, close;
};

// The tags a span opens, outermost first.
std::size_t tags_of(const Span& s, std::array<Tag, 6>& tags) {
  std::size_t n = 0;
  switch (s.display) {
    case Display::block: tags[n++] = {"<div class=\"csl-block\">", "</div>"}; break;
    case Display::left_margin: tags[n++] = {"<div class=\"csl-left-margin\">", "</div>"}; break;
    case Display::right_inline: tags[n++] = {"<div class=\"csl-right-inline\">", "</div>"}; break;
    case Display::indent: tags[n++] = {"<div class=\"csl-indent\">", "</div>"}; break;
    case Display::none: break;
  }
  const auto& f = s.formatting;
  switch (f.font_style) {
    case FontStyle::italic: tags[n++] = {"<i>", "</i>"}; break;
    case FontStyle::oblique: tags[n++] = {"<em>", "</em>"}; break;
    case FontStyle::normal: tags[n++] = {"<span style=\"font-style:normal;\">", "</span>"}; break;
    case FontStyle::unset: break;
  }
  switch (f.font_variant) {
    case FontVariant::small_caps: tags[n++] = {"<span style=\"font-variant:small-caps;\">", "</span>"}; break;
    case FontVariant::normal: tags[n++] = {"<span style=\"font-variant:normal;\">", "</span>"}; break;
    case FontVariant::unset: break;
  }
  switch (f.font_weight) {
    case FontWeight::bold: tags[n++] = {"<b>", "</b>"}; break;
    case FontWeight::normal: tags[n++] = {"<span style=\"font-weight:normal;\">", "</span>"}; break;
    case FontWeight::light:
    case FontWeight::unset: break;
  }
  switch (f.text_decoration) {
    case TextDecoration::underline: tags[n++] = {"<span style=\"text-decoration:underline;\">", "</span>"}; break;
    case TextDecoration::none: tags[n++] = {"<span style=\"text-decoration:none;\">", "</span>"}; break;
    case TextDecoration::unset: break;
  }
  switch (f.vertical_align) {
    case VerticalAlign::sup: tags[n++] = {"<sup>", "</sup>"}; break;
    case VerticalAlign::sub: tags[n++] = {"<sub>", "</sub>"}; break;
    case VerticalAlign::baseline: tags[n++] = {"<span style=\"baseline\">", "</span>"}; break;
    case VerticalAlign::unset: break;
  }
  return n;
}

}  // namespace

void render_html(const Span& span, std::string& out) {
  std::array<Tag, 6> tags;
  const auto n = tags_of(span, tags);
  for (std::size_t i = 0; i < n; ++i) out += tags[i].open;
  if (span.is_leaf()) escape_html(span.text, out);
  for (const auto& child : span.children) render_html(child, out);
  for (std::size_t i = n; i-- > 0;) out += tags[i].close;
}

}  // namespace litrev::csl
