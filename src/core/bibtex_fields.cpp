#include "src/core/bibtex_fields.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace litrev {
namespace {

using K = BibFieldKind;
struct KindRow {
  std::string_view field;
  BibFieldKind kind;
};

// Fields not listed are literal.
constexpr auto kKindsUnsorted = std::to_array<KindRow>({
    {"author", K::name_list}, {"editor", K::name_list}, {"editora", K::name_list}, {"editorb", K::name_list},
    {"editorc", K::name_list}, {"translator", K::name_list}, {"bookauthor", K::name_list},
    {"introduction", K::name_list}, {"foreword", K::name_list}, {"afterword", K::name_list},
    {"commentator", K::name_list}, {"annotator", K::name_list}, {"holder", K::name_list},
    {"shortauthor", K::name_list}, {"shorteditor", K::name_list}, {"namea", K::name_list},
    {"nameb", K::name_list}, {"namec", K::name_list},
    {"publisher", K::literal_list}, {"location", K::literal_list}, {"address", K::literal_list},
    {"institution", K::literal_list}, {"school", K::literal_list}, {"organization", K::literal_list},
    {"language", K::literal_list}, {"origlocation", K::literal_list}, {"origpublisher", K::literal_list},
    {"date", K::date}, {"urldate", K::date}, {"origdate", K::date}, {"eventdate", K::date},
    {"doi", K::verbatim}, {"eprint", K::verbatim}, {"file", K::verbatim}, {"pdf", K::verbatim},
    {"verba", K::verbatim}, {"verbb", K::verbatim}, {"verbc", K::verbatim}, {"isbn", K::verbatim},
    {"issn", K::verbatim}, {"isrn", K::verbatim}, {"eid", K::verbatim}, {"hal_id", K::verbatim},
    {"pmid", K::verbatim}, {"pmcid", K::verbatim}, {"unique-id", K::verbatim}, {"arxivid", K::verbatim},
    {"url", K::uri}, {"urlraw", K::uri}, {"howpublishedurl", K::uri},
    {"crossref", K::key}, {"xref", K::key},
    {"xdata", K::key_list}, {"related", K::key_list}, {"entryset", K::key_list}, {"ids", K::key_list},
    {"cites", K::key_list},
    {"pages", K::range}, {"pagetotal", K::range},
    {"year", K::integer}, {"month", K::integer},
    {"keywords", K::keywords}, {"author_keywords", K::keywords}, {"author-keywords", K::keywords},
    {"keywords-plus", K::keywords},
});

constexpr auto kKinds = [] {
  auto t = kKindsUnsorted;
  std::sort(t.begin(), t.end(), [](const KindRow& a, const KindRow& b) { return a.field < b.field; });
  return t;
}();

using Pair = std::pair<std::string_view, std::string_view>;
// {legacy BibTeX name, BibLaTeX name}: biblatex manual §2.2.5.
constexpr auto kFieldAliases = std::to_array<Pair>({
    {"address", "location"}, {"annote", "annotation"}, {"archiveprefix", "eprinttype"},
    {"journal", "journaltitle"}, {"key", "sortkey"}, {"pdf", "file"}, {"primaryclass", "eprintclass"},
    {"school", "institution"}, {"hyphenation", "langid"},
});

struct TypeRow {
  std::string_view bibtex;
  BibTypeAlias alias;
};
constexpr auto kTypeAliases = std::to_array<TypeRow>({
    {"phdthesis", {"thesis", "phdthesis"}},
    {"mastersthesis", {"thesis", "mathesis"}},
    {"techreport", {"report", "techreport"}},
    {"conference", {"inproceedings", ""}},
    {"electronic", {"online", ""}},
    {"www", {"online", ""}},
});

}  // namespace

BibFieldKind bib_field_kind(std::string_view field) {
  auto it = std::lower_bound(kKinds.begin(), kKinds.end(), field,
                             [](const KindRow& r, std::string_view f) { return r.field < f; });
  return it != kKinds.end() && it->field == field ? it->kind : BibFieldKind::literal;
}

bool is_verbatim_kind(BibFieldKind kind) {
  return kind == BibFieldKind::verbatim || kind == BibFieldKind::uri || kind == BibFieldKind::key ||
         kind == BibFieldKind::key_list;
}

std::optional<std::string_view> biblatex_field_for(std::string_view bibtex_field) {
  for (const auto& [legacy, modern] : kFieldAliases)
    if (legacy == bibtex_field) return modern;
  return std::nullopt;
}

std::optional<std::string_view> bibtex_field_for(std::string_view biblatex_field) {
  for (const auto& [legacy, modern] : kFieldAliases)
    if (modern == biblatex_field) return legacy;
  return std::nullopt;
}

std::optional<BibTypeAlias> biblatex_type_for(std::string_view bibtex_type) {
  for (const auto& row : kTypeAliases)
    if (row.bibtex == bibtex_type) return row.alias;
  return std::nullopt;
}

}  // namespace litrev
