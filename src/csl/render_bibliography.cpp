// A whole bibliography in one format (the entry renderers do the inside of each entry).
#include "src/csl/bibliography.hpp"

namespace litrev::csl {

std::string render_bibliography(const Bibliography& bib, OutputFormat format) {
  std::string out;
  const auto& o = bib.options;
  switch (format) {
    case OutputFormat::text:
      for (const auto& e : bib.entries) {
        out += render(e.content, format);
        out += '\n';
      }
      break;
    case OutputFormat::html: {
      // citeproc-js's markup, with the layout Zotero gives it inline so the file needs no CSS.
      out += "<div class=\"csl-bib-body\"";
      std::string style;
      if (o.line_spacing > 1) style += "line-height: " + std::to_string(o.line_spacing) + ";";
      if (o.hanging_indent) style += " padding-left: 2em; text-indent: -2em;";
      if (!style.empty()) out += " style=\"" + std::string(style.starts_with(" ") ? style.substr(1) : style) + "\"";
      out += ">\n";
      const std::string entry_style = o.entry_spacing > 1 ? " style=\"margin-bottom: " + std::to_string(o.entry_spacing) + "em;\"" : "";
      for (const auto& e : bib.entries) {
        out += "  <div class=\"csl-entry\"" + entry_style + ">";
        out += render(e.content, format);
        out += "</div>\n";
      }
      out += "</div>\n";
      break;
    }
    case OutputFormat::markdown:
      for (std::size_t i = 0; i < bib.entries.size(); ++i) {
        if (i > 0) out += '\n';
        out += render(bib.entries[i].content, format);
        out += '\n';
      }
      break;
    case OutputFormat::latex:
      out += "\\begingroup\n\\setlength{\\parindent}{0pt}\n";
      if (o.entry_spacing > 0) out += "\\setlength{\\parskip}{" + std::to_string(o.entry_spacing * 0.5) .substr(0, 3) + "em}\n";
      for (const auto& e : bib.entries) {
        if (o.hanging_indent) out += "\\hangindent=2em\\hangafter=1 ";
        out += render(e.content, format);
        out += "\\par\n";
      }
      out += "\\endgroup\n";
      break;
  }
  return out;
}

}  // namespace litrev::csl
