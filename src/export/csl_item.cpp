#include "src/export/csl_item.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "src/core/data_model.hpp"
#include "src/core/language_guess.hpp"
#include "src/core/text.hpp"
#include "src/csl/item_json.hpp"

namespace litrev {
namespace {

using csl::Var;

// Original BibTeX/BibLaTeX fields that have a CSL variable and no readable slot in the store.
constexpr std::array<std::pair<std::string_view, Var>, 13> kExtraFields = {{
    {"note", Var::note},
    {"eventtitle", Var::event_title},
    {"venue", Var::event_place},
    {"pagetotal", Var::number_of_pages},
    {"origtitle", Var::original_title},
    {"chapter", Var::chapter_number},
    {"volumes", Var::number_of_volumes},
    {"shorttitle", Var::title_short},
    {"shortjournal", Var::container_title_short},
    {"journal-iso", Var::container_title_short},
    {"series", Var::collection_title},
    {"howpublished", Var::medium},
    {"version", Var::version},
}};

// A BibTeX value as text: braces and the escapes of specials removed, TeX dashes and ties
// made Unicode. (Readable values of the main fields come decoded from the importer; these
// extra fields rarely hold more LaTeX than that.)
std::string plain_bibtex_value(std::string_view v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (c == '{' || c == '}') continue;
    if (c == '\\' && i + 1 < v.size() && std::string_view("&%$#_{}").find(v[i + 1]) != std::string_view::npos) {
      out.push_back(v[++i]);
    } else if (c == '~') {
      out += "\u00A0";
    } else if (c == '-' && v.substr(i).starts_with("---")) {
      out += "\u2014";
      i += 2;
    } else if (c == '-' && v.substr(i).starts_with("--")) {
      out += "\u2013";
      i += 1;
    } else {
      out.push_back(c);
    }
  }
  return collapse_spaces(out);
}

// A field of the work's BibTeX sources (other sources' fields have other meanings: a CSL-JSON
// "type" or a Crossref "note" is no BibTeX one).
const std::string* original(const StoredWork& w, std::string_view name) {
  for (const auto& s : w.sources)
    if (s.source_kind == "bibtex")
      for (const auto& f : s.fields)
        if (f.name == name) return &f.value;
  return nullptr;
}

// The CSL-JSON source the work was read from, if any: its type and the variables the readable
// work does not hold are written back from it.
const SourceRecord* csl_source(const StoredWork& w) {
  for (const auto& s : w.sources)
    if (s.source_kind == "csl-json") return &s;
  return nullptr;
}

// The source's variables that the item lacks and the store has no slot for (title-short,
// genre, accessed, original-date, director...), names and dates read from their JSON text (or,
// for a date read from the note's "original-date: 1987" line, its text). "note" is not: the
// notes imported from it are the work's notes now; but its Better BibTeX "tex.*" lines go back
// into it when the notes do (the CSL-JSON export), so that nothing is lost on the way.
void add_csl_variables(const SourceRecord& source, bool with_note_lines, csl::Item& item) {
  std::string note_lines;
  for (const auto& f : source.fields) {
    if (f.name.starts_with("tex.")) {
      note_lines += (note_lines.empty() ? "" : "\n") + f.name + ": " + f.value;
      continue;
    }
    const auto var = csl::find_var(f.name);
    if (!var || *var == Var::note || *var == Var::citation_key || item.has(*var)) continue;
    // The work's own values win; a date it could not read ("literal") comes from the source.
    if (const FieldSpec* spec = field_spec(FieldVocabulary::csl, f.name);
        spec && spec->slot != Slot::none && spec->kind != FieldKind::date)
      continue;
    switch (csl::var_kind(*var)) {
      case csl::VarKind::name:
        if (auto names = csl::read_names_json(f.value)) item.set_names(*var, std::move(*names));
        break;
      case csl::VarKind::date:
        if (auto date = csl::read_date_json(f.value)) item.set_date(*var, std::move(*date));
        else if (!f.value.starts_with('{') && !f.value.starts_with('[')) item.set_date(*var, csl::parse_date_text(f.value));
        break;
      default: item.set(*var, f.value);
    }
  }
  if (with_note_lines && !note_lines.empty()) item.set(Var::note, note_lines);
}

std::optional<Var> name_var(Role role) {
  switch (role) {
    case Role::author: return Var::author;
    case Role::editor: return Var::editor;
    case Role::translator: return Var::translator;
    case Role::bookauthor: return Var::container_author;
    case Role::holder: return std::nullopt;  // patent holders have no CSL role
    default: return Var::contributor;
  }
}

csl::Name to_name(const Person& p) {
  csl::Name n;
  if (!p.literal.empty() || (p.family.empty() && p.given.empty())) {
    n.literal = p.literal;
    return n;
  }
  n.family = p.family;
  n.given = p.given;
  n.non_dropping_particle = p.particle;
  n.suffix = p.suffix;
  // "Alexis de" as given name: CSL's dropping particle (sorted under Tocqueville).
  if (n.non_dropping_particle.empty()) {
    csl::Name probe;
    probe.given = n.given;
    csl::split_particles(probe);
    if (!probe.dropping_particle.empty() && !probe.given.empty()) {
      n.given = probe.given;
      n.dropping_particle = probe.dropping_particle;
    }
  }
  return n;
}

bool is_book_like(std::string_view csl_type) { return csl_type == "book" || csl_type == "report" || csl_type == "thesis"; }

}  // namespace

