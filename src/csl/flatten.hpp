#pragma once
// Blob tree (punctuation settled) -> Span tree: text-case applied innermost first over the
// text an element rendered (its children's affixes included, its own excluded, nocase text
// untouched), quotes drawn from the locale (inner quotes when nested), rich-text italics
// inside italics turned upright, affixes and delimiters as unformatted leaves.

#include "src/csl/blob.hpp"
#include "src/csl/locale.hpp"
#include "src/csl/output.hpp"

namespace litrev::csl {

Span flatten(Blob& root, const Locale& locale);

}  // namespace litrev::csl
