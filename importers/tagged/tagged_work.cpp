#include "importers/tagged/tagged_work.hpp"

#include <algorithm>
#include <charconv>

#include "importers/references/reference_parser.hpp"
#include "importers/tagged/note_markup.hpp"
#include "src/core/identifiers.hpp"
#include "src/core/text.hpp"

namespace litrev::tagged {
namespace {

std::string single_line(std::string_view value) {
  if (value.find_first_of("\n\r\t") == std::string_view::npos && !value.starts_with(' ') && !value.ends_with(' ') &&
      value.find("  ") == std::string_view::npos)
    return std::string(value);
  return collapse_spaces(value);
}

// Keeps line breaks (at most one empty line in a row), trims each line.
std::string paragraphs(std::string_view value) {
  std::string out;
  int pending_breaks = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    if (i < value.size() && value[i] != '\n') continue;
    const std::string line = collapse_spaces(value.substr(start, i - start));
    start = i + 1;
    if (line.empty()) {
      if (!out.empty()) ++pending_breaks;
      continue;
    }
    if (!out.empty()) out += pending_breaks > 0 ? "\n\n" : "\n";
    pending_breaks = 0;
    out += line;
  }
  return out;
}

std::string dashes_as_hyphens(std::string_view pages) {
  std::string out;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (pages.compare(i, 3, "–") == 0 || pages.compare(i, 3, "—") == 0) {
      out.push_back('-');
      i += 2;
    } else if (pages[i] == '-' && !out.empty() && out.back() == '-') {
      continue;  // "1--10"
    } else {
      out.push_back(pages[i]);
    }
  }
  return std::string(trim(out));
}

bool has_digit(std::string_view s) { return s.find_first_of("0123456789") != std::string_view::npos; }

// The identifiers of a list value ("978-0-19-..., 0-19-...", "0003-1224 (Print)"): each piece
// between ',', ';', '|' or line breaks when it reads as one, else each of its words that has a
// digit ("(Print)" is no identifier). `read` returns false for a piece that is none.
template <class Read>
void for_each_id(std::string_view value, Read read) {
  std::size_t start = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    if (i < value.size() && value[i] != ',' && value[i] != ';' && value[i] != '|' && value[i] != '\n') continue;
    const std::string_view piece = trim(value.substr(start, i - start));
    start = i + 1;
    if (!has_digit(piece) || read(piece, false)) continue;
    std::size_t w = 0;
    while (w < piece.size()) {
      std::size_t e = piece.find(' ', w);
      if (e == std::string_view::npos) e = piece.size();
      const std::string_view word = trim(piece.substr(w, e - w));
      if (has_digit(word)) read(word, true);
      w = e + 1;
    }
  }
}

std::optional<std::int64_t> leading_number(std::string_view s) {
  s = trim(s);
  std::size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  if (n == 0 || n > 15) return std::nullopt;
  std::int64_t v = 0;
  std::from_chars(s.data(), s.data() + n, v);
  return v;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && ascii_lower(s.substr(0, prefix.size())) == prefix;
}

}  // namespace

std::vector<std::string_view> split_list(std::string_view value) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    if (i < value.size() && value[i] != ';' && value[i] != '\n') continue;
    const std::string_view item = trim(value.substr(start, i - start));
    if (!item.empty()) out.push_back(item);
    start = i + 1;
  }
  return out;
}

