// The fields of every vocabulary litrev reads: one row per field, with its kind (biber's data
// types), the slot of the readable record it feeds, its rank among the fields of that slot, the
// role of a name list, and the BibLaTeX name of a legacy BibTeX field.
#include <array>

#include "src/core/data_model.hpp"

namespace litrev {
namespace {

using K = FieldKind;
using S = Slot;
using V = FieldVocabulary;

struct Row {
  V vocabulary;
  FieldSpec spec;
};

constexpr Row f(V v, std::string_view name, K kind, S slot = S::none, std::uint8_t rank = 0) {
  return {v, {name, kind, slot, rank, std::nullopt, {}}};
}
constexpr Row people(V v, std::string_view name, Role role, std::uint8_t rank = 0) {
  return {v, {name, K::name_list, S::names, rank, role, {}}};
}
// A legacy BibTeX field and its BibLaTeX name (biblatex manual §2.2.5).
constexpr Row legacy(std::string_view name, std::string_view biblatex, K kind, S slot = S::none, std::uint8_t rank = 0) {
  return {V::bibtex, {name, kind, slot, rank, std::nullopt, biblatex}};
}

// clang-format off
constexpr auto kRows = std::to_array<Row>({
  // ---- BibTeX / BibLaTeX (names lower case). Fields not listed are literals without a slot.
  f(V::bibtex, "title", K::literal, S::title),                 f(V::bibtex, "subtitle", K::literal, S::subtitle),
  f(V::bibtex, "journaltitle", K::literal, S::journaltitle),   legacy("journal", "journaltitle", K::literal, S::journaltitle, 1),
  f(V::bibtex, "journal-iso", K::literal, S::journaltitle, 2),  // WoS: abbreviated title, only when nothing better
  f(V::bibtex, "booktitle", K::literal, S::booktitle),         f(V::bibtex, "maintitle", K::literal, S::maintitle),
  f(V::bibtex, "volume", K::literal, S::volume),               f(V::bibtex, "number", K::literal, S::issue),
  f(V::bibtex, "issue", K::literal, S::issue, 1),              f(V::bibtex, "pages", K::range, S::pages),
  f(V::bibtex, "pagetotal", K::range),
  f(V::bibtex, "publisher", K::literal_list, S::publisher),    f(V::bibtex, "institution", K::literal_list, S::institution),
  legacy("school", "institution", K::literal_list, S::institution, 1),
  f(V::bibtex, "organization", K::literal_list, S::organization),
  f(V::bibtex, "location", K::literal_list, S::location),      legacy("address", "location", K::literal_list, S::location, 1),
  f(V::bibtex, "origlocation", K::literal_list),               f(V::bibtex, "origpublisher", K::literal_list),
  f(V::bibtex, "edition", K::literal, S::edition),             f(V::bibtex, "language", K::literal_list, S::language),
  f(V::bibtex, "langid", K::literal, S::language, 1),          legacy("hyphenation", "langid", K::literal),
  f(V::bibtex, "abstract", K::literal, S::abstract_text),      f(V::bibtex, "url", K::uri, S::url),
  f(V::bibtex, "urlraw", K::uri),                              f(V::bibtex, "howpublishedurl", K::uri),
  f(V::bibtex, "howpublished", K::literal, S::howpublished),   f(V::bibtex, "note", K::literal, S::note),
  // Annotations are the reader's notes: litrev notes (Zotero and Mendeley export notes there).
  f(V::bibtex, "annotation", K::literal, S::notes),            legacy("annote", "annotation", K::literal, S::notes),
  f(V::bibtex, "date", K::date, S::date),                      f(V::bibtex, "year", K::integer, S::year),
  f(V::bibtex, "month", K::integer, S::month),                 f(V::bibtex, "day", K::integer, S::day),
  f(V::bibtex, "urldate", K::date),  f(V::bibtex, "origdate", K::date),  f(V::bibtex, "eventdate", K::date),
  f(V::bibtex, "doi", K::verbatim, S::doi),                    f(V::bibtex, "isbn", K::verbatim, S::isbn),
  f(V::bibtex, "issn", K::verbatim, S::issn),                  f(V::bibtex, "eissn", K::verbatim, S::eissn),
  f(V::bibtex, "isrn", K::verbatim),
  f(V::bibtex, "eprint", K::verbatim, S::eprint),              f(V::bibtex, "eprinttype", K::literal, S::eprinttype),
  legacy("archiveprefix", "eprinttype", K::literal, S::eprinttype, 1), legacy("primaryclass", "eprintclass", K::literal),
  f(V::bibtex, "arxivid", K::verbatim, S::arxivid),            f(V::bibtex, "arxiv", K::verbatim, S::arxivid, 1),
  f(V::bibtex, "hal_id", K::verbatim, S::hal_id),              f(V::bibtex, "hal", K::verbatim, S::hal_id, 1),
  f(V::bibtex, "halid", K::verbatim, S::hal_id, 2),
  f(V::bibtex, "pmid", K::verbatim, S::pmid),                  f(V::bibtex, "pubmed", K::verbatim, S::pmid, 1),
  f(V::bibtex, "pmcid", K::verbatim, S::pmcid),                f(V::bibtex, "unique-id", K::verbatim, S::unique_id),
  f(V::bibtex, "eid", K::verbatim, S::eid),
  f(V::bibtex, "file", K::verbatim),                           legacy("pdf", "file", K::verbatim),
  f(V::bibtex, "verba", K::verbatim),  f(V::bibtex, "verbb", K::verbatim),  f(V::bibtex, "verbc", K::verbatim),
  legacy("key", "sortkey", K::literal),
  f(V::bibtex, "cited-references", K::literal, S::cited_references), f(V::bibtex, "references", K::literal, S::scopus_references),
  f(V::bibtex, "cites", K::key_list, S::cites),                f(V::bibtex, "times-cited", K::integer, S::times_cited),
  f(V::bibtex, "orcid-numbers", K::literal, S::orcid_numbers),  // WoS: "Family, Given/0000-0002-...; ..."
  f(V::bibtex, "researcherid-numbers", K::literal, S::researcherid_numbers),  // WoS: "Family, Given/AAG-6517-2019"
  f(V::bibtex, "crossref", K::key, S::crossref),               f(V::bibtex, "xref", K::key),
  f(V::bibtex, "xdata", K::key_list, S::xdata),                f(V::bibtex, "related", K::key_list),
  f(V::bibtex, "entryset", K::key_list),                       f(V::bibtex, "ids", K::key_list),
  f(V::bibtex, "keywords", K::keywords, S::keywords),          f(V::bibtex, "author_keywords", K::keywords, S::keywords),
  f(V::bibtex, "author-keywords", K::keywords, S::keywords),   f(V::bibtex, "keywords-plus", K::keywords),
  people(V::bibtex, "author", Role::author),                   people(V::bibtex, "editor", Role::editor),
  people(V::bibtex, "translator", Role::translator),           people(V::bibtex, "bookauthor", Role::bookauthor),
  people(V::bibtex, "introduction", Role::introduction),       people(V::bibtex, "foreword", Role::foreword),
  people(V::bibtex, "afterword", Role::afterword),             people(V::bibtex, "commentator", Role::commentator),
  people(V::bibtex, "annotator", Role::annotator),             people(V::bibtex, "holder", Role::holder),
  people(V::bibtex, "editora", Role::contributor),             people(V::bibtex, "editorb", Role::contributor),
  people(V::bibtex, "editorc", Role::contributor),
  // Name lists with no role of their own: kept in the source record.
  f(V::bibtex, "shortauthor", K::name_list),  f(V::bibtex, "shorteditor", K::name_list),
  f(V::bibtex, "namea", K::name_list),  f(V::bibtex, "nameb", K::name_list),  f(V::bibtex, "namec", K::name_list),

  // ---- RIS (the RIS specification's tags and the variants Zotero, EndNote, Mendeley, JabRef
  // and publishers write). Tags that depend on the type (T2, A2, A3, SN, SP) are read in
  // importers/ris; their slot here is the usual one.
  f(V::ris, "TY", K::literal, S::type),
  people(V::ris, "AU", Role::author),  people(V::ris, "A1", Role::author),
  people(V::ris, "A2", Role::editor),  people(V::ris, "ED", Role::editor),
  people(V::ris, "A3", Role::contributor),  people(V::ris, "A4", Role::translator),
  f(V::ris, "TI", K::literal, S::title),  f(V::ris, "T1", K::literal, S::title, 1),  f(V::ris, "CT", K::literal, S::title, 2),
  f(V::ris, "BT", K::literal, S::booktitle),  f(V::ris, "T2", K::literal, S::secondary_title),
  f(V::ris, "JF", K::literal, S::journaltitle),  f(V::ris, "JO", K::literal, S::journaltitle, 1),
  f(V::ris, "JA", K::literal, S::journaltitle, 2),  f(V::ris, "J1", K::literal, S::journaltitle, 3),
  f(V::ris, "J2", K::literal, S::journaltitle, 4),  f(V::ris, "T3", K::literal),
  f(V::ris, "DA", K::date, S::date),  f(V::ris, "Y1", K::date, S::date, 1),  f(V::ris, "PY", K::date, S::year),
  f(V::ris, "Y2", K::date),
  f(V::ris, "VL", K::literal, S::volume),  f(V::ris, "IS", K::literal, S::issue),
  f(V::ris, "SP", K::range, S::first_page),  f(V::ris, "EP", K::range, S::last_page),
  f(V::ris, "PB", K::literal, S::publisher),  f(V::ris, "CY", K::literal, S::location),
  f(V::ris, "PP", K::literal, S::location, 1),  f(V::ris, "ET", K::literal, S::edition),
  f(V::ris, "LA", K::literal, S::language),
  f(V::ris, "AB", K::literal, S::abstract_text),  f(V::ris, "N2", K::literal, S::abstract_text, 1),
  f(V::ris, "N1", K::literal, S::notes),  f(V::ris, "RN", K::literal, S::notes),
  f(V::ris, "KW", K::keywords, S::keywords),
  f(V::ris, "DO", K::verbatim, S::doi),  f(V::ris, "SN", K::verbatim, S::serial_number),
  f(V::ris, "UR", K::uri, S::url),  f(V::ris, "L2", K::uri, S::url, 1),
  f(V::ris, "L1", K::uri),  f(V::ris, "L3", K::uri),  f(V::ris, "L4", K::uri),
  f(V::ris, "AN", K::verbatim, S::unique_id),  f(V::ris, "ID", K::key),
  f(V::ris, "ST", K::literal),  f(V::ris, "DB", K::literal),  f(V::ris, "DP", K::literal),

  // ---- Web of Science field tags (plain text and tab-delimited exports).
  f(V::wos, "PT", K::literal, S::type, 1),  f(V::wos, "DT", K::literal, S::type),
  people(V::wos, "AF", Role::author),  people(V::wos, "AU", Role::author, 1),
  people(V::wos, "BF", Role::bookauthor),  people(V::wos, "BA", Role::bookauthor, 1),
  people(V::wos, "BE", Role::editor),  people(V::wos, "ED", Role::editor, 1),
  f(V::wos, "CA", K::name_list),  f(V::wos, "GP", K::name_list),
  f(V::wos, "TI", K::literal, S::title),
  f(V::wos, "SO", K::literal, S::journaltitle),  f(V::wos, "JI", K::literal, S::journaltitle, 1),
  f(V::wos, "J9", K::literal, S::journaltitle, 2),  f(V::wos, "SE", K::literal),  f(V::wos, "CT", K::literal),
  f(V::wos, "LA", K::literal, S::language),  f(V::wos, "AB", K::literal, S::abstract_text),
  f(V::wos, "DE", K::keywords, S::keywords),  f(V::wos, "ID", K::keywords),
  f(V::wos, "OI", K::literal, S::orcid_numbers),  f(V::wos, "RI", K::literal, S::researcherid_numbers),
  f(V::wos, "CR", K::literal, S::cited_references),  f(V::wos, "NR", K::integer),
  f(V::wos, "TC", K::integer, S::times_cited),  f(V::wos, "Z9", K::integer),
  f(V::wos, "PU", K::literal, S::publisher),  f(V::wos, "PI", K::literal, S::location),
  f(V::wos, "SN", K::verbatim, S::issn),  f(V::wos, "EI", K::verbatim, S::eissn),  f(V::wos, "BN", K::verbatim, S::isbn),
  f(V::wos, "PD", K::date, S::month),  f(V::wos, "PY", K::integer, S::year),  f(V::wos, "EA", K::date),
  f(V::wos, "VL", K::literal, S::volume),  f(V::wos, "IS", K::literal, S::issue),
  f(V::wos, "BP", K::literal, S::first_page),  f(V::wos, "EP", K::literal, S::last_page),  f(V::wos, "AR", K::literal),
  f(V::wos, "DI", K::verbatim, S::doi),  f(V::wos, "D2", K::verbatim),
  f(V::wos, "UT", K::verbatim, S::unique_id),  f(V::wos, "PM", K::verbatim, S::pmid),

  // ---- Scopus CSV columns (headers compared lower case).
  f(V::scopus, "document type", K::literal, S::type),
  people(V::scopus, "author full names", Role::author),  people(V::scopus, "authors", Role::author, 1),
  people(V::scopus, "editors", Role::editor),
  f(V::scopus, "author(s) id", K::verbatim, S::author_ids),
  f(V::scopus, "title", K::literal, S::title),  f(V::scopus, "year", K::integer, S::year),
  f(V::scopus, "source title", K::literal, S::journaltitle),
  f(V::scopus, "abbreviated source title", K::literal, S::journaltitle, 2),
  f(V::scopus, "volume", K::literal, S::volume),  f(V::scopus, "issue", K::literal, S::issue),
  f(V::scopus, "page start", K::literal, S::first_page),  f(V::scopus, "page end", K::literal, S::last_page),
  f(V::scopus, "cited by", K::integer, S::times_cited),  f(V::scopus, "doi", K::verbatim, S::doi),
  f(V::scopus, "link", K::uri, S::url),  f(V::scopus, "abstract", K::literal, S::abstract_text),
  f(V::scopus, "author keywords", K::keywords, S::keywords),  f(V::scopus, "index keywords", K::keywords),
  f(V::scopus, "references", K::literal, S::scopus_references),
  f(V::scopus, "publisher", K::literal, S::publisher),  f(V::scopus, "issn", K::verbatim, S::issn),
  f(V::scopus, "isbn", K::verbatim, S::isbn),  f(V::scopus, "pubmed id", K::verbatim, S::pmid),
  f(V::scopus, "language of original document", K::literal, S::language),
  f(V::scopus, "eid", K::verbatim, S::eid),

  // ---- CSL-JSON variables (CSL 1.0.2, case as written there; Zotero's camelCase aliases too).
  // Only the variables the readable Work holds have a slot: the others (title-short,
  // container-title-short, genre, accessed, original-date, event-place, director...) stay in the
  // source record, and the CSL-JSON export writes them back from there. The names of roles the
  // store does not model (composer, director, interviewer, collection-editor...) likewise.
  f(V::csl, "type", K::literal, S::type),
  people(V::csl, "author", Role::author),  people(V::csl, "editor", Role::editor),
  people(V::csl, "translator", Role::translator),  people(V::csl, "container-author", Role::bookauthor),
  people(V::csl, "contributor", Role::contributor),
  f(V::csl, "title", K::literal, S::title),
  f(V::csl, "container-title", K::literal, S::journaltitle),
  f(V::csl, "volume", K::literal, S::volume),  f(V::csl, "issue", K::literal, S::issue),
  // A report's number: BibTeX's number, the store's issue. (A series' title and number,
  // collection-title and collection-number, are a book's container and issue when it has no
  // other: importers/csljson reads them.)
  f(V::csl, "number", K::literal, S::issue, 1),
  f(V::csl, "page", K::range, S::pages),  f(V::csl, "page-first", K::literal, S::first_page),
  f(V::csl, "publisher", K::literal, S::publisher),  f(V::csl, "publisher-place", K::literal, S::location),
  f(V::csl, "edition", K::literal, S::edition),  f(V::csl, "language", K::literal, S::language),
  f(V::csl, "abstract", K::literal, S::abstract_text),  f(V::csl, "URL", K::uri, S::url),
  f(V::csl, "url", K::uri, S::url, 1),
  f(V::csl, "issued", K::date, S::date),
  f(V::csl, "DOI", K::verbatim, S::doi),  f(V::csl, "doi", K::verbatim, S::doi, 1),
  f(V::csl, "ISBN", K::verbatim, S::isbn),  f(V::csl, "isbn", K::verbatim, S::isbn, 1),
  f(V::csl, "ISSN", K::verbatim, S::issn),
  f(V::csl, "PMID", K::verbatim, S::pmid),  f(V::csl, "PMCID", K::verbatim, S::pmcid),
  f(V::csl, "keyword", K::keywords, S::keywords),
  // The reader's annotation (pandoc writes BibTeX's annote there): a litrev note.
  f(V::csl, "annote", K::literal, S::notes),
});
// clang-format on

// Field names are looked up for every field of every record: an open-addressing table on an
// FNV-1a hash of (vocabulary, name), built at compile time, costs one hash and usually one
// comparison.
constexpr std::uint32_t hash(V v, std::string_view s) {
  std::uint32_t h = 2166136261u ^ static_cast<std::uint32_t>(v);
  h *= 16777619u;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

constexpr std::size_t kTableSize = 1024;  // a power of two, well above the number of rows
static_assert(kRows.size() * 2 < kTableSize);

constexpr auto kTable = [] {
  std::array<std::int16_t, kTableSize> t{};
  for (auto& slot : t) slot = -1;
  for (std::size_t i = 0; i < kRows.size(); ++i) {
    std::size_t at = hash(kRows[i].vocabulary, kRows[i].spec.name) & (kTableSize - 1);
    while (t[at] != -1) at = (at + 1) & (kTableSize - 1);
    t[at] = static_cast<std::int16_t>(i);
  }
  return t;
}();

}  // namespace

const FieldSpec* field_spec(FieldVocabulary vocabulary, std::string_view name) {
  for (std::size_t at = hash(vocabulary, name) & (kTableSize - 1);; at = (at + 1) & (kTableSize - 1)) {
    const int row = kTable[at];
    if (row < 0) return nullptr;
    const Row& r = kRows[static_cast<std::size_t>(row)];
    if (r.vocabulary == vocabulary && r.spec.name == name) return &r.spec;
  }
}

FieldKind field_kind(std::string_view bibtex_field) {
  const FieldSpec* spec = field_spec(V::bibtex, bibtex_field);
  return spec ? spec->kind : FieldKind::literal;
}

bool is_verbatim_kind(FieldKind kind) {
  return kind == FieldKind::verbatim || kind == FieldKind::uri || kind == FieldKind::key || kind == FieldKind::key_list;
}

std::optional<std::string_view> biblatex_field_for(std::string_view bibtex_field) {
  const FieldSpec* spec = field_spec(V::bibtex, bibtex_field);
  if (!spec || spec->biblatex_alias.empty()) return std::nullopt;
  return spec->biblatex_alias;
}

std::optional<std::string_view> bibtex_field_for(std::string_view biblatex_field) {
  for (const auto& r : kRows)
    if (r.vocabulary == V::bibtex && r.spec.biblatex_alias == biblatex_field) return r.spec.name;
  return std::nullopt;
}

std::string_view field_for_slot(FieldVocabulary vocabulary, Slot slot) {
  const FieldSpec* best = nullptr;
  for (const auto& r : kRows)
    if (r.vocabulary == vocabulary && r.spec.slot == slot && (!best || r.spec.rank < best->rank)) best = &r.spec;
  return best ? best->name : std::string_view();
}

}  // namespace litrev
