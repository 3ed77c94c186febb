#pragma once
// Unicode's superscript characters (ᵉ, ʳ, ², ⁿ...) and the plain characters they raise: HTML
// and LaTeX write them as <sup>/\textsuperscript of the plain character, which every font has.

#include <string_view>

namespace litrev::csl {

// "e" for U+1D49 MODIFIER LETTER SMALL E; "" when c is not such a character.
std::string_view superscript_base(char32_t c);

}  // namespace litrev::csl
