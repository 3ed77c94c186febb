// The Crossref work mapping on recorded answers (../shared/fixtures/crossref).
#include "importers/crossref/crossref_work.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "importers/crossref/crossref_response.hpp"
#include "net/loopback_server.hpp"
#include "src/core/data_model.hpp"
#include "support/test_support.hpp"

namespace litrev {
namespace {

using nlohmann::json;

HttpResponse recorded(const std::filesystem::path& file, long status = 200, std::string type = "application/json") {
  HttpResponse r;
  r.url = "https://api.crossref.org/recorded/" + file.filename().string();
  r.status = status;
  r.headers = {{"content-type", std::move(type)}};
  r.body = test::slurp(file);
  return r;
}

ImportRecord work_fixture(const std::filesystem::path& shared, const std::string& name) {
  const auto parsed = parse_crossref_work_response(recorded(shared / "fixtures/crossref" / name));
  if (!parsed || !parsed->has_value()) throw std::runtime_error("fixture did not parse: " + name);
  return std::move(**parsed);
}

std::string id_of(const Work& w, IdScheme scheme) {
  for (const auto& id : w.ids)
    if (id.scheme == scheme) return id.value;
  return {};
}

std::string field(const SourceRecord& s, const std::string& name) {
  for (const auto& f : s.fields)
    if (f.name == name) return f.value;
  return "<absent>";
}

TEST(CrossrefWork, MapsAJournalArticleWithSeventyReferences) {
  LITREV_REQUIRE_SHARED(shared);
  const auto rec = work_fixture(shared, "work-journal-article-70refs-plos-0033693.json");
  const Work& w = rec.work;
  EXPECT_EQ(w.type, "article");
  EXPECT_EQ(w.title, "Methylphenidate Exposure Induces Dopamine Neuron Loss and Activation of Microglia in the Basal Ganglia of Mice");
  EXPECT_EQ(w.container, "PLoS ONE");
  EXPECT_EQ(w.date, "2012-03-21");
  EXPECT_EQ(w.year, 2012);
  EXPECT_EQ(w.language, "en");
  EXPECT_EQ(id_of(w, IdScheme::doi), "10.1371/journal.pone.0033693");
  EXPECT_EQ(id_of(w, IdScheme::issn), "1932-6203");
  ASSERT_GE(w.contributors.size(), 2u);
  EXPECT_EQ(w.contributors[0].person.family, "Sadasivan");
  EXPECT_EQ(w.contributors[0].person.given, "Shankar");
  EXPECT_EQ(w.contributors[1].person.given, "Brooks B.");
  ASSERT_EQ(w.references.size(), 70u);
  EXPECT_EQ(std::count_if(w.references.begin(), w.references.end(), [](const Reference& r) { return !r.doi.empty(); }), 65);
  EXPECT_TRUE(w.global_citations.has_value());
  // Parts deposited without a citation string: "LD Johnston" is initials + family name.
  const auto johnston = std::find_if(w.references.begin(), w.references.end(),
                                     [](const Reference& r) { return r.first_author == "Johnston"; });
  ASSERT_NE(johnston, w.references.end());
  EXPECT_EQ(johnston->author_initials, "LD");
  EXPECT_EQ(johnston->year, 2011);
  EXPECT_EQ(johnston->title, "Monitoring the Future national survey results on drug use, 1975–2010.");
  EXPECT_EQ(johnston->first_page, "1");
  EXPECT_FALSE(johnston->raw.empty());
  EXPECT_EQ(rec.source.source_kind, "crossref");
  EXPECT_EQ(rec.source.original_key, "10.1371/journal.pone.0033693");
  EXPECT_EQ(rec.source.entry_type, "journal-article");
  EXPECT_EQ(rec.source.origin, "https://api.crossref.org/recorded/work-journal-article-70refs-plos-0033693.json");
}

TEST(CrossrefWork, SourceRecordKeepsEveryTopLevelField) {
  LITREV_REQUIRE_SHARED(shared);
  const auto file = shared / "fixtures/crossref/work-journal-article-orcid-affiliation-jclinpath.json";
  const json message = json::parse(test::slurp(file))["message"];
  const auto rec = work_fixture(shared, file.filename().string());
  EXPECT_EQ(rec.source.fields.size(), message.size());
  EXPECT_EQ(field(rec.source, "publisher"), "BMJ");
  EXPECT_EQ(field(rec.source, "ISSN"), R"(["0021-9746","1472-4146"])");
  EXPECT_EQ(json::parse(field(rec.source, "reference")), message["reference"]);
  EXPECT_EQ(field(rec.source, "abstract"), message["abstract"].get<std::string>());
}

TEST(CrossrefWork, MapsAuthorsWithAffiliationOrcidAndTheJatsAbstract) {
  LITREV_REQUIRE_SHARED(shared);
  const auto rec = work_fixture(shared, "work-journal-article-orcid-affiliation-jclinpath.json");
  const Work& w = rec.work;
  ASSERT_EQ(w.contributors.size(), 15u);
  EXPECT_EQ(w.contributors[0].person.family, "Xu");
  EXPECT_EQ(w.contributors[0].person.affiliation, "Department of Neurosurgery, China-Japan Friendship Hospital, Beijing, China");
  const auto yang = std::find_if(w.contributors.begin(), w.contributors.end(),
                                 [](const Contributor& c) { return !c.person.orcid.empty(); });
  ASSERT_NE(yang, w.contributors.end());
  EXPECT_EQ(yang->person.family, "Yang");
  EXPECT_EQ(yang->person.orcid, "0000-0002-3513-6501");
  EXPECT_EQ(std::count_if(w.contributors.begin(), w.contributors.end(), [](const Contributor& c) { return !c.person.orcid.empty(); }), 1);
  // Inline <i> tags and line breaks of the title are gone.
  EXPECT_EQ(w.title.find('<'), std::string::npos);
  EXPECT_EQ(w.title.find('\n'), std::string::npos);
  EXPECT_NE(w.title.find("KRAS / NRAS"), std::string::npos) << w.title;
  // issued (2020-08-17) wins over published-print (2021-05).
  EXPECT_EQ(w.date, "2020-08-17");
  EXPECT_EQ(w.volume, "74");
  EXPECT_EQ(w.issue, "5");
  EXPECT_EQ(w.pages, "314-320");
  EXPECT_EQ(w.publisher, "BMJ");
  EXPECT_TRUE(w.abstract_text.starts_with("Background\n\nThe absence of high-quality next-generation sequencing")) << w.abstract_text;
  EXPECT_EQ(w.abstract_text.find("jats"), std::string::npos);
  EXPECT_NE(w.abstract_text.find("(KRAS)"), std::string::npos);
  std::vector<std::string> issns;
  for (const auto& id : w.ids)
    if (id.scheme == IdScheme::issn) issns.push_back(id.value);
  EXPECT_EQ(issns, (std::vector<std::string>{"0021-9746", "1472-4146"}));
  EXPECT_EQ(w.references.size(), 36u);
  EXPECT_EQ(w.global_citations, 10);
}

TEST(CrossrefWork, ReferencesKeepDoiUnstructuredTextAndParts) {
  LITREV_REQUIRE_SHARED(shared);
  const auto rec = work_fixture(shared, "work-journal-article-abstract-62refs-srep16696.json");
  const Work& w = rec.work;
  ASSERT_EQ(w.references.size(), 62u);
  for (const auto& r : w.references) {
    EXPECT_FALSE(r.doi.empty());
    EXPECT_FALSE(r.raw.empty());
  }
  const Reference& first = w.references[0];
  EXPECT_EQ(first.doi, "10.3389/fnana.2010.00140");
  EXPECT_TRUE(first.raw.starts_with("González-Hernández, T., Cruz-Muros, I."));
  EXPECT_EQ(first.first_author, "González-Hernández");
  EXPECT_EQ(first.author_initials, "T");
  EXPECT_EQ(first.year, 2010);
  EXPECT_EQ(first.container, "Front. Neuroanat");
  EXPECT_EQ(first.volume, "4");
  EXPECT_EQ(first.first_page, "140");
  EXPECT_TRUE(w.abstract_text.starts_with("Oligomers of alpha-synuclein are toxic")) << w.abstract_text.substr(0, 80);
}

TEST(CrossrefWork, NullIssuedDateMeansUnknown) {
  LITREV_REQUIRE_SHARED(shared);
  const auto rec = work_fixture(shared, "work-proceedings-article-null-date-icdcsw.json");
  EXPECT_EQ(rec.work.type, "inproceedings");
  EXPECT_EQ(rec.work.date, "");
  EXPECT_FALSE(rec.work.year.has_value());
  EXPECT_EQ(rec.work.container, "23rd International Conference on Distributed Computing Systems Workshops, 2003. Proceedings.");
  ASSERT_EQ(rec.work.references.size(), 13u);
  EXPECT_EQ(std::count_if(rec.work.references.begin(), rec.work.references.end(), [](const Reference& r) { return !r.doi.empty(); }), 3);
  const auto ecn = std::find_if(rec.work.references.begin(), rec.work.references.end(),
                                [](const Reference& r) { return r.title == "Addition of ECN to IP"; });
  ASSERT_NE(ecn, rec.work.references.end());
  EXPECT_EQ(ecn->first_author, "ramakrishnan");
  EXPECT_EQ(ecn->year, 2001);
  EXPECT_EQ(ecn->container, "RFC 3168");
  EXPECT_EQ(ecn->raw, "ramakrishnan (2001), Addition of ECN to IP, RFC 3168");
}

TEST(CrossrefWork, FallsBackToPublishedPrintWhenNeeded) {
  json w = {{"DOI", "10.5555/x"}, {"type", "journal-article"}, {"title", {"T"}},
            {"issued", {{"date-parts", {{nullptr}}}}}, {"published-print", {{"date-parts", {{2021, 5}}}}},
            {"published-online", {{"date-parts", {{2020, 1, 2}}}}}};
  const auto rec = crossref_work_to_record(w, "u");
  EXPECT_EQ(rec.work.date, "2021-05");
  EXPECT_EQ(rec.work.year, 2021);
}

TEST(CrossrefWork, MinimalRecordWithoutReferences) {
  LITREV_REQUIRE_SHARED(shared);
  const auto rec = work_fixture(shared, "work-journal-article-minimal-no-refs-ijo.json");
  EXPECT_EQ(rec.work.contributors.size(), 1u);
  EXPECT_TRUE(rec.work.references.empty());
  EXPECT_EQ(rec.work.date, "2009-06-26");
  EXPECT_EQ(rec.work.container, "International Journal of Oncology");
}

TEST(CrossrefWork, BookChapterDatasetAndPeerReviewTypes) {
  LITREV_REQUIRE_SHARED(shared);
  const auto chapter = work_fixture(shared, "work-book-chapter-affiliation-igi.json");
  EXPECT_EQ(chapter.work.type, "incollection");
  EXPECT_EQ(chapter.work.container, "Impact of the Model Minority Stereotype on Modern Society");
  EXPECT_FALSE(chapter.work.year.has_value());
  ASSERT_FALSE(chapter.work.contributors.empty());
  EXPECT_FALSE(chapter.work.contributors[0].person.affiliation.empty());
  const auto dataset = work_fixture(shared, "work-dataset-isrctn11093872.json");
  EXPECT_EQ(dataset.work.type, "dataset");
  EXPECT_EQ(dataset.work.container, "http://isrctn.com/");
  EXPECT_EQ(dataset.work.year, 2015);
  const auto review = work_fixture(shared, "work-peer-review-peerj.json");
  EXPECT_EQ(review.work.type, "review");
  EXPECT_EQ(review.work.container, "");
  EXPECT_EQ(id_of(review.work, IdScheme::doi), "10.7287/peerj.3819v0.1/reviews/2");
}

TEST(CrossrefWork, EveryCrossrefTypeMapsOntoAStoreType) {
  LITREV_REQUIRE_SHARED(shared);
  const json types = json::parse(test::slurp(shared / "fixtures/crossref/types-list.json"));
  const auto& items = types["message"]["items"];
  ASSERT_GE(items.size(), 30u);
  for (const auto& t : items) {
    const std::string id = t["id"].get<std::string>();
    const std::string_view mapped = store_type_from(TypeVocabulary::crossref, id);
    EXPECT_TRUE(is_store_type(mapped)) << id << " -> " << mapped;
  }
  EXPECT_EQ(store_type_from(TypeVocabulary::crossref, "journal-article"), "article");
  EXPECT_EQ(store_type_from(TypeVocabulary::crossref, "book-chapter"), "incollection");
  EXPECT_EQ(store_type_from(TypeVocabulary::crossref, "dissertation"), "thesis");
}

TEST(CrossrefWorks, ReadsListPagesWithIsbnsAndMixedTypes) {
  LITREV_REQUIRE_SHARED(shared);
  const auto page = parse_crossref_works_response(recorded(shared / "fixtures/crossref/works-sample10-mixed-types.json"));
  ASSERT_TRUE(page.has_value());
  ASSERT_EQ(page->records.size(), 10u);
  EXPECT_EQ(page->items, 10u);
  std::vector<std::string> types;
  for (const auto& r : page->records) types.push_back(r.work.type);
  EXPECT_NE(std::find(types.begin(), types.end(), "online"), types.end());  // posted-content
  const auto chapter = std::find_if(page->records.begin(), page->records.end(),
                                    [](const ImportRecord& r) { return r.source.original_key == "10.1007/978-3-031-33148-0_45"; });
  ASSERT_NE(chapter, page->records.end());
  std::vector<std::string> isbns;
  for (const auto& id : chapter->work.ids)
    if (id.scheme == IdScheme::isbn) isbns.push_back(id.value);
  EXPECT_EQ(isbns, (std::vector<std::string>{"9783031331473", "9783031331480"}));
  // The registered case survives in the source record; the identifier is normalized.
  const auto upper = std::find_if(page->records.begin(), page->records.end(),
                                  [](const ImportRecord& r) { return r.source.original_key == "10.1016/s1532-0464(03)00128-x"; });
  EXPECT_NE(upper, page->records.end());
}

TEST(CrossrefWorks, ReadsCursorTotalsAndSelectedFieldsOnly) {
  LITREV_REQUIRE_SHARED(shared);
  const auto page1 = parse_crossref_works_response(recorded(shared / "fixtures/crossref/works-query-widget-cursor-star-page1.json"));
  ASSERT_TRUE(page1.has_value());
  EXPECT_EQ(page1->total_results, 454u);
  EXPECT_EQ(page1->records.size(), 20u);
  EXPECT_EQ(page1->next_cursor.size(), 1512u);
  const auto select = parse_crossref_works_response(recorded(shared / "fixtures/crossref/works-select-doi-title.json"));
  ASSERT_TRUE(select.has_value());
  ASSERT_FALSE(select->records.empty());
  for (const auto& r : select->records) {
    EXPECT_FALSE(r.work.title.empty());
    EXPECT_FALSE(id_of(r.work, IdScheme::doi).empty());
    EXPECT_EQ(r.work.type, "misc");  // no type selected
  }
  const auto empty = parse_crossref_works_response(recorded(shared / "fixtures/crossref/works-query-empty-result.json"));
  ASSERT_TRUE(empty.has_value());
  EXPECT_TRUE(empty->records.empty());
  EXPECT_EQ(empty->total_results, 0u);
}

TEST(CrossrefWorks, ParsesTheLargeRecordedAnswersWithoutLoss) {
  LITREV_REQUIRE_SHARED(shared);
  for (const char* name : {"works-query-author-field-query.json", "works-journal-query-bibliographic-type-filter.json",
                           "works-rows2-book-chapters-isbn.json", "works-query-ecology-rows2.json"}) {
    const auto file = shared / "fixtures/crossref" / name;
    const auto page = parse_crossref_works_response(recorded(file));
    ASSERT_TRUE(page.has_value()) << name;
    const json j = json::parse(test::slurp(file));
    EXPECT_EQ(page->records.size(), j["message"]["items"].size()) << name;
    std::size_t refs = 0, expected_refs = 0;
    for (const auto& r : page->records) refs += r.work.references.size();
    for (const auto& item : j["message"]["items"]) expected_refs += item.value("reference", json::array()).size();
    EXPECT_EQ(refs, expected_refs) << name;
  }
}

TEST(CrossrefErrors, NotFoundIsPlainTextAndMeansNoRecord) {
  LITREV_REQUIRE_SHARED(shared);
  const auto r = parse_crossref_work_response(recorded(shared / "fixtures/crossref/error-404-work-not-found.txt", 404, "text/plain"));
  ASSERT_TRUE(r.has_value());
  EXPECT_FALSE(r->has_value());
}

TEST(CrossrefErrors, ValidationFailureCarriesCrossrefsMessage) {
  LITREV_REQUIRE_SHARED(shared);
  const auto r = parse_crossref_work_response(
      recorded(shared / "fixtures/crossref/error-400-field-query-on-doi-route.json", 400, "application/json;charset=utf-8"));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, CrossrefError::Kind::invalid_request);
  EXPECT_EQ(r.error().message, "This route does not support field query parameters [query.*]");
  const auto rows = parse_crossref_works_response(
      recorded(shared / "fixtures/crossref/error-400-rows-not-integer.json", 400, "application/json;charset=utf-8"));
  ASSERT_FALSE(rows.has_value());
  EXPECT_EQ(rows.error().message, "Integer specified as things but must be a positive integer less than or equal to 1000. [things]");
  EXPECT_NE(rows.error().describe().find("https://api.crossref.org/recorded/error-400-rows-not-integer.json"), std::string::npos);
}

TEST(CrossrefErrors, InvalidCursorIsAFailureNotAnEmptyPage) {
  LITREV_REQUIRE_SHARED(shared);
  const auto r = parse_crossref_works_response(recorded(shared / "fixtures/crossref/error-404-cursor-invalid.json", 404));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message, "Cursor specified but it is invalid [thing]");
}

