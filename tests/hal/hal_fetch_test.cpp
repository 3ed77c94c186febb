// The HAL recipes against a loopback server replaying recorded HAL answers (served as 200 with
// HAL's content types, as fixtures/README.md says) and the synthetic ones of tests/data/hal.
#include "importers/hal/hal_fetch.hpp"

#include <set>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "importers/hal/hal_tei.hpp"
#include "net/loopback_server.hpp"
#include "support/collected_records.hpp"
#include "support/test_support.hpp"

namespace litrev {
namespace {

using namespace std::chrono_literals;
using test::LoopbackServer;

constexpr const char* kJson = "application/json; charset=utf-8";
// HAL serves TEI as text/xml; cpp-httplib would brotli-compress any text/* answer at quality 11
// (four seconds for the 1 MB export), so the big TEI goes out under another XML type: the
// reader looks at the body, not at the type.
constexpr const char* kXml = "application/xml; charset=utf-8";

HttpClientOptions test_options() {
  HttpClientOptions o;
  o.user_agent = make_user_agent("0.1.0", "");
  o.retry.base_delay = 20ms;
  o.rate.unadvertised = RateLimits{50, 1000ms, 4};
  return o;
}

HalOptions at(const std::string& base, std::size_t rows = 100) {
  HalOptions o;
  o.base_url = base;
  o.rows = rows;
  return o;
}

using test::Collected;

TEST(HalImporter, CursorPagingOverTwoPagesWithFilters) {
  LITREV_REQUIRE_SHARED(shared);
  const std::string page1 = test::slurp(shared / "fixtures/hal/search-text-fq-domain-cursor.json");
  const std::string page2 = test::slurp(shared / "fixtures/hal/search-flstar-one-doc-trimmed.json");
  const std::string cursor = nlohmann::json::parse(page1)["nextCursorMark"].get<std::string>();
  LoopbackServer server;
  server.http().Get("/search/", [&](const httplib::Request& req, httplib::Response& res) {
    // Page 2 is a one-document answer: a short page, the end of the walk.
    res.set_content(req.get_param_value("cursorMark") == "*" ? page1 : page2, kJson);
  });
  server.start();
  HttpClient client(test_options());
  HalSearch search;
  search.q = "text:(responsabilité civile)";
  search.fq = {"domainAllCode_s:(\"shs.droit\")", "producedDateY_i:[2024 TO *]"};
  Collected got;
  const auto summary = HalImporter(client, at(server.base_url(), 5)).search(search, got.sink());
  EXPECT_TRUE(summary.failed.empty()) << summary.failed[0].message;
  EXPECT_EQ(got.records.size(), 6u);
  EXPECT_EQ(got.pages, 2u);
  EXPECT_EQ(summary.total_available, 510u);  // from page 1 (page 2 is another recording)
  const auto received = server.received();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(received[0].param("q"), "text:(responsabilité civile)");
  EXPECT_EQ(received[0].params.count("fq"), 2u);
  EXPECT_EQ(received[0].param("rows"), "5");
  EXPECT_EQ(received[0].param("sort"), "docid asc");
  EXPECT_EQ(received[0].param("cursorMark"), "*");
  EXPECT_EQ(received[0].param("wt"), "json");
  EXPECT_NE(received[0].param("fl").find("label_xml"), std::string::npos);
  EXPECT_EQ(received[1].param("cursorMark"), cursor);
  // The TEI of page 2's document was read: a conference paper with its venue.
  EXPECT_EQ(got.records.back().work.container, "SUNBELT 2020, Session Recent advances in Social Network Analysis");
}

TEST(HalImporter, StopsWhenTheCursorComesBackUnchanged) {
  LITREV_REQUIRE_SHARED(shared);
  std::string page = test::slurp(shared / "fixtures/hal/search-text-fq-domain-cursor.json");
  const std::string cursor = nlohmann::json::parse(page)["nextCursorMark"].get<std::string>();
  LoopbackServer server;
  server.http().Get("/search/", [&](const httplib::Request&, httplib::Response& res) { res.set_content(page, kJson); });
  server.start();
  HttpClient client(test_options());
  Collected got;
  HalImporter(client, at(server.base_url(), 5)).search({}, got.sink());
  // Page 1 with cursor "*" -> X, page 2 with X -> X again: Solr's end of results.
  EXPECT_EQ(server.count(), 2u);
  EXPECT_EQ(server.received()[1].param("cursorMark"), cursor);
}

TEST(HalImporter, ByIdsReportsTheIdsHalDoesNotKnow) {
  LITREV_REQUIRE_SHARED(shared);
  const std::string body = test::slurp(shared / "fixtures/hal/search-flstar-one-doc-trimmed.json");
  LoopbackServer server;
  server.http().Get("/search/", [&](const httplib::Request&, httplib::Response& res) { res.set_content(body, kJson); });
  server.start();
  HttpClient client(test_options());
  const std::vector<std::string> ids{"https://hal.archives-ouvertes.fr/hal-02498602v1", "hal-99999999"};
  Collected got;
  const auto summary = HalImporter(client, at(server.base_url())).by_ids(ids, got.sink());
  EXPECT_EQ(summary.found, (std::vector<std::string>{"hal-02498602"}));
  EXPECT_EQ(summary.not_found, (std::vector<std::string>{"hal-99999999"}));
  ASSERT_EQ(got.records.size(), 1u);
  EXPECT_EQ(got.records[0].source.origin, server.base_url() + "/search/?q=halId_s:%22hal-02498602%22&wt=xml-tei");
  const auto received = server.received();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].param("q"), R"(halId_s:("hal-02498602" OR "hal-99999999"))");
  EXPECT_EQ(received[0].param("rows"), "2");
}

