#pragma once
// A style compiled once for one locale: a compact tree of rendering elements whose macros are
// resolved to pointers (cycles rejected at load), terms looked up, localized dates merged and
// inheritable name options resolved for both contexts. Formatting an item walks this tree
// only; the XML is never looked at again.

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "src/csl/formatting.hpp"
#include "src/csl/item.hpp"
#include "src/csl/locale.hpp"

namespace litrev::csl {

struct Node;
struct Macro;

// The context a macro is rendered in: inheritable name options differ between them.
enum class Context : std::uint8_t { citation = 0, bibliography = 1 };

enum class AndMode : std::uint8_t { none, text, symbol };
enum class DelimiterRule : std::uint8_t { contextual, after_inverted_name, always, never };
enum class NameAsSortOrder : std::uint8_t { none, first, all };
enum class NameForm : std::uint8_t { long_, short_, count };
enum class DemoteParticle : std::uint8_t { never, sort_only, display_and_sort };
enum class Plural : std::uint8_t { contextual, always, never };
enum class NumberForm : std::uint8_t { numeric, ordinal, long_ordinal, roman };
enum class PageRangeFormat : std::uint8_t { none, expanded, minimal, minimal_two, chicago, chicago_16 };

// Inheritable name options, resolved (style < citation/bibliography < names < name).
struct NameOptions {
  AndMode and_mode = AndMode::none;
  std::string and_text;  // the locale's "and" term or "&", resolved
  std::string delimiter = ", ";
  DelimiterRule delimiter_precedes_et_al = DelimiterRule::contextual;
  DelimiterRule delimiter_precedes_last = DelimiterRule::contextual;
  int et_al_min = 0;        // 0: never abbreviate
  int et_al_use_first = 0;
  bool et_al_use_last = false;
  bool initialize = true;
  bool has_initialize_with = false;
  std::string initialize_with;
  NameAsSortOrder name_as_sort_order = NameAsSortOrder::none;
  std::string sort_separator = ", ";
  NameForm form = NameForm::long_;
};

struct NamePart {
  Formatting formatting;
  Affixes affixes;
  TextCase text_case = TextCase::none;
};

struct NameSpec {
  NameOptions options[2];  // by Context
  Formatting formatting;
  Affixes affixes;
  NamePart family, given;
};

struct EtAlSpec {
  std::string text;  // resolved "et al." / "and others"
  Formatting formatting;
  Affixes affixes;
};

struct LabelSpec {
  bool present = false;
  bool after_name = true;  // the <label> followed <name>
  TermForm form = TermForm::long_;
  Plural plural = Plural::contextual;
  Decor decor;
};

struct TextNode {
  enum class Source : std::uint8_t { variable, macro, term, value } source = Source::value;
  Var var = Var::title;
  bool short_form = false;  // form="short" on a variable
  const Macro* macro = nullptr;
  std::string value;             // source value, or the term's singular
  std::string term_plural;       // the term's plural
  bool plural = false;
  std::string term_name;
  bool unknown_variable = false;  // not a CSL variable (an extension's): empty, but a variable
};

struct NumberNode {
  Var var = Var::number;
  NumberForm form = NumberForm::numeric;
};

struct LabelNode {
  Var var = Var::page;
  std::string single, multiple;  // the term, resolved
  Plural plural = Plural::contextual;
};

struct GroupNode {
  std::vector<Node> children;
  std::string delimiter;
};

struct Condition {
  enum class Match : std::uint8_t { all, any, none } match = Match::all;
  struct Test {
    enum class Kind : std::uint8_t { type, variable, is_numeric, is_uncertain_date, locator, position, disambiguate };
    Kind kind = Kind::variable;
    Var var = Var::title;
    std::vector<std::string> values;  // types (one test for the list), locator or position names
    bool flag = false;                // disambiguate="true"
  };
  std::vector<Test> tests;
};

struct ChooseBranch {
  bool is_else = false;
  Condition condition;
  std::vector<Node> children;
};

struct ChooseNode {
  std::vector<ChooseBranch> branches;
};

struct NamesNode {
  std::vector<Var> vars;
  bool has_name = false;
  NameSpec name;
  bool has_et_al = false;
  EtAlSpec et_al;
  LabelSpec label;
  bool has_substitute = false;
  std::vector<Node> substitute;
  std::string delimiter[2];  // between name lists, by Context
};

struct DateNode {
  Var var = Var::issued;
  bool localized = false;
  std::vector<DatePartSpec> parts;  // resolved: the locale's merged with the style's
  std::string delimiter;
  Affixes localized_affixes;
};

struct Node {
  std::variant<TextNode, NumberNode, LabelNode, GroupNode, ChooseNode, NamesNode, DateNode> v;
  Decor decor;
  std::uint32_t line = 0;
};

struct Macro {
  std::string name;
  std::vector<Node> children;
};

struct Layout {
  std::vector<Node> children;
  Decor decor;
  std::string delimiter;
};

struct SortKey {
  bool is_macro = false;
  Var var = Var::title;
  const Macro* macro = nullptr;
  bool descending = false;
  std::optional<int> names_min, names_use_first;
  std::optional<bool> names_use_last;
};

enum class SecondFieldAlign : std::uint8_t { none, flush, margin };
enum class SubsequentAuthorRule : std::uint8_t { complete_all, complete_each, partial_each, partial_first };

struct BibliographyOptions {
  bool hanging_indent = false;
  int entry_spacing = 1;
  int line_spacing = 1;
  SecondFieldAlign second_field_align = SecondFieldAlign::none;
  bool has_subsequent_author_substitute = false;
  std::string subsequent_author_substitute;
  SubsequentAuthorRule subsequent_author_substitute_rule = SubsequentAuthorRule::complete_all;
};

struct DisambiguationOptions {
  bool add_year_suffix = false;
  bool add_names = false;
  bool add_givenname = false;
  // givenname-disambiguation-rule: may given names be written in full (by-cite, all-names,
  // primary-name), or only as initials (*-with-initials)? Which names (all, or the first)?
  // Is it done for every cited name sharing a family name, or only for alike cites (by-cite)?
  bool givenname_full = true;
  bool givenname_primary_only = false;
  bool givenname_by_cite = true;
};

struct StyleInfo {
  std::string id;
  std::string title;
  std::string source;          // the file the style was read from (the parent's, for a dependent)
  std::string requested;       // the file or name the user gave (a dependent style's own file)
  std::string default_locale;  // after dependent / override resolution
  std::string css_class;       // in-text / note
};

class Style {
 public:
  Style() = default;
  // Nodes point into macros: a Style moves but never copies.
  Style(const Style&) = delete;
  Style& operator=(const Style&) = delete;
  Style(Style&&) = default;
  Style& operator=(Style&&) = default;

  StyleInfo info;
  Locale locale;
  DemoteParticle demote_non_dropping_particle = DemoteParticle::display_and_sort;
  bool initialize_with_hyphen = true;
  PageRangeFormat page_range_format = PageRangeFormat::none;
  std::string page_range_delimiter;  // the locale's term, looked up once
  bool has_bibliography = false;
  Layout citation;
  Layout bibliography;
  std::vector<SortKey> citation_sort;
  std::vector<SortKey> bibliography_sort;
  BibliographyOptions bibliography_options;
  DisambiguationOptions disambiguation;
  bool renders_year_suffix = false;  // some <text variable="year-suffix"> exists
  std::deque<Macro> macros;          // stable addresses: nodes point into it
};

}  // namespace litrev::csl
