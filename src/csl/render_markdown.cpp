// Pandoc Markdown: *italic*, **bold**, [small caps]{.smallcaps}, [underline]{.underline},
// ^sup^, ~sub~. Markdown has no way to switch italics off inside italics, so this writer
// works on runs with absolute formatting and opens/closes markers where the state changes.
// Spaces at the edges of a marked run go outside the markers (CommonMark would not read
// "* text*" as emphasis).
#include <string_view>

#include "src/csl/renderers.hpp"

namespace litrev::csl {
namespace {

void escape_markdown(std::string_view text, bool at_start, std::string& out) {
  std::size_t i = 0;
  // A line starting with "12." or "-" would become a list item.
  if (at_start) {
    std::size_t d = 0;
    while (d < text.size() && text[d] >= '0' && text[d] <= '9') ++d;
    if (d > 0 && d < text.size() && (text[d] == '.' || text[d] == ')')) {
      out.append(text.substr(0, d));
      out += '\\';
      out.push_back(text[d]);
      i = d + 1;
    } else if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
      out += '\\';
    }
  }
  for (; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\': case '*': case '_': case '`': case '[': case ']': case '<': case '>': case '#':
      case '~': case '^': case '|': case '$': case '@': case '&':
        out += '\\';
        out.push_back(c);
        break;
      default:
        out.push_back(c);
    }
  }
}

std::string_view open_marks(const Run& r, std::string& buf) {
  buf.clear();
  if (r.underline) buf += "[";
  if (r.small_caps) buf += "[";
  if (r.bold) buf += "**";
  if (r.italic) buf += "*";
  if (r.vertical_align == VerticalAlign::sup) buf += "^";
  if (r.vertical_align == VerticalAlign::sub) buf += "~";
  return buf;
}

std::string_view close_marks(const Run& r, std::string& buf) {
  buf.clear();
  if (r.vertical_align == VerticalAlign::sub) buf += "~";
  if (r.vertical_align == VerticalAlign::sup) buf += "^";
  if (r.italic) buf += "*";
  if (r.bold) buf += "**";
  if (r.small_caps) buf += "]{.smallcaps}";
  if (r.underline) buf += "]{.underline}";
  return buf;
}

}  // namespace

void render_markdown(const Span& span, std::string& out) {
  const auto runs = flatten_runs(span);
  std::string buf;
  int block = 0;
  const auto start = out.size();
  for (const auto& run : runs) {
    if (run.block != block) {
      if (out.size() > start && out.back() != ' ') out += ' ';
      block = run.block;
    }
    std::string_view text = run.text;
    const bool marked = run.italic || run.bold || run.small_caps || run.underline ||
                        run.vertical_align == VerticalAlign::sup || run.vertical_align == VerticalAlign::sub;
    if (!marked) {
      escape_markdown(text, out.size() == start, out);
      continue;
    }
    std::size_t lead = 0;
    while (lead < text.size() && text[lead] == ' ') ++lead;
    std::size_t trail = text.size();
    while (trail > lead && text[trail - 1] == ' ') --trail;
    out.append(text.substr(0, lead));
    if (trail > lead) {
      out += open_marks(run, buf);
      escape_markdown(text.substr(lead, trail - lead), false, out);
      out += close_marks(run, buf);
    }
    out.append(text.substr(trail));
  }
}

}  // namespace litrev::csl
