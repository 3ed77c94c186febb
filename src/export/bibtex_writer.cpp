#include "src/export/bibtex_writer.hpp"

#include <algorithm>
#include <array>
#include <sstream>
#include <string_view>
#include <utility>

#include "src/core/data_model.hpp"
#include "src/core/work_fields.hpp"
#include "src/core/identifiers.hpp"
#include "src/core/text.hpp"
#include "src/export/bib_values.hpp"

namespace litrev {
namespace {

using namespace std::string_view_literals;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

SourceField* find_field(std::vector<SourceField>& fields, std::string_view name) {
  for (auto& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

// Names that feed the same readable slot: a generated field is not added when one of these is
// already there.
bool same_slot(std::string_view a, std::string_view b) {
  if (a == b) return true;
  static constexpr std::array<std::array<std::string_view, 2>, 10> kPairs = {{
      {"journal", "journaltitle"}, {"address", "location"}, {"year", "date"}, {"month", "date"}, {"year", "month"},
      {"number", "issue"}, {"school", "institution"}, {"annote", "annotation"}, {"archiveprefix", "eprinttype"},
      {"publisher", "institution"},
  }};
  for (const auto& [x, y] : kPairs)
    if ((a == x && b == y) || (a == y && b == x)) return true;
  return false;
}

// BibLaTeX's name list fields are the role names, but for "editora" (another contributor).
std::string_view role_field(Role role) { return role == Role::contributor ? "editora" : role_name(role); }

// The entry type that says what the library says the work is.
std::string type_of(const Work& w, BibDialect dialect) {
  if (dialect == BibDialect::biblatex) return w.type.empty() ? "misc" : w.type;
  return std::string(type_for_writer(TypeVocabulary::bibtex, w.type));
}

// Where a Work's container goes for its type.
std::string_view container_field(std::string_view type, BibDialect dialect) {
  if (type == "article" || type == "review" || type == "suppperiodical")
    return dialect == BibDialect::biblatex ? "journaltitle" : "journal";
  if (type == "incollection" || type == "inproceedings" || type == "inbook" || type == "inreference" ||
      type == "bookinbook" || type == "suppbook" || type == "suppcollection")
    return "booktitle";
  if (type == "book" || type == "mvbook" || type == "collection" || type == "proceedings" || type == "report" ||
      type == "mvcollection" || type == "mvproceedings" || type == "reference")
    return "series";
  return "howpublished";
}

// "1-10" -> "1--10": BibTeX's range dash.
std::string page_range(std::string_view pages) {
  std::string out;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (pages[i] == '-' && i > 0 && pages[i - 1] != '-' && i + 1 < pages.size() && pages[i + 1] != '-') out += "--";
    else out.push_back(pages[i]);
  }
  return out;
}

// The fields of a work without BibTeX source, from its readable values.
std::vector<SourceField> generate_fields(const Work& w, BibDialect dialect, const LatexEncodeOptions& enc) {
  std::vector<SourceField> f;
  auto add = [&](std::string_view name, std::string value) {
    if (!value.empty()) f.push_back({std::string(name), std::move(value)});
  };
  auto text = [&](std::string_view s) { return latex_encode(s, enc); };
  const bool biblatex = dialect == BibDialect::biblatex;

  // Names, one field per role, in the order roles first appear.
  std::vector<Role> roles;
  for (const auto& c : w.contributors)
    if (std::find(roles.begin(), roles.end(), c.role) == roles.end()) roles.push_back(c.role);
  for (Role role : roles) {
    std::string names;
    for (const auto& c : w.contributors) {
      if (c.role != role) continue;
      if (!names.empty()) names += " and ";
      names += bibtex_name(c.person, enc);
    }
    add(role_field(role), std::move(names));
  }
  if (biblatex) {
    add("title", latex_encode_title(w.title, enc));
    add("subtitle", latex_encode_title(w.subtitle, enc));
  } else {
    add("title", latex_encode_title(w.subtitle.empty() ? w.title : w.title + ": " + w.subtitle, enc));
  }
  add(container_field(w.type, dialect), text(w.container));
  if (biblatex) {
    add("date", w.date.empty() && w.year ? std::to_string(*w.year) : w.date);
  } else if (w.year) {
    add("year", std::to_string(*w.year));
    // "2019-03..." -> month; ranges, seasons and uncertain dates keep only the year.
    if (w.date.size() >= 7 && w.date[4] == '-' && all_digits(w.date.substr(5, 2))) {
      const int m = std::stoi(w.date.substr(5, 2));
      if (m >= 1 && m <= 12) add("month", std::string(month_macro(m)));
    }
  }
  add("volume", text(w.volume));
  add("number", text(w.issue));
  add("pages", page_range(text(w.pages)));
  const bool academic = w.type == "thesis" || w.type == "report";
  add(academic ? (biblatex || w.type == "report" ? "institution" : "school") : "publisher", text(w.publisher));
  add(biblatex ? "location" : "address", text(w.place));
  add("edition", text(w.edition));
  add("language", text(w.language));
  std::string isbn, issn;
  for (const auto& id : w.ids) {
    switch (id.scheme) {
      case IdScheme::doi:
        if (!find_field(f, "doi")) add("doi", id.value);
        break;
      case IdScheme::isbn: isbn += (isbn.empty() ? "" : ", ") + id.value; break;
      case IdScheme::issn: issn += (issn.empty() ? "" : ", ") + id.value; break;
      case IdScheme::arxiv:
        if (!find_field(f, "eprint")) {
          add("eprint", id.value);
          add(biblatex ? "eprinttype" : "archiveprefix", biblatex ? "arxiv" : "arXiv");
        }
        break;
      case IdScheme::hal: add("hal_id", id.value); break;
      case IdScheme::pmid: add("pmid", id.value); break;
      case IdScheme::pmcid: add("pmcid", id.value); break;
      default: break;  // WoS/Scopus/OpenAlex numbers have no BibTeX field worth inventing
    }
  }
  add("isbn", std::move(isbn));
  add("issn", std::move(issn));
  add("url", w.url);
  add("abstract", text(w.abstract_text));
  std::string keywords;
  for (const auto& k : w.keywords) keywords += (keywords.empty() ? "" : ", ") + text(k);
  add("keywords", std::move(keywords));
  return f;
}

// BibLaTeX names for legacy fields and types.
void to_biblatex(BibEntry& e) {
  if (auto alias = biblatex_type_for(e.type)) {
    e.type = std::string(alias->biblatex_type);
    if (!alias->type_field.empty() && !find_field(e.fields, "type")) e.fields.push_back({"type", std::string(alias->type_field)});
  }
  for (auto& f : e.fields) {
    if (auto modern = biblatex_field_for(f.name); modern && !find_field(e.fields, *modern)) f.name = std::string(*modern);
  }
}

// "{2015}" -> "2015": WoS doubles the braces of a year, which biber then reads as no integer.
std::string plain_year(std::string_view year) {
  std::string y;
  for (char c : year)
    if (c != '{' && c != '}') y.push_back(c);
  y = std::string(trim(y));
  return all_digits(y) && y.size() == 4 ? y : std::string();
}

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// A month is a month: BibTeX gets the month macros (jan, or jan # "--" # feb, with a day as
// `day`), which every style, biber and pandoc read; BibLaTeX gets year + month (+ day) as one
// `date` (2019-03, 2019-03-14, 2019-03/2019-04, 2019-24 for a season), or an integer month. A
// month that says no month ("Forthcoming") is left out (the library keeps it).
void normalize_dates(BibEntry& e, BibDialect dialect) {
  SourceField* year = find_field(e.fields, "year");
  if (year) {
    if (const std::string y = plain_year(year->value); !y.empty()) year->value = y;
  }
  SourceField* month = find_field(e.fields, "month");
  if (!month) return;
  const std::string y = year ? plain_year(year->value) : std::string();
  const std::optional<MonthValue> m = parse_month_value(month->value, y);
  auto drop = [&](std::string_view name) {
    std::erase_if(e.fields, [&](const SourceField& f) { return f.name == name; });
  };
  const SourceField* day_field = find_field(e.fields, "day");
  int day = m ? m->day : 0;
  if (day == 0 && day_field) {
    const std::string d(trim(day_field->value));
    if (all_digits(d) && d.size() <= 2 && std::stoi(d) >= 1 && std::stoi(d) <= 31) day = std::stoi(d);
  }
  if (dialect == BibDialect::bibtex) {
    if (!m || m->season != 0) {
      drop("month");
      return;
    }
    month->value = std::string(month_macro(m->first));
    if (m->last != m->first) month->value += "--" + std::string(month_macro(m->last));
    else if (m->day != 0 && !day_field) e.fields.push_back({"day", std::to_string(m->day)});
    return;
  }
  if (m && !y.empty() && !find_field(e.fields, "date")) {
    std::string date = y + "-" + two_digits(m->season != 0 ? m->season : m->first);
    if (m->season == 0 && m->last != m->first) date += "/" + y + "-" + two_digits(m->last);
    else if (m->season == 0 && day != 0) date += "-" + two_digits(day);
    year->name = "date";
    year->value = date;
    drop("month");
    drop("day");
    return;
  }
  // Without a plain year (or beside a date), an integer month or none.
  if (m && m->season == 0 && m->last == m->first) month->value = std::to_string(m->first);
  else drop("month");
}

// Entry types that are whole books, which have no booktitle (biblatex's data model).
bool is_whole_book(std::string_view type) {
  static constexpr std::array<std::string_view, 8> kBooks = {"book",          "mvbook",      "collection",
                                                             "mvcollection",  "proceedings", "mvproceedings",
                                                             "reference",     "mvreference"};
  return std::find(kBooks.begin(), kBooks.end(), type) != kBooks.end();
}

// Entry types that are parts of a book, whose booktitle names it.
bool is_book_part(std::string_view type) {
  static constexpr std::array<std::string_view, 8> kParts = {"incollection", "inproceedings", "inbook",
                                                             "conference",   "inreference",   "bookinbook",
                                                             "suppbook",     "suppcollection"};
  return std::find(kParts.begin(), kParts.end(), type) != kParts.end();
}

// A book does not get booktitle (tools print it as the book's container): the book's own
// title in a crossref parent, as BibDesk writes them, is left out, or becomes the title when
// there is none. Its crossref children get the book's title as their own booktitle instead,
// which biblatex would inherit but pandoc does not.
void fix_book_titles(BibEntry& e, const Work& w, const LatexEncodeOptions& enc) {
  if (is_whole_book(e.type) && find_field(e.fields, "booktitle")) {
    SourceField* title = find_field(e.fields, "title");
    if (!title || is_blank_value(title->value)) {
      if (title) std::erase_if(e.fields, [](const SourceField& f) { return f.name == "title"; });
      find_field(e.fields, "booktitle")->name = "title";
    }
    std::erase_if(e.fields, [](const SourceField& f) { return f.name == "booktitle"; });
  } else if (is_book_part(e.type) && find_field(e.fields, "crossref") && !find_field(e.fields, "booktitle") &&
             !w.container.empty()) {
    e.fields.push_back({"booktitle", latex_encode(w.container, enc)});
  }
}

// Name lists as BibTeX and biber read them: no name ending with a comma, no empty name; a list
// biber would reject ("too many commas": Scopus's "Daim T.U., Kozanoglu D.C.") is written from
// the names the library read in it; one the library could not read is written as one literal
// name rather than misread.
void fix_name_lists(BibEntry& e, const Work& w, const LatexEncodeOptions& enc) {
  for (auto& f : e.fields) {
    if (field_kind(f.name) != FieldKind::name_list) continue;
    f.value = tidy_name_list(f.value);
    if (!name_list_has_comma_list(f.value)) continue;
    const Role role = role_from_name(f.name == "editora" ? "contributor" : f.name);
    std::string names;
    for (const auto& c : w.contributors) {
      if (c.role != role) continue;
      names += (names.empty() ? "" : " and ") + bibtex_name(c.person, enc);
    }
    f.value = !names.empty() && !name_list_has_comma_list(names) ? names : "{" + f.value + "}";
  }
}

// Web of Science's `address` is the publisher's street address ("ONE NEW YORK PLAZA, SUITE
// 4600, NEW YORK, NY, UNITED STATES"), not the place of publication that BibTeX's address and
// BibLaTeX's location mean: written as publisher-address, which no style prints as a place.
bool from_web_of_science(const std::vector<SourceField>& fields) {
  for (const auto& f : fields) {
    if (f.name == "web-of-science-index" || f.name == "web-of-science-categories") return true;
    if (f.name == "unique-id") {
      const std::string v = ascii_lower(f.value);
      if (v.find("wos:") != std::string::npos || v.find("isi:") != std::string::npos) return true;
    }
  }
  return false;
}

// Field names every reader accepts, no empty field, and the entry keys of crossref, xdata...
// written as the export writes keys (bib_citation_key). Not litrev's `cites`, which also holds
// DOIs.
void portable_fields(BibEntry& e) {
  for (auto& f : e.fields) {
    f.name = bib_field_name(f.name);
    if (f.name == "crossref" || f.name == "xref") f.value = bib_citation_key(f.value);
    if (f.name != "xdata" && f.name != "related" && f.name != "entryset" && f.name != "ids") continue;
    std::string keys;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= f.value.size(); ++i) {
      if (i < f.value.size() && f.value[i] != ',') continue;
      const std::string key = bib_citation_key(f.value.substr(start, i - start));
      if (!key.empty()) keys += (keys.empty() ? "" : ",") + key;
      start = i + 1;
    }
    f.value = keys;
  }
  std::erase_if(e.fields, [](const SourceField& f) { return f.name.empty() || is_blank_value(f.value); });
}

// The letters and digits of a text, folded (accents, case): what a note and the LaTeX it was
// read from have in common. LaTeX commands (\\texttt, \\'{e}'s \\') are dropped first.
std::string letters_key(std::string_view text, bool latex) {
  std::string plain;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (latex && text[i] == '\\' && i + 1 < text.size()) {
      const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
      if (is_letter(text[i + 1])) {
        while (i + 1 < text.size() && is_letter(text[i + 1])) ++i;
      } else {
        ++i;  // \\' \\" \\~ ...: the accent goes, its letter stays
      }
      continue;
    }
    plain += text[i];
  }
  std::string key;
  for (const char c : fold(plain))
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += c;
  return key;
}

// The notes, blank-line separated, but those the entry's annotation already holds: a note
// imported from that annotation (LaTeX decoded) is written once.
// Whether `part` can be read out of `whole` by dropping letters (both letters_key()s).
bool is_subsequence(std::string_view part, std::string_view whole) {
  std::size_t i = 0;
  for (const char c : whole)
    if (i < part.size() && part[i] == c) ++i;
  return i == part.size();
}

std::string notes_text(const StoredWork& w, const LatexEncodeOptions& enc, std::string_view annotation) {
  std::string out;
  const std::string annotation_key = letters_key(annotation, true);
  // With command names kept: the importer keeps an unknown command's name as text
  // ("\usepackage[...]" reads "usepackage[...]"), and drops the known ones (\emph).
  const std::string annotation_letters = letters_key(annotation, false);
  for (const auto& n : w.notes) {
    const std::string_view t = trim(n.text);
    if (t.empty()) continue;
    const std::string encoded = latex_encode(t, enc);
    const std::string note_key = letters_key(t, false);
    // The note read from this very annotation, whichever commands it held: as long as the
    // annotation's text and found in it in order. A shorter note of the user's is written.
    const bool read_from_annotation = !note_key.empty() && note_key.size() >= annotation_key.size() &&
                                      is_subsequence(note_key, annotation_letters);
    if (annotation.find(encoded) != std::string_view::npos || annotation.find(t) != std::string_view::npos ||
        (!note_key.empty() && annotation_key.find(note_key) != std::string::npos) || read_from_annotation)
      continue;
    if (!out.empty()) out += "\n\n";
    out += encoded;
  }
  return out;
}

// The user's corrections (litrev set / unset --hide) replace what the BibTeX sources wrote for
// those fields: the fields of the same slot go, the readable value (which holds the user's) is
// written again.
void apply_user_corrections(BibEntry& e, const Work& w, const std::vector<SourceField>& corrections,
                            BibDialect dialect, const LatexEncodeOptions& enc) {
  for (const auto& c : corrections) {
    const WorkFieldSpec* spec = find_work_field(c.name);
    if (!spec || spec->kind == WorkFieldKind::type) continue;  // the entry type follows w.type already
    const bool date_slot = spec->kind == WorkFieldKind::year || spec->kind == WorkFieldKind::date;
    Work probe;
    probe.type = w.type;
    apply_work_field(probe, *spec, work_field_value(w, *spec));
    if (date_slot) {
      probe.date = w.date;
      probe.year = w.year;
    }
    auto generated = generate_fields(probe, dialect, enc);
    // The corrected value takes the place of the first field it replaces.
    std::size_t at = e.fields.size();
    for (std::size_t i = e.fields.size(); i-- > 0;) {
      const std::string& name = e.fields[i].name;
      const bool replaced =
          find_work_field(name) == spec ||
          (date_slot && (name == "year" || name == "date" || name == "month" || name == "day")) ||
          std::any_of(generated.begin(), generated.end(), [&](const SourceField& g) { return g.name == name; });
      if (!replaced) continue;
      e.fields.erase(e.fields.begin() + static_cast<std::ptrdiff_t>(i));
      at = i;
    }
    e.fields.insert(e.fields.begin() + static_cast<std::ptrdiff_t>(at), generated.begin(), generated.end());
  }
}

std::vector<std::string> keyword_items(std::string_view value) {
  std::vector<std::string> items;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    if (i == value.size() || value[i] == ',' || value[i] == ';') {
      const std::string_view item = trim(value.substr(start, i - start));
      if (!item.empty()) items.push_back(ascii_lower(item));
      start = i + 1;
    }
  }
  return items;
}

}  // namespace

