#pragma once
// The rich text CSL allows inside field values (as citeproc-js reads it): <i>, <b>, <sup>,
// <sub>, <sc>, <span style="font-variant:small-caps;">, <span class="nocase"> (protected from
// text-case), <span class="nodecor">; straight or curly double quotes around words become the
// locale's quotes (nested properly), a straight apostrophe becomes ’. Anything else that looks
// like markup ("<script>", a lone "<") is text and gets escaped by the renderers.

#include <string>
#include <string_view>

#include "src/csl/blob.hpp"

namespace litrev::csl {

// A leaf when the value has no markup; a small tree otherwise.
Blob parse_rich_text(std::string_view value);

// The value without markup (tags dropped, straight apostrophes kept): for sorting and
// comparing.
std::string strip_rich_text(std::string_view value);

}  // namespace litrev::csl
