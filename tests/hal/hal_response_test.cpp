// HAL JSON and error answers: recorded ones from ../shared/fixtures/hal, and the synthetic error
// and empty bodies of tests/data/hal (see its README).
#include "importers/hal/hal_response.hpp"

#include <gtest/gtest.h>

#include "importers/hal/hal_tei.hpp"
#include "net/loopback_server.hpp"
#include "support/test_support.hpp"
#include "support/work_helpers.hpp"

namespace litrev {
namespace {

using test::field;
using test::id_of;

HttpResponse answer(std::string body, long status = 200, std::string type = "application/json; charset=utf-8") {
  HttpResponse r;
  r.url = "https://api.archives-ouvertes.fr/search/?q=x";
  r.status = status;
  r.headers = {{"content-type", std::move(type)}};
  r.body = std::move(body);
  return r;
}

TEST(HalJson, MapsSelectedFieldsWithIdHalFromTheAuthorFacet) {
  LITREV_REQUIRE_SHARED(shared);
  const auto page = parse_hal_response(answer(test::slurp(shared / "fixtures/hal/search-by-doi-selected-fl.json")));
  ASSERT_TRUE(page.has_value()) << page.error().describe();
  EXPECT_EQ(page->num_found, 1u);
  ASSERT_EQ(page->records.size(), 1u);
  const ImportRecord& rec = page->records[0];
  const Work& w = rec.work;
  EXPECT_EQ(w.type, "article");
  EXPECT_EQ(w.title, "Multichromophoric sugar for fluorescence photoswitching");
  EXPECT_EQ(w.container, "Beilstein Journal of Organic Chemistry");
  EXPECT_EQ(w.publisher, "Beilstein-Institut");
  EXPECT_EQ(w.volume, "10");
  EXPECT_EQ(w.pages, "1471-1481");
  EXPECT_EQ(w.date, "2014");
  EXPECT_EQ(w.language, "en");
  EXPECT_EQ(id_of(w, IdScheme::doi), "10.3762/bjoc.10.151");
  EXPECT_EQ(id_of(w, IdScheme::hal), "hal-02489392");
  EXPECT_EQ(id_of(w, IdScheme::issn), "1860-5397");
  ASSERT_EQ(w.contributors.size(), 5u);
  EXPECT_EQ(w.contributors[0].person.family, "Maisonneuve");
  EXPECT_EQ(w.contributors[0].person.given, "Stéphane");
  EXPECT_EQ(w.contributors[0].person.idhal, "stephane-maisonneuve");
  EXPECT_EQ(w.contributors[3].person.family, "Nakatani");
  EXPECT_EQ(w.contributors[3].person.idhal, "");
  EXPECT_EQ(w.contributors[4].person.idhal, "joanne-xie");
  EXPECT_EQ(w.keywords.size(), 5u);
  EXPECT_TRUE(w.abstract_text.starts_with("A multichromophoric glucopyranoside"));
  EXPECT_EQ(rec.source.original_key, "hal-02489392");
  EXPECT_EQ(rec.source.entry_type, "ART");
  EXPECT_EQ(field(rec.source, "fileMain_s"), "https://hal.science/hal-02489392/document");
  EXPECT_EQ(field(rec.source, "openAccess_bool"), "true");
}

TEST(HalJson, ReadsNextCursorMarkAndFreeTextVolumes) {
  LITREV_REQUIRE_SHARED(shared);
  const auto page = parse_hal_response(answer(test::slurp(shared / "fixtures/hal/search-text-fq-domain-cursor.json")));
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->num_found, 510u);
  EXPECT_EQ(page->docs, 5u);
  EXPECT_EQ(page->records.size(), 5u);
  EXPECT_FALSE(page->next_cursor_mark.empty());
  bool saw_free_text_volume = false, saw_forthcoming_book = false;
  for (const auto& r : page->records) {
    saw_free_text_volume |= r.work.volume == "septembre";
    saw_forthcoming_book |= r.work.type == "book" && r.work.year == 2027;
  }
  EXPECT_TRUE(saw_free_text_volume);
  EXPECT_TRUE(saw_forthcoming_book);
}

TEST(HalJson, ReadsTheFullTeiCarriedInLabelXml) {
  LITREV_REQUIRE_SHARED(shared);
  const auto page = parse_hal_response(answer(test::slurp(shared / "fixtures/hal/search-flstar-one-doc-trimmed.json")));
  ASSERT_TRUE(page.has_value());
  ASSERT_EQ(page->records.size(), 1u);
  const ImportRecord& rec = page->records[0];
  // Same record as the stand-alone TEI file of this document...
  const auto tei = parse_hal_tei(test::slurp(shared / "fixtures/hal/tei-doc-hal-02498602-COMM-label_xml.xml"), "u");
  ASSERT_TRUE(tei.has_value());
  EXPECT_EQ(rec.work.title, tei->records[0].work.title);
  EXPECT_EQ(rec.work.container, "SUNBELT 2020, Session Recent advances in Social Network Analysis");
  EXPECT_EQ(rec.work.contributors.size(), 2u);
  EXPECT_EQ(rec.work.type, "inproceedings");
  // ...plus every Solr field of the answer.
  EXPECT_EQ(field(rec.source, "docid"), "2498602");
  EXPECT_NE(field(rec.source, "label_bibtex"), "<absent>");
  EXPECT_EQ(field(rec.source, "label_xml"), "<absent>");  // kept once, as "tei"
  EXPECT_NE(field(rec.source, "tei"), "<absent>");
}

// HAL's default field list (docid, label_s, uri_s) carries no title: such documents are named
// by HAL id as unusable, not stored as untitled "Anon. (n.d.)" works (issue 11).
TEST(HalJson, DefaultFieldListGivesNoRecordButNamesEveryDocument) {
  LITREV_REQUIRE_SHARED(shared);
  const auto page = parse_hal_response(answer(test::slurp(shared / "fixtures/hal/search-authIdPerson-default-fl.json")));
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->num_found, 51u);
  EXPECT_EQ(page->docs, 30u);
  EXPECT_TRUE(page->records.empty());
  ASSERT_EQ(page->unusable.size(), 30u);
  EXPECT_EQ(page->unusable[0], "hal-02498602");
}

