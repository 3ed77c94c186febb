#include "src/csl/output.hpp"

#include "src/csl/renderers.hpp"

namespace litrev::csl {
namespace {

void collect_text(const Span& span, std::string& out) {
  if (span.is_leaf()) {
    out += span.text;
    return;
  }
  for (const auto& child : span.children) collect_text(child, out);
}

// Blocks (display) in plain text: a block after other text starts after a space.
void render_plain(const Span& span, std::string& out) {
  if (span.display != Display::none && !out.empty() && out.back() != ' ') out.push_back(' ');
  if (span.is_leaf()) out += span.text;
  for (const auto& child : span.children) render_plain(child, out);
}

}  // namespace

std::string Span::plain_text() const {
  std::string out;
  collect_text(*this, out);
  return out;
}

bool Span::empty() const {
  if (is_leaf()) return text.empty();
  for (const auto& child : children)
    if (!child.empty()) return false;
  return true;
}

bool parse_output_format(std::string_view name, OutputFormat& out) {
  if (name == "text" || name == "plain") out = OutputFormat::text;
  else if (name == "html") out = OutputFormat::html;
  else if (name == "markdown" || name == "md") out = OutputFormat::markdown;
  else if (name == "latex" || name == "tex") out = OutputFormat::latex;
  else return false;
  return true;
}

std::string render(const Span& span, OutputFormat format) {
  std::string out;
  switch (format) {
    case OutputFormat::text:
      render_plain(span, out);
      while (!out.empty() && out.back() == ' ') out.pop_back();
      break;
    case OutputFormat::html:
      render_html(span, out);
      break;
    case OutputFormat::markdown:
      render_markdown(span, out);
      break;
    case OutputFormat::latex:
      render_latex(span, out);
      break;
  }
  return out;
}

}  // namespace litrev::csl
