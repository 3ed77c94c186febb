#include "src/export/bibtex_writer.hpp"

#include <algorithm>
#include <array>
#include <sstream>
#include <string_view>
#include <utility>

#include "src/core/data_model.hpp"
#include "src/core/identifiers.hpp"
#include "src/core/text.hpp"

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

constexpr std::array<std::string_view, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                                      "July",    "August",   "September", "October", "November", "December"};

// Legacy month value -> 1..12 (English names and abbreviations, numbers): what BibTeX's month
// macros expand to and what exporters write.
int month_number(std::string_view raw) {
  std::string m;
  for (char c : raw)
    if (c != '{' && c != '}' && c != '.') m.push_back(c);
  const std::string t(trim(m));
  if (all_digits(t) && t.size() <= 2) {
    const int v = std::stoi(t);
    return v >= 1 && v <= 12 ? v : 0;
  }
  const std::string lower = ascii_lower(t);
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    const std::string name = ascii_lower(kMonths[i]);
    if (lower == name || (lower.size() >= 3 && name.starts_with(lower))) return static_cast<int>(i) + 1;
  }
  return 0;
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
      if (m >= 1 && m <= 12) add("month", std::string(kMonths[static_cast<std::size_t>(m - 1)]));
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

// BibLaTeX names for legacy fields and types; year + month -> date when both are plain.
void to_biblatex(BibEntry& e) {
  if (auto alias = biblatex_type_for(e.type)) {
    e.type = std::string(alias->biblatex_type);
    if (!alias->type_field.empty() && !find_field(e.fields, "type")) e.fields.push_back({"type", std::string(alias->type_field)});
  }
  for (auto& f : e.fields) {
    if (auto modern = biblatex_field_for(f.name); modern && !find_field(e.fields, *modern)) f.name = std::string(*modern);
  }
  // year + month (+ day) -> date, when they are plain. A year alone stays a year (biblatex
  // reads it too): the entry may be the crossref parent of one with only a month, which must
  // still combine that month with this year.
  SourceField* year = find_field(e.fields, "year");
  SourceField* month = find_field(e.fields, "month");
  SourceField* day = find_field(e.fields, "day");
  if (year && month && !find_field(e.fields, "date")) {
    std::string y;
    for (char c : year->value)
      if (c != '{' && c != '}') y.push_back(c);
    y = std::string(trim(y));
    const int m = month_number(month->value);
    const std::string d = day ? std::string(trim(day->value)) : std::string();
    const bool day_ok = !day || (all_digits(d) && d.size() <= 2 && std::stoi(d) >= 1 && std::stoi(d) <= 31);
    if (all_digits(y) && y.size() == 4 && m > 0 && day_ok) {
      std::string date = y + (m < 10 ? "-0" : "-") + std::to_string(m);
      if (day) date += (d.size() < 2 ? "-0" : "-") + d;
      year->name = "date";
      year->value = date;
      std::erase_if(e.fields, [](const SourceField& f) { return f.name == "month" || f.name == "day"; });
    }
  }
}

// The notes, blank-line separated, but those the entry's annotation already holds: a note
// imported from that annotation is written once.
std::string notes_text(const StoredWork& w, const LatexEncodeOptions& enc, std::string_view annotation) {
  std::string out;
  for (const auto& n : w.notes) {
    const std::string_view t = trim(n.text);
    if (t.empty()) continue;
    const std::string encoded = latex_encode(t, enc);
    if (annotation.find(encoded) != std::string_view::npos || annotation.find(t) != std::string_view::npos) continue;
    if (!out.empty()) out += "\n\n";
    out += encoded;
  }
  return out;
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

std::string brace_safe_value(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 2);
  int depth = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '{') {
      ++depth;
    } else if (c == '}') {
      if (depth == 0) continue;  // unmatched: it would end the value early
      --depth;
    } else if (c == '\n') {
      // A line starting with "@name{" or "@name(" reads as a new entry: join it to this one.
      std::size_t j = i + 1;
      while (j < value.size() && (value[j] == ' ' || value[j] == '\t')) ++j;
      if (j < value.size() && value[j] == '@') {
        out.push_back(' ');
        i = j - 1;
        continue;
      }
    }
    out.push_back(c);
  }
  out.append(static_cast<std::size_t>(depth), '}');
  return out;
}

BibEntry to_bib_entry(const StoredWork& sw, const BibWriterOptions& options) {
  BibEntry e;
  const Work& w = sw.work;
  e.key = w.key;
  bool from_bibtex = false, other_sources = false;
  for (const auto& s : sw.sources) {
    if (s.source_kind != "bibtex") {
      other_sources = true;
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
    e.type = options.dialect == BibDialect::biblatex ? (w.type.empty() ? "misc" : w.type) : std::string(type_for_writer(TypeVocabulary::bibtex, w.type));
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
  if (e.type.empty()) e.type = "misc";
  return e;
}

namespace {

bool braces_balanced(std::string_view v) {
  int depth = 0;
  for (char c : v) {
    if (c == '{') ++depth;
    else if (c == '}' && --depth < 0) return false;
  }
  return depth == 0;
}

// A value with a stray '}' (read from a quoted value: "D{\u{o}}\}ead") can still be written
// exactly in quotes, when no unescaped '"' sits at brace depth 0 and every '{' closes.
bool quotable(std::string_view v) {
  int depth = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (c == '{') ++depth;
    else if (c == '}') depth = depth > 0 ? depth - 1 : 0;
    else if (c == '"' && depth == 0) {
      std::size_t backslashes = 0;
      for (std::size_t j = i; j > 0 && v[j - 1] == '\\'; --j) ++backslashes;
      if (backslashes % 2 == 0) return false;
    } else if (c == '\n') {
      return false;
    }
  }
  return depth == 0;
}

void write_value(std::ostream& out, std::string_view value) {
  if (!braces_balanced(value) && quotable(value)) {
    out << '"' << value << '"';
    return;
  }
  out << '{' << brace_safe_value(value) << '}';
}

}  // namespace

void write_bib_entry(std::ostream& out, const BibEntry& e) {
  out << '@' << e.type << '{' << e.key << ",\n";
  for (std::size_t i = 0; i < e.fields.size(); ++i) {
    const auto& f = e.fields[i];
    out << "  " << f.name << " = ";
    write_value(out, f.value);
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
