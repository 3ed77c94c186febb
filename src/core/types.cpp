#include "src/core/types.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "src/core/text.hpp"

namespace litrev {
namespace {

using Row = std::pair<std::string_view, std::string_view>;

using namespace std::string_view_literals;

constexpr std::array kStoreTypes = {
    "article"sv, "book"sv, "mvbook"sv, "inbook"sv, "bookinbook"sv, "suppbook"sv, "booklet"sv,
    "collection"sv, "mvcollection"sv, "incollection"sv, "suppcollection"sv, "dataset"sv, "manual"sv, "misc"sv,
    "online"sv, "patent"sv, "periodical"sv, "suppperiodical"sv, "proceedings"sv, "mvproceedings"sv,
    "inproceedings"sv, "reference"sv, "mvreference"sv, "inreference"sv, "report"sv, "set"sv, "software"sv,
    "thesis"sv, "unpublished"sv, "xdata"sv, "artwork"sv, "audio"sv, "image"sv, "jurisdiction"sv, "legislation"sv,
    "legal"sv, "letter"sv, "movie"sv, "music"sv, "performance"sv, "review"sv, "standard"sv, "video"sv};

// BibTeX and BibLaTeX aliases (biblatex manual §2.1.2) plus common exporters' inventions.
constexpr std::array kBibtexAliases = {
    Row{"conference", "inproceedings"}, Row{"electronic", "online"}, Row{"www", "online"},
    Row{"webpage", "online"},           Row{"web_page", "online"},   Row{"mastersthesis", "thesis"},
    Row{"phdthesis", "thesis"},         Row{"techreport", "report"}, Row{"journal", "periodical"},
    // biblatex-software's entry types (HAL and Software Heritage export them).
    Row{"softwareversion", "software"}, Row{"softwaremodule", "software"}, Row{"codefragment", "software"},
};

constexpr std::array kCrossrefTypes = {
    Row{"journal-article", "article"},     Row{"proceedings-article", "inproceedings"},
    Row{"book-chapter", "incollection"},   Row{"book-part", "incollection"},
    Row{"book-section", "incollection"},   Row{"book", "book"},
    Row{"monograph", "book"},              Row{"edited-book", "collection"},
    Row{"reference-book", "reference"},    Row{"book-series", "mvbook"},
    Row{"book-set", "mvbook"},             Row{"book-track", "incollection"},
    Row{"reference-entry", "inreference"}, Row{"proceedings", "proceedings"},
    Row{"proceedings-series", "mvproceedings"}, Row{"report", "report"},
    Row{"report-series", "report"},        Row{"report-component", "report"},
    Row{"dissertation", "thesis"},         Row{"dataset", "dataset"},
    Row{"database", "dataset"},            Row{"posted-content", "online"},
    Row{"standard", "standard"},           Row{"standard-series", "standard"},
    Row{"peer-review", "review"},          Row{"journal", "periodical"},
    Row{"journal-issue", "periodical"},    Row{"journal-volume", "periodical"},
    Row{"component", "misc"},              Row{"grant", "misc"},
    Row{"other", "misc"},
};

// OpenAlex work types (2025 list); a type OpenAlex adds later is "misc" until a row says more.
constexpr std::array kOpenAlexTypes = {
    Row{"article", "article"},        Row{"book-chapter", "incollection"}, Row{"book", "book"},
    Row{"dissertation", "thesis"},    Row{"report", "report"},            Row{"dataset", "dataset"},
    Row{"preprint", "unpublished"},   Row{"review", "article"},           Row{"letter", "article"},
    Row{"editorial", "article"},      Row{"erratum", "article"},          Row{"retraction", "article"},
    Row{"reference-entry", "inreference"}, Row{"standard", "standard"},   Row{"peer-review", "review"},
    Row{"paratext", "misc"},          Row{"libguides", "online"},         Row{"supplementary-materials", "misc"},
    Row{"grant", "misc"},             Row{"other", "misc"},
};

constexpr std::array kHalTypes = {
    Row{"ART", "article"},       Row{"COMM", "inproceedings"}, Row{"POSTER", "inproceedings"},
    Row{"PRESCONF", "inproceedings"}, Row{"OUV", "book"},       Row{"COUV", "incollection"},
    Row{"DOUV", "collection"},   Row{"PROCEEDINGS", "proceedings"}, Row{"ISSUE", "periodical"},
    Row{"THESE", "thesis"},      Row{"HDR", "thesis"},         Row{"MEM", "thesis"},
    Row{"ETABTHESE", "thesis"},  Row{"REPORT", "report"},      Row{"REPACT", "report"},
    Row{"OTHERREPORT", "report"}, Row{"SYNTHESE", "report"},   Row{"NOTE", "misc"},
    Row{"LECTURE", "misc"},      Row{"PATENT", "patent"},      Row{"SOFTWARE", "software"},
    Row{"IMG", "image"},         Row{"VIDEO", "video"},        Row{"SON", "audio"},
    Row{"MAP", "image"},         Row{"BLOG", "online"},        Row{"NOTICE", "inreference"},
    Row{"TRAD", "book"},         Row{"CREPORT", "report"},     Row{"MEMLIC", "thesis"},
    Row{"UNDEFINED", "unpublished"}, Row{"PREPRINT", "unpublished"}, Row{"OTHER", "misc"},
};

// Store type -> family (type_family). Types not listed, and misc/unpublished/online/manual, are
// generic: "unpublished" is a state, "online" a medium and "manual" a catch-all that exporters
// use for software documentation and R packages, so none contradicts a more precise type.
constexpr std::array kTypeFamilies = {
    Row{"article", "article"},           Row{"review", "article"},
    Row{"suppperiodical", "article"},    Row{"periodical", "periodical"},
    Row{"inproceedings", "proceedings"}, Row{"proceedings", "proceedings"},
    Row{"mvproceedings", "proceedings"}, Row{"book", "book"},
    Row{"mvbook", "book"},               Row{"collection", "book"},
    Row{"mvcollection", "book"},         Row{"reference", "book"},
    Row{"mvreference", "book"},          Row{"booklet", "book"},
    Row{"incollection", "part"},         Row{"inbook", "part"},
    Row{"bookinbook", "part"},           Row{"inreference", "part"},
    Row{"suppbook", "part"},             Row{"suppcollection", "part"},
    Row{"thesis", "thesis"},             Row{"report", "report"},
    Row{"patent", "patent"},             Row{"dataset", "dataset"},
    Row{"software", "software"},         Row{"standard", "standard"},
    Row{"set", "set"},                   Row{"xdata", "xdata"},
    Row{"letter", "letter"},             Row{"jurisdiction", "legal"},
    Row{"legislation", "legal"},         Row{"legal", "legal"},
    Row{"artwork", "media"},             Row{"audio", "media"},
    Row{"image", "media"},               Row{"movie", "media"},
    Row{"music", "media"},               Row{"performance", "media"},
    Row{"video", "media"},
};

constexpr std::array kRoles = {
    std::pair{Role::author, "author"sv},             std::pair{Role::editor, "editor"sv},
    std::pair{Role::translator, "translator"sv},     std::pair{Role::bookauthor, "bookauthor"sv},
    std::pair{Role::introduction, "introduction"sv}, std::pair{Role::foreword, "foreword"sv},
    std::pair{Role::afterword, "afterword"sv},       std::pair{Role::commentator, "commentator"sv},
    std::pair{Role::annotator, "annotator"sv},       std::pair{Role::holder, "holder"sv},
    std::pair{Role::contributor, "contributor"sv}};

template <std::size_t N>
std::string_view lookup(const std::array<Row, N>& table, std::string_view key, std::string_view fallback) {
  for (const auto& [from, to] : table)
    if (from == key) return to;
  return fallback;
}

}  // namespace

std::string_view role_name(Role role) {
  for (const auto& [r, name] : kRoles)
    if (r == role) return name;
  return "contributor";
}

Role role_from_name(std::string_view name) {
  for (const auto& [r, n] : kRoles)
    if (n == name) return r;
  return Role::contributor;
}

bool is_store_type(std::string_view t) {
  return std::find(kStoreTypes.begin(), kStoreTypes.end(), t) != kStoreTypes.end();
}

std::string_view type_family(std::string_view store_type) { return lookup(kTypeFamilies, store_type, ""); }

bool types_compatible(std::string_view a, std::string_view b) {
  const std::string_view fa = type_family(a), fb = type_family(b);
  return fa.empty() || fb.empty() || fa == fb;
}

std::string_view store_type_from_bibtex(std::string_view entry_type) {
  const std::string lower = ascii_lower(entry_type);
  for (auto t : kStoreTypes)
    if (t == lower) return t;
  return lookup(kBibtexAliases, lower, "misc");
}

std::string_view store_type_from_crossref(std::string_view crossref_type) {
  return lookup(kCrossrefTypes, crossref_type, "misc");
}

std::string_view store_type_from_openalex(std::string_view openalex_type) {
  return lookup(kOpenAlexTypes, openalex_type, "misc");
}

std::string_view store_type_from_hal(std::string_view doc_type) {
  return lookup(kHalTypes, ascii_upper(doc_type), "misc");
}

}  // namespace litrev
