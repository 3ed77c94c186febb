#include "importers/bibtex/bibtex_records.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <utility>

#include "importers/bibtex/dates.hpp"
#include "importers/bibtex/latex.hpp"
#include "importers/bibtex/names.hpp"
#include "importers/references/reference_parser.hpp"
#include "src/core/author_ids.hpp"
#include "src/core/identifiers.hpp"
#include "src/core/person_names.hpp"
#include "src/core/text.hpp"
#include "src/core/data_model.hpp"

namespace litrev::bibtex {
namespace {

using namespace std::string_view_literals;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool istarts_with(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != prefix[i]) return false;
  }
  return true;
}

std::size_t ifind(std::string_view s, std::string_view needle) {
  if (needle.size() > s.size()) return std::string_view::npos;
  for (std::size_t i = 0; i + needle.size() <= s.size(); ++i)
    if (istarts_with(s.substr(i), needle)) return i;
  return std::string_view::npos;
}

// ---------------------------------------------------------------------------------------------
// Mapping helpers

std::string readable(std::string_view raw) {
  raw = trim(raw);
  std::string out;
  if (raw.empty()) return out;
  decode_latex_into(raw, out);
  // Decoding may leave blanks at the ends ("{\relax} x", "x~"): trimmed in place.
  const std::string_view t = trim(out);
  if (t.size() != out.size()) out = std::string(t);
  return out;
}

std::string unbraced(std::string_view raw) {
  std::string out;
  for (char c : raw)
    if (c != '{' && c != '}') out.push_back(c);
  return std::string(trim(out));
}

// True when s is a single brace group: "{a {b} c}" but not "{a} {b}".
bool is_one_group(std::string_view s) {
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '{') ++depth;
    else if (s[i] == '}' && --depth == 0) return i == s.size() - 1;
  }
  return false;
}

// Page ranges read "1-10" whatever the dash: what Crossref and CSL use.
std::string readable_pages(std::string_view raw) {
  std::string text = readable(raw);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "–") == 0 || text.compare(i, 3, "—") == 0) {
      out.push_back('-');
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

// Pieces of an identifier list: "978-..., 0-19-...; 1234-5678".
std::vector<std::string_view> id_pieces(std::string_view value) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    if (i == value.size() || value[i] == ',' || value[i] == ';' || value[i] == '|' || value[i] == '/') {
      const std::string_view p = trim(value.substr(start, i - start));
      if (!p.empty()) pieces.push_back(p);
      start = i + 1;
    }
  }
  return pieces;
}

std::optional<std::int64_t> leading_number(std::string_view s) {
  s = trim(s);
  std::size_t n = 0;
  while (n < s.size() && is_digit(s[n])) ++n;
  if (n == 0 || n > 15) return std::nullopt;
  std::int64_t v = 0;
  std::from_chars(s.data(), s.data() + n, v);
  return v;
}

struct Picked {
  std::string_view value;
  const RawField* field = nullptr;
  std::uint8_t rank = 255;
  bool inherited = false;
};

class RecordBuilder {
 public:
  RecordBuilder(const RawEntry& entry, std::string_view origin, ImportRecord& rec)
      : entry_(entry), origin_(origin), rec_(rec), work_(rec.work) {}

  void consider(const RawField& f, bool inherited) {
    const FieldSpec* spec = field_spec(FieldVocabulary::bibtex, f.name);
    if (!spec || spec->slot == Slot::none) return;
    const FieldSpec& rule = *spec;
    if (rule.slot == Slot::names) {
      for (const auto& n : names_)
        if (n.role == *rule.role && (!n.inherited || inherited)) return;  // first field of a role wins
      names_.push_back({*rule.role, &f, inherited});
      return;
    }
    if (rule.slot == Slot::notes) {
      if (!inherited) note_fields_.push_back(&f);  // a parent's annotation is about the parent
      return;
    }
    if (rule.slot == Slot::keywords) {
      if (inherited && own_keywords_) return;
      if (!inherited) own_keywords_ = true;
      keyword_fields_.push_back(&f);
      return;
    }
    // A date is one thing however it is written: an entry with its own year or date inherits no
    // part of a date (biber turns year/month into a date before inheriting). An entry with only
    // a month still takes the year from its parent.
    const bool date_part = rule.slot == Slot::date || rule.slot == Slot::year || rule.slot == Slot::month ||
                           rule.slot == Slot::day;
    if (date_part) {
      if (!inherited && (rule.slot == Slot::date || rule.slot == Slot::year)) own_date_ = true;
      else if (inherited && own_date_) return;
    }
    // Citation data is the entry's own: never inherited.
    if (inherited && (rule.slot == Slot::cited_references || rule.slot == Slot::scopus_references ||
                      rule.slot == Slot::cites || rule.slot == Slot::times_cited))
      return;
    Picked& p = slots_[static_cast<std::size_t>(rule.slot)];
    if (p.field && (inherited ? (!p.inherited || rule.rank >= p.rank) : (!p.inherited && rule.rank >= p.rank)))
      return;
    p = {f.value, &f, rule.rank, inherited};
  }

