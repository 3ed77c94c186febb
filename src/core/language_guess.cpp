#include "src/core/language_guess.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "src/core/text.hpp"

namespace litrev {
namespace {

using namespace std::string_view_literals;

// Function words frequent in titles and (nearly) exclusive to one language. Words both use
// ("a", "on", "in" vs "en") are left out or kept on one side only where they are unambiguous.
constexpr std::array kFrench = {"le"sv,  "la"sv,   "les"sv, "des"sv, "du"sv,   "et"sv,  "un"sv,   "une"sv, "pour"sv,
                                "par"sv, "sur"sv,  "dans"sv, "aux"sv, "au"sv,  "est"sv, "entre"sv, "sans"sv, "vers"sv,
                                "leur"sv, "leurs"sv, "ses"sv, "ces"sv, "qui"sv, "que"sv, "quand"sv, "comment"sv,
                                "l"sv,   "d"sv,    "qu"sv,  "enjeux"sv, "de"sv, "en"sv};
constexpr std::array kEnglish = {"the"sv,  "of"sv,  "and"sv,  "for"sv,   "to"sv,   "with"sv,  "from"sv, "is"sv,
                                 "are"sv,  "an"sv,  "by"sv,   "its"sv,   "their"sv, "how"sv,  "what"sv, "why"sv,
                                 "towards"sv, "toward"sv, "between"sv, "through"sv, "into"sv, "beyond"sv,
                                 "this"sv, "that"sv, "in"sv,  "on"sv,    "at"sv,   "as"sv,    "or"sv,   "new"sv};

// Language names as BibTeX (babel/polyglossia) and APIs write them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 24> kNames = {{
    {"english", "en"},    {"american", "en-US"}, {"british", "en-GB"}, {"ukenglish", "en-GB"},
    {"usenglish", "en-US"}, {"french", "fr"},     {"francais", "fr"},  {"frenchb", "fr"},
    {"german", "de"},     {"ngerman", "de"},     {"deutsch", "de"},   {"spanish", "es"},
    {"italian", "it"},    {"portuguese", "pt"},  {"brazilian", "pt-BR"}, {"dutch", "nl"},
    {"swedish", "sv"},    {"danish", "da"},      {"norsk", "nb"},     {"finnish", "fi"},
    {"polish", "pl"},     {"russian", "ru"},     {"japanese", "ja"},  {"chinese", "zh"},
}};

}  // namespace

std::string_view guess_language(std::string_view title) {
  int fr = 0, en = 0;
  // French elisions ("l'action", "d'une") and accents count for French.
  const std::string lower = ascii_lower(title);
  for (std::string_view elision : {"l'"sv, "d'"sv, "qu'"sv, "l\u2019"sv, "d\u2019"sv})
    for (std::size_t p = lower.find(elision); p != std::string::npos; p = lower.find(elision, p + 1))
      if (p == 0 || lower[p - 1] == ' ') ++fr;
  for (std::string_view accent : {"\u00e9"sv, "\u00e8"sv, "\u00ea"sv, "\u00e0"sv, "\u00e7"sv, "\u00f4"sv, "\u00ee"sv})
    if (lower.find(accent) != std::string::npos) ++fr;
  for (const auto& w : words(title)) {
    if (std::find(kFrench.begin(), kFrench.end(), w) != kFrench.end()) ++fr;
    if (std::find(kEnglish.begin(), kEnglish.end(), w) != kEnglish.end()) ++en;
  }
  if (fr > en) return "fr";
  if (en > fr) return "en";
  return {};
}

std::string language_tag(std::string_view language) {
  const std::string trimmed(trim(language));
  if (trimmed.empty()) return {};
  const std::string folded = fold(trimmed);
  for (const auto& [name, tag] : kNames)
    if (folded == name) return std::string(tag);
  // Already a tag: "fr", "fr-FR", "en_US", "FRE"? Two or three letters, optional region.
  std::string tag;
  bool region = false;
  for (char c : trimmed) {
    if (c == '_' || c == '-') {
      tag.push_back('-');
      region = true;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      tag.push_back(region ? static_cast<char>(c & ~0x20) : static_cast<char>(c | 0x20));
    } else {
      return {};
    }
  }
  const auto dash = tag.find('-');
  const auto primary = tag.substr(0, dash);
  if (primary.size() == 2) return tag;
  // ISO 639-2 codes HAL and library records use.
  if (primary == "fre" || primary == "fra") return "fr";
  if (primary == "eng") return "en";
  if (primary == "ger" || primary == "deu") return "de";
  if (primary == "spa") return "es";
  if (primary == "ita") return "it";
  return {};
}

}  // namespace litrev
