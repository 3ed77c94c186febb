#pragma once
// Where the items of a CSL-JSON text start, and the keys of each item: one pass over the text
// that knows only strings and nesting. nlohmann-json 3.11 keeps no positions of values, and a
// diagnostic must name the line of the item (and of the variable) it is about. Also measures
// the nesting, so that absurdly deep input is refused before any recursive code sees it.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace litrev::csljson {

struct ItemLayout {
  std::uint32_t line = 0;  // of the item's first character
  // Each key of the item (when it is an object) as written between its quotes, escapes not
  // decoded, and its line; in text order.
  std::vector<std::pair<std::string_view, std::uint32_t>> keys;

  // The line of key `name`, else the item's line.
  std::uint32_t line_of(std::string_view name) const;
};

struct JsonLayout {
  // The elements of the top-level array, or the top-level object as the only item.
  std::vector<ItemLayout> items;
  // Set when the nesting goes deeper than the limit: the line where it does (scanning stops).
  std::uint32_t too_deep_line = 0;
};

// Scans text (JSON or not: the layout of text that is not JSON means nothing, but scanning it is
// safe).
JsonLayout scan_json_layout(std::string_view text, std::size_t depth_limit);

// The 1-based line and column of a byte offset of text.
std::pair<std::uint32_t, std::uint32_t> line_and_column(std::string_view text, std::size_t offset);

}  // namespace litrev::csljson