TEST(HalJson, ATeiAnswerIsReadToo) {
  LITREV_REQUIRE_SHARED(shared);
  const auto page = parse_hal_response(answer(test::slurp(shared / "fixtures/hal/tei-search-export-63docs.xml"), 200, "text/xml; charset=utf-8"));
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->records.size(), 63u);
  EXPECT_EQ(page->num_found, 63u);
  EXPECT_TRUE(page->next_cursor_mark.empty());
}

TEST(HalErrors, ErrorWithStatus200IsDetected) {
  const auto page = parse_hal_response(answer(test::read_file(test::test_data("hal/synthetic-error-200.json"))));
  ASSERT_FALSE(page.has_value());
  EXPECT_EQ(page.error().kind, HalError::Kind::api_error);
  EXPECT_EQ(page.error().message, "undefined field docTyp_s");
  EXPECT_EQ(page.error().describe(), "HAL: undefined field docTyp_s (HTTP 200): https://api.archives-ouvertes.fr/search/?q=x");
}

TEST(HalErrors, DoubleEncodedErrorMessageIsReadDespiteBrokenJson) {
  const auto page = parse_hal_response(answer(test::read_file(test::test_data("hal/synthetic-error-200-double-encoded.json"))));
  ASSERT_FALSE(page.has_value());
  EXPECT_EQ(page.error().kind, HalError::Kind::api_error);
  EXPECT_EQ(page.error().message, "undefined field docTyp_s");
}

TEST(HalErrors, SolrXmlErrorIsDetected) {
  const auto page = parse_hal_response(answer(test::read_file(test::test_data("hal/synthetic-error-solr-xml.xml")), 400, "text/xml"));
  ASSERT_FALSE(page.has_value());
  EXPECT_EQ(page.error().message, "undefined field docTyp_s");
  EXPECT_EQ(page.error().status, 400);
}

