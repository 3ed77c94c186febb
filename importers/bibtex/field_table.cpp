#include "importers/bibtex/field_table.hpp"

#include <algorithm>
#include <array>

namespace litrev::bibtex {
namespace {

struct Row {
  std::string_view field;
  SlotRule rule;
};

constexpr SlotRule s(Slot slot, std::uint8_t rank = 0) { return {slot, rank, std::nullopt}; }
constexpr SlotRule names(Role role) { return {Slot::names, 0, role}; }

// clang-format off
constexpr auto kRowsUnsorted = std::to_array<Row>({
  {"title", s(Slot::title)},                {"subtitle", s(Slot::subtitle)},
  {"journaltitle", s(Slot::journaltitle)},  {"journal", s(Slot::journaltitle, 1)},
  {"journal-iso", s(Slot::journaltitle, 2)},  // WoS: abbreviated title, only when nothing better
  {"booktitle", s(Slot::booktitle)},        {"maintitle", s(Slot::maintitle)},
  {"volume", s(Slot::volume)},              {"number", s(Slot::issue)},
  {"issue", s(Slot::issue, 1)},             {"pages", s(Slot::pages)},
  {"publisher", s(Slot::publisher)},        {"institution", s(Slot::institution)},
  {"school", s(Slot::institution, 1)},      {"organization", s(Slot::organization)},
  {"location", s(Slot::location)},          {"address", s(Slot::location, 1)},
  {"edition", s(Slot::edition)},            {"language", s(Slot::language)},
  {"langid", s(Slot::language, 1)},         {"abstract", s(Slot::abstract_text)},
  {"url", s(Slot::url)},                    {"howpublished", s(Slot::howpublished)},
  {"note", s(Slot::note)},
  {"date", s(Slot::date)},                  {"year", s(Slot::year)},
  {"month", s(Slot::month)},                {"day", s(Slot::day)},
  {"doi", s(Slot::doi)},                    {"isbn", s(Slot::isbn)},
  {"issn", s(Slot::issn)},                  {"eissn", s(Slot::eissn)},
  {"eprint", s(Slot::eprint)},              {"eprinttype", s(Slot::eprinttype)},
  {"archiveprefix", s(Slot::eprinttype, 1)}, {"arxivid", s(Slot::arxivid)},
  {"arxiv", s(Slot::arxivid, 1)},           {"hal_id", s(Slot::hal_id)},
  {"hal", s(Slot::hal_id, 1)},              {"halid", s(Slot::hal_id, 2)},
  {"pmid", s(Slot::pmid)},                  {"pubmed", s(Slot::pmid, 1)},
  {"pmcid", s(Slot::pmcid)},                {"unique-id", s(Slot::unique_id)},
  {"eid", s(Slot::eid)},
  {"cited-references", s(Slot::cited_references)}, {"references", s(Slot::scopus_references)},
  {"cites", s(Slot::cites)},                {"times-cited", s(Slot::times_cited)},
  {"crossref", s(Slot::crossref)},          {"xdata", s(Slot::xdata)},
  {"keywords", s(Slot::keywords)},          {"author_keywords", s(Slot::keywords)},
  {"author-keywords", s(Slot::keywords)},
  {"author", names(Role::author)},          {"editor", names(Role::editor)},
  {"translator", names(Role::translator)},  {"bookauthor", names(Role::bookauthor)},
  {"introduction", names(Role::introduction)}, {"foreword", names(Role::foreword)},
  {"afterword", names(Role::afterword)},    {"commentator", names(Role::commentator)},
  {"annotator", names(Role::annotator)},    {"holder", names(Role::holder)},
  {"editora", names(Role::contributor)},    {"editorb", names(Role::contributor)},
  {"editorc", names(Role::contributor)},
});
// clang-format on

constexpr auto kRows = [] {
  auto t = kRowsUnsorted;
  std::sort(t.begin(), t.end(), [](const Row& a, const Row& b) { return a.field < b.field; });
  return t;
}();

}  // namespace

SlotRule field_rule(std::string_view field) {
  auto it = std::lower_bound(kRows.begin(), kRows.end(), field,
                             [](const Row& r, std::string_view f) { return r.field < f; });
  return it != kRows.end() && it->field == field ? it->rule : SlotRule{};
}

}  // namespace litrev::bibtex
