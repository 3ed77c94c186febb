#include "src/csl/locale.hpp"

#include <array>
#include <cctype>
#include <cstdio>

namespace litrev::csl {
namespace {

Gender gender_from(std::string_view g) {
  if (g == "masculine") return Gender::masculine;
  if (g == "feminine") return Gender::feminine;
  return Gender::neuter;
}

// CSL's primary dialects (the locales repository's locales.json), for languages whose main
// dialect is not language-LANGUAGE.
constexpr std::array<std::pair<std::string_view, std::string_view>, 46> kPrimaryDialects = {{
    {"af", "af-ZA"}, {"ar", "ar"},    {"bg", "bg-BG"}, {"ca", "ca-AD"}, {"cs", "cs-CZ"}, {"cy", "cy-GB"},
    {"da", "da-DK"}, {"de", "de-DE"}, {"el", "el-GR"}, {"en", "en-US"}, {"es", "es-ES"}, {"et", "et-EE"},
    {"eu", "eu"},    {"fa", "fa-IR"}, {"fi", "fi-FI"}, {"fr", "fr-FR"}, {"he", "he-IL"}, {"hi", "hi-IN"},
    {"hr", "hr-HR"}, {"hu", "hu-HU"}, {"id", "id-ID"}, {"is", "is-IS"}, {"it", "it-IT"}, {"ja", "ja-JP"},
    {"km", "km-KH"}, {"ko", "ko-KR"}, {"la", "la"},    {"lt", "lt-LT"}, {"lv", "lv-LV"}, {"mn", "mn-MN"},
    {"nb", "nb-NO"}, {"nl", "nl-NL"}, {"nn", "nn-NO"}, {"pl", "pl-PL"}, {"pt", "pt-PT"}, {"ro", "ro-RO"},
    {"ru", "ru-RU"}, {"sk", "sk-SK"}, {"sl", "sl-SI"}, {"sr", "sr-RS"}, {"sv", "sv-SE"}, {"th", "th-TH"},
    {"tr", "tr-TR"}, {"uk", "uk-UA"}, {"vi", "vi-VN"}, {"zh", "zh-CN"},
}};

}  // namespace

TermForm term_form_from(std::string_view form) {
  if (form == "short") return TermForm::short_;
  if (form == "verb") return TermForm::verb;
  if (form == "verb-short") return TermForm::verb_short;
  if (form == "symbol") return TermForm::symbol;
  return TermForm::long_;
}

std::string normalize_lang(std::string_view lang) {
  std::string out;
  bool region = false;
  for (char c : lang) {
    if (c == '_' || c == '-') {
      out.push_back('-');
      region = true;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    out.push_back(static_cast<char>(region ? std::toupper(u) : std::tolower(u)));
  }
  return out;
}

std::string base_dialect(std::string_view lang) {
  const auto norm = normalize_lang(lang);
  const auto language = std::string_view(norm).substr(0, norm.find('-'));
  for (const auto& [l, dialect] : kPrimaryDialects)
    if (l == language) return std::string(dialect);
  return norm;
}

void Locale::apply(const XmlFile& file, pugi::xml_node locale) {
  for (auto child : locale.children()) {
    const std::string_view name = child.name();
    if (name == "style-options") {
      if (child.attribute("punctuation-in-quote"))
        punctuation_in_quote = attr_bool(child, "punctuation-in-quote", false);
      if (child.attribute("limit-day-ordinals-to-day-1"))
        limit_day_ordinals_to_day_1 = attr_bool(child, "limit-day-ordinals-to-day-1", false);
    } else if (name == "date") {
      LocalizedDate d;
      d.affixes = file.affixes(child);
      for (auto part : child.children("date-part")) d.parts.push_back(file.date_part(part));
      if (std::string_view(child.attribute("form").value()) == "numeric") date_numeric = std::move(d);
      else date_text = std::move(d);
    } else if (name == "terms") {
      // A layer that defines "ordinal" replaces every ordinal of the layers below (CSL 1.0.1).
      for (auto term : child.children("term")) {
        if (std::string_view(term.attribute("name").value()) == "ordinal") {
          ordinals_.clear();
          terms_.erase("ordinal");
          break;
        }
      }
      for (auto term : child.children("term")) {
        std::string term_name = term.attribute("name").value();
        if (term_name == "sub verbo") term_name = "sub-verbo";
        const auto form = term_form_from(term.attribute("form").value());
        const auto gender_form = gender_from(term.attribute("gender-form").value());
        if (const auto g = term.attribute("gender")) genders_[term_name] = gender_from(g.value());
        Term value;
        if (auto single = term.child("single")) {
          value.single = single.text().get();
          value.multiple = term.child("multiple").text().get();
          value.has_multiple = true;
        } else {
          value.single = term.text().get();
        }
        if (term_name.starts_with("ordinal-") && term_name.size() == 10) {
          OrdinalRule rule;
          rule.number = std::atoi(term_name.c_str() + 8);
          const std::string_view match = term.attribute("match").value();
          if (match == "whole-number") rule.match = OrdinalRule::Match::whole_number;
          else if (match == "last-two-digits") rule.match = OrdinalRule::Match::last_two_digits;
          else if (match == "last-digit") rule.match = OrdinalRule::Match::last_digit;
          else rule.match = rule.number < 10 ? OrdinalRule::Match::last_digit : OrdinalRule::Match::last_two_digits;
          rule.gender_form = gender_form;
          rule.text = value.single;
          std::erase_if(ordinals_, [&](const OrdinalRule& r) {
            return r.number == rule.number && r.gender_form == rule.gender_form;
          });
          ordinals_.push_back(std::move(rule));
          continue;
        }
        auto& entries = terms_[term_name];
        std::erase_if(entries, [&](const Entry& e) { return e.form == form && e.gender_form == gender_form; });
        entries.push_back({form, gender_form, std::move(value)});
      }
    }
  }
}

void Locale::fill_defaults() {
  auto define = [&](const std::string& name, std::string value) {
    if (!find(name, TermForm::long_, Gender::neuter)) terms_[name].push_back({TermForm::long_, Gender::neuter, {std::move(value), {}, false}});
  };
  const bool dash_hyphen = lang.starts_with("fr") || lang.starts_with("pt");
  define("page-range-delimiter", dash_hyphen ? "-" : "\u2013");
  define("year-range-delimiter", "\u2013");
  define("citation-range-delimiter", "\u2013");
}

const Locale::Entry* Locale::find(std::string_view name, TermForm form, Gender gender_form) const {
  const auto it = terms_.find(std::string(name));
  if (it == terms_.end()) return nullptr;
  const Entry* neutral = nullptr;
  const Entry* any_gender = nullptr;
  for (const auto& e : it->second) {
    if (e.form != form) continue;
    if (e.gender_form == gender_form) return &e;
    if (e.gender_form == Gender::neuter) neutral = &e;
    else if (!any_gender || e.gender_form == Gender::feminine) any_gender = &e;
  }
  return neutral ? neutral : any_gender;
}

const Term* Locale::term(std::string_view name, TermForm form, Gender gender_form) const {
  // CSL's form fallback chain.
  std::array<TermForm, 3> chain{};
  std::size_t n = 0;
  chain[n++] = form;
  if (form == TermForm::verb_short) chain[n++] = TermForm::verb;
  if (form == TermForm::symbol) chain[n++] = TermForm::short_;
  if (form != TermForm::long_) chain[n++] = TermForm::long_;
  for (std::size_t i = 0; i < n; ++i)
    if (const auto* e = find(name, chain[i], gender_form)) return &e->term;
  return nullptr;
}

std::string Locale::term_text(std::string_view name, TermForm form, bool plural) const {
  const auto* t = term(name, form);
  return t ? t->get(plural) : std::string();
}

Gender Locale::gender_of(std::string_view name) const {
  const auto it = genders_.find(std::string(name));
  return it == genders_.end() ? Gender::neuter : it->second;
}

std::string Locale::ordinal(long n, Gender gender) const {
  const long abs_n = n < 0 ? -n : n;
  // citeproc-js: the rules of the noun's gender (whole number, then last two digits, then last
  // digit); failing those the "ordinal" term; the neuter rules only when that term is empty.
  auto lookup = [&](Gender g) -> const OrdinalRule* {
    const OrdinalRule* best = nullptr;
    int best_rank = 99;
    for (const auto& r : ordinals_) {
      if (r.gender_form != g) continue;
      int rank = -1;
      if (r.match == OrdinalRule::Match::whole_number && abs_n == r.number) rank = 0;
      else if (r.match == OrdinalRule::Match::last_two_digits && abs_n % 100 == r.number) rank = 1;
      else if (r.match == OrdinalRule::Match::last_digit && abs_n % 10 == r.number) rank = 2;
      if (rank >= 0 && rank < best_rank) {
        best_rank = rank;
        best = &r;
      }
    }
    return best;
  };
  std::string suffix;
  if (const auto* r = lookup(gender)) {
    suffix = r->text;
  } else {
    if (const auto* t = term("ordinal", TermForm::long_, gender)) suffix = t->single;
    if (suffix.empty() && gender != Gender::neuter)
      if (const auto* r2 = lookup(Gender::neuter)) suffix = r2->text;
  }
  return std::to_string(n) + suffix;
}

std::string Locale::long_ordinal(long n, Gender gender) const {
  if (n >= 1 && n <= 10) {
    char name[24];
    std::snprintf(name, sizeof name, "long-ordinal-%02ld", n);
    if (const auto* t = term(name, TermForm::long_, gender)) return t->single;
  }
  return ordinal(n, gender);
}

}  // namespace litrev::csl
