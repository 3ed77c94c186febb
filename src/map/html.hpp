#pragma once
// The map page: one self-contained HTML file (no network access needed to open it: the page's
// own script and style are inline, written for litrev, and a Content-Security-Policy forbids
// loading anything). Sources: src/map/assets/map.html.in, map.css, map.js, embedded at build
// time (cmake/EmbedAssets.cmake).
//
// Everything from the library reaches the page as JSON inside <script type="application/json">
// with '<', '>', '&', U+2028 and U+2029 escaped, so a title holding "</script>" or markup stays
// text; the script puts it into the page with textContent only. Invalid UTF-8 becomes U+FFFD.

#include <string>
#include <string_view>

#include "src/map/map_document.hpp"

namespace litrev::map {

std::string to_html(const MapDocument& document);

// JSON text safe inside an HTML <script> element (see above).
std::string script_safe_json(std::string_view json);

// Text safe in HTML element content and attribute values.
std::string html_escape(std::string_view text);

}  // namespace litrev::map
