// HAL TEI on recorded documents of each type (../shared/fixtures/hal).
#include "importers/hal/hal_tei.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "net/loopback_server.hpp"
#include "src/core/data_model.hpp"
#include "support/test_support.hpp"
#include "support/work_helpers.hpp"

namespace litrev {
namespace {

using test::field;
using test::id_of;

ImportRecord tei_record(const std::filesystem::path& shared, const std::string& name) {
  const auto page = parse_hal_tei(test::slurp(shared / "fixtures/hal" / name), "https://hal.science/" + name);
  if (!page) throw std::runtime_error(page.error());
  if (page->records.size() != 1) throw std::runtime_error("expected one record in " + name);
  return page->records.front();
}

const Person* person(const Work& w, const std::string& family) {
  for (const auto& c : w.contributors)
    if (c.person.family == family) return &c.person;
  return nullptr;
}

TEST(HalTei, JournalArticleWithDoiBesideMonogrAndOrcidsOnTheRightAuthors) {
  LITREV_REQUIRE_SHARED(shared);
  const auto rec = tei_record(shared, "tei-doc-hal-02737739-ART-doi.xml");
  const Work& w = rec.work;
  EXPECT_EQ(w.type, "article");
  EXPECT_EQ(w.title, "Influence of Fe content on the damage mechanism in A319 aluminum alloy: Tensile tests and digital image correlation");
  EXPECT_EQ(id_of(w, IdScheme::doi), "10.1016/j.engfracmech.2017.05.006");
  EXPECT_EQ(id_of(w, IdScheme::hal), "hal-02737739");
  EXPECT_EQ(id_of(w, IdScheme::issn), "0013-7944");
  EXPECT_EQ(w.container, "Engineering Fracture Mechanics");
  EXPECT_EQ(w.volume, "183");
  EXPECT_EQ(w.pages, "94-108");
  EXPECT_EQ(w.date, "2017");
  EXPECT_EQ(w.year, 2017);
  EXPECT_EQ(w.publisher, "PERGAMON-ELSEVIER SCIENCE LTD");
  EXPECT_EQ(w.place, "OXFORD (united kingdom)");
  EXPECT_EQ(w.language, "en");
  EXPECT_EQ(w.url, "https://hal.inrae.fr/hal-02737739");
  // Six authors (the depositor is not one), in order; corresponding author role counts as author.
  ASSERT_EQ(w.contributors.size(), 6u);
  EXPECT_EQ(w.contributors[0].person.family, "Li");
  EXPECT_EQ(w.contributors[0].role, Role::author);
  EXPECT_EQ(w.contributors[4].person.given, "Jean-François");
  const Person* limodin = person(w, "Limodin");
  ASSERT_NE(limodin, nullptr);
  EXPECT_EQ(limodin->orcid, "0000-0003-0768-2676");
  EXPECT_EQ(limodin->idhal, "nathalie-limodin");
  EXPECT_EQ(limodin->affiliation, "Laboratoire de Mécanique de Lille - FRE 3723 (LML)");
  const Person* quaegebeur = person(w, "Quaegebeur");
  ASSERT_NE(quaegebeur, nullptr);
  EXPECT_EQ(quaegebeur->orcid, "0000-0003-2433-8172");
  EXPECT_EQ(quaegebeur->idhal, "philippe-quaegebeur");
  const Person* li = person(w, "Li");
  EXPECT_EQ(li->orcid, "");
  EXPECT_EQ(li->idhal, "");  // only the numeric idHAL is given
  EXPECT_EQ(person(w, "Balloy")->affiliation, "Unité Matériaux et Transformations - UMR 8207 (UMET)");
  EXPECT_EQ(person(w, "ProdInra"), nullptr);
  EXPECT_EQ(w.keywords.size(), 7u);
  EXPECT_TRUE(w.abstract_text.starts_with("In order to study the role of Fe content"));
  EXPECT_EQ(rec.source.source_kind, "hal");
  EXPECT_EQ(rec.source.original_key, "hal-02737739");
  EXPECT_EQ(rec.source.entry_type, "ART");
  EXPECT_EQ(field(rec.source, "wos"), "000413575100009");
  EXPECT_EQ(field(rec.source, "conference"), "21e. European Conference on Fracture (ECF)");
  EXPECT_TRUE(field(rec.source, "tei").starts_with("<biblFull>"));
}

TEST(HalTei, ConferencePaperTakesTheMeetingAsVenue) {
  LITREV_REQUIRE_SHARED(shared);
  const auto rec = tei_record(shared, "tei-doc-hal-02498602-COMM-label_xml.xml");
  EXPECT_EQ(rec.work.type, "inproceedings");
  EXPECT_EQ(rec.work.container, "SUNBELT 2020, Session Recent advances in Social Network Analysis");
  EXPECT_EQ(rec.work.date, "2020-06-02");
  EXPECT_EQ(rec.work.contributors.size(), 2u);
  EXPECT_EQ(rec.work.contributors[0].person.affiliation, "Médiation, Information, Communication, Art (MICA)");
  EXPECT_EQ(field(rec.source, "conferenceSettlement"), "Paris");
  EXPECT_EQ(field(rec.source, "keywords@fr"), "Cyberharcèlement; Réseaux sociaux (Internet)");
}

TEST(HalTei, BookKeepsItsPublisherAndIgnoresAPublisherTypedAsEditor) {
  LITREV_REQUIRE_SHARED(shared);
  const auto rec = tei_record(shared, "tei-doc-halshs-00300756-OUV.xml");
  EXPECT_EQ(rec.work.type, "book");
  EXPECT_EQ(rec.work.publisher, "Editions de L'Herne");
  EXPECT_EQ(rec.work.date, "1992");
  EXPECT_EQ(rec.work.container, "");
  EXPECT_EQ(rec.work.title, "Friedrich Nietzsche. Le Service divin des Grecs");
  ASSERT_EQ(rec.work.contributors.size(), 1u);
  EXPECT_EQ(rec.work.contributors[0].person.family, "Cattin");
  EXPECT_EQ(field(rec.source, "seriesEditor"), "Michel Haar");
  EXPECT_EQ(rec.work.abstract_text, "Traduction, introduction et notes d'un cours de Nietzsche à l'Université de Bâle");
}

TEST(HalTei, ChapterHasTranslatorsEditorsIsbnAndBookTitle) {
  LITREV_REQUIRE_SHARED(shared);
  const auto rec = tei_record(shared, "tei-doc-hal-04167793-COUV.xml");
  const Work& w = rec.work;
  EXPECT_EQ(w.type, "incollection");
  EXPECT_EQ(w.title, "Flors inde Blanzeflors ; Flos unde Blankeflos");
  // Decomposed in the source ("c" + U+0327), composed here.
  EXPECT_EQ(w.subtitle, "traduction de textes du moyen haut-allemand et moyen bas-allemand vers le français, et traduction de notices introductives");
  EXPECT_EQ(w.container, "Floire et Blancheflor en Europe : Anthologie");
  EXPECT_EQ(id_of(w, IdScheme::isbn), "9782377473205");
  EXPECT_EQ(w.pages, "139-151");
  const auto translators = std::count_if(w.contributors.begin(), w.contributors.end(),
                                         [](const Contributor& c) { return c.role == Role::translator; });
  EXPECT_EQ(translators, 4);
  const auto editors = std::count_if(w.contributors.begin(), w.contributors.end(),
                                     [](const Contributor& c) { return c.role == Role::editor; });
  EXPECT_EQ(editors, 2);
  EXPECT_EQ(person(w, "Masse")->idhal, "marie-sophie-masse");
  EXPECT_EQ(person(w, "de Bruijn")->given, "Elisabeth");
  EXPECT_EQ(person(w, "Lodén")->given, "Sofia");  // "Sofia Lodén,  Vanessa Obry (dir.)"
  EXPECT_EQ(person(w, "Obry")->given, "Vanessa");
}

TEST(HalTei, ThesisIsDatedByItsDefenceAndKeepsBothLanguages) {
  LITREV_REQUIRE_SHARED(shared);
  const auto rec = tei_record(shared, "tei-doc-tel-04167418-THESE.xml");
  const Work& w = rec.work;
  EXPECT_EQ(w.type, "thesis");
  EXPECT_EQ(w.date, "2019-07-18");
  EXPECT_EQ(w.language, "fr");
  // The title in the document's language; the English one stays readable.
  EXPECT_TRUE(w.title.starts_with("Étude et développement d'un procédé de traitement des odeurs")) << w.title;
  EXPECT_TRUE(field(rec.source, "title@en").starts_with("Study and development of an odor treatment process"));
  EXPECT_EQ(w.publisher, "Institut National Polytechnique de Toulouse - INPT");
  EXPECT_EQ(field(rec.source, "nnt"), "2019INPT0061");
  EXPECT_EQ(field(rec.source, "supervisor"), "Marie-Hélène Manero");
  EXPECT_NE(field(rec.source, "abstract@en"), "<absent>");
  EXPECT_NE(field(rec.source, "abstract@fr"), "<absent>");
  EXPECT_EQ(w.abstract_text, field(rec.source, "abstract@fr"));
  ASSERT_EQ(w.contributors.size(), 1u);
  EXPECT_EQ(w.contributors[0].person.family, "Vitola Pasetto");
}

TEST(HalTei, SearchExportGivesEveryRecordWithItsTypeAndTotal) {
  LITREV_REQUIRE_SHARED(shared);
  const auto page = parse_hal_tei(test::slurp(shared / "fixtures/hal/tei-search-export-63docs.xml"), "u");
  ASSERT_TRUE(page.has_value()) << page.error();
  EXPECT_EQ(page->total, 63u);
  ASSERT_EQ(page->records.size(), 63u);
  std::map<std::string, int> doc_types;
  for (const auto& r : page->records) {
    ++doc_types[r.source.entry_type];
    EXPECT_TRUE(is_store_type(r.work.type)) << r.source.entry_type;
    EXPECT_FALSE(r.work.title.empty()) << r.source.original_key;
    EXPECT_EQ(r.work.title.find('\n'), std::string::npos) << "wrapped title not collapsed: " << r.work.title;
    EXPECT_FALSE(id_of(r.work, IdScheme::hal).empty());
    EXPECT_FALSE(r.work.contributors.empty()) << r.source.original_key;
  }
  for (const char* t : {"ART", "COMM", "COUV", "POSTER", "REPORT", "OTHER", "UNDEFINED"}) EXPECT_GT(doc_types[t], 0) << t;
  EXPECT_EQ(page->records[0].work.title, "Open Access guidelines for the arts and humanities");
  EXPECT_EQ(page->records[0].work.subtitle, "Recommendations by the DARIAH European research infrastructure consortium");
  EXPECT_EQ(person(page->records[0].work, "Romary")->idhal, "laurentromary");
  // IdRef and ResearcherID from their URLs (ISNI, VIAF, arXiv are not person identifiers we keep).
  EXPECT_EQ(person(page->records[0].work, "Romary")->ids,
            (std::vector<PersonId>{{PersonIdScheme::idref, "060702494"}, {PersonIdScheme::researcherid, "A-5114-2012"}}));
}

TEST(HalTei, UnknownDocTypeIsMisc) { EXPECT_EQ(store_type_from(TypeVocabulary::hal, "SOMETHINGNEW"), "misc"); }

TEST(HalTei, RejectsWhatIsNotTei) {
  EXPECT_FALSE(parse_hal_tei("<html><body>oops</body></html>", "u").has_value());
  EXPECT_FALSE(parse_hal_tei("<TEI><unclosed>", "u").has_value());
  const auto empty = parse_hal_tei(R"(<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><profileDesc><creation>
      <measure quantity="0" unit="count" commodity="totalSearchResults"/></creation></profileDesc></teiHeader><text><body><listBibl/></body></text></TEI>)", "u");
  ASSERT_TRUE(empty.has_value());
  EXPECT_EQ(empty->total, 0u);
  EXPECT_TRUE(empty->records.empty());
}

}  // namespace
}  // namespace litrev