std::string fingerprint(const TaggedRecord& record) {
  std::uint64_t h = 14695981039346656037ULL;  // FNV-1a over names and values, separated
  const auto mix = [&h](std::string_view s) {
    for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    h = (h ^ 0xFFu) * 1099511628211ULL;
  };
  for (const auto& f : record.fields) {
    mix(f.name);
    mix(f.value);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "#";
  for (int shift = 60; shift >= 0; shift -= 4) out.push_back(kHex[(h >> shift) & 0xF]);
  return out;
}

WorkAssembler::WorkAssembler(FieldVocabulary vocabulary, TaggedRecord record, std::string_view source_kind,
                             std::string_view origin, bool wrapped, ImportRecord& rec)
    : record_(std::move(record)), slots_(vocabulary, record_), wrapped_(wrapped), origin_(origin), rec_(rec) {
  rec_.source.source_kind = std::string(source_kind);
  rec_.source.origin = std::string(origin);
  rec_.source.line = record_.line;
}

std::string WorkAssembler::text(Slot slot) const { return single_line(slots_.get(slot)); }

void WorkAssembler::warn(const TaggedField* field, std::string message) {
  Diagnostic d;
  d.severity = Diagnostic::Severity::warning;
  d.source = std::string(origin_);
  d.line = field ? field->line : record_.line;
  if (field) d.field = field->name;
  d.message = std::move(message);
  rec_.warnings.push_back(std::move(d));
}

std::string WorkAssembler::store_type(TypeVocabulary vocabulary, std::string_view source_type,
                                      const TaggedField* field) {
  if (!knows_type(vocabulary, source_type))
    warn(field, "type '" + std::string(trim(source_type)) + "' is not one litrev knows: stored as misc, the type kept "
                "in the fields");
  return std::string(store_type_from(vocabulary, source_type));
}

void WorkAssembler::fill_common() {
  Work& w = rec_.work;
  w.title = text(Slot::title);
  w.volume = text(Slot::volume);
  w.issue = text(Slot::issue);
  w.publisher = text(Slot::publisher);
  if (w.publisher.empty()) w.publisher = text(Slot::institution);
  w.place = text(Slot::location);
  w.edition = text(Slot::edition);
  w.language = text(Slot::language);
  w.abstract_text = wrapped_ ? text(Slot::abstract_text) : paragraphs(slots_.get(Slot::abstract_text));
  if (slots_.has(Slot::url)) {
    const std::string url = text(Slot::url);
    w.url = url.substr(0, url.find(' '));
  }
  fill_pages();
  fill_keywords();
  fill_identifiers();
  fill_references();
  fill_notes();
  if (slots_.has(Slot::times_cited)) w.global_citations = leading_number(slots_.get(Slot::times_cited));
}

void WorkAssembler::fill_pages() {
  Work& w = rec_.work;
  if (slots_.has(Slot::pages)) {
    w.pages = dashes_as_hyphens(text(Slot::pages));
    return;
  }
  const std::string first = dashes_as_hyphens(text(Slot::first_page));
  const std::string last = dashes_as_hyphens(text(Slot::last_page));
  if (first.empty()) w.pages = last;
  else if (last.empty() || last == first || first.find('-') != std::string::npos) w.pages = first;
  else w.pages = first + "-" + last;
}

void WorkAssembler::fill_keywords() {
  std::vector<std::string> folded;  // duplicates ignore case and accents
  for (const TaggedField* f : slots_.all(Slot::keywords)) {
    const std::string value = wrapped_ ? single_line(f->value) : f->value;
    for (const std::string_view k : split_list(value)) {
      std::string keyword = collapse_spaces(k);
      std::string key = fold(keyword);
      if (keyword.empty() || std::find(folded.begin(), folded.end(), key) != folded.end()) continue;
      folded.push_back(std::move(key));
      rec_.work.keywords.push_back(std::move(keyword));
    }
  }
}

void WorkAssembler::add_id(IdScheme scheme, std::string value) {
  for (const auto& id : rec_.work.ids)
    if (id.scheme == scheme && id.value == value) return;
  rec_.work.ids.push_back({scheme, std::move(value)});
}

void WorkAssembler::add_accession(std::string_view value, const TaggedField* field) {
  const std::string v(trim(value));
  if (istarts_with(v, "wos:") || istarts_with(v, "isi:")) add_id(IdScheme::wos, "WOS:" + std::string(trim(v.substr(4))));
  else if (v.starts_with("2-s2.0-")) add_id(IdScheme::scopus, v);
  else if (field && field->name == "UT" && !v.empty()) add_id(IdScheme::wos, "WOS:" + v);  // WoS writes it bare too
}

void WorkAssembler::fill_identifiers() {
  const Work& w = rec_.work;
  for (const TaggedField* f : slots_.all(Slot::doi)) {
    const auto dois = find_dois(f->value);
    if (dois.empty()) warn(f, "'" + single_line(f->value) + "' is not a DOI; kept in the fields");
    for (const auto& d : dois) add_id(IdScheme::doi, d);
  }
  if (!slots_.has(Slot::doi) && ascii_lower(w.url).find("doi") != std::string::npos)
    for (const auto& d : find_dois(w.url)) add_id(IdScheme::doi, d);
  for (const TaggedField* f : slots_.all(Slot::isbn))
    for_each_id(f->value, [&](std::string_view piece, bool last_try) {
      if (auto isbn = normalize_isbn(piece)) add_id(IdScheme::isbn, *isbn);
      else if (last_try) warn(f, "'" + std::string(piece) + "' is not a valid ISBN; kept in the fields");
      else return false;
      return true;
    });
  for (const Slot s : {Slot::issn, Slot::eissn})
    for (const TaggedField* f : slots_.all(s))
      for_each_id(f->value, [&](std::string_view piece, bool last_try) {
        if (auto issn = normalize_issn(piece)) add_id(IdScheme::issn, *issn);
        else if (last_try) warn(f, "'" + std::string(piece) + "' is not a valid ISSN; kept in the fields");
        else return false;
        return true;
      });
  // RIS SN: an ISSN for serials, an ISBN for books, a report number sometimes.
  for (const TaggedField* f : slots_.all(Slot::serial_number))
    for_each_id(f->value, [&](std::string_view piece, bool last_try) {
      if (auto issn = normalize_issn(piece); issn && piece.size() <= 9) add_id(IdScheme::issn, *issn);
      else if (auto isbn = normalize_isbn(piece)) add_id(IdScheme::isbn, *isbn);
      // A report or patent number there is no error; a run of 8 digits or more meant to be one.
      else if (last_try && std::count_if(piece.begin(), piece.end(), [](char c) { return c >= '0' && c <= '9'; }) >= 8)
        warn(f, "'" + std::string(piece) + "' is neither an ISSN nor an ISBN; kept in the fields");
      else return false;
      return true;
    });
  for (const TaggedField* f : slots_.all(Slot::pmid))
    if (auto n = leading_number(f->value)) add_id(IdScheme::pmid, std::to_string(*n));
  for (const TaggedField* f : slots_.all(Slot::pmcid))
    if (const std::string v = ascii_upper(trim(f->value)); !v.empty()) add_id(IdScheme::pmcid, v.starts_with("PMC") ? v : "PMC" + v);
  for (const TaggedField* f : slots_.all(Slot::unique_id)) add_accession(f->value, f);
  for (const TaggedField* f : slots_.all(Slot::eid)) add_accession(f->value, f);
  const std::string lower_url = ascii_lower(w.url);
  if (lower_url.find("scopus.com/") != std::string::npos)
    if (const auto eid = w.url.find("eid=2-s2.0-"); eid != std::string::npos) {
      const std::string_view v = std::string_view(w.url).substr(eid + 4);
      add_id(IdScheme::scopus, std::string(v.substr(0, v.find('&'))));
    }
}

void WorkAssembler::fill_references() {
  for (const TaggedField* f : slots_.all(Slot::cited_references))
    for (const auto& item : split_wos_references(f->value))
      rec_.work.references.push_back(parse_reference(item, ReferenceStyle::wos));
  for (const TaggedField* f : slots_.all(Slot::scopus_references))
    for (const auto& item : split_scopus_references(f->value))
      rec_.work.references.push_back(parse_reference(item, ReferenceStyle::scopus));
}

void WorkAssembler::fill_notes() {
  for (const TaggedField* f : slots_.all(Slot::notes)) {
    std::string note = looks_like_html(f->value) ? html_note_to_markdown(f->value) : paragraphs(f->value);
    // EndNote repeats the title in a note (Zotero's RIS reader drops it too).
    if (note.empty() || note == rec_.work.title) continue;
    rec_.notes.push_back(std::move(note));
  }
}

void WorkAssembler::finish() {
  rec_.source.fields.reserve(record_.fields.size());
  for (auto& f : record_.fields) rec_.source.fields.push_back({std::move(f.name), std::move(f.value)});
  record_.fields.clear();
}

}  // namespace litrev::tagged
