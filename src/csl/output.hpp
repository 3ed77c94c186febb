#pragma once
// What the engine produces: formatted text as a tree of spans, independent of any output
// format. Each span says which formatting it switches on (relative to its parent) and, for the
// CSL display attribute, which block it is; leaves hold plain Unicode text (no escaping).
// Renderers turn the same tree into plain text, HTML, Markdown or LaTeX; the docx/odt writers
// of src/export walk the same spans as runs (flatten_runs).

#include <string>
#include <string_view>
#include <vector>

#include "src/csl/formatting.hpp"

namespace litrev::csl {

struct Span {
  Formatting formatting;  // what this span sets; unset members inherit
  Display display = Display::none;
  std::string text;  // a leaf's text (a span with children has none)
  std::vector<Span> children;

  bool is_leaf() const { return children.empty(); }
  // The text of every leaf, in order.
  std::string plain_text() const;
  bool empty() const;
};

enum class OutputFormat { text, html, markdown, latex };

// Parses "text", "html", "markdown"/"md", "latex"/"tex"; false if unknown.
bool parse_output_format(std::string_view name, OutputFormat& out);

// One entry (or any span tree) in a format, without a surrounding paragraph or div:
// - text: the characters only;
// - html: <i>, <b>, <span style="font-variant:small-caps;">, <sup>, <sub>, underline spans,
//   display blocks as <div class="csl-block"> etc. (citeproc-js's markup); & < > escaped;
// - markdown: *italic*, **bold**, ^sup^, ~sub~, small caps as [text]{.smallcaps} (pandoc);
//   Markdown's special characters escaped with backslashes;
// - latex: \emph, \textbf, \textsc, \textsuperscript, \textsubscript, \underline; the ten
//   LaTeX specials escaped.
std::string render(const Span& span, OutputFormat format);

}  // namespace litrev::csl