TEST(HalErrors, EmptyResultIsNotAnError) {
  const auto page = parse_hal_response(answer(test::read_file(test::test_data("hal/synthetic-empty-result.json"))));
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->num_found, 0u);
  EXPECT_TRUE(page->records.empty());
}

TEST(HalErrors, OtherBodiesAreUnreadableOrStatusErrors) {
  EXPECT_EQ(parse_hal_response(answer("Service Unavailable", 503, "text/plain")).error().kind, HalError::Kind::http_status);
  EXPECT_EQ(parse_hal_response(answer("{\"response\":", 200)).error().kind, HalError::Kind::unreadable);
  EXPECT_EQ(parse_hal_response(answer("", 200)).error().message, "empty answer");
}

TEST(HalTeiEditors, FreeTextEditorListsAreSplitSensibly) {
  auto editors_of = [](const std::string& editor) {
    const std::string xml = R"(<TEI><text><body><listBibl><biblFull><sourceDesc><biblStruct><monogr><editor>)" + editor +
                            R"(</editor><imprint><publisher>P</publisher></imprint></monogr></biblStruct></sourceDesc></biblFull></listBibl></body></text></TEI>)";
    const auto page = parse_hal_tei(xml, "u");
    std::vector<std::string> out;
    for (const auto& c : page->records.at(0).work.contributors) out.push_back(c.person.family + "|" + c.person.given);
    return out;
  };
  EXPECT_EQ(editors_of("Dupont, Jean"), (std::vector<std::string>{"Dupont|Jean"}));
  EXPECT_EQ(editors_of("A. Martin et B. Durand (eds.)"), (std::vector<std::string>{"Martin|A.", "Durand|B."}));
  EXPECT_EQ(editors_of("Sofia Lodén,  Vanessa Obry (dir.)"), (std::vector<std::string>{"Lodén|Sofia", "Obry|Vanessa"}));
  EXPECT_EQ(editors_of("Dupont, Jean; Martin, Anne"), (std::vector<std::string>{"Dupont|Jean", "Martin|Anne"}));
  EXPECT_TRUE(editors_of("P").empty());  // the publisher typed as editor
}

HttpResponse hal_answer(std::string body) {
  HttpResponse r;
  r.url = "https://api.archives-ouvertes.fr/search/?q=x&wt=json";
  r.status = 200;
  r.body = std::move(body);
  return r;
}

TEST(HalJson, ADocumentWithoutLabelXmlOrTitleIsReportedNotARecord) {
  const auto page = parse_hal_response(hal_answer(
      R"({"response":{"numFound":2,"docs":[)"
      R"({"docid":"1","halId_s":"hal-00000001","docType_s":"ART","doiId_s":"10.1/x"},)"
      R"({"docid":"2","halId_s":"hal-00000002","docType_s":"ART","title_s":["Kept from the Solr fields"]}]}})"));
  ASSERT_TRUE(page.has_value()) << page.error().describe();
  EXPECT_EQ(page->docs, 2u);
  EXPECT_EQ(page->unusable, std::vector<std::string>{"hal-00000001"});
  ASSERT_EQ(page->records.size(), 1u);
  EXPECT_EQ(page->records[0].work.title, "Kept from the Solr fields");
}

TEST(HalJson, TruncatedTeiAndJsonOfTheWrongShapeAreErrorsOrEmptyPages) {
  const auto cut = parse_hal_response(hal_answer(
      R"(<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listBibl><biblFull><titleStmt><title>Cut)"));
  EXPECT_FALSE(cut.has_value());
  for (const char* body : {R"({"response":[]})", R"({"response":{"docs":"none"}})", R"({"response":{"docs":[1,"x",null]}})",
                           R"({"response":{"numFound":"many","docs":[{"label_xml":42}]}})"}) {
    EXPECT_NO_THROW({
      const auto page = parse_hal_response(hal_answer(body));
      if (page) {
        EXPECT_TRUE(page->records.empty()) << body;
      }
    }) << body;
  }
}

}  // namespace
}  // namespace litrev