BibEntry to_bib_entry(const StoredWork& sw, const BibWriterOptions& options) {
  BibEntry e;
  const Work& w = sw.work;
  e.key = w.key;
  bool from_bibtex = false, other_sources = false;
  for (const auto& s : sw.sources) {
    if (s.source_kind != "bibtex") {
      // The user's corrections are applied below, field by field.
      other_sources |= s.source_kind != kUserSourceKind;
      continue;
    }
    if (!from_bibtex) {
      from_bibtex = true;
      e.type = ascii_lower(s.entry_type);
      if (e.key.empty()) e.key = s.original_key;
      e.fields = s.fields;  // every field, duplicates and order kept
    } else {
      for (const auto& f : s.fields)
        if (!find_field(e.fields, f.name)) e.fields.push_back(f);
    }
  }
  const BibDialect gen_dialect = from_bibtex ? BibDialect::bibtex : options.dialect;
  // The entry type as written when it still says what the work is; a merge may have made a
  // "misc" an "unpublished", and the export must say what the library says.
  if (!from_bibtex || (!w.type.empty() && store_type_from(TypeVocabulary::bibtex, e.type) != w.type))
    e.type = type_of(w, options.dialect);
  if (!from_bibtex) {
    e.fields = generate_fields(w, gen_dialect, options.encode);
  } else if (other_sources) {
    // Readable values that only the Crossref/HAL sources brought: the fields the entry lacks.
    for (auto& g : generate_fields(w, gen_dialect, options.encode)) {
      const bool present = std::any_of(e.fields.begin(), e.fields.end(),
                                       [&](const SourceField& f) { return same_slot(f.name, g.name); });
      if (!present) e.fields.push_back(std::move(g));
    }
  }
  if (from_bibtex)
    for (const auto& s : sw.sources)
      if (s.source_kind == kUserSourceKind) apply_user_corrections(e, w, s.fields, gen_dialect, options.encode);
  if (from_bibtex && from_web_of_science(e.fields)) {
    for (auto& f : e.fields)
      if (f.name == "address") f.name = "publisher-address";
  }
  fix_book_titles(e, w, options.encode);
  fix_name_lists(e, w, options.encode);
  normalize_dates(e, options.dialect);
  if (options.dialect == BibDialect::biblatex) to_biblatex(e);

  if (options.notes && !sw.notes.empty()) {
    const std::string_view name = options.dialect == BibDialect::biblatex ? "annotation" : "annote";
    SourceField* existing = find_field(e.fields, name);
    if (!existing) existing = find_field(e.fields, name == "annote" ? "annotation" : "annote");
    const std::string notes = notes_text(sw, options.encode, existing ? std::string_view(existing->value) : "");
    if (!notes.empty()) {
      if (existing && !trim(existing->value).empty()) existing->value += "\n\n" + notes;
      else if (existing) existing->value = notes;
      else e.fields.push_back({std::string(name), notes});
    }
  }
  if (!options.tags_field.empty() && !sw.tags.empty()) {
    SourceField* existing = find_field(e.fields, options.tags_field);
    const auto have = existing ? keyword_items(existing->value) : std::vector<std::string>{};
    std::string added;
    for (const auto& t : sw.tags) {
      if (std::find(have.begin(), have.end(), ascii_lower(trim(t))) != have.end()) continue;
      added += (added.empty() ? "" : ", ") + latex_encode(trim(t), options.encode);
    }
    if (!added.empty()) {
      if (existing && !trim(existing->value).empty()) existing->value += ", " + added;
      else if (existing) existing->value = added;
      else e.fields.push_back({options.tags_field, added});
    }
  }
  // An entry type pandoc can read: letters only (Mendeley's @web_page, @book_section). A store
  // type classic BibTeX lacks (online) stays itself rather than misc, so that it reads back.
  if (e.type.empty() || !std::all_of(e.type.begin(), e.type.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    e.type = type_of(w, options.dialect);
    if (e.type == "misc" && !w.type.empty()) e.type = w.type;
  }
  portable_fields(e);
  return e;
}

namespace {

// A month written by normalize_dates ("mar", "mar--apr") as BibTeX's macros, unbraced.
std::optional<std::string> month_expression(std::string_view value) {
  auto is_macro = [](std::string_view m) {
    for (int i = 1; i <= 12; ++i)
      if (m == month_macro(i)) return true;
    return false;
  };
  if (is_macro(value)) return std::string(value);
  if (value.size() == 8 && value.substr(3, 2) == "--" && is_macro(value.substr(0, 3)) && is_macro(value.substr(5)))
    return std::string(value.substr(0, 3)) + " # \"--\" # " + std::string(value.substr(5));
  return std::nullopt;
}

void write_value(std::ostream& out, const SourceField& f) {
  if (f.name == "month") {
    if (auto macro = month_expression(f.value)) {
      out << *macro;
      return;
    }
  }
  out << '{' << brace_safe_value(f.value) << '}';
}

}  // namespace

void write_bib_entry(std::ostream& out, const BibEntry& e) {
  out << '@' << e.type << '{' << e.key << ",\n";
  for (std::size_t i = 0; i < e.fields.size(); ++i) {
    const auto& f = e.fields[i];
    out << "  " << f.name << " = ";
    write_value(out, f);
    out << (i + 1 < e.fields.size() ? ",\n" : "\n");
  }
  out << "}\n";
}

void write_bib_preamble(std::ostream& out, std::string_view text) {
  out << "@preamble{{" << brace_safe_value(text) << "}}\n";
}

void write_bib_entry(std::ostream& out, const StoredWork& work, const BibWriterOptions& options) {
  write_bib_entry(out, to_bib_entry(work, options));
}

std::string bib_entry_text(const StoredWork& work, const BibWriterOptions& options) {
  std::ostringstream out;
  write_bib_entry(out, work, options);
  return out.str();
}

}  // namespace litrev
