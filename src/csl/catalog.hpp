#pragma once
// Where styles and locales come from: the official CSL repositories as Debian installs them
// (/usr/share/citation-style-language/{styles,locales}, styles/dependent/), or the folder in
// $LITREV_CSL_DIR (styles and locales side by side or in styles/ and locales/ subfolders).
// A style is named by its file name without ".csl" ("american-sociological-association"), a
// short alias ("asa", "chicago"), or a path to a .csl file. An unknown name is an error that
// lists the closest names.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "src/csl/style_loader.hpp"

namespace litrev::csl {

struct StyleFile {
  std::string name;  // file name without .csl
  std::filesystem::path path;
  bool dependent = false;
  std::string title;  // filled by search()
};

class StyleCatalog {
 public:
  StyleCatalog(std::vector<std::filesystem::path> style_dirs, std::vector<std::filesystem::path> locale_dirs);
  // $LITREV_CSL_DIR if set, else the Debian folders.
  static StyleCatalog from_environment();

  // NAME, ALIAS or FILE.csl -> the file. Throws CslError(unknown_style) naming the closest
  // styles, or CslError(unreadable) for a path that does not exist.
  std::filesystem::path resolve(std::string_view name) const;
  // Loads and compiles a style for a locale ("" = its default).
  Style load(std::string_view name, const std::string& locale = "") const;
  StyleSources sources() const;

  // Every style file (independent first, then dependent), sorted by name.
  std::vector<StyleFile> list() const;
  // Styles whose name or title contains every word of query (case and accents ignored),
  // with their titles. An empty query lists the independent styles.
  std::vector<StyleFile> search(std::string_view query) const;
  // The closest style names to a misspelt one, best first.
  std::vector<std::string> closest(std::string_view name, std::size_t n = 5) const;

  const std::vector<std::filesystem::path>& style_dirs() const { return style_dirs_; }
  const std::vector<std::filesystem::path>& locale_dirs() const { return locale_dirs_; }

 private:
  std::vector<std::filesystem::path> style_dirs_;
  std::vector<std::filesystem::path> locale_dirs_;
};

// The short names litrev accepts for common styles: {alias, style name}.
const std::vector<std::pair<std::string_view, std::string_view>>& style_aliases();

}  // namespace litrev::csl
