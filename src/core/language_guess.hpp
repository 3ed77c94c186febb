#pragma once
// A title's language when nobody said: French or English from their stop words (and French
// accents), so that formatting does not title-case "Gouverner par les instruments" into
// "Gouverner Par Les Instruments". Deliberately modest: it answers only when one language has
// clearly more evidence, and "" otherwise.

#include <string>
#include <string_view>

namespace litrev {

// "fr", "en" or "".
std::string_view guess_language(std::string_view title);

// A language as BibTeX/BibLaTeX, Crossref or HAL write it ("english", "French", "ngerman",
// "fr-FR", "en_US") -> a BCP 47 tag CSL understands ("en", "fr", "de", "fr-FR", "en-US");
// "" when not recognised.
std::string language_tag(std::string_view language);

}  // namespace litrev
