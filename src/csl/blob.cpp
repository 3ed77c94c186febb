#include "src/csl/blob.hpp"

#include <string_view>

namespace litrev::csl {

namespace {

// citeproc-js drops italics from text with no letter of a Latin-like script (CJK titles).
bool has_romanesque(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') return true;
      continue;
    }
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    char32_t cp = c & (0x7F >> len);
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len - 1;
    if ((cp >= 0xC0 && cp <= 0x17F) || (cp >= 0x370 && cp <= 0x52F) || (cp >= 0x590 && cp <= 0x6FF) ||
        (cp >= 0xE01 && cp <= 0xE5B) || (cp >= 0x1F00 && cp <= 0x1FFF) || (cp >= 0x200C && cp <= 0x200E) ||
        (cp >= 0x218 && cp <= 0x21B) || (cp >= 0x202A && cp <= 0x202E))
      return true;
  }
  return false;
}

}  // namespace

std::string Blob::plain() const {
  std::string out;
  append_plain(out);
  return out;
}

void Blob::append_plain(std::string& out) const {
  out += prefix;
  if (leaf) {
    out += text;
  } else {
    for (std::size_t i = 0; i < children.size(); ++i) {
      if (i > 0) out += delimiter;
      children[i].append_plain(out);
    }
  }
  out += suffix;
}

void Blob::decorate(const Decor& d) {
  const bool has_own = !prefix.empty() || !suffix.empty() || !formatting.empty() || quotes || quotes_attr ||
                       text_case != TextCase::none || display != Display::none;
  const bool adds = !d.affixes.prefix.empty() || !d.affixes.suffix.empty() || !d.formatting.empty() || d.quotes ||
                    d.quotes_attr || d.text_case != TextCase::none || d.display != Display::none;
  if (!adds) return;
  if (has_own) {
    Blob inner = std::move(*this);
    *this = Blob::group();
    children.push_back(std::move(inner));
  }
  prefix = d.affixes.prefix;
  suffix = d.affixes.suffix;
  formatting = d.formatting;
  if (leaf && formatting.font_style != FontStyle::unset && !text.empty() && !has_romanesque(text))
    formatting.font_style = FontStyle::unset;
  quotes = d.quotes;
  quotes_attr = d.quotes_attr;
  text_case = d.text_case;
  display = d.display;
}

}  // namespace litrev::csl
