#pragma once
// The engine's input model: one CSL item (the CSL-JSON data model of CSL 1.0.2), independent
// of the store. Variables are interned (Var) so that a style compiled once looks them up by
// number; the table in item.cpp is the one list of CSL variables and their kinds.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace litrev::csl {

enum class VarKind : std::uint8_t { standard, number, name, date };

// Every CSL 1.0.2 variable (plus the processor-made ones: year-suffix, citation-number...).
enum class Var : std::uint8_t {
  // standard
  abstract, annote, archive, archive_collection, archive_location, archive_place, authority,
  call_number, citation_key, citation_label, collection_title, container_title,
  container_title_short, dimensions, division, doi, event, event_title, event_place, genre, isbn,
  issn, jurisdiction, keyword, language, license, medium, note, original_publisher,
  original_publisher_place, original_title, part_title, pmcid, pmid, publisher, publisher_place,
  references, reviewed_genre, reviewed_title, scale, source, status, title, title_short, url,
  volume_title, volume_title_short, year_suffix,
  // number
  chapter_number, citation_number, collection_number, edition, first_reference_note_number,
  issue, locator, number, number_of_pages, number_of_volumes, page, page_first, part_number,
  printing_number, section, supplement_number, version, volume,
  // name
  author, chair, collection_editor, compiler, composer, container_author, contributor, curator,
  director, editor, editorial_director, editor_translator, executive_producer, guest, host, illustrator,
  interviewer, narrator, organizer, original_author, performer, producer, recipient,
  reviewed_author, script_writer, series_creator, translator,
  // date
  accessed, available_date, event_date, issued, original_date, submitted,
  count_
};
inline constexpr std::size_t kVarCount = static_cast<std::size_t>(Var::count_);

std::string_view var_name(Var v);
VarKind var_kind(Var v);
// "container-title" -> Var::container_title; also the CSL-JSON spellings of Zotero and
// citeproc-js ("shortTitle", "journalAbbreviation", "event" for event-title...).
std::optional<Var> find_var(std::string_view name);

struct Name {
  std::string family;
  std::string given;
  std::string dropping_particle;      // "de" in "Alexis de Tocqueville" (not sorted on)
  std::string non_dropping_particle;  // "van" in "José van Dijck" (sorted on unless demoted)
  std::string suffix;                 // "Jr.", "III"
  std::string literal;                // an institution or a name not to be split
  bool comma_suffix = false;          // "Smith, Jr." rather than "Smith Jr."
  bool static_ordering = false;       // family first, never inverted (as in East Asian names)
  bool is_literal() const { return !literal.empty() || (given.empty() && family.empty()); }
};

// One end of a date. 0 = absent. Seasons are months 13..16 (spring..winter), CSL-JSON's way.
struct DateParts {
  int year = 0;  // negative: BC
  int month = 0;
  int day = 0;
  bool empty() const { return year == 0 && month == 0 && day == 0; }
  bool operator==(const DateParts&) const = default;
};

struct Date {
  DateParts from;
  std::optional<DateParts> to;  // a range
  bool circa = false;           // "approximate"/is-uncertain-date
  std::string literal;          // a date that cannot be parsed: rendered as is
  int season = 0;               // 1..4 from CSL-JSON "season" when the parts have no month
  bool empty() const { return from.empty() && literal.empty(); }
};

// One item. Values of standard and number variables may hold CSL's rich-text markup (<i>, <b>,
// <sup>, <sub>, <sc>, <span class="nocase">): the engine interprets it, exports keep it.
struct Item {
  std::string id;
  std::string type;  // CSL type: "article-journal", "book", "chapter"...
  std::vector<std::pair<Var, std::string>> text;  // standard and number variables
  std::vector<std::pair<Var, std::vector<Name>>> names;
  std::vector<std::pair<Var, Date>> dates;

  const std::string* get(Var v) const;
  const std::vector<Name>* get_names(Var v) const;
  const Date* get_date(Var v) const;
  // Replaces or adds; an empty value removes the variable.
  void set(Var v, std::string value);
  void set_names(Var v, std::vector<Name> value);
  void set_date(Var v, Date value);
  // True when the variable has a non-empty value of its kind.
  bool has(Var v) const;
};

// CSL 1.0.2 item types, in the specification's order.
const std::vector<std::string_view>& csl_types();

}  // namespace litrev::csl