csl::Item to_csl_item(const StoredWork& sw, const CslItemOptions& options) {
  const Work& w = sw.work;
  csl::Item item;
  item.id = w.key;
  item.type = std::string(type_for_writer(TypeVocabulary::csl, w.type));
  const SourceRecord* from_csl = csl_source(sw);
  // The type as the CSL source wrote it while it still says what the work is ("interview",
  // "post-weblog" have no store type of their own).
  if (from_csl && !from_csl->entry_type.empty() && store_type_from(TypeVocabulary::csl, from_csl->entry_type) == w.type)
    item.type = ascii_lower(trim(from_csl->entry_type));

  // Names, in the order of the roles' first appearance.
  std::vector<std::pair<Var, std::vector<csl::Name>>> names;
  for (const auto& c : w.contributors) {
    const auto var = name_var(c.role);
    if (!var) continue;
    auto it = std::find_if(names.begin(), names.end(), [&](const auto& p) { return p.first == *var; });
    if (it == names.end()) {
      names.emplace_back(*var, std::vector<csl::Name>{});
      it = names.end() - 1;
    }
    it->second.push_back(to_name(c.person));
  }
  for (auto& [var, list] : names) item.set_names(var, std::move(list));

  std::string title = w.title;
  if (!w.subtitle.empty()) {
    const bool ends_in_mark = !title.empty() && (title.back() == '?' || title.back() == '!' || title.back() == ':');
    title += ends_in_mark ? " " : ": ";
    title += w.subtitle;
  }
  item.set(Var::title, title);

  const std::string& type = item.type;
  if (!w.container.empty()) item.set(is_book_like(type) ? Var::collection_title : Var::container_title, w.container);
  if (!w.volume.empty()) item.set(Var::volume, w.volume);
  if (!w.issue.empty()) {
    // BibTeX's number: a report's or a thesis's number, a series number for a book.
    if (type == "report" || type == "thesis" || type == "patent" || type == "standard") item.set(Var::number, w.issue);
    else if (type == "book" || type == "chapter") item.set(Var::collection_number, w.issue);
    else item.set(Var::issue, w.issue);
  }
  if (!w.pages.empty()) item.set(Var::page, w.pages);
  if (!w.edition.empty()) item.set(Var::edition, w.edition);
  if (!w.publisher.empty()) item.set(Var::publisher, w.publisher);
  if (!w.place.empty()) item.set(Var::publisher_place, w.place);
  if (!w.abstract_text.empty()) item.set(Var::abstract, w.abstract_text);
  if (!w.url.empty()) item.set(Var::url, w.url);

  // Dates: the EDTF date, else the year.
  if (!w.date.empty()) {
    item.set_date(Var::issued, csl::parse_date_text(w.date));
  } else if (w.year) {
    csl::Date d;
    d.from.year = *w.year;
    item.set_date(Var::issued, d);
  }

  for (const auto& id : w.ids) {
    switch (id.scheme) {
      case IdScheme::doi:
        if (!item.has(Var::doi)) item.set(Var::doi, id.value);
        break;
      case IdScheme::isbn:
        if (!item.has(Var::isbn)) item.set(Var::isbn, id.value);
        break;
      case IdScheme::issn:
        if (!item.has(Var::issn)) item.set(Var::issn, id.value);
        break;
      case IdScheme::pmid: item.set(Var::pmid, id.value); break;
      case IdScheme::pmcid: item.set(Var::pmcid, id.value); break;
      default: break;
    }
  }

  for (const auto& [field, var] : kExtraFields) {
    if (item.has(var)) continue;
    if (const auto* v = original(sw, field)) item.set(var, plain_bibtex_value(*v));
  }
  if (const auto* urldate = original(sw, "urldate")) item.set_date(Var::accessed, csl::parse_date_text(plain_bibtex_value(*urldate)));
  if (const auto* origdate = original(sw, "origdate")) item.set_date(Var::original_date, csl::parse_date_text(plain_bibtex_value(*origdate)));
  if (type == "thesis") {
    std::string genre;
    if (const auto* t = original(sw, "type")) genre = plain_bibtex_value(*t);
    if (genre.empty() || genre == "phdthesis" || genre == "mathesis" || genre == "mastersthesis") {
      std::string kind = genre;
      for (const auto& s : sw.sources)
        if (kind.empty() && (s.entry_type == "phdthesis" || s.entry_type == "mastersthesis")) kind = s.entry_type;
      genre = kind == "phdthesis" ? "PhD thesis" : (kind == "mastersthesis" || kind == "mathesis" ? "Master's thesis" : "");
    }
    if (!genre.empty()) item.set(Var::genre, genre);
  } else if (const auto* t = original(sw, "type"); t && (type == "report" || type == "document")) {
    item.set(Var::genre, plain_bibtex_value(*t));
  }

  if (from_csl) add_csl_variables(*from_csl, options.with_notes, item);

  // Keywords and tags.
  std::vector<std::string> keywords = w.keywords;
  if (options.with_tags)
    for (const auto& t : sw.tags)
      if (std::find(keywords.begin(), keywords.end(), t) == keywords.end()) keywords.push_back(t);
  if (!keywords.empty()) {
    std::string joined;
    for (const auto& k : keywords) joined += (joined.empty() ? "" : ", ") + k;
    item.set(Var::keyword, joined);
  }

  if (options.with_notes && !sw.notes.empty()) {
    std::string note = item.get(Var::note) ? *item.get(Var::note) : std::string();
    for (const auto& n : sw.notes) {
      if (!note.empty()) note += "\n\n";
      note += n.text;
    }
    item.set(Var::note, note);
  }

  std::string lang = language_tag(w.language);
  if (lang.empty() && options.guess_language) lang = std::string(guess_language(title));
  if (!lang.empty()) item.set(Var::language, lang);
  return item;
}

}  // namespace litrev
