#include "importers/bibtex/parser_macros.hpp"

#include <array>
#include <utility>

namespace litrev::bibtex {

namespace {
inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

std::size_t MacroTable::Hash::operator()(std::string_view s) const {
  std::size_t h = 14695981039346656037ULL;  // FNV-1a over the lower-cased bytes
  for (char c : s) h = (h ^ static_cast<unsigned char>(lower(c))) * 1099511628211ULL;
  return h;
}

bool MacroTable::Equal::operator()(std::string_view a, std::string_view b) const {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

MacroTable::MacroTable() {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kMonths = {{
      {"jan", "January"},
      {"feb", "February"},
      {"mar", "March"},
      {"apr", "April"},
      {"may", "May"},
      {"jun", "June"},
      {"jul", "July"},
      {"aug", "August"},
      {"sep", "September"},
      {"oct", "October"},
      {"nov", "November"},
      {"dec", "December"},
  }};
  for (const auto& [name, value] : kMonths) map_.emplace(name, value);
}

const std::string* MacroTable::find(std::string_view name) const {
  const auto it = map_.find(name);
  return it == map_.end() ? nullptr : &it->second;
}

void MacroTable::define(std::string_view name, std::string value) {
  const auto it = map_.find(name);
  if (it != map_.end())
    it->second = std::move(value);
  else
    map_.emplace(std::string(name), std::move(value));
}

}  // namespace litrev::bibtex
