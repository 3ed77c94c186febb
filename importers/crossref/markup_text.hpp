#pragma once
// Crossref carries markup inside JSON strings: abstracts are JATS XML fragments whose `jats:`
// prefix is never declared, and titles hold inline tags (<i>, <sub>, <scp>...). These turn them
// into the readable plain text the store keeps. The original string stays in the source record.

#include <string>
#include <string_view>

namespace litrev {

// A JATS abstract as plain text: one paragraph per <p>/<title>/list item, paragraphs separated
// by a blank line, whitespace inside a paragraph collapsed. A leading title that only says
// "Abstract" is dropped. Markup that is not well-formed XML falls back to stripping tags.
std::string jats_to_text(std::string_view fragment);

// Inline markup to one line of text: tags dropped, entities decoded, whitespace collapsed.
// "Construction of <i>KRAS</i>\n   / <i>NRAS</i>" -> "Construction of KRAS / NRAS"
std::string markup_to_line(std::string_view s);

}  // namespace litrev
