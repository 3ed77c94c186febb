// The Crossref recipes against a loopback server that replays the recorded answers of
// ../shared/fixtures/crossref with their statuses and headers.
#include "importers/crossref/crossref_fetch.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>

#include <nlohmann/json.hpp>

#include "net/loopback_server.hpp"
#include "src/core/text.hpp"
#include "support/collected_records.hpp"
#include "support/test_support.hpp"

namespace litrev {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using test::LoopbackServer;

const std::vector<std::string> kWorkFixtures = {
    "work-journal-article-70refs-plos-0033693.json",       "work-journal-article-abstract-62refs-srep16696.json",
    "work-journal-article-orcid-affiliation-jclinpath.json", "work-proceedings-article-null-date-icdcsw.json",
    "work-journal-article-minimal-no-refs-ijo.json",       "work-book-chapter-affiliation-igi.json",
    "work-dataset-isrctn11093872.json",                    "work-peer-review-peerj.json"};

// Serves the recorded single-work answers byte for byte at /works/{doi}, and answers the batch
// form /works?filter=doi:...,doi:... with a work-list built from the same recorded items.
// `registered_case` re-cases one DOI in the batch answer the way Crossref returns DOIs (as
// registered), to check that matching ignores case.
class CrossrefMock {
 public:
  explicit CrossrefMock(const std::filesystem::path& shared) {
    for (const auto& name : kWorkFixtures) {
      std::string body = test::slurp(shared / "fixtures/crossref" / name);
      const json j = json::parse(body);
      const std::string doi = ascii_lower(j["message"]["DOI"].get<std::string>());
      messages_[doi] = j["message"];
      bodies_[doi] = std::move(body);
    }
    not_found_ = test::slurp(shared / "fixtures/crossref/error-404-work-not-found.txt");
    bad_request_ = test::slurp(shared / "fixtures/crossref/error-400-field-query-on-doi-route.json");
    html_429_ = test::slurp(shared / "fixtures/crossref/error-429-too-many-requests.html");
  }

  std::vector<std::string> dois() const {
    std::vector<std::string> out;
    for (const auto& [doi, body] : bodies_) out.push_back(doi);
    return out;
  }

  void install(LoopbackServer& server) {
    server.http().Get(R"(/works/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
      const std::string doi = ascii_lower(req.matches[1].str());
      test::crossref_headers(res, "polite", 10, 3);
      if (doi == "10.5555/bad-request") {
        res.status = 400;
        res.set_content(bad_request_, "application/json;charset=utf-8");
        return;
      }
      if (doi == "10.5555/busy-once" && busy_once_.exchange(false)) {
        res.status = 429;
        res.set_header("Retry-After", "1");
        res.set_content(html_429_, "text/html");
        return;
      }
      const auto it = bodies_.find(doi);
      if (it == bodies_.end()) {
        res.status = 404;
        res.set_content(not_found_, "text/plain");
        return;
      }
      res.set_content(it->second, "application/json");
    });
    server.http().Get("/works", [this](const httplib::Request& req, httplib::Response& res) {
      test::crossref_headers(res, "polite-array", 3, 1);
      if (batch_fails_) {
        res.status = 504;
        res.set_content("<html><head><title>504 Gateway Time-out</title></head></html>", "text/html");
        return;
      }
      json items = json::array();
      const std::string filter_param = req.get_param_value("filter");
      std::string_view filter = filter_param;
      while (!filter.empty()) {
        const auto comma = filter.find(',');
        std::string_view term = filter.substr(0, comma);
        filter = comma == std::string_view::npos ? std::string_view{} : filter.substr(comma + 1);
        if (!term.starts_with("doi:")) continue;
        const auto it = messages_.find(ascii_lower(term.substr(4)));
        if (it == messages_.end()) continue;
        json item = it->second;
        if (it->first == registered_case_lower) item["DOI"] = registered_case;
        items.push_back(std::move(item));
      }
      json page = {{"status", "ok"}, {"message-type", "work-list"}, {"message-version", "1.0.0"},
                   {"message", {{"facets", json::object()}, {"total-results", items.size()}, {"items", items},
                                {"items-per-page", items.size()}, {"query", {{"start-index", 0}, {"search-terms", nullptr}}}}}};
      res.set_content(page.dump(), "application/json");
    });
  }