TEST(HalImporter, ByIdsKeepsOnlyTheDocumentsAskedFor) {
  LITREV_REQUIRE_SHARED(shared);
  const std::string tei = test::slurp(shared / "fixtures/hal/tei-search-export-63docs.xml");
  LoopbackServer server;
  server.http().Get("/search/", [&](const httplib::Request&, httplib::Response& res) { res.set_content(tei, kXml); });
  server.start();
  HttpClient client(test_options());
  const auto page = parse_hal_tei(tei, "u");
  ASSERT_TRUE(page.has_value());
  const std::vector<std::string> ids{page->records[3].source.original_key, "hal-99999999"};
  Collected got;
  const auto summary = HalImporter(client, at(server.base_url())).by_ids(ids, got.sink());
  ASSERT_EQ(got.records.size(), 1u);
  EXPECT_EQ(got.records[0].source.original_key, ids[0]);
  EXPECT_EQ(summary.not_found, (std::vector<std::string>{"hal-99999999"}));
}

TEST(HalImporter, ErrorWithStatus200IsAFailureWithHalsMessage) {
  const std::string body = test::read_file(test::test_data("hal/synthetic-error-200-double-encoded.json"));
  LoopbackServer server;
  server.http().Get("/search/", [&](const httplib::Request&, httplib::Response& res) { res.set_content(body, kJson); });
  server.start();
  HttpClient client(test_options());
  HalSearch search;
  search.q = "docTyp_s:ART";
  Collected got;
  const auto summary = HalImporter(client, at(server.base_url())).search(search, got.sink());
  ASSERT_EQ(summary.failed.size(), 1u);
  EXPECT_EQ(summary.failed[0].status, 200);
  EXPECT_NE(summary.failed[0].message.find("undefined field docTyp_s"), std::string::npos);
  EXPECT_NE(summary.failed[0].message.find(server.base_url() + "/search/?q=docTyp_s:ART"), std::string::npos);
  EXPECT_TRUE(got.records.empty());
}

TEST(HalImporter, NoResultIsNotAnError) {
  const std::string body = test::read_file(test::test_data("hal/synthetic-empty-result.json"));
  LoopbackServer server;
  server.http().Get("/search/", [&](const httplib::Request&, httplib::Response& res) { res.set_content(body, kJson); });
  server.start();
  HttpClient client(test_options());
  Collected got;
  const auto summary = HalImporter(client, at(server.base_url())).search({}, got.sink());
  EXPECT_TRUE(summary.failed.empty());
  EXPECT_TRUE(summary.complete());
  EXPECT_EQ(summary.total_available, 0u);
  EXPECT_EQ(got.pages, 0u);
  EXPECT_EQ(server.count(), 1u);
}

TEST(HalImporter, TeiAnswersOfEveryDocumentTypeAreImported) {
  LITREV_REQUIRE_SHARED(shared);
  const std::string tei = test::slurp(shared / "fixtures/hal/tei-search-export-63docs.xml");
  LoopbackServer server;
  server.http().Get(R"(/search/([A-Z-]+)/)", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(tei, kXml);
  });
  server.start();
  HttpClient client(test_options());
  Collected got;
  const auto summary = HalImporter(client, at(server.base_url(), 1000)).collection("UNIV-LR", {}, got.sink());
  EXPECT_TRUE(summary.failed.empty());
  EXPECT_EQ(got.records.size(), 63u);
  EXPECT_EQ(server.received().at(0).path, "/search/UNIV-LR/");
  std::set<std::string> types;
  for (const auto& r : got.records) types.insert(r.source.entry_type);
  EXPECT_GE(types.size(), 7u);
}

TEST(HalImporter, IdHalSearchesTheAuthorField) {
  const std::string body = test::read_file(test::test_data("hal/synthetic-empty-result.json"));
  LoopbackServer server;
  server.http().Get("/search/", [&](const httplib::Request&, httplib::Response& res) { res.set_content(body, kJson); });
  server.start();
  HttpClient client(test_options());
  Collected got;
  HalImporter(client, at(server.base_url())).by_idhal("laurentromary", {}, got.sink());
  EXPECT_EQ(server.received().at(0).param("q"), R"(authIdHal_s:"laurentromary")");
}

TEST(HalImporter, DoisOfHalRecordsFeedTheCrossrefRecipe) {
  LITREV_REQUIRE_SHARED(shared);
  const auto page = parse_hal_tei(test::slurp(shared / "fixtures/hal/tei-search-export-63docs.xml"), "u");
  ASSERT_TRUE(page.has_value());
  const auto dois = dois_of(page->records);
  EXPECT_FALSE(dois.empty());
  for (const auto& d : dois) EXPECT_TRUE(d.starts_with("10.")) << d;
  std::set<std::string> unique(dois.begin(), dois.end());
  EXPECT_EQ(unique.size(), dois.size());
}

}  // namespace
}  // namespace litrev
