#include "importers/csljson/json_layout.hpp"

#include <algorithm>

namespace litrev::csljson {

std::uint32_t ItemLayout::line_of(std::string_view name) const {
  for (const auto& [key, key_line] : keys)
    if (key == name) return key_line;
  return line;
}

JsonLayout scan_json_layout(std::string_view text, std::size_t depth_limit) {
  JsonLayout out;
  std::vector<char> open;  // '{' or '[' per level
  std::uint32_t line = 1;
  bool in_string = false, escaped = false;
  bool root_object = false;
  bool expect_item = false;  // inside the root array, after '[' or ','
  bool expect_key = false;   // inside an item object, after '{' or ','
  bool key_string = false;
  std::size_t key_start = 0;
  const auto key_depth = [&] { return root_object ? std::size_t{1} : std::size_t{2}; };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') {
        in_string = false;
        if (key_string && !out.items.empty()) out.items.back().keys.emplace_back(text.substr(key_start, i - key_start), line);
        key_string = false;
      }
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (expect_item && open.size() == 1 && c != ']') {
      out.items.push_back({line, {}});
      expect_item = false;
    }
    switch (c) {
      case '"':
        in_string = true;
        if (expect_key && open.size() == key_depth() && open.back() == '{') {
          key_string = true;
          key_start = i + 1;
          expect_key = false;
        }
        break;
      case '{':
      case '[':
        if (open.empty()) {
          root_object = c == '{';
          if (root_object) out.items.push_back({line, {}});
        }
        open.push_back(c);
        if (open.size() > depth_limit) {
          out.too_deep_line = line;
          return out;
        }
        expect_item = open.size() == 1 && c == '[';
        expect_key = c == '{' && open.size() == key_depth();
        break;
      case '}':
      case ']':
        if (!open.empty()) open.pop_back();
        expect_key = expect_item = false;
        break;
      case ',':
        expect_item = open.size() == 1 && !root_object;
        expect_key = open.size() == key_depth() && open.back() == '{';
        break;
      default: break;
    }
  }
  return out;
}

std::pair<std::uint32_t, std::uint32_t> line_and_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const auto line = static_cast<std::uint32_t>(1 + std::count(before.begin(), before.end(), '\n'));
  const std::size_t last_break = before.rfind('\n');
  const auto column = static_cast<std::uint32_t>(last_break == std::string_view::npos ? offset + 1 : offset - last_break);
  return {line, column};
}

}  // namespace litrev::csljson