  bool batch_fails_ = false;
  std::string registered_case_lower = "10.1186/isrctn11093872";
  std::string registered_case = "10.1186/ISRCTN11093872";

 private:
  std::map<std::string, std::string> bodies_;
  std::map<std::string, json> messages_;
  std::string not_found_, bad_request_, html_429_;
  std::atomic<bool> busy_once_{true};
};

HttpClientOptions test_options() {
  HttpClientOptions o;
  o.user_agent = make_user_agent("0.1.0", "tester@example.org");
  o.retry.base_delay = 20ms;
  o.retry.max_retries = 2;
  o.jitter_seed = 7;
  return o;
}

CrossrefOptions at(const std::string& base) {
  CrossrefOptions o;
  o.base_url = base;
  return o;
}

using test::Collected;

TEST(CrossrefImporter, SingleDoiGivenInUpperCaseUsesTheWorkRoute) {
  LITREV_REQUIRE_SHARED(shared);
  CrossrefMock mock(shared);
  LoopbackServer server;
  mock.install(server);
  server.start();
  HttpClient client(test_options());
  CrossrefImporter importer(client, at(server.base_url()));
  Collected got;
  const std::vector<std::string> dois{"https://doi.org/10.1371/JOURNAL.PONE.0033693"};
  const auto summary = importer.by_dois(dois, got.sink());
  EXPECT_EQ(summary.found, (std::vector<std::string>{"10.1371/journal.pone.0033693"}));
  EXPECT_TRUE(summary.not_found.empty());
  EXPECT_TRUE(summary.failed.empty());
  EXPECT_EQ(summary.requests, 1u);
  ASSERT_EQ(got.records.size(), 1u);
  EXPECT_EQ(got.records[0].work.references.size(), 70u);
  EXPECT_EQ(got.records[0].source.origin, server.base_url() + "/works/10.1371/journal.pone.0033693");
  const auto received = server.received();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].path, "/works/10.1371/journal.pone.0033693");
  EXPECT_NE(received[0].header("User-Agent").find("mailto:tester@example.org"), std::string::npos);
  EXPECT_EQ(received[0].header("Accept"), "application/json");
}

TEST(CrossrefImporter, BatchesDoisThenLooksUpTheMissingOnesSingly) {
  LITREV_REQUIRE_SHARED(shared);
  CrossrefMock mock(shared);
  LoopbackServer server;
  mock.install(server);
  server.start();
  HttpClient client(test_options());
  CrossrefImporter importer(client, at(server.base_url()));
  std::vector<std::string> dois = mock.dois();
  std::transform(dois[0].begin(), dois[0].end(), dois[0].begin(), [](char c) { return static_cast<char>(std::toupper(c)); });
  dois.push_back("10.1371/notarealdoi");
  Collected got;
  const auto summary = importer.by_dois(dois, got.sink());

  EXPECT_EQ(summary.found.size(), kWorkFixtures.size());
  EXPECT_EQ(summary.not_found, (std::vector<std::string>{"10.1371/notarealdoi"}));
  EXPECT_TRUE(summary.failed.empty());
  EXPECT_EQ(got.records.size(), kWorkFixtures.size());
  // One batch for all nine, then one single lookup for the DOI the batch did not return.
  const auto received = server.received();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(received[0].path, "/works");
  EXPECT_EQ(received[0].param("rows"), "9");
  const std::string filter = received[0].param("filter");
  EXPECT_EQ(std::count(filter.begin(), filter.end(), ','), 8);
  EXPECT_NE(filter.find("doi:10.1371/notarealdoi"), std::string::npos);
  EXPECT_EQ(received[1].path, "/works/10.1371/notarealdoi");
  EXPECT_EQ(summary.requests, 2u);
  // Records from the batch name their own work URL (in the registered case) as origin.
  for (const auto& r : got.records) EXPECT_EQ(r.source.origin, server.base_url() + "/works/" + r.source.original_key);
  // The DOI the batch answered in its registered (upper) case still counts as found.
  EXPECT_NE(std::find(summary.found.begin(), summary.found.end(), "10.1186/isrctn11093872"), summary.found.end());
  // The limits are those of the latest answer: the single route's, after the list route's.
  EXPECT_EQ(client.limiter().pool(kCrossrefClass), "polite");
  EXPECT_EQ(client.limiter().limits(kCrossrefClass).requests, 10);
}

