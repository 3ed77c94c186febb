#pragma once
// Style XML -> compiled Style (style.hpp), in one pass at load time. Dependent styles are
// followed to their independent parent; the locale is built from locale files and the style's
// own <locale> elements. Errors (CslError) name the file, the line and the element: not a CSL
// style, a macro that calls itself (with the chain of calls), an element or attribute value
// the engine does not implement, a missing locale.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "src/csl/style.hpp"

namespace litrev::csl {

struct StyleSources {
  // The locale file for a dialect ("fr-FR"), or nothing.
  std::function<std::optional<std::filesystem::path>(const std::string& lang)> locale_file;
  // The independent parent of a dependent style: href of its <link rel="independent-parent">.
  std::function<std::optional<std::filesystem::path>(const std::string& href, const std::filesystem::path& dependent)>
      parent_file;
};

// locale: "" = the style's default-locale (a dependent style's own, else its parent's), else
// en-US. A locale asked for explicitly must exist (CslError missing_locale); a default-locale
// without file falls back to its language's main dialect, then en-US.
Style load_style_file(const std::filesystem::path& path, const StyleSources& sources, const std::string& locale = "");
// The same for XML in memory (source names it in messages).
Style load_style_text(const std::string& xml, const std::string& source, const StyleSources& sources,
                      const std::string& locale = "");

}  // namespace litrev::csl
