#pragma once
// The format-specific walks over a Span tree (one file each); output.cpp dispatches to them.

#include <string>

#include "src/csl/output.hpp"

namespace litrev::csl {

void render_html(const Span& span, std::string& out);
void render_markdown(const Span& span, std::string& out);
void render_latex(const Span& span, std::string& out);

// The effective formatting of every leaf, in order: what run-based writers (Markdown here,
// docx and odt in src/export) need. Nested formatting is resolved: an italic span inside an italic
// one stays italic; "normal" switches a property off.
struct Run {
  std::string text;
  bool italic = false;
  bool bold = false;
  bool small_caps = false;
  bool underline = false;
  VerticalAlign vertical_align = VerticalAlign::baseline;
  Display display = Display::none;  // the innermost display block the text is in
  int block = 0;                    // which display block (0: none); changes mark a break
  bool same_format(const Run& o) const {
    return italic == o.italic && bold == o.bold && small_caps == o.small_caps && underline == o.underline &&
           vertical_align == o.vertical_align;
  }
};
std::vector<Run> flatten_runs(const Span& span);

// Decodes the UTF-8 character at text[i] (i at a lead byte); its length goes to len.
char32_t utf8_at(std::string_view text, std::size_t i, std::size_t& len);

}  // namespace litrev::csl
