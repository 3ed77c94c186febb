// The OpenAlex Work mapping on small hand-written works (the shapes of the 2025 schema change:
// null title, no authors, key order, missing members) and on recorded works from ../shared.
#include "importers/openalex/openalex_work.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "src/core/identifiers.hpp"
#include "support/test_support.hpp"

namespace litrev {
namespace {

using nlohmann::json;

std::string id_of(const Work& w, IdScheme scheme) {
  for (const auto& id : w.ids)
    if (id.scheme == scheme) return id.value;
  return {};
}

TEST(OpenAlexAbstract, PlacesEachWordAtEachOfItsPositions) {
  const json index = json::parse(R"({"the": [0, 4], "cat": [1], "sat": [2], "on": [3], "mat": [5]})");
  EXPECT_EQ(abstract_from_inverted_index(index), "the cat sat on the mat");
}

TEST(OpenAlexAbstract, SkipsGapsAndIgnoresWhatIsNotAnIndex) {
  EXPECT_EQ(abstract_from_inverted_index(json::parse(R"({"b": [7], "a": [2], "x": "junk", "y": [-1, "3"]})")), "a b");
  EXPECT_EQ(abstract_from_inverted_index(json::parse("null")), "");
  EXPECT_EQ(abstract_from_inverted_index(json::parse("[1, 2]")), "");
}

TEST(OpenAlexWork, MapsAChapterWithAuthorsIdsAndReferences) {
  // Key order as the Walden backend may send it: referenced_works before id.
  const json work = json::parse(R"({
    "referenced_works": ["https://openalex.org/W11", "https://openalex.org/W22", "not an id"],
    "cited_by_count": 42,
    "type": "book-chapter",
    "id": "https://openalex.org/W123",
    "doi": "https://doi.org/10.1234/ABC.Def",
    "title": "Organisations and  labels",
    "publication_year": 2019,
    "publication_date": "2019-05-02",
    "language": "fr",
    "ids": {"openalex": "https://openalex.org/W123", "pmid": "https://pubmed.ncbi.nlm.nih.gov/2945", "mag": "77"},
    "primary_location": {"landing_page_url": "https://example.org/ch",
                         "source": {"display_name": "Cambridge University Press eBooks", "type": "ebook platform",
                                    "issn_l": null, "host_organization_name": "Cambridge University Press"}},
    "biblio": {"volume": null, "issue": null, "first_page": "10", "last_page": "25"},
    "authorships": [
      {"author_position": "first", "author": {"id": "https://openalex.org/A5001", "display_name": "Marie Dupont",
                                              "orcid": "https://orcid.org/0000-0002-1825-0097"},
       "institutions": [{"display_name": "CNRS"}, {"display_name": "Sciences Po"}]},
      {"author_position": "last", "author": {"id": "https://openalex.org/A5002", "display_name": "Bruno Latour",
                                             "orcid": null}, "institutions": []}
    ],
    "abstract_inverted_index": {"Labels": [0], "travel": [1]}
  })");
  const ImportRecord rec = openalex_work_to_record(work, "http://x/works");
  const Work& w = rec.work;
  EXPECT_EQ(w.type, "incollection");
  EXPECT_EQ(w.title, "Organisations and labels");
  EXPECT_EQ(w.year, 2019);
  EXPECT_EQ(w.date, "2019-05-02");
  EXPECT_EQ(w.language, "fr");
  EXPECT_EQ(w.pages, "10-25");
  EXPECT_EQ(w.container, "") << "an e-book platform is not the chapter's book";
  EXPECT_EQ(w.publisher, "Cambridge University Press");
  EXPECT_EQ(w.abstract_text, "Labels travel");
  EXPECT_EQ(w.global_citations, 42);
  EXPECT_EQ(id_of(w, IdScheme::openalex), "W123");
  EXPECT_EQ(id_of(w, IdScheme::doi), "10.1234/abc.def");
  EXPECT_EQ(id_of(w, IdScheme::pmid), "2945");
  ASSERT_EQ(w.contributors.size(), 2u);
  EXPECT_EQ(w.contributors[0].person.family, "Dupont");
  EXPECT_EQ(w.contributors[0].person.given, "Marie");
  EXPECT_EQ(w.contributors[0].person.orcid, "0000-0002-1825-0097");
  EXPECT_EQ(w.contributors[0].person.affiliation, "CNRS; Sciences Po");
  ASSERT_EQ(w.contributors[0].person.ids.size(), 1u);
  EXPECT_EQ(w.contributors[0].person.ids[0].value, "A5001");
  EXPECT_EQ(w.contributors[1].person.family, "Latour");
  ASSERT_EQ(w.references.size(), 2u);
  EXPECT_EQ(w.references[0].openalex, "W11");
  EXPECT_EQ(w.references[1].openalex, "W22");
  EXPECT_EQ(rec.source.source_kind, "openalex");
  EXPECT_EQ(rec.source.original_key, "W123");
  EXPECT_EQ(rec.source.entry_type, "book-chapter");
}

TEST(OpenAlexWork, KeepsAWorkWithANullTitleAndNoAuthors) {
  const json work = json::parse(R"({"id": "https://openalex.org/W9", "title": null, "display_name": null,
                                    "type": "paratext", "authorships": [], "biblio": {"volume": "3"}})");
  const ImportRecord rec = openalex_work_to_record(work, "u");
  EXPECT_EQ(rec.work.title, "");
  EXPECT_TRUE(rec.work.contributors.empty());
  EXPECT_EQ(rec.work.type, "misc");
  EXPECT_EQ(rec.work.volume, "3");
  EXPECT_EQ(id_of(rec.work, IdScheme::openalex), "W9");
}