TEST(CrossrefErrors, HtmlPagesAreRecognisedNotParsedAsJson) {
  LITREV_REQUIRE_SHARED(shared);
  const auto r = parse_crossref_work_response(recorded(shared / "fixtures/crossref/error-429-too-many-requests.html", 200, "text/html"));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, CrossrefError::Kind::not_json);
  EXPECT_EQ(r.error().message, "expected JSON, got an HTML page: 429 Too Many Requests");
  HttpResponse gateway;
  gateway.url = "https://api.crossref.org/works/10.1/x";
  gateway.status = 504;
  gateway.body = "<html><head><title>504 Gateway Time-out</title></head><body>...</body></html>";
  const auto g = parse_crossref_work_response(gateway);
  ASSERT_FALSE(g.has_value());
  EXPECT_EQ(g.error().kind, CrossrefError::Kind::not_json);
  EXPECT_EQ(g.error().describe(), "Crossref: an HTML page: 504 Gateway Time-out (HTTP 504): https://api.crossref.org/works/10.1/x");
}

TEST(CrossrefErrors, MalformedJsonNamesTheUrl) {
  HttpResponse r;
  r.url = "https://api.crossref.org/works/10.1/truncated";
  r.status = 200;
  r.body = R"({"status":"ok","message-type":"work","message":{"DOI":"10.1/x","title":["cut)";
  const auto parsed = parse_crossref_work_response(r);
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().kind, CrossrefError::Kind::malformed);
  EXPECT_EQ(parsed.error().describe(), "Crossref: malformed JSON (HTTP 200): https://api.crossref.org/works/10.1/truncated");
}

TEST(CrossrefWork, OddValueTypesAreSkippedNotFatal) {
  const json w = {{"DOI", "10.5555/odd"}, {"type", 7}, {"title", "A string, not an array"}, {"author", "nobody"},
                  {"volume", 12}, {"reference", {1, "two", {{"DOI", "10.5555/ok"}}}}, {"ISSN", {"1234-5678", "0000-0000"}}};
  const auto rec = crossref_work_to_record(w, "u");
  EXPECT_EQ(rec.work.title, "A string, not an array");
  EXPECT_EQ(rec.work.volume, "12");
  EXPECT_EQ(rec.work.type, "misc");
  ASSERT_EQ(rec.work.references.size(), 1u);
  EXPECT_EQ(rec.work.references[0].doi, "10.5555/ok");
  EXPECT_FALSE(rec.warnings.empty());  // the ISSN with a wrong check digit
}

}  // namespace
}  // namespace litrev
