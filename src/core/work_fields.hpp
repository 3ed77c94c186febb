#pragma once
// The fields of a work that a user may correct by hand (`litrev set KEY FIELD VALUE`): their
// names (BibLaTeX's, with the legacy BibTeX and litrev names as aliases), how a value is checked
// and normalized, and where it goes in a Work. Data, not code: one row per field in
// work_fields.cpp. Pure functions; the store keeps the user's values as a source record of kind
// "user" and applies them with apply_work_field.

#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/core/record.hpp"

namespace litrev {

enum class WorkFieldKind {
  text,        // a readable string member: title, container, publisher...
  type,        // the store type (core/data_model.hpp), BibTeX type names accepted
  year,        // a plain year; the date follows it
  date,        // ISO 8601 / EDTF subset: 2019, 2019-03, 2019-03-14, and ranges a/b; sets the year
  language,    // a language litrev recognizes (core/language_guess.hpp language_tag)
  keywords,    // separated by ';' or ','
  identifier,  // one scheme of Work::ids; several values separated by ',' or ';'
};

struct WorkFieldSpec {
  std::string_view name;     // canonical (BibLaTeX) name: "journaltitle", "langid", "doi"
  std::string_view aliases;  // other accepted names, space-separated: "journal container"
  WorkFieldKind kind;
  std::string Work::* member = nullptr;  // for text kinds
  IdScheme scheme = IdScheme::doi;       // for identifiers
};

// Every settable field, in the order `litrev set --help` lists them.
const std::vector<WorkFieldSpec>& work_fields();
// The field named name or one of its aliases (case-insensitive); nullptr when none.
const WorkFieldSpec* find_work_field(std::string_view name);
// Every canonical name and alias, for "did you mean ...?".
std::vector<std::string> work_field_names();

// Checks and normalizes a value the user gave for a field (trimmed, NFC; a DOI lower-cased
// without resolver; a BibTeX type as its store type...). The error says what was expected.
std::expected<std::string, std::string> normalize_work_field(const WorkFieldSpec& field, std::string_view value);

// The field's readable value in w: identifiers and keywords joined with "; ", a year as digits.
std::string work_field_value(const Work& w, const WorkFieldSpec& field);

// Writes a normalized value (normalize_work_field) into w; "" clears the field (a year or a
// date clears both, an identifier removes every value of its scheme).
void apply_work_field(Work& w, const WorkFieldSpec& field, std::string_view value);

}  // namespace litrev