TEST(CrossrefImporter, AFailedBatchFallsBackToSingleLookups) {
  LITREV_REQUIRE_SHARED(shared);
  CrossrefMock mock(shared);
  mock.batch_fails_ = true;
  LoopbackServer server;
  mock.install(server);
  server.start();
  HttpClient client(test_options());
  CrossrefImporter importer(client, at(server.base_url()));
  const std::vector<std::string> dois = mock.dois();
  Collected got;
  const auto summary = importer.by_dois(dois, got.sink());
  EXPECT_EQ(summary.found.size(), dois.size());
  EXPECT_TRUE(summary.failed.empty());
  ASSERT_FALSE(summary.diagnostics.empty());
  EXPECT_NE(summary.diagnostics[0].message.find("504"), std::string::npos) << summary.diagnostics[0].message;
  EXPECT_NE(summary.diagnostics[0].message.find("one by one"), std::string::npos);
  EXPECT_EQ(got.records.size(), dois.size());
  EXPECT_EQ(server.count(), 3 + dois.size());  // the batch and its two retries, then the singles
}

TEST(CrossrefImporter, WorksABatchAnswerHoldsWithoutBeingAskedAreNotImported) {
  LITREV_REQUIRE_SHARED(shared);
  // A server that answers every list request with the same recorded page (sample=10).
  const std::string sample = test::slurp(shared / "fixtures/crossref/works-sample10-mixed-types.json");
  const std::string one = test::slurp(shared / "fixtures/crossref/work-journal-article-70refs-plos-0033693.json");
  LoopbackServer server;
  server.http().Get("/works", [&](const httplib::Request&, httplib::Response& res) { res.set_content(sample, "application/json"); });
  server.http().Get(R"(/works/(.+))", [&](const httplib::Request& req, httplib::Response& res) {
    if (req.matches[1] == "10.1371/journal.pone.0033693") return res.set_content(one, "application/json");
    res.status = 404;
    res.set_content("Resource not found.", "text/plain");
  });
  server.start();
  HttpClient client(test_options());
  const std::vector<std::string> dois{"10.1371/journal.pone.0033693", "10.1136/bmj.298.6673.604-c", "10.1371/notarealdoi"};
  Collected got;
  const auto summary = CrossrefImporter(client, at(server.base_url())).by_dois(dois, got.sink());
  // 10.1136/bmj.298.6673.604-c is in the sample page and was asked for; the nine others were not.
  ASSERT_EQ(got.records.size(), 2u);
  EXPECT_EQ(summary.found.size(), 2u);
  EXPECT_EQ(summary.not_found, (std::vector<std::string>{"10.1371/notarealdoi"}));
}

TEST(CrossrefImporter, ValidationFailureIsReportedWithCrossrefsMessage) {
  LITREV_REQUIRE_SHARED(shared);
  CrossrefMock mock(shared);
  LoopbackServer server;
  mock.install(server);
  server.start();
  HttpClient client(test_options());
  CrossrefImporter importer(client, at(server.base_url()));
  Collected got;
  const std::vector<std::string> dois{"10.5555/bad-request"};
  const auto summary = importer.by_dois(dois, got.sink());
  ASSERT_EQ(summary.failed.size(), 1u);
  EXPECT_EQ(summary.failed[0].status, 400);
  EXPECT_EQ(summary.failed[0].items, dois);
  EXPECT_NE(summary.failed[0].message.find("This route does not support field query parameters"), std::string::npos);
  EXPECT_NE(summary.failed[0].message.find(server.base_url() + "/works/10.5555/bad-request"), std::string::npos);
  EXPECT_FALSE(summary.complete());
  EXPECT_TRUE(got.records.empty());
}