  void build() {
    work_.key = entry_.key;
    work_.type = std::string(store_type_from(TypeVocabulary::bibtex, entry_.type));
    work_.title = text(Slot::title);
    work_.subtitle = text(Slot::subtitle);
    // The container is the book or proceedings for a part of one (a paper in proceedings that
    // also names a journal series is in the proceedings), else the journal.
    const std::string_view family = type_family(work_.type);
    const bool in_book = family == "part" || family == "proceedings";
    for (const Slot slot : in_book ? std::array{Slot::booktitle, Slot::maintitle, Slot::journaltitle}
                                   : std::array{Slot::journaltitle, Slot::booktitle, Slot::maintitle})
      if (work_.container.empty()) work_.container = text(slot);
    work_.volume = text(Slot::volume);
    work_.issue = text(Slot::issue);
    if (has(Slot::pages)) work_.pages = readable_pages(get(Slot::pages));
    work_.publisher = text(Slot::publisher);
    if (work_.publisher.empty()) work_.publisher = text(Slot::institution);
    if (work_.publisher.empty()) work_.publisher = text(Slot::organization);
    // Web of Science's `address` is the publisher's street address, not a place of publication.
    const bool wos_address = has(Slot::location) && field(Slot::location)->name == "address" && from_web_of_science();
    if (!wos_address) work_.place = text(Slot::location);
    work_.edition = text(Slot::edition);
    work_.language = text(Slot::language);
    work_.abstract_text = text(Slot::abstract_text);
    build_dates();
    build_names();
    build_keywords();
    build_notes();
    build_url();
    build_identifiers();
    build_references();
    build_citation_count();
    for (const auto& [slot, scheme] : {std::pair{Slot::orcid_numbers, PersonIdScheme::orcid},
                                      std::pair{Slot::researcherid_numbers, PersonIdScheme::researcherid}})
      if (has(slot)) attach_person_ids(work_.contributors, text(slot), scheme);
  }

 private:
  struct NameField {
    Role role;
    const RawField* field;
    bool inherited;
  };

  bool has(Slot s) const { return slots_[static_cast<std::size_t>(s)].field != nullptr; }
  bool from_web_of_science() const {
    if (!has(Slot::unique_id)) return false;
    const std::string v = unbraced(get(Slot::unique_id));
    return istarts_with(v, "wos:") || istarts_with(v, "isi:");
  }
  std::string_view get(Slot s) const { return slots_[static_cast<std::size_t>(s)].value; }
  const RawField* field(Slot s) const { return slots_[static_cast<std::size_t>(s)].field; }
  std::string text(Slot s) const { return has(s) ? readable(get(s)) : std::string(); }

  void warn(const RawField* f, std::string field_name, std::string message) {
    Diagnostic d;
    d.severity = Diagnostic::Severity::warning;
    d.source = std::string(origin_);
    d.line = f ? f->line : entry_.line;
    d.column = f ? f->column : entry_.column;
    d.field = std::move(field_name);
    d.message = std::move(message) + " (entry '" + entry_.key + "')";
    rec_.warnings.push_back(std::move(d));
  }

  void build_dates() {
    const DateResult r = interpret_dates({get(Slot::date), get(Slot::year), get(Slot::month), get(Slot::day)});
    work_.date = r.date;
    work_.year = r.year;
    for (const auto& p : r.problems) {
      const Slot s = p.field == "date" ? Slot::date : p.field == "month" ? Slot::month : Slot::year;
      warn(field(s), p.field, p.message);
    }
  }

