// Pandoc Markdown: *italic*, **bold**, [small caps]{.smallcaps}, [underline]{.underline},
// ^sup^, ~sub~. Markdown cannot switch italics off inside italics, so this writer works on
// runs with absolute formatting and opens/closes markers where the state changes, keeping
// the markers nested. Spaces at the edges of a marked stretch go outside the markers
// (CommonMark would not read "* text*" as emphasis).
#include <array>
#include <string_view>
#include <algorithm>
#include <vector>

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

// The markup properties, outermost first, with their opening and closing marks.
enum Prop { underline, small_caps, bold, italic, sup, sub, kProps };
constexpr std::array<std::string_view, kProps> kOpen = {"[", "[", "**", "*", "^", "~"};
constexpr std::array<std::string_view, kProps> kClose = {"]{.underline}", "]{.smallcaps}", "**", "*", "^", "~"};

std::array<bool, kProps> props_of(const Run& r) {
  return {r.underline, r.small_caps, r.bold, r.italic, r.vertical_align == VerticalAlign::sup,
          r.vertical_align == VerticalAlign::sub};
}

}  // namespace

void render_markdown(const Span& span, std::string& out) {
  const auto runs = flatten_runs(span);
  const auto start = out.size();
  std::vector<Prop> open;  // innermost last
  int block = 0;
  auto close_to = [&](std::size_t depth) {
    // Trailing spaces go after the closing marks.
    std::size_t spaces = 0;
    while (out.size() > start + spaces && out[out.size() - 1 - spaces] == ' ') ++spaces;
    out.resize(out.size() - spaces);
    while (open.size() > depth) {
      out += kClose[open.back()];
      open.pop_back();
    }
    out.append(spaces, ' ');
  };
  for (const auto& run : runs) {
    if (run.block != block) {
      close_to(0);
      if (out.size() > start && out.back() != ' ') out += ' ';
      block = run.block;
    }
    const auto want = props_of(run);
    // Keep the open marks that the run still wants, from the outside in.
    std::size_t keep = 0;
    while (keep < open.size() && want[open[keep]]) ++keep;
    close_to(keep);
    std::string_view text = run.text;
    std::size_t lead = 0;
    while (lead < text.size() && text[lead] == ' ') ++lead;
    bool opened = false;
    for (int p = 0; p < kProps; ++p) {
      if (!want[p] || std::find(open.begin(), open.end(), static_cast<Prop>(p)) != open.end()) continue;
      if (!opened) {
        out.append(text.substr(0, lead));
        text.remove_prefix(lead);
        opened = true;
      }
      out += kOpen[p];
      open.push_back(static_cast<Prop>(p));
    }
    escape_markdown(text, out.size() == start, out);
  }
  close_to(0);
}

}  // namespace litrev::csl
