#pragma once
// A CSL locale: terms, localized date formats and options, built in layers the way CSL 1.0.2
// and citeproc-js do it: the base dialect's file (fr-FR under fr-CA), the dialect's file, then
// the style's own <locale> elements (no xml:lang, the language, the base dialect, the dialect).

#include <pugixml.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "src/csl/formatting.hpp"
#include "src/csl/xml_file.hpp"

namespace litrev::csl {

enum class TermForm : std::uint8_t { long_, short_, verb, verb_short, symbol };
enum class Gender : std::uint8_t { neuter, masculine, feminine };

struct Term {
  std::string single;
  std::string multiple;
  bool has_multiple = false;
  const std::string& get(bool plural) const { return plural && has_multiple ? multiple : single; }
};

struct LocalizedDate {
  std::vector<DatePartSpec> parts;
  Affixes affixes;
};

class Locale {
 public:
  std::string lang;  // the dialect asked for: "en-US", "fr-FR"
  bool punctuation_in_quote = false;
  bool limit_day_ordinals_to_day_1 = false;
  LocalizedDate date_text;
  LocalizedDate date_numeric;

  // Applies one <locale> element over the current state.
  void apply(const XmlFile& file, pugi::xml_node locale);
  // What citeproc-js sets when no layer defines them.
  void fill_defaults();

  // A term with CSL's form fallback (verb-short -> verb -> long, symbol -> short -> long,
  // short -> long), the gender variant asked for or else the neuter one. nullptr if absent.
  const Term* term(std::string_view name, TermForm form = TermForm::long_, Gender gender_form = Gender::neuter) const;
  // The term's text, "" when undefined.
  std::string term_text(std::string_view name, TermForm form = TermForm::long_, bool plural = false) const;
  // The gender of a noun term (edition, month-03...), neuter when the locale does not say.
  Gender gender_of(std::string_view name) const;

  // "1st", "2e", "1ʳᵉ": CSL 1.0.1 ordinals (ordinal-00..99 with match, then ordinal).
  std::string ordinal(long n, Gender gender) const;
  // "first".."tenth" (long-ordinal-01..10), else the ordinal.
  std::string long_ordinal(long n, Gender gender) const;

 private:
  struct Entry {
    TermForm form;
    Gender gender_form;
    Term term;
  };
  struct OrdinalRule {
    int number;  // the NN of ordinal-NN
    enum class Match : std::uint8_t { last_digit, last_two_digits, whole_number } match;
    Gender gender_form;
    std::string text;
  };
  const Entry* find(std::string_view name, TermForm form, Gender gender_form) const;
  std::unordered_map<std::string, std::vector<Entry>> terms_;
  std::unordered_map<std::string, Gender> genders_;
  std::vector<OrdinalRule> ordinals_;
};

// "fr" -> "fr-FR", "en" -> "en-US", "de-AT" -> "de-DE" (the dialect CSL falls back on).
std::string base_dialect(std::string_view lang);
// Normalizes "fr_FR", "fr-fr" -> "fr-FR", "FR" -> "fr".
std::string normalize_lang(std::string_view lang);

TermForm term_form_from(std::string_view form);

}  // namespace litrev::csl
