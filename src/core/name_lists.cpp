#include "src/core/name_lists.hpp"

#include <algorithm>
#include <vector>

namespace litrev {

bool is_initials_token(std::string_view t) {
  if (t.empty() || t.back() != '.') return false;
  bool letter_before = false;  // a letter waiting for its period
  for (std::size_t i = 0; i < t.size();) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c == '.') {
      if (!letter_before) return false;
      letter_before = false;
      ++i;
    } else if (c == '-' && !letter_before && i > 0) {
      ++i;
    } else if (!letter_before && ((c >= 'A' && c <= 'Z') || c >= 0xC0)) {
      ++i;
      while (i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) ++i;  // UTF-8 continuation
      letter_before = true;
    } else {
      return false;
    }
  }
  return true;
}

bool is_comma_separated_name_list(std::string_view name) {
  std::size_t parts = 0;
  std::vector<std::string_view> tokens;
  auto part_ok = [&](std::string_view part) {
    tokens.clear();
    int depth = 0;
    std::size_t start = std::string_view::npos;
    for (std::size_t i = 0; i <= part.size(); ++i) {
      const char c = i < part.size() ? part[i] : ' ';
      if (c == '{') ++depth;
      else if (c == '}' && depth > 0) --depth;
      const bool sep = depth == 0 && (c == ' ' || c == '~' || c == '\t' || c == '\n' || c == '\r');
      if (sep && start != std::string_view::npos) {
        tokens.push_back(part.substr(start, i - start));
        start = std::string_view::npos;
      } else if (!sep && start == std::string_view::npos) {
        start = i;
      }
    }
    if (tokens.size() < 2 || !is_initials_token(tokens.back())) return false;
    return std::none_of(tokens.begin(), tokens.end() - 1, [](std::string_view t) { return is_initials_token(t); });
  };
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    const char c = i < name.size() ? name[i] : ',';
    if (c == '{') ++depth;
    else if (c == '}' && depth > 0) --depth;
    else if (c == ',' && depth == 0) {
      if (!part_ok(name.substr(start, i - start))) return false;
      ++parts;
      start = i + 1;
    }
  }
  return parts >= 2;
}

}  // namespace litrev
