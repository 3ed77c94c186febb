#pragma once
// Settles the punctuation where an entry's pieces meet, with citeproc-js's rules (so that both
// processors agree on the text): duplicates collapse ("ed.." -> "ed."), a title's "?" or "!"
// absorbs the "." or ":" after it, leading punctuation of a delimiter or prefix moves to the
// end of what precedes it, doubled spaces at element edges go, and with punctuation-in-quote
// (en-US) a "." or "," after closing quotes moves inside them, while without it (en-GB, fr)
// a "." inside moves out. Four passes over the blob tree, as citeproc-js runs them:
// upward (edges), leftward (siblings), downward (suffixes and delimiters), fix (quotes).

#include "src/csl/blob.hpp"

namespace litrev::csl {

void settle_punctuation(Blob& root, bool punctuation_in_quote);

}  // namespace litrev::csl
