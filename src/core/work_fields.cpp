#include "src/core/work_fields.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "src/core/identifiers.hpp"
#include "src/core/language_guess.hpp"
#include "src/core/text.hpp"
#include "src/core/data_model.hpp"

namespace litrev {
namespace {

using K = WorkFieldKind;

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "2019", "2019-03", "2019-03-14" with a month 1..12 (or a season 21..24) and a day 1..31.
bool plain_date(std::string_view s) {
  if (s.size() < 4 || !digits(s.substr(0, 4))) return false;
  if (s.size() == 4) return true;
  if (s.size() != 7 && s.size() != 10) return false;
  if (s[4] != '-' || !digits(s.substr(5, 2))) return false;
  const int month = std::stoi(std::string(s.substr(5, 2)));
  if (s.size() == 7) return (month >= 1 && month <= 12) || (month >= 21 && month <= 24);
  if (month < 1 || month > 12 || s[7] != '-' || !digits(s.substr(8, 2))) return false;
  const int day = std::stoi(std::string(s.substr(8, 2)));
  return day >= 1 && day <= 31;
}

std::vector<std::string> split_list(std::string_view value) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    if (i == value.size() || value[i] == ';' || value[i] == ',') {
      if (auto item = trim(value.substr(start, i - start)); !item.empty()) out.emplace_back(item);
      start = i + 1;
    }
  }
  return out;
}

std::optional<std::string> normalized_id(IdScheme scheme, std::string_view v) {
  switch (scheme) {
    case IdScheme::doi: return normalize_doi(v);
    case IdScheme::isbn: return normalize_isbn(v);
    case IdScheme::issn: return normalize_issn(v);
    case IdScheme::hal: return normalize_hal_id(v);
    case IdScheme::arxiv: return normalize_arxiv(v);
    case IdScheme::pmid:
      if (digits(v)) return std::string(v);
      return std::nullopt;
    default: return std::string(v);
  }
}

std::string_view id_label(IdScheme scheme) {
  switch (scheme) {
    case IdScheme::doi: return "a DOI (10.xxxx/...)";
    case IdScheme::isbn: return "an ISBN (10 or 13 digits with a valid check digit)";
    case IdScheme::issn: return "an ISSN (1234-567X)";
    case IdScheme::hal: return "a HAL id (hal-01234567)";
    case IdScheme::arxiv: return "an arXiv id (2101.01234)";
    case IdScheme::pmid: return "a PubMed id (digits)";
    default: return "an identifier";
  }
}

}  // namespace

const std::vector<WorkFieldSpec>& work_fields() {
  static const std::vector<WorkFieldSpec> fields = {
      {"type", "entrytype", K::type},
      {"title", "", K::text, &Work::title},
      {"subtitle", "", K::text, &Work::subtitle},
      {"journaltitle", "journal container booktitle", K::text, &Work::container},
      {"date", "", K::date},
      {"year", "", K::year},
      {"volume", "", K::text, &Work::volume},
      {"number", "issue", K::text, &Work::issue},
      {"pages", "", K::text, &Work::pages},
      {"publisher", "institution school", K::text, &Work::publisher},
      {"location", "address place", K::text, &Work::place},
      {"edition", "", K::text, &Work::edition},
      {"langid", "language hyphenation", K::language, &Work::language},
      {"abstract", "", K::text, &Work::abstract_text},
      {"keywords", "", K::keywords},
      {"url", "", K::text, &Work::url},
      {"doi", "", K::identifier, nullptr, IdScheme::doi},
      {"isbn", "", K::identifier, nullptr, IdScheme::isbn},
      {"issn", "", K::identifier, nullptr, IdScheme::issn},
      {"hal_id", "hal halid", K::identifier, nullptr, IdScheme::hal},
      {"eprint", "arxiv", K::identifier, nullptr, IdScheme::arxiv},
      {"pmid", "", K::identifier, nullptr, IdScheme::pmid},
  };
  return fields;
}

const WorkFieldSpec* find_work_field(std::string_view name) {
  const std::string wanted = ascii_lower(trim(name));
  for (const auto& f : work_fields()) {
    if (f.name == wanted) return &f;
    for (const auto& alias : words(f.aliases))
      if (alias == wanted) return &f;
  }
  return nullptr;
}

std::vector<std::string> work_field_names() {
  std::vector<std::string> out;
  for (const auto& f : work_fields()) {
    out.emplace_back(f.name);
    for (auto& alias : words(f.aliases)) out.push_back(std::move(alias));
  }
  return out;
}

