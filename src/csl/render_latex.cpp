// LaTeX for a standard class (no package beyond the kernel): \textit, \textbf, \textsc,
// \textsuperscript, \textsubscript, \underline; "normal" as \textup / \textmd. Text keeps its
// UTF-8 letters (inputenc is UTF-8 by default since 2018); the ten specials are escaped and
// "--" split so that it stays two hyphens.
#include <string_view>

#include "src/csl/renderers.hpp"
#include "src/csl/superscripts.hpp"

namespace litrev::csl {
namespace {

void escape_latex(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\': out += "\\textbackslash{}"; break;
      case '{': out += "\\{"; break;
      case '}': out += "\\}"; break;
      case '$': out += "\\$"; break;
      case '&': out += "\\&"; break;
      case '#': out += "\\#"; break;
      case '%': out += "\\%"; break;
      case '_': out += "\\_"; break;
      case '^': out += "\\textasciicircum{}"; break;
      case '~': out += "\\textasciitilde{}"; break;
      case '-':
        out.push_back('-');
        if (i + 1 < text.size() && text[i + 1] == '-') out += "{}";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x80) {
          std::size_t len = 1;
          const char32_t cp = utf8_at(text, i, len);
          if (cp == 0xA0) {
            out.push_back('~');  // no-break space: LaTeX's tie
          } else if (const auto base = superscript_base(cp); !base.empty()) {
            out += "\\textsuperscript{";
            out += base;
            out += "}";
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

}  // namespace

void render_latex(const Span& span, std::string& out) {
  int open = 0;
  auto cmd = [&](std::string_view c) {
    out += c;
    out += '{';
    ++open;
  };
  const bool block = span.display == Display::block || span.display == Display::indent;
  if (block && !out.empty() && out.back() != ' ') out += ' ';
  const auto& f = span.formatting;
  if (f.font_style == FontStyle::italic || f.font_style == FontStyle::oblique) cmd("\\textit");
  if (f.font_style == FontStyle::normal) cmd("\\textup");
  if (f.font_weight == FontWeight::bold) cmd("\\textbf");
  if (f.font_weight == FontWeight::normal) cmd("\\textmd");
  if (f.font_variant == FontVariant::small_caps) cmd("\\textsc");
  if (f.font_variant == FontVariant::normal) cmd("\\textup");
  if (f.text_decoration == TextDecoration::underline) cmd("\\underline");
  if (f.vertical_align == VerticalAlign::sup) cmd("\\textsuperscript");
  if (f.vertical_align == VerticalAlign::sub) cmd("\\textsubscript");
  if (span.is_leaf()) escape_latex(span.text, out);
  for (const auto& child : span.children) render_latex(child, out);
  out.append(static_cast<std::size_t>(open), '}');
  if (span.display == Display::left_margin) out += ' ';
}

}  // namespace litrev::csl
