#pragma once
// From a tagged record (RIS, Web of Science, Scopus CSV) to the ImportRecord the store takes: the
// parts the three formats share, read through the data model's slots (core/data_model.hpp). The
// format's own importer calls fill_common() and then sets what only it knows (type, container,
// dates, how its names are written, its key).
//
// fill_common():
//  - title, volume, issue, publisher (else institution), place, edition, language, abstract;
//  - pages: the pages slot, else first page + last page ("147" + "160" -> "147-160"), dashes
//    read as '-';
//  - keywords: every keyword field, split on ';' (and on line breaks where they separate
//    items), duplicates (ignoring case and accents) dropped;
//  - identifiers: DOI (also from a doi.org URL), ISBN, ISSN/eISSN, RIS SN (an ISSN when it is
//    one, else an ISBN), PubMed id, PubMed Central id ("PMC..."), the Web of Science accession number ("WOS:000..."; also a
//    RIS AN with it) and the Scopus EID ("2-s2.0-..."; also in a scopus.com URL); values that
//    are none of these are warnings and stay in the source fields;
//  - url: the first URL of the url slot;
//  - references: WoS cited references (one per line, or "; "-separated in tab-delimited
//    exports) and Scopus references ("; "-separated), parsed by importers/references;
//  - global_citations from the times-cited slot (WoS TC, Scopus "Cited by");
//  - notes: every notes field (RIS N1), HTML notes (Zotero) read as Markdown (note_markup.hpp).
//
// Line breaks: `wrapped` says whether the format breaks long values over continuation lines
// (Web of Science: a break is a space, except in fields that hold one item per line) or
// whether a break is part of the value (RIS, CSV: kept in abstracts and notes).

#include <string>
#include <string_view>
#include <vector>

#include "importers/tagged/slot_values.hpp"
#include "importers/tagged/tagged_record.hpp"
#include "src/core/record.hpp"

namespace litrev::tagged {

class WorkAssembler {
 public:
  // Fills rec.source (kind = source_kind, origin, line) and prepares the slots; rec.work is
  // filled by the calls below, and finish() moves the fields into rec.source.fields.
  WorkAssembler(FieldVocabulary vocabulary, TaggedRecord record, std::string_view source_kind,
                std::string_view origin, bool wrapped, ImportRecord& rec);

  const SlotValues& slots() const { return slots_; }
  // The slot's value with line breaks read as spaces, blanks collapsed; "" when absent.
  std::string text(Slot slot) const;
  // A warning about the record, at the field's line (the record's when field is null).
  void warn(const TaggedField* field, std::string message);

  void fill_common();
  // Last call: every field, as read, into the source record (the slots are gone after it).
  void finish();

  // Adds the people of each role in the order the record names roles: each name field of the
  // role's best rank, split into names by split_names, each read by read_name (nullopt skips),
  // in the role role_of(field, declared role) gives (a format whose tags change role with the
  // type: RIS A2 is a book's series editor).
  template <class Split, class Read, class RoleOf>
  void add_people(Split split_names, Read read_name, RoleOf role_of) {
    for (const Role declared : slots_.roles())
      for (const TaggedField* f : slots_.names(declared))
        for (const std::string_view one : split_names(std::string_view(f->value)))
          if (auto person = read_name(one)) rec_.work.contributors.push_back({role_of(*f, declared), std::move(*person)});
  }
  template <class Split, class Read>
  void add_people(Split split_names, Read read_name) {
    add_people(split_names, read_name, [](const TaggedField&, Role r) { return r; });
  }

  // The store type of `source_type` in the record's type vocabulary, and a warning when the
  // vocabulary does not know it (the source record keeps what was written).
  std::string store_type(TypeVocabulary vocabulary, std::string_view source_type, const TaggedField* field);

 private:
  void fill_pages();
  void fill_keywords();
  void fill_identifiers();
  void fill_references();
  void fill_notes();
  void add_id(IdScheme scheme, std::string value);
  void add_accession(std::string_view value, const TaggedField* field);

  TaggedRecord record_;  // owned here: the slots point into it
  SlotValues slots_;
  bool wrapped_;
  std::string_view origin_;
  ImportRecord& rec_;
};

// Items of a list value: split on ';' and line breaks, trimmed, empty ones dropped.
std::vector<std::string_view> split_list(std::string_view value);

// A key for a record that carries none of its own (the store's "same source" rule needs one):
// "#" and 16 hex digits of a hash of its fields, so that the same record gets the same key
// wherever it stands in its file.
std::string fingerprint(const TaggedRecord& record);

}  // namespace litrev::tagged
