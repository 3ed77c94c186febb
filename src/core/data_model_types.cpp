// The work types of every vocabulary, mapped onto the store's (BibLaTeX's) and back; the
// families dedup compares; contributor roles.
#include <algorithm>
#include <array>
#include <utility>

#include "src/core/data_model.hpp"
#include "src/core/text.hpp"

namespace litrev {
namespace {

using namespace std::string_view_literals;
using V = TypeVocabulary;

// One row per store type: its family (dedup: core types_compatible; "" = generic, says nothing
// about what a work is: "unpublished" is a state, "online" a medium and "manual" a catch-all that
// exporters use for software documentation and R packages), and the type each writer gives it
// (CSL: pandoc's and Better BibTeX's choices where CSL has a choice to make).
struct StoreType {
  std::string_view type, family, bibtex, ris, csl;
};
// clang-format off
constexpr auto kStoreTypes = std::to_array<StoreType>({
  {"article", "article", "article", "JOUR", "article-journal"},  {"review", "article", "misc", "JOUR", "review"},
  {"suppperiodical", "article", "misc", "JOUR", "article-journal"}, {"periodical", "periodical", "misc", "JFULL", "periodical"},
  {"inproceedings", "proceedings", "inproceedings", "CONF", "paper-conference"},
  {"proceedings", "proceedings", "proceedings", "CONF", "book"},  {"mvproceedings", "proceedings", "proceedings", "CONF", "book"},
  {"book", "book", "book", "BOOK", "book"},                   {"mvbook", "book", "book", "BOOK", "book"},
  {"collection", "book", "book", "EDBOOK", "book"},           {"mvcollection", "book", "book", "EDBOOK", "book"},
  {"reference", "book", "book", "BOOK", "book"},              {"mvreference", "book", "book", "BOOK", "book"},
  {"booklet", "book", "booklet", "PAMP", "pamphlet"},
  {"incollection", "part", "incollection", "CHAP", "chapter"}, {"inbook", "part", "inbook", "CHAP", "chapter"},
  {"bookinbook", "part", "incollection", "CHAP", "chapter"},  {"inreference", "part", "incollection", "ENCYC", "entry-encyclopedia"},
  {"suppbook", "part", "incollection", "CHAP", "chapter"},    {"suppcollection", "part", "incollection", "CHAP", "chapter"},
  {"thesis", "thesis", "phdthesis", "THES", "thesis"},        {"report", "report", "techreport", "RPRT", "report"},
  {"patent", "patent", "misc", "PAT", "patent"},              {"dataset", "dataset", "misc", "DATA", "dataset"},
  {"software", "software", "misc", "COMP", "software"},       {"standard", "standard", "misc", "STAND", "standard"},
  {"set", "set", "misc", "GEN", "document"},                  {"xdata", "xdata", "misc", "GEN", "document"},
  {"letter", "letter", "misc", "PCOMM", "personal_communication"}, {"jurisdiction", "legal", "misc", "CASE", "legal_case"},
  {"legislation", "legal", "misc", "STAT", "legislation"},    {"legal", "legal", "misc", "LEGAL", "treaty"},
  {"artwork", "media", "misc", "ART", "graphic"},             {"audio", "media", "misc", "SOUND", "song"},
  {"image", "media", "misc", "FIGURE", "graphic"},            {"movie", "media", "misc", "MPCT", "motion_picture"},
  {"music", "media", "misc", "MUSIC", "song"},                {"performance", "media", "misc", "GEN", "performance"},
  {"video", "media", "misc", "VIDEO", "motion_picture"},
  {"manual", "", "manual", "GEN", "book"},                    {"misc", "", "misc", "GEN", "document"},
  {"online", "", "misc", "ELEC", "webpage"},                  {"unpublished", "", "unpublished", "UNPB", "manuscript"},
});

// Source types -> store types, per vocabulary. BibTeX: the store's own types are BibLaTeX's and
// need no row; `type_field` is the `type` biblatex sets for a legacy alias.
struct Alias {
  V vocabulary;
  std::string_view source, store, type_field = {};
};
constexpr auto kAliases = std::to_array<Alias>({
  // BibTeX and BibLaTeX aliases (biblatex manual §2.1.2) plus common exporters' inventions.
  {V::bibtex, "conference", "inproceedings"}, {V::bibtex, "electronic", "online"}, {V::bibtex, "www", "online"},
  {V::bibtex, "webpage", "online"},  {V::bibtex, "web_page", "online"},
  {V::bibtex, "mastersthesis", "thesis", "mathesis"}, {V::bibtex, "phdthesis", "thesis", "phdthesis"},
  {V::bibtex, "techreport", "report", "techreport"}, {V::bibtex, "journal", "periodical"},
  // biblatex-software's entry types (HAL and Software Heritage export them).
  {V::bibtex, "softwareversion", "software"}, {V::bibtex, "softwaremodule", "software"},
  {V::bibtex, "codefragment", "software"},

  {V::crossref, "journal-article", "article"},     {V::crossref, "proceedings-article", "inproceedings"},
  {V::crossref, "book-chapter", "incollection"},   {V::crossref, "book-part", "incollection"},
  {V::crossref, "book-section", "incollection"},   {V::crossref, "book", "book"},
  {V::crossref, "monograph", "book"},              {V::crossref, "edited-book", "collection"},
  {V::crossref, "reference-book", "reference"},    {V::crossref, "book-series", "mvbook"},
  {V::crossref, "book-set", "mvbook"},             {V::crossref, "book-track", "incollection"},
  {V::crossref, "reference-entry", "inreference"}, {V::crossref, "proceedings", "proceedings"},
  {V::crossref, "proceedings-series", "mvproceedings"}, {V::crossref, "report", "report"},
  {V::crossref, "report-series", "report"},        {V::crossref, "report-component", "report"},
  {V::crossref, "dissertation", "thesis"},         {V::crossref, "dataset", "dataset"},
  {V::crossref, "database", "dataset"},            {V::crossref, "posted-content", "online"},
  {V::crossref, "standard", "standard"},           {V::crossref, "standard-series", "standard"},
  {V::crossref, "peer-review", "review"},          {V::crossref, "journal", "periodical"},
  {V::crossref, "journal-issue", "periodical"},    {V::crossref, "journal-volume", "periodical"},
  {V::crossref, "component", "misc"},              {V::crossref, "grant", "misc"},
  {V::crossref, "other", "misc"},

  // OpenAlex work types (2025 list); a type OpenAlex adds later is "misc" until a row says more.
  {V::openalex, "article", "article"},         {V::openalex, "book-chapter", "incollection"},
  {V::openalex, "book", "book"},               {V::openalex, "dissertation", "thesis"},
  {V::openalex, "report", "report"},           {V::openalex, "dataset", "dataset"},
  {V::openalex, "preprint", "unpublished"},    {V::openalex, "review", "article"},
  {V::openalex, "letter", "article"},          {V::openalex, "editorial", "article"},
  {V::openalex, "erratum", "article"},         {V::openalex, "retraction", "article"},
  {V::openalex, "reference-entry", "inreference"}, {V::openalex, "standard", "standard"},
  {V::openalex, "peer-review", "review"},      {V::openalex, "paratext", "misc"},
  {V::openalex, "libguides", "online"},        {V::openalex, "supplementary-materials", "misc"},
  {V::openalex, "grant", "misc"},              {V::openalex, "other", "misc"},

  // HAL docType_s (upper case).
  {V::hal, "ART", "article"},       {V::hal, "COMM", "inproceedings"}, {V::hal, "POSTER", "inproceedings"},
  {V::hal, "PRESCONF", "inproceedings"}, {V::hal, "OUV", "book"},     {V::hal, "COUV", "incollection"},
  {V::hal, "DOUV", "collection"},   {V::hal, "PROCEEDINGS", "proceedings"}, {V::hal, "ISSUE", "periodical"},
  {V::hal, "THESE", "thesis"},      {V::hal, "HDR", "thesis"},         {V::hal, "MEM", "thesis"},
  {V::hal, "ETABTHESE", "thesis"},  {V::hal, "REPORT", "report"},      {V::hal, "REPACT", "report"},
  {V::hal, "OTHERREPORT", "report"}, {V::hal, "SYNTHESE", "report"},   {V::hal, "NOTE", "misc"},
  {V::hal, "LECTURE", "misc"},      {V::hal, "PATENT", "patent"},      {V::hal, "SOFTWARE", "software"},
  {V::hal, "IMG", "image"},         {V::hal, "VIDEO", "video"},        {V::hal, "SON", "audio"},
  {V::hal, "MAP", "image"},         {V::hal, "BLOG", "online"},        {V::hal, "NOTICE", "inreference"},
  {V::hal, "TRAD", "book"},         {V::hal, "CREPORT", "report"},     {V::hal, "MEMLIC", "thesis"},
  {V::hal, "UNDEFINED", "unpublished"}, {V::hal, "PREPRINT", "unpublished"}, {V::hal, "OTHER", "misc"},

  // RIS TY (upper case): the specification's reference types. CONF is what Zotero, EndNote and
  // Mendeley write for a paper in proceedings.
  {V::ris, "JOUR", "article"},   {V::ris, "EJOUR", "article"},   {V::ris, "ABST", "article"},
  {V::ris, "MGZN", "article"},   {V::ris, "NEWS", "article"},    {V::ris, "INPR", "article"},
  {V::ris, "JFULL", "periodical"}, {V::ris, "SER", "periodical"},
  {V::ris, "BOOK", "book"},      {V::ris, "EBOOK", "book"},      {V::ris, "CLSWK", "book"},
  {V::ris, "EDBOOK", "collection"}, {V::ris, "CHAP", "incollection"}, {V::ris, "ECHAP", "incollection"},
  {V::ris, "CONF", "inproceedings"}, {V::ris, "CPAPER", "inproceedings"},
  {V::ris, "THES", "thesis"},    {V::ris, "RPRT", "report"},     {V::ris, "GOVDOC", "report"},
  {V::ris, "STAND", "standard"}, {V::ris, "PAT", "patent"},      {V::ris, "ELEC", "online"},
  {V::ris, "BLOG", "online"},    {V::ris, "WEB", "online"},      {V::ris, "DATA", "dataset"},
  {V::ris, "DBASE", "dataset"},  {V::ris, "AGGR", "dataset"},    {V::ris, "COMP", "software"},
  {V::ris, "UNPD", "unpublished"}, {V::ris, "UNPB", "unpublished"}, {V::ris, "MANSCPT", "unpublished"},
  {V::ris, "UNBILL", "unpublished"}, {V::ris, "PAMP", "booklet"}, {V::ris, "DICT", "inreference"},
  {V::ris, "ENCYC", "inreference"}, {V::ris, "ART", "artwork"},  {V::ris, "FIGURE", "image"},
  {V::ris, "CHART", "image"},    {V::ris, "MAP", "image"},       {V::ris, "SOUND", "audio"},
  {V::ris, "MUSIC", "music"},    {V::ris, "VIDEO", "video"},     {V::ris, "MPCT", "movie"},
  {V::ris, "ADVS", "video"},     {V::ris, "MULTI", "video"},     {V::ris, "PCOMM", "letter"},
  {V::ris, "ICOMM", "letter"},   {V::ris, "CASE", "jurisdiction"}, {V::ris, "STAT", "legislation"},
  {V::ris, "BILL", "legislation"}, {V::ris, "HEAR", "legal"},    {V::ris, "LEGAL", "legal"},
  {V::ris, "GEN", "misc"},       {V::ris, "CTLG", "misc"},       {V::ris, "EQUA", "misc"},
  {V::ris, "GRANT", "misc"},     {V::ris, "GRNT", "misc"},       {V::ris, "SLIDE", "misc"},
  {V::ris, "ANCIENT", "misc"},

  // Web of Science DT (document type; the first of "Article; Proceedings Paper" decides), then
  // PT (publication type: J journal, B book, S series, P patent).
  {V::wos, "article", "article"},  {V::wos, "review", "article"},   {V::wos, "editorial material", "article"},
  {V::wos, "letter", "article"},   {V::wos, "note", "article"},     {V::wos, "correction", "article"},
  {V::wos, "meeting abstract", "article"}, {V::wos, "news item", "article"}, {V::wos, "book review", "article"},
  {V::wos, "data paper", "article"}, {V::wos, "biographical-item", "article"}, {V::wos, "reprint", "article"},
  {V::wos, "retraction", "article"}, {V::wos, "retracted publication", "article"}, {V::wos, "discussion", "article"},
  {V::wos, "proceedings paper", "inproceedings"}, {V::wos, "book chapter", "incollection"},
  {V::wos, "book", "book"},
  {V::wos, "j", "article"}, {V::wos, "b", "book"}, {V::wos, "s", "incollection"}, {V::wos, "p", "patent"},

  // Scopus Document Type.
  {V::scopus, "article", "article"},   {V::scopus, "review", "article"},   {V::scopus, "editorial", "article"},
  {V::scopus, "letter", "article"},    {V::scopus, "note", "article"},     {V::scopus, "erratum", "article"},
  {V::scopus, "short survey", "article"}, {V::scopus, "data paper", "article"}, {V::scopus, "retracted", "article"},
  {V::scopus, "article in press", "article"}, {V::scopus, "conference paper", "inproceedings"},
  {V::scopus, "conference review", "proceedings"}, {V::scopus, "book chapter", "incollection"},
  {V::scopus, "book", "book"},         {V::scopus, "report", "report"},    {V::scopus, "undefined", "misc"},

  // CSL 1.0.2 types (Zotero, Better BibTeX, pandoc). "article" is CSL's preprint or working
  // paper, not yet published: unpublished, like a manuscript.
  {V::csl, "article-journal", "article"}, {V::csl, "article-magazine", "article"}, {V::csl, "article-newspaper", "article"},
  {V::csl, "article", "unpublished"},     {V::csl, "manuscript", "unpublished"},   {V::csl, "review", "review"},
  {V::csl, "review-book", "review"},      {V::csl, "periodical", "periodical"},    {V::csl, "book", "book"},
  {V::csl, "classic", "book"},            {V::csl, "chapter", "incollection"},     {V::csl, "pamphlet", "booklet"},
  {V::csl, "entry", "inreference"},       {V::csl, "entry-dictionary", "inreference"},
  {V::csl, "entry-encyclopedia", "inreference"}, {V::csl, "paper-conference", "inproceedings"},
  {V::csl, "thesis", "thesis"},           {V::csl, "report", "report"},            {V::csl, "patent", "patent"},
  {V::csl, "dataset", "dataset"},         {V::csl, "software", "software"},        {V::csl, "standard", "standard"},
  {V::csl, "webpage", "online"},          {V::csl, "post", "online"},              {V::csl, "post-weblog", "online"},
  {V::csl, "personal_communication", "letter"}, {V::csl, "legal_case", "jurisdiction"},
  {V::csl, "legislation", "legislation"}, {V::csl, "bill", "legislation"},         {V::csl, "regulation", "legislation"},
  {V::csl, "treaty", "legal"},            {V::csl, "hearing", "legal"},            {V::csl, "graphic", "image"},
  {V::csl, "figure", "image"},            {V::csl, "map", "image"},                {V::csl, "song", "audio"},
  {V::csl, "musical_score", "music"},     {V::csl, "motion_picture", "movie"},     {V::csl, "broadcast", "video"},
  {V::csl, "performance", "performance"}, {V::csl, "document", "misc"},            {V::csl, "interview", "misc"},
  {V::csl, "speech", "misc"},             {V::csl, "event", "misc"},               {V::csl, "collection", "misc"},
});
// clang-format on

constexpr std::array kRoles = {
    std::pair{Role::author, "author"sv},             std::pair{Role::editor, "editor"sv},
    std::pair{Role::translator, "translator"sv},     std::pair{Role::bookauthor, "bookauthor"sv},
    std::pair{Role::introduction, "introduction"sv}, std::pair{Role::foreword, "foreword"sv},
    std::pair{Role::afterword, "afterword"sv},       std::pair{Role::commentator, "commentator"sv},
    std::pair{Role::annotator, "annotator"sv},       std::pair{Role::holder, "holder"sv},
    std::pair{Role::contributor, "contributor"sv}};

const StoreType* store_type_row(std::string_view type) {
  for (const auto& t : kStoreTypes)
    if (t.type == type) return &t;
  return nullptr;
}

// How each vocabulary writes its types: BibTeX and Web of Science/Scopus names are compared in
// lower case, RIS TY and HAL docType in upper case, Crossref as given.
std::string folded_type(V vocabulary, std::string_view source_type) {
  const std::string_view t = trim(source_type);
  switch (vocabulary) {
    case V::bibtex: case V::wos: case V::scopus: case V::csl: return ascii_lower(t);
    case V::ris: case V::hal: return ascii_upper(t);
    case V::crossref: case V::openalex: break;
  }
  return std::string(t);
}

const Alias* alias_row(V vocabulary, std::string_view folded) {
  for (const auto& a : kAliases)
    if (a.vocabulary == vocabulary && a.source == folded) return &a;
  return nullptr;
}

}  // namespace

bool is_store_type(std::string_view t) { return store_type_row(t) != nullptr; }

std::string_view store_type_from(TypeVocabulary vocabulary, std::string_view source_type) {
  const std::string folded = folded_type(vocabulary, source_type);
  if (vocabulary == V::bibtex)
    if (const StoreType* own = store_type_row(folded)) return own->type;
  if (const Alias* a = alias_row(vocabulary, folded)) return a->store;
  return "misc";
}

bool knows_type(TypeVocabulary vocabulary, std::string_view source_type) {
  const std::string folded = folded_type(vocabulary, source_type);
  return (vocabulary == V::bibtex && is_store_type(folded)) || alias_row(vocabulary, folded) != nullptr;
}

std::string_view type_for_writer(TypeVocabulary vocabulary, std::string_view store_type) {
  const StoreType* row = store_type_row(store_type);
  if (vocabulary == V::ris) return row ? row->ris : "GEN";
  if (vocabulary == V::csl) return row ? row->csl : "document";
  return row ? row->bibtex : "misc";
}

std::optional<BibTypeAlias> biblatex_type_for(std::string_view bibtex_type) {
  const Alias* a = alias_row(V::bibtex, bibtex_type);
  // Only biblatex's own aliases (§2.1.2): those that name a legacy BibTeX type.
  static constexpr std::array kBiblatexAliases = {"phdthesis"sv, "mastersthesis"sv, "techreport"sv,
                                                  "conference"sv, "electronic"sv, "www"sv};
  if (!a || std::find(kBiblatexAliases.begin(), kBiblatexAliases.end(), bibtex_type) == kBiblatexAliases.end())
    return std::nullopt;
  return BibTypeAlias{a->store, a->type_field};
}

std::string_view type_family(std::string_view store_type) {
  const StoreType* row = store_type_row(store_type);
  return row ? row->family : "";
}

bool types_compatible(std::string_view a, std::string_view b) {
  const std::string_view fa = type_family(a), fb = type_family(b);
  return fa.empty() || fb.empty() || fa == fb;
}

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

}  // namespace litrev
