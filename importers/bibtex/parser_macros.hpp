#pragma once
// The @string macro table.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace litrev::bibtex {

// @string macros by name, compared case-insensitively (ASCII) as BibTeX does. Starts with
// the month macros: jan..dec expand to "January".."December", which is what plain.bst and
// every standard BibTeX style define (biber maps them to numbers instead; we keep BibTeX's
// text so the value stays readable and re-exports as it was meant).
class MacroTable {
 public:
  MacroTable();
  // nullptr when name is not defined.
  const std::string* find(std::string_view name) const;
  // Defines or redefines name.
  void define(std::string_view name, std::string value);
  std::size_t size() const { return map_.size(); }

  // Bytes of macro text copied into values so far, by every parse that used this table: the
  // per-file expansion limit (ParseOptions::max_macro_bytes_per_file) counts these, so that
  // parsing entries again later (bibtex_import's inheritance) cannot exceed it either.
  std::size_t expanded_bytes() const { return expanded_bytes_; }
  void count_expansion(std::size_t bytes) { expanded_bytes_ += bytes; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const;
  };
  struct Equal {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const;
  };
  std::unordered_map<std::string, std::string, Hash, Equal> map_;
  std::size_t expanded_bytes_ = 0;
};

}  // namespace litrev::bibtex