TEST(CrossrefImporter, HtmlTooManyRequestsIsRetriedAfterRetryAfter) {
  LITREV_REQUIRE_SHARED(shared);
  CrossrefMock mock(shared);
  LoopbackServer server;
  mock.install(server);
  server.start();
  HttpClient client(test_options());
  CrossrefImporter importer(client, at(server.base_url()));
  Collected got;
  const std::vector<std::string> dois{"10.5555/busy-once"};
  const auto summary = importer.by_dois(dois, got.sink());
  // After the 429 the DOI is simply not registered (404): an answer, not a failure.
  EXPECT_EQ(summary.not_found, dois);
  EXPECT_TRUE(summary.failed.empty());
  EXPECT_EQ(summary.responses_429, 1u);
  EXPECT_EQ(summary.retries, 1u);
  const auto received = server.received();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_GE(received[1].at - received[0].at, 950ms);
}

TEST(CrossrefImporter, OfflineAnswersFromTheCacheAndListsWhatItCannot) {
  LITREV_REQUIRE_SHARED(shared);
  CrossrefMock mock(shared);
  LoopbackServer server;
  mock.install(server);
  server.start();
  test::TempDir dir;
  std::vector<std::string> dois = mock.dois();
  dois.push_back("10.1371/notarealdoi");
  auto options = test_options();
  options.cache_mode = CacheMode::normal;
  options.cache_dir = dir.path() / "http";
  {
    HttpClient client(options);
    Collected got;
    const auto first = CrossrefImporter(client, at(server.base_url())).by_dois(dois, got.sink());
    ASSERT_EQ(first.found.size(), kWorkFixtures.size());
  }
  const std::size_t online_requests = server.count();
  options.cache_mode = CacheMode::offline;
  HttpClient offline(options);
  Collected again;
  const auto second = CrossrefImporter(offline, at(server.base_url())).by_dois(dois, again.sink());
  EXPECT_EQ(server.count(), online_requests);  // nothing went to the network
  EXPECT_EQ(second.found.size(), kWorkFixtures.size());
  EXPECT_EQ(second.not_found, (std::vector<std::string>{"10.1371/notarealdoi"}));
  EXPECT_EQ(second.requests, 0u);
  EXPECT_EQ(again.records.size(), kWorkFixtures.size());
  // A DOI never asked before cannot be answered offline: reported, not failed.
  const std::vector<std::string> unknown{"10.5555/never-asked"};
  const auto third = CrossrefImporter(offline, at(server.base_url())).by_dois(unknown, again.sink());
  EXPECT_EQ(third.offline_unanswered, unknown);
  EXPECT_TRUE(third.failed.empty());
}

// Deep paging over the two recorded pages of query=widget. Their next-cursor is the same on
// both pages, as Crossref does: the walk must go on after an unchanged cursor and stop on the
// empty page that follows (synthetic end of results, built here).
class CursorMock {
 public:
  explicit CursorMock(const std::filesystem::path& shared)
      : page1_(test::slurp(shared / "fixtures/crossref/works-query-widget-cursor-star-page1.json")),
        page2_(test::slurp(shared / "fixtures/crossref/works-query-widget-cursor-page2.json")),
        cursor_(json::parse(page1_)["message"]["next-cursor"].get<std::string>()) {}

  void install(LoopbackServer& server) {
    server.http().Get("/works", [this](const httplib::Request& req, httplib::Response& res) {
      test::crossref_headers(res, "public", 5, 1);
      const std::string cursor = req.get_param_value("cursor");
      if (cursor == "*") {
        res.set_content(page1_, "application/json");
      } else if (cursor == cursor_ && pages_after_first_++ == 0) {
        res.set_content(page2_, "application/json");
      } else if (cursor == cursor_) {
        json end = {{"status", "ok"}, {"message-type", "work-list"}, {"message-version", "1.0.0"},
                    {"message", {{"next-cursor", cursor_}, {"total-results", 454}, {"items", json::array()}, {"items-per-page", 20}}}};
        res.set_content(end.dump(), "application/json");
      } else {
        res.status = 404;
        res.set_content(R"({"status":"failed","message-type":"resource-failure","message":[{"type":"cursor-invalid","value":"?","message":"Cursor specified but it is invalid"}]})",
                        "application/json");
      }
    });
  }
  const std::string& cursor() const { return cursor_; }

