#pragma once
// The records that importers produce and the store consumes. Plain data, no behaviour:
// every importer (BibTeX, RIS, Web of Science, Scopus, Crossref, HAL) fills the same structs, so dedup, storage and export
// never need to know where a work came from.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace litrev {

// Where a diagnostic points. line/column are 1-based; 0 means "not known".
struct Diagnostic {
  enum class Severity { warning, error };
  Severity severity = Severity::error;
  std::string source;  // file path, "-" for stdin, or a URL
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string field;  // the field concerned, empty when the whole entry is
  std::string message;
};

// Roles a person can have on a work; names match BibLaTeX's name fields.
enum class Role { author, editor, translator, bookauthor, introduction, foreword, afterword, commentator, annotator, holder, contributor };

// Identifier schemes for people, strongest first: the order in which they name an author
// (core/identifiers.hpp has their names and normalization).
enum class PersonIdScheme { orcid, idhal, idref, scopus, openalex, researcherid };

struct PersonId {
  PersonIdScheme scheme;
  std::string value;  // normalized
  bool operator==(const PersonId&) const = default;
};

struct Person {
  std::string family;    // "Powell"; for a corporate/literal name, empty
  std::string given;     // "Walter W."
  std::string particle;  // "van der", "de", "d'"
  std::string suffix;    // "Jr."
  std::string literal;   // corporate or brace-protected name: "Agence nationale de la recherche"
  std::string orcid;     // bare 0000-0002-1825-0097, no URL
  std::string idhal;     // HAL author identifier, e.g. "jean-dupont"
  std::vector<PersonId> ids;  // the other schemes (IdRef, Scopus, OpenAlex, ResearcherID), one per scheme
  std::string affiliation;
};

struct Contributor {
  Role role = Role::author;
  Person person;
};

enum class IdScheme { doi, isbn, issn, hal, arxiv, pmid, pmcid, wos, scopus, openalex };

// Identifier values are stored normalized: DOI lower-cased without resolver prefix,
// ISBN without hyphens, HAL id without version suffix, and so on (see core/identifiers.hpp).
struct Identifier {
  IdScheme scheme;
  std::string value;
};

// An author as a cited reference names them: "Latour", "B" (initials as written, periods dropped).
struct ReferenceAuthor {
  std::string family;
  std::string initials;
  bool operator==(const ReferenceAuthor&) const = default;
};

// A reference made by a work: one line of its bibliography. Whatever was parsed is kept; raw
// is the text as the source gave it (WoS CR line, Scopus string, Crossref unstructured,
// or the litrev `cites` item).
struct Reference {
  std::string raw;
  std::string doi;           // normalized, empty when unknown
  std::string openalex;      // OpenAlex work id ("W2741809807"), empty when unknown
  std::string cite_key;      // set for `cites = {key}` items: a key in the same import
  std::string first_author;  // family name as written ("MCCARTHY", "McCarthy")
  std::string author_initials;
  // Every author, in order, when the style names them all (Scopus); empty when only the first
  // is known (WoS, most free text): first_author / author_initials then stand for the list.
  std::vector<ReferenceAuthor> authors;
  std::optional<int> year;
  std::string title;
  std::string container;  // journal or book title (WoS: abbreviated source)
  std::string volume;
  std::string first_page;
  std::string isbn;
};

// One original field exactly as the source gave it, so that export loses nothing.
// For BibTeX: name lower-cased, value after @string expansion and # concatenation, LaTeX kept.
struct SourceField {
  std::string name;
  std::string value;
};

// Provenance: which file or API, which original key, when, and every original field.
struct SourceRecord {
  std::string source_kind;  // "bibtex", "ris", "wos", "scopus", "crossref", "hal"
  std::string origin;       // file path or request URL
  std::string original_key; // BibTeX key, DOI, HAL id
  std::string entry_type;   // as the source wrote it: "phdthesis", "journal-article", "ART"
  std::uint32_t line = 0;   // where the record starts in origin (files), 0 for APIs
  std::string imported_at;  // ISO 8601 UTC; filled by the store when empty
  std::vector<SourceField> fields;
};

// The readable, normalized view of a work (Unicode, no LaTeX). Empty string = unknown.
struct Work {
  std::string key;   // citation key wanted by the source; the store makes it unique
  std::string type;  // store type vocabulary, see core/data_model.hpp (BibLaTeX names)
  std::string title;
  std::string subtitle;
  std::string container;  // journal, book or proceedings title
  std::string date;       // ISO 8601 / EDTF: "2019", "2019-03", "2019-03-14", "2019/2020"
  std::optional<int> year;
  std::string volume;
  std::string issue;
  std::string pages;
  std::string publisher;
  std::string place;
  std::string edition;
  std::string language;
  std::string abstract_text;
  std::vector<std::string> keywords;
  std::string url;
  std::vector<Contributor> contributors;  // in order, per role
  std::vector<Identifier> ids;
  std::vector<Reference> references;
  std::optional<std::int64_t> global_citations;  // e.g. Crossref is-referenced-by-count
};

// What an importer hands to the store: one work with its provenance.
struct ImportRecord {
  Work work;
  SourceRecord source;
  // The reader's notes that came with the record (RIS N1, BibTeX annotation), Markdown; the store
  // adds each to the work unless the work has that note already.
  std::vector<std::string> notes;
  std::vector<Diagnostic> warnings;  // about this record; the record is still good
  bool duplicate_key = false;        // the key was already used earlier in the same input
};

}  // namespace litrev
