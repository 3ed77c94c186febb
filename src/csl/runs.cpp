// Span tree -> runs with absolute formatting, for writers that think in runs.
#include "src/csl/renderers.hpp"

namespace litrev::csl {
namespace {

void walk(const Span& s, Run state, int& next_block, std::vector<Run>& out) {
  const auto& f = s.formatting;
  if (f.font_style != FontStyle::unset) state.italic = f.font_style != FontStyle::normal;
  if (f.font_weight != FontWeight::unset) state.bold = f.font_weight == FontWeight::bold;
  if (f.font_variant != FontVariant::unset) state.small_caps = f.font_variant == FontVariant::small_caps;
  if (f.text_decoration != TextDecoration::unset) state.underline = f.text_decoration == TextDecoration::underline;
  if (f.vertical_align != VerticalAlign::unset) state.vertical_align = f.vertical_align;
  if (s.display != Display::none) {
    state.display = s.display;
    state.block = ++next_block;
  }
  if (s.is_leaf()) {
    if (s.text.empty()) return;
    if (!out.empty() && out.back().same_format(state) && out.back().block == state.block) {
      out.back().text += s.text;
    } else {
      state.text = s.text;
      out.push_back(state);
    }
    return;
  }
  for (const auto& child : s.children) walk(child, state, next_block, out);
}

}  // namespace

char32_t utf8_at(std::string_view text, std::size_t i, std::size_t& len) {
  const auto c = static_cast<unsigned char>(text[i]);
  len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + len > text.size()) len = 1;
  if (len == 1) return c;
  char32_t cp = c & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  return cp;
}

std::vector<Run> flatten_runs(const Span& span) {
  std::vector<Run> out;
  int next_block = 0;
  walk(span, Run{}, next_block, out);
  return out;
}

}  // namespace litrev::csl
