#include "src/csl/blob.hpp"

namespace litrev::csl {

void Blob::decorate(const Decor& d) {
  const bool has_own = !prefix.empty() || !suffix.empty() || !formatting.empty() || quotes ||
                       text_case != TextCase::none || display != Display::none;
  const bool adds = !d.affixes.prefix.empty() || !d.affixes.suffix.empty() || !d.formatting.empty() || d.quotes ||
                    d.text_case != TextCase::none || d.display != Display::none;
  if (!adds) return;
  if (has_own) {
    Blob inner = std::move(*this);
    *this = Blob::group();
    children.push_back(std::move(inner));
  }
  prefix = d.affixes.prefix;
  suffix = d.affixes.suffix;
  formatting = d.formatting;
  quotes = d.quotes;
  text_case = d.text_case;
  display = d.display;
}

}  // namespace litrev::csl