  void build_names() {
    // Field order, but inherited roles only when the entry has no field of that role.
    for (const auto& n : names_) {
      if (n.inherited && std::any_of(names_.begin(), names_.end(),
                                     [&](const NameField& o) { return !o.inherited && o.role == n.role; }))
        continue;
      NameList list = parse_names(n.field->value);
      for (auto& p : list.people) {
        // Scopus exports glue affiliation markers to initials ("Guler, A.T.a").
        p.given = strip_affiliation_marker(p.given);
        work_.contributors.push_back({n.role, std::move(p)});
      }
    }
  }

  void build_keywords() {
    if (keyword_fields_.empty()) return;
    std::vector<std::string> folded;  // duplicates ignore case and accents
    for (const RawField* f : keyword_fields_) {
      for (auto& k : split_keywords(f->value)) {
        std::string key = fold(k);
        if (std::find(folded.begin(), folded.end(), key) != folded.end()) continue;
        folded.push_back(std::move(key));
        work_.keywords.push_back(std::move(k));
      }
    }
  }

  // `annotation`/`annote`: the reader's notes, one litrev note per field (Zotero and Mendeley
  // write all the notes of an item into one annote, paragraphs kept).
  void build_notes() {
    for (const RawField* f : note_fields_) {
      std::string note = readable(f->value);
      if (!note.empty()) rec_.notes.push_back(std::move(note));
    }
  }

  void build_url() {
    if (has(Slot::url)) {
      std::string url = unescape_verbatim(get(Slot::url));
      // Several URLs separated by spaces (Mendeley, some exports): the first one.
      if (auto sp = url.find_first_of(" \n\t"); sp != std::string::npos) url.resize(sp);
      work_.url = std::move(url);
    } else if (has(Slot::howpublished)) {
      const std::string_view hp = get(Slot::howpublished);
      if (auto at = hp.find("\\url{"); at != std::string_view::npos) {
        const auto end = hp.find('}', at + 5);
        if (end != std::string_view::npos) work_.url = unescape_verbatim(hp.substr(at + 5, end - at - 5));
      }
    }
  }

  void add_id(IdScheme scheme, std::string value) {
    for (const auto& id : work_.ids)
      if (id.scheme == scheme && id.value == value) return;
    work_.ids.push_back({scheme, std::move(value)});
  }

