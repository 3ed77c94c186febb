#pragma once
// The BibTeX/BibLaTeX data model that both the BibTeX importer and the BibTeX/BibLaTeX exporter
// need: what kind of value each field holds, and BibLaTeX's aliases between legacy BibTeX names
// and BibLaTeX names (fields and entry types). Data, not code (biber's data model in
// biber-tool.conf and the biblatex manual, §2.2.5 "Field Aliases" and §2.1.2 "Type Aliases").
// In src/core because the exporter may not link the importer.

#include <optional>
#include <string_view>

namespace litrev {

// Kinds of field values, as biber's data model declares them.
enum class BibFieldKind {
  literal,       // text: LaTeX decoded for the readable value (title, journaltitle, note...)
  name_list,     // "A and B": author, editor, translator...
  literal_list,  // "A and B" of literals: publisher, location, institution, organization
  date,          // ISO 8601/EDTF: date, urldate, origdate, eventdate
  verbatim,      // copied as is, never decoded: doi, eprint, file, verba...
  uri,           // verbatim too: url
  key,           // an entry key: crossref, xref
  key_list,      // comma-separated entry keys: xdata, related, entryset, ids
  range,         // pages, pagetotal ranges: "1--10"
  integer,       // year, month (legacy), volume-like numbers stay literal
  keywords,      // separated by commas (or semicolons)
};

// The kind of a field (lower-case name); literal for names it does not know.
BibFieldKind bib_field_kind(std::string_view field);

// True for kinds whose value is never LaTeX-decoded nor LaTeX-escaped (verbatim, uri, key, key_list).
bool is_verbatim_kind(BibFieldKind kind);

// BibLaTeX field aliases: the BibLaTeX name of a legacy BibTeX field ("journal" ->
// "journaltitle", "address" -> "location", "school" -> "institution", "annote" ->
// "annotation", "archiveprefix" -> "eprinttype", "primaryclass" -> "eprintclass", "key" ->
// "sortkey", "pdf" -> "file", "hyphenation" -> "langid"); nullopt when field is no alias.
std::optional<std::string_view> biblatex_field_for(std::string_view bibtex_field);

// The legacy BibTeX name of a BibLaTeX field ("journaltitle" -> "journal"...); nullopt when none.
std::optional<std::string_view> bibtex_field_for(std::string_view biblatex_field);

// BibLaTeX entry type aliases: the BibLaTeX type of a legacy type and the `type` field value
// biblatex sets for it: phdthesis -> thesis + "phdthesis", mastersthesis -> thesis +
// "mathesis", techreport -> report + "techreport", conference -> inproceedings, electronic/www
// -> online. nullopt when entry_type (lower case) is no alias.
struct BibTypeAlias {
  std::string_view biblatex_type;
  std::string_view type_field;  // empty when biblatex sets none
};
std::optional<BibTypeAlias> biblatex_type_for(std::string_view bibtex_type);

// Scopus writes a list of names with commas, "Family Initials" each ("Daim T.U., Kozanoglu
// D.C., Niwa K."), where BibTeX wants "and": true for such a "name" (two or more comma parts at
// brace depth 0, each made of family words and then initials, as "T.U." or "J.-P."). Never
// true of a "Family, Given" name, whose first part ends with no initials. The importer reads
// one person per part; the exporter writes the list back with "and".
bool is_comma_separated_name_list(std::string_view name);

// "T.U.", "J.-P.", "K.", "É.": a token of initials, each letter followed by a period.
bool is_initials_token(std::string_view token);

}  // namespace litrev
