#pragma once
// Notes written as HTML (Zotero exports its notes to RIS N1 as "<p>...</p>") read as the
// Markdown litrev keeps notes in: paragraphs, line breaks, bold, italics, links, list items and
// headings kept; other tags dropped; entities decoded.

#include <string>
#include <string_view>

namespace litrev::tagged {

// True when the value holds an HTML element (a '<' followed by a known tag name).
bool looks_like_html(std::string_view value);

// "<p>Coercive, <em>mimetic</em> &amp; normative</p><p>Second</p>" ->
// "Coercive, *mimetic* & normative\n\nSecond".
std::string html_note_to_markdown(std::string_view html);

}  // namespace litrev::tagged