std::expected<std::string, std::string> normalize_work_field(const WorkFieldSpec& field, std::string_view value) {
  if (!is_valid_utf8(value)) return std::unexpected("the value is not valid UTF-8");
  // Spaces collapsed except in an abstract, whose paragraphs are the user's.
  const std::string v = field.kind == K::text && field.member == &Work::abstract_text ? std::string(trim(nfc(value)))
                                                                                      : collapse_spaces(nfc(value));
  if (v.empty()) return std::unexpected("the value is empty (litrev unset removes a value)");
  switch (field.kind) {
    case K::text:
      if (field.member == &Work::url && !v.starts_with("http://") && !v.starts_with("https://"))
        return std::unexpected(fmt::format("'{}' is not a web address (http:// or https://)", v));
      return v;
    case K::type: {
      const std::string lower = ascii_lower(v);
      if (is_store_type(lower)) return lower;
      const std::string_view mapped = store_type_from(TypeVocabulary::bibtex, lower);
      if (mapped != "misc") return std::string(mapped);
      return std::unexpected(fmt::format(
          "'{}' is not a work type (article, book, incollection, inproceedings, thesis, report, online, misc...)", v));
    }
    case K::year:
      if (v.size() == 4 && digits(v)) return v;
      return std::unexpected(fmt::format("'{}' is not a year (four digits, as 2019)", v));
    case K::date: {
      const auto slash = v.find('/');
      const bool ok = slash == std::string::npos
                          ? plain_date(v)
                          : plain_date(std::string_view(v).substr(0, slash)) && plain_date(std::string_view(v).substr(slash + 1));
      if (ok) return v;
      return std::unexpected(fmt::format("'{}' is not a date (2019, 2019-03, 2019-03-14, or a range 2019/2020)", v));
    }
    case K::language:
      if (!language_tag(v).empty()) return v;
      return std::unexpected(fmt::format("'{}' is not a language litrev knows (english, french, fr, en-US...)", v));
    case K::keywords: {
      const auto items = split_list(v);
      return fmt::format("{}", fmt::join(items, "; "));
    }
    case K::identifier: {
      std::vector<std::string> out;
      for (const auto& item : split_list(v)) {
        const auto id = normalized_id(field.scheme, item);
        if (!id) return std::unexpected(fmt::format("'{}' is not {}", item, id_label(field.scheme)));
        if (std::find(out.begin(), out.end(), *id) == out.end()) out.push_back(*id);
      }
      return fmt::format("{}", fmt::join(out, "; "));
    }
  }
  return v;
}

std::string work_field_value(const Work& w, const WorkFieldSpec& field) {
  switch (field.kind) {
    case K::text:
    case K::language: return w.*field.member;
    case K::type: return w.type;
    case K::year: return w.year ? std::to_string(*w.year) : std::string();
    case K::date: return w.date;
    case K::keywords: return fmt::format("{}", fmt::join(w.keywords, "; "));
    case K::identifier: {
      std::vector<std::string_view> values;
      for (const auto& id : w.ids)
        if (id.scheme == field.scheme) values.push_back(id.value);
      return fmt::format("{}", fmt::join(values, "; "));
    }
  }
  return {};
}

void apply_work_field(Work& w, const WorkFieldSpec& field, std::string_view value) {
  switch (field.kind) {
    case K::text:
    case K::language: w.*field.member = std::string(value); return;
    case K::type: w.type = value.empty() ? "misc" : std::string(value); return;
    case K::year:
      if (value.empty() || !digits(value)) {
        w.year.reset();
        w.date.clear();
        return;
      }
      w.year = std::stoi(std::string(value));
      // The date follows a corrected year: "2019-03-14" under a year set to 2020 would say two things.
      if (!w.date.starts_with(value)) w.date = std::string(value);
      return;
    case K::date:
      w.date = std::string(value);
      if (value.size() >= 4 && digits(value.substr(0, 4))) w.year = std::stoi(std::string(value.substr(0, 4)));
      else w.year.reset();
      return;
    case K::keywords: w.keywords = split_list(value); return;
    case K::identifier:
      std::erase_if(w.ids, [&](const Identifier& id) { return id.scheme == field.scheme; });
      for (auto& v : split_list(value)) w.ids.push_back(Identifier{field.scheme, std::move(v)});
      return;
  }
}

}  // namespace litrev