 private:
  std::string page1_, page2_, cursor_;
  std::atomic<int> pages_after_first_{0};
};

TEST(CrossrefImporter, CursorPagingFollowsNextCursorAndStopsOnAnEmptyPage) {
  LITREV_REQUIRE_SHARED(shared);
  CursorMock mock(shared);
  LoopbackServer server;
  mock.install(server);
  server.start();
  HttpClient client(test_options());
  CrossrefOptions options = at(server.base_url());
  options.page_rows = 20;
  CrossrefImporter importer(client, options);
  CrossrefSearch search;
  search.query.query = "widget";
  Collected got;
  std::vector<Progress> progress;
  const auto summary = importer.search(search, got.sink(), [&](const Progress& p) { progress.push_back(p); });
  EXPECT_TRUE(summary.failed.empty()) << summary.failed[0].message;
  EXPECT_EQ(got.records.size(), 40u);
  EXPECT_EQ(got.pages, 2u);
  EXPECT_EQ(summary.total_available, 454u);
  const auto received = server.received();
  ASSERT_EQ(received.size(), 3u);
  EXPECT_EQ(received[0].param("cursor"), "*");
  EXPECT_EQ(received[0].param("query"), "widget");
  EXPECT_EQ(received[0].param("rows"), "20");
  EXPECT_EQ(received[1].param("cursor"), mock.cursor());  // 1512 characters with '+' and '=' intact
  EXPECT_EQ(received[2].param("cursor"), mock.cursor());
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back().done, 40u);
  EXPECT_EQ(progress.back().total, 454u);
}

TEST(CrossrefImporter, SearchStopsAtMaxAndOnAShortPage) {
  LITREV_REQUIRE_SHARED(shared);
  CursorMock mock(shared);
  LoopbackServer server;
  mock.install(server);
  server.start();
  HttpClient client(test_options());
  CrossrefOptions options = at(server.base_url());
  options.page_rows = 20;
  CrossrefSearch search;
  search.query.query = "widget";
  search.max = 25;
  Collected got;
  const auto capped = CrossrefImporter(client, options).search(search, got.sink());
  EXPECT_EQ(got.records.size(), 25u);
  EXPECT_EQ(capped.records, 25u);
  EXPECT_EQ(server.count(), 2u);

  // rows=50 but the answer holds 20 items: a short page is the last one.
  options.page_rows = 50;
  search.max = 0;
  Collected short_page;
  CrossrefImporter(client, options).search(search, short_page.sink());
  EXPECT_EQ(short_page.records.size(), 20u);
  EXPECT_EQ(server.count(), 3u);
}

TEST(CrossrefImporter, SearchReportsAnInvalidCursorAsAFailure) {
  LITREV_REQUIRE_SHARED(shared);
  const std::string invalid = test::slurp(shared / "fixtures/crossref/error-404-cursor-invalid.json");
  LoopbackServer server;
  server.http().Get("/works", [&](const httplib::Request&, httplib::Response& res) {
    res.status = 404;
    res.set_content(invalid, "application/json");
  });
  server.start();
  HttpClient client(test_options());
  CrossrefSearch search;
  search.query.query = "widget";
  Collected got;
  const auto summary = CrossrefImporter(client, at(server.base_url())).search(search, got.sink());
  ASSERT_EQ(summary.failed.size(), 1u);
  EXPECT_EQ(summary.failed[0].status, 404);
  EXPECT_NE(summary.failed[0].message.find("Cursor specified but it is invalid"), std::string::npos);
}

}  // namespace
}  // namespace litrev