  void build_identifiers() {
    // DOI: the doi field, else a DOI in the url (https://doi.org/..., publisher /doi/ paths).
    if (has(Slot::doi)) {
      const std::string raw = unescape_verbatim(get(Slot::doi));
      const auto dois = find_dois(raw);
      if (dois.empty() && !raw.empty()) warn(field(Slot::doi), "doi", "doi '" + raw + "' is not a DOI; kept in the fields");
      for (const auto& d : dois) add_id(IdScheme::doi, d);
    }
    const std::string url = has(Slot::url) ? unescape_verbatim(get(Slot::url)) : std::string();
    const std::string lower_url = ascii_lower(url);
    const auto url_has = [&](std::string_view part) { return lower_url.find(part) != std::string::npos; };
    if (!has(Slot::doi) && url_has("doi")) {
      for (const auto& d : find_dois(url)) add_id(IdScheme::doi, d);
    }
    for (Slot s : {Slot::isbn}) {
      if (!has(s)) continue;
      const std::string value = unbraced(get(s));  // the pieces are views into it
      for (auto piece : id_pieces(value)) {
        if (auto isbn = normalize_isbn(piece)) add_id(IdScheme::isbn, *isbn);
        else warn(field(s), "isbn", "isbn '" + std::string(piece) + "' is not a valid ISBN; kept in the fields");
      }
    }
    for (Slot s : {Slot::issn, Slot::eissn}) {
      if (!has(s)) continue;
      const std::string value = unbraced(get(s));
      for (auto piece : id_pieces(value)) {
        if (auto issn = normalize_issn(piece)) add_id(IdScheme::issn, *issn);
        else warn(field(s), s == Slot::issn ? "issn" : "eissn",
                  "issn '" + std::string(piece) + "' is not a valid ISSN; kept in the fields");
      }
    }
    // eprint + eprinttype (archiveprefix)
    if (has(Slot::eprint)) {
      const std::string type = ascii_lower(unbraced(get(Slot::eprinttype)));
      const std::string eprint = unescape_verbatim(get(Slot::eprint));
      if (type == "arxiv") {
        if (auto a = normalize_arxiv(eprint)) add_id(IdScheme::arxiv, *a);
      } else if (type == "hal") {
        if (auto h = normalize_hal_id(eprint)) add_id(IdScheme::hal, *h);
      } else if (type == "pubmed" || type == "pmid") {
        if (auto n = leading_number(eprint)) add_id(IdScheme::pmid, std::to_string(*n));
      } else if (type == "pmc" || type == "pmcid") {
        add_id(IdScheme::pmcid, ascii_upper(eprint.starts_with("PMC") || eprint.starts_with("pmc") ? eprint : "PMC" + eprint));
      } else if (type == "doi") {
        if (auto d = normalize_doi(eprint)) add_id(IdScheme::doi, *d);
      }
    }
    if (has(Slot::arxivid)) {
      if (auto a = normalize_arxiv(unescape_verbatim(get(Slot::arxivid)))) add_id(IdScheme::arxiv, *a);
    }
    // Google Scholar: journal = {arXiv preprint arXiv:1706.03762}
    if (auto at = ifind(work_.container, "arxiv:"); at != std::string::npos) {
      std::string_view rest = std::string_view(work_.container).substr(at + 6);
      rest = rest.substr(0, rest.find_first_of(" ,;"));
      if (auto a = normalize_arxiv(rest)) add_id(IdScheme::arxiv, *a);
    }
    if (url_has("arxiv.org/abs/") || url_has("arxiv.org/pdf/")) {
      std::string_view id = std::string_view(url).substr(lower_url.find("arxiv.org/") + 14);
      if (id.ends_with(".pdf")) id.remove_suffix(4);
      if (auto a = normalize_arxiv(id)) add_id(IdScheme::arxiv, *a);
    }
    for (Slot s : {Slot::hal_id}) {
      if (!has(s)) continue;
      if (auto h = normalize_hal_id(unescape_verbatim(get(s)))) add_id(IdScheme::hal, *h);
      else warn(field(s), field(s)->name, "HAL id '" + unbraced(get(s)) + "' is not a HAL id; kept in the fields");
    }
    if (url_has("hal.science/") || url_has("archives-ouvertes.fr/") || url_has("hal.inria.fr/")) {
      if (auto h = normalize_hal_id(url)) add_id(IdScheme::hal, *h);
    }
    if (has(Slot::pmid)) {
      if (auto n = leading_number(unbraced(get(Slot::pmid)))) add_id(IdScheme::pmid, std::to_string(*n));
    }
    if (has(Slot::pmcid)) {
      std::string v = ascii_upper(unbraced(get(Slot::pmcid)));
      if (!v.empty()) add_id(IdScheme::pmcid, v.starts_with("PMC") ? v : "PMC" + v);
    }
    if (has(Slot::unique_id)) {
      const std::string v = unbraced(get(Slot::unique_id));
      if (istarts_with(v, "wos:") || istarts_with(v, "isi:")) add_id(IdScheme::wos, "WOS:" + std::string(trim(v.substr(4))));
    }
    if (has(Slot::eid)) {
      // biblatex's eid is an article number; Scopus puts its record id there.
      const std::string v = unbraced(get(Slot::eid));
      if (v.starts_with("2-s2.0-")) add_id(IdScheme::scopus, v);
    }
    if (auto at = lower_url.find("scopus.com/"); at != std::string::npos) {
      if (auto eid = url.find("eid=2-s2.0-", at); eid != std::string::npos) {
        std::string_view v = std::string_view(url).substr(eid + 4);
        v = v.substr(0, v.find('&'));
        add_id(IdScheme::scopus, std::string(v));
      }
    }
  }

  void build_references() {
    if (has(Slot::cited_references)) {
      for (const auto& item : split_wos_references(get(Slot::cited_references)))
        work_.references.push_back(parse_reference(item, ReferenceStyle::wos));
    }
    if (has(Slot::scopus_references)) {
      for (const auto& item : split_scopus_references(get(Slot::scopus_references)))
        work_.references.push_back(parse_reference(item, ReferenceStyle::scopus));
    }
    if (has(Slot::cites)) {
      for (auto& r : parse_cites_field(get(Slot::cites))) work_.references.push_back(std::move(r));
    }
  }

