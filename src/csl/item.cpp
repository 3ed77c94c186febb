#include "src/csl/item.hpp"

#include <algorithm>
#include <array>

namespace litrev::csl {
namespace {

struct VarRow {
  Var var;
  std::string_view name;
  VarKind kind;
};

using K = VarKind;
// The one table of CSL variables: name as CSL writes it, and kind. Order = enum order.
constexpr std::array<VarRow, kVarCount> kVars = {{
    {Var::abstract, "abstract", K::standard},
    {Var::annote, "annote", K::standard},
    {Var::archive, "archive", K::standard},
    {Var::archive_collection, "archive_collection", K::standard},
    {Var::archive_location, "archive_location", K::standard},
    {Var::archive_place, "archive-place", K::standard},
    {Var::authority, "authority", K::standard},
    {Var::call_number, "call-number", K::standard},
    {Var::citation_key, "citation-key", K::standard},
    {Var::citation_label, "citation-label", K::standard},
    {Var::collection_title, "collection-title", K::standard},
    {Var::container_title, "container-title", K::standard},
    {Var::container_title_short, "container-title-short", K::standard},
    {Var::dimensions, "dimensions", K::standard},
    {Var::division, "division", K::standard},
    {Var::doi, "DOI", K::standard},
    {Var::event, "event", K::standard},  // CSL 1.0.1's name; citeproc-js keeps them apart
    {Var::event_title, "event-title", K::standard},
    {Var::event_place, "event-place", K::standard},
    {Var::genre, "genre", K::standard},
    {Var::isbn, "ISBN", K::standard},
    {Var::issn, "ISSN", K::standard},
    {Var::jurisdiction, "jurisdiction", K::standard},
    {Var::keyword, "keyword", K::standard},
    {Var::language, "language", K::standard},
    {Var::license, "license", K::standard},
    {Var::medium, "medium", K::standard},
    {Var::note, "note", K::standard},
    {Var::original_publisher, "original-publisher", K::standard},
    {Var::original_publisher_place, "original-publisher-place", K::standard},
    {Var::original_title, "original-title", K::standard},
    {Var::part_title, "part-title", K::standard},
    {Var::pmcid, "PMCID", K::standard},
    {Var::pmid, "PMID", K::standard},
    {Var::publisher, "publisher", K::standard},
    {Var::publisher_place, "publisher-place", K::standard},
    {Var::references, "references", K::standard},
    {Var::reviewed_genre, "reviewed-genre", K::standard},
    {Var::reviewed_title, "reviewed-title", K::standard},
    {Var::scale, "scale", K::standard},
    {Var::source, "source", K::standard},
    {Var::status, "status", K::standard},
    {Var::title, "title", K::standard},
    {Var::title_short, "title-short", K::standard},
    {Var::url, "URL", K::standard},
    {Var::volume_title, "volume-title", K::standard},
    {Var::volume_title_short, "volume-title-short", K::standard},
    {Var::year_suffix, "year-suffix", K::standard},
    {Var::chapter_number, "chapter-number", K::number},
    {Var::citation_number, "citation-number", K::number},
    {Var::collection_number, "collection-number", K::number},
    {Var::edition, "edition", K::number},
    {Var::first_reference_note_number, "first-reference-note-number", K::number},
    {Var::issue, "issue", K::number},
    {Var::locator, "locator", K::number},
    {Var::number, "number", K::number},
    {Var::number_of_pages, "number-of-pages", K::number},
    {Var::number_of_volumes, "number-of-volumes", K::number},
    {Var::page, "page", K::number},
    {Var::page_first, "page-first", K::number},
    {Var::part_number, "part-number", K::number},
    {Var::printing_number, "printing-number", K::number},
    {Var::section, "section", K::number},
    {Var::supplement_number, "supplement-number", K::number},
    {Var::version, "version", K::number},
    {Var::volume, "volume", K::number},
    {Var::author, "author", K::name},
    {Var::chair, "chair", K::name},
    {Var::collection_editor, "collection-editor", K::name},
    {Var::compiler, "compiler", K::name},
    {Var::composer, "composer", K::name},
    {Var::container_author, "container-author", K::name},
    {Var::contributor, "contributor", K::name},
    {Var::curator, "curator", K::name},
    {Var::director, "director", K::name},
    {Var::editor, "editor", K::name},
    {Var::editorial_director, "editorial-director", K::name},
    {Var::editor_translator, "editor-translator", K::name},
    {Var::executive_producer, "executive-producer", K::name},
    {Var::guest, "guest", K::name},
    {Var::host, "host", K::name},
    {Var::illustrator, "illustrator", K::name},
    {Var::interviewer, "interviewer", K::name},
    {Var::narrator, "narrator", K::name},
    {Var::organizer, "organizer", K::name},
    {Var::original_author, "original-author", K::name},
    {Var::performer, "performer", K::name},
    {Var::producer, "producer", K::name},
    {Var::recipient, "recipient", K::name},
    {Var::reviewed_author, "reviewed-author", K::name},
    {Var::script_writer, "script-writer", K::name},
    {Var::series_creator, "series-creator", K::name},
    {Var::translator, "translator", K::name},
    {Var::accessed, "accessed", K::date},
    {Var::available_date, "available-date", K::date},
    {Var::event_date, "event-date", K::date},
    {Var::issued, "issued", K::date},
    {Var::original_date, "original-date", K::date},
    {Var::submitted, "submitted", K::date},
}};

constexpr bool table_in_enum_order() {
  for (std::size_t i = 0; i < kVars.size(); ++i)
    if (static_cast<std::size_t>(kVars[i].var) != i) return false;
  return true;
}
static_assert(table_in_enum_order(), "kVars rows must follow the order of enum Var");

// Other spellings met in CSL-JSON files and in styles (CSL 1.0.1 names, Zotero's and
// citeproc-js's camelCase fields).
constexpr std::array<std::pair<std::string_view, Var>, 7> kAliases = {{
    {"shortTitle", Var::title_short},
    {"journalAbbreviation", Var::container_title_short},
    {"archive-location", Var::archive_location},
    {"archive-collection", Var::archive_collection},
    {"doi", Var::doi},
    {"url", Var::url},
    {"isbn", Var::isbn},
}};

template <typename Vec>
auto find_in(Vec& vec, Var v) -> decltype(&vec.front().second) {
  for (auto& [k, value] : vec)
    if (k == v) return &value;
  return nullptr;
}

template <typename Vec, typename T>
void set_in(Vec& vec, Var v, T value, bool remove) {
  auto it = std::find_if(vec.begin(), vec.end(), [&](const auto& p) { return p.first == v; });
  if (remove) {
    if (it != vec.end()) vec.erase(it);
  } else if (it != vec.end()) {
    it->second = std::move(value);
  } else {
    vec.emplace_back(v, std::move(value));
  }
}

}  // namespace

std::string_view var_name(Var v) { return kVars[static_cast<std::size_t>(v)].name; }
VarKind var_kind(Var v) { return kVars[static_cast<std::size_t>(v)].kind; }

std::optional<Var> find_var(std::string_view name) {
  for (const auto& row : kVars)
    if (row.name == name) return row.var;
  for (const auto& [alias, var] : kAliases)
    if (alias == name) return var;
  return std::nullopt;
}

const std::string* Item::get(Var v) const { return find_in(text, v); }
const std::vector<Name>* Item::get_names(Var v) const { return find_in(names, v); }
const Date* Item::get_date(Var v) const { return find_in(dates, v); }

void Item::set(Var v, std::string value) {
  const bool remove = value.empty();
  set_in(text, v, std::move(value), remove);
}
void Item::set_names(Var v, std::vector<Name> value) {
  const bool remove = value.empty();
  set_in(names, v, std::move(value), remove);
}
void Item::set_date(Var v, Date value) {
  const bool remove = value.empty();
  set_in(dates, v, std::move(value), remove);
}

bool Item::has(Var v) const {
  switch (var_kind(v)) {
    case VarKind::name: {
      const auto* n = get_names(v);
      return n && !n->empty();
    }
    case VarKind::date: {
      const auto* d = get_date(v);
      return d && !d->empty();
    }
    default: {
      const auto* s = get(v);
      return s && !s->empty();
    }
  }
}

const std::vector<std::string_view>& csl_types() {
  static const std::vector<std::string_view> kTypes = {
      "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
      "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
      "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
      "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
      "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
      "personal_communication", "post", "post-weblog", "regulation", "report", "review",
      "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage"};
  return kTypes;
}

}  // namespace litrev::csl
