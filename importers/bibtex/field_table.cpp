#include "importers/bibtex/field_table.hpp"

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
  {"orcid-numbers", s(Slot::orcid_numbers)},  // WoS: "Family, Given/0000-0002-...; ..."
  {"researcherid-numbers", s(Slot::researcherid_numbers)},  // WoS: "Family, Given/AAG-6517-2019; ..."
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

// Field names are looked up for every field of every entry: an open-addressing table on an
// FNV-1a hash, built at compile time, costs one hash and usually one comparison.
constexpr std::uint32_t fnv1a(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

constexpr std::size_t kTableSize = 256;  // a power of two, well above the number of rows
static_assert(kRowsUnsorted.size() * 2 < kTableSize);

constexpr auto kTable = [] {
  std::array<std::int16_t, kTableSize> t{};
  for (auto& slot : t) slot = -1;
  for (std::size_t i = 0; i < kRowsUnsorted.size(); ++i) {
    std::size_t at = fnv1a(kRowsUnsorted[i].field) & (kTableSize - 1);
    while (t[at] != -1) at = (at + 1) & (kTableSize - 1);
    t[at] = static_cast<std::int16_t>(i);
  }
  return t;
}();

}  // namespace

SlotRule field_rule(std::string_view field) {
  for (std::size_t at = fnv1a(field) & (kTableSize - 1);; at = (at + 1) & (kTableSize - 1)) {
    const int row = kTable[at];
    if (row < 0) return {};
    if (kRowsUnsorted[static_cast<std::size_t>(row)].field == field) return kRowsUnsorted[static_cast<std::size_t>(row)].rule;
  }
}

}  // namespace litrev::bibtex