TEST(OpenAlexWork, JournalSourceGivesContainerAndIssnL) {
  const json work = json::parse(R"({"id": "W5", "display_name": "Only a display name", "type": "article",
    "primary_location": {"source": {"display_name": "Sociologie du travail", "type": "journal", "issn_l": "0038-0296"}}})");
  const ImportRecord rec = openalex_work_to_record(work, "u");
  EXPECT_EQ(rec.work.title, "Only a display name");
  EXPECT_EQ(rec.work.container, "Sociologie du travail");
  EXPECT_EQ(id_of(rec.work, IdScheme::issn), "0038-0296");
}

TEST(OpenAlexWork, SurvivesMembersOfTheWrongType) {
  const json work = json::parse(R"({"id": 7, "title": ["x"], "authorships": {"a": 1}, "biblio": [],
    "referenced_works": "W1", "abstract_inverted_index": [], "cited_by_count": "many", "ids": []})");
  const ImportRecord rec = openalex_work_to_record(work, "u");
  EXPECT_EQ(rec.work.title, "");
  EXPECT_TRUE(rec.work.references.empty());
  EXPECT_FALSE(rec.work.global_citations);
  EXPECT_FALSE(rec.warnings.empty()) << "a work without a usable id is said";
}

TEST(OpenAlexReference, DescribedFromTheCitedWork) {
  Work cited;
  cited.title = "Science in Action";
  cited.year = 1987;
  cited.ids.push_back({IdScheme::doi, "10.5555/sia"});
  Person latour;
  latour.family = "Latour";
  latour.given = "Bruno";
  cited.contributors.push_back({Role::author, latour});
  Reference ref;
  ref.openalex = "W1";
  ref.raw = "openalex:W1";
  describe_reference(ref, cited);
  EXPECT_EQ(ref.raw, "Latour, B. (1987). Science in Action. https://doi.org/10.5555/sia");
  EXPECT_EQ(ref.authors, (std::vector<ReferenceAuthor>{{"Latour", "B"}}));
  EXPECT_EQ(ref.first_author, "Latour");
  EXPECT_EQ(ref.author_initials, "B");
  EXPECT_EQ(ref.doi, "10.5555/sia");
  EXPECT_EQ(ref.openalex, "W1");
}

TEST(OpenAlexWork, RecordedArticleWithInvertedAbstract) {
  LITREV_REQUIRE_SHARED(shared);
  const json work = json::parse(test::read_file(shared / "fixtures/openalex/work-article-abstract-orcid-45refs-peerj-W2741809807.json"));
  const ImportRecord rec = openalex_work_to_record(work, "u");
  EXPECT_EQ(rec.work.type, "article");
  EXPECT_EQ(rec.work.container, "PeerJ");
  EXPECT_EQ(rec.work.references.size(), 45u);
  EXPECT_EQ(rec.work.contributors.size(), 9u);
  EXPECT_TRUE(rec.work.abstract_text.starts_with("Despite growing interest in Open Access"))
      << rec.work.abstract_text.substr(0, 80);
  EXPECT_EQ(rec.work.pages, "e4375");
  EXPECT_EQ(id_of(rec.work, IdScheme::doi), "10.7717/peerj.4375");
}

TEST(OpenAlexWork, RecordedParatextWithNullTitle) {
  LITREV_REQUIRE_SHARED(shared);
  const json work = json::parse(test::read_file(shared / "fixtures/openalex/work-paratext-null-title-W4234567890.json"));
  const ImportRecord rec = openalex_work_to_record(work, "u");
  EXPECT_EQ(rec.work.title, "");
  EXPECT_EQ(rec.work.contributors.size(), 1u);
  EXPECT_EQ(id_of(rec.work, IdScheme::openalex), "W4234567890");
}

}  // namespace
}  // namespace litrev