  void build_citation_count() {
    if (has(Slot::times_cited)) {
      work_.global_citations = leading_number(unbraced(get(Slot::times_cited)));
    } else if (has(Slot::note)) {
      // Scopus: note = {Cited By :12} / {cited By 12}
      const std::string_view note = get(Slot::note);
      if (auto at = ifind(note, "cited by"); at != std::string_view::npos) {
        std::string_view rest = note.substr(at + 8);
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == ':')) rest.remove_prefix(1);
        work_.global_citations = leading_number(rest);
      }
    }
  }

  const RawEntry& entry_;
  std::string_view origin_;
  ImportRecord& rec_;
  Work& work_;
  std::array<Picked, static_cast<std::size_t>(Slot::count_)> slots_{};
  std::vector<NameField> names_;
  std::vector<const RawField*> keyword_fields_;
  std::vector<const RawField*> note_fields_;
  bool own_keywords_ = false;
  bool own_date_ = false;
};

}  // namespace

ImportRecord make_import_record(RawEntry&& entry, std::span<const RawField> inherited, std::string_view origin) {
  ImportRecord rec;
  {
    RecordBuilder b(entry, origin, rec);
    for (const auto& f : entry.fields) b.consider(f, false);
    for (const auto& f : inherited) b.consider(f, true);
    b.build();
  }
  SourceRecord& s = rec.source;
  s.source_kind = "bibtex";
  s.origin = std::string(origin);
  s.original_key = std::move(entry.key);
  s.entry_type = std::move(entry.type);
  s.line = entry.line;
  s.fields.reserve(entry.fields.size());
  for (auto& f : entry.fields) s.fields.push_back({std::move(f.name), std::move(f.value)});
  return rec;
}

std::vector<Reference> parse_cites_field(std::string_view value) {
  std::vector<Reference> refs;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    // Keys and DOIs hold no blanks, so blanks separate items too (the parser turned the line
    // breaks of this field into spaces).
    if (i < value.size() && value[i] != ',' && value[i] != ';' && value[i] != '\n' && value[i] != ' ' &&
        value[i] != '\t')
      continue;
    std::string_view item = trim(value.substr(start, i - start));
    start = i + 1;
    while (!item.empty() && item.front() == '{' && item.back() == '}') item = trim(item.substr(1, item.size() - 2));
    if (item.empty()) continue;
    Reference r;
    r.raw = std::string(item);
    const bool doi_like = istarts_with(item, "doi:") || item.starts_with("10.") || ifind(item, "doi.org/") != std::string_view::npos;
    if (doi_like) {
      if (auto d = normalize_doi(unescape_verbatim(item))) r.doi = *d;
      else r.cite_key = r.raw;
    } else {
      r.cite_key = r.raw;
    }
    refs.push_back(std::move(r));
  }
  return refs;
}

std::vector<std::string> split_keywords(std::string_view value) {
  // WoS doubles the braces: {{a; b}}. The inner group is no protection of one keyword.
  value = trim(value);
  while (value.size() >= 2 && value.front() == '{' && value.back() == '}' && is_one_group(value))
    value = trim(value.substr(1, value.size() - 2));
  // ';' separates when present at brace depth 0 (WoS, Scopus); else ',' (BibLaTeX's separator).
  char sep = ',';
  int depth = 0;
  for (char c : value) {
    if (c == '{') ++depth;
    else if (c == '}') --depth;
    else if (c == ';' && depth == 0) {
      sep = ';';
      break;
    }
  }
  std::vector<std::string> out;
  depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    const char c = i < value.size() ? value[i] : sep;
    if (c == '{') ++depth;
    else if (c == '}') --depth;
    if ((c == sep && depth <= 0) || i == value.size()) {
      std::string k = readable(value.substr(start, i - start));
      // Keywords continued on the next line in WoS exports: one space.
      if (k.find_first_of("\n\t") != std::string::npos) k = collapse_spaces(k);
      if (!k.empty()) out.push_back(std::move(k));
      start = i + 1;
    }
  }
  return out;
}

std::string unescape_verbatim(std::string_view value) {
  std::string_view v = trim(value);
  while (v.size() >= 2 && v.front() == '{' && v.back() == '}') v = trim(v.substr(1, v.size() - 2));
  // url = {\url{http://...}}: the command around the value.
  if (v.starts_with("\\url{") && v.back() == '}') v = trim(v.substr(5, v.size() - 6));
  std::string out;
  out.reserve(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (c == '\\' && i + 1 < v.size() && std::string_view("_%&#~$").find(v[i + 1]) != std::string_view::npos) {
      out.push_back(v[++i]);
    } else if (c == '{' || c == '}') {
      continue;  // "{\_}" and "10.1002/{ISSN}" wrappers
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace litrev::bibtex
