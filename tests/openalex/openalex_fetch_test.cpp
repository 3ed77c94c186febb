// The OpenAlex recipes against a loopback server: hand-written answers (ours) and the recorded
// ones of ../shared/fixtures/openalex, read at run time.
#include "importers/openalex/openalex_fetch.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "importers/net/net_config.hpp"
#include "importers/openalex/openalex_work.hpp"
#include "net/loopback_server.hpp"
#include "support/collected_records.hpp"
#include "support/test_support.hpp"

namespace litrev {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using test::LoopbackServer;

constexpr const char* kJson = "application/json";

HttpClientOptions fast_client() {
  HttpClientOptions o;
  o.user_agent = make_user_agent("0.1.0", "");
  o.retry.base_delay = 10ms;
  o.retry.max_retries = 3;
  o.rate.unadvertised = RateLimits{100, 1000ms, 4};
  return o;
}

OpenAlexOptions at(const std::string& base, std::string key = {}) {
  OpenAlexOptions o;
  o.base_url = base;
  o.api_key = std::move(key);
  return o;
}

using test::Collected;

// Every /works request gets this status and body.
void always_answer(LoopbackServer& server, int status, const std::string& body) {
  server.http().Get("/works", [status, body](const httplib::Request&, httplib::Response& res) {
    res.status = status;
    res.set_content(body, kJson);
  });
  server.start();
}

json work(const std::string& id, const std::string& doi, const std::string& title) {
  json w = {{"id", "https://openalex.org/" + id}, {"title", title}, {"type", "article"}, {"referenced_works", json::array()}};
  w["doi"] = doi.empty() ? json(nullptr) : json("https://doi.org/" + doi);
  return w;
}

std::string page(std::vector<json> results, std::size_t count, const std::string& next_cursor) {
  json p = {{"meta", {{"count", count}, {"per_page", 100}}}, {"results", results}};
  p["meta"]["next_cursor"] = next_cursor.empty() ? json(nullptr) : json(next_cursor);
  return p.dump();
}

// The DOIs a filter=doi:... asked for, lower-cased, without their resolver.
std::vector<std::string> filter_values(const std::string& filter) {
  std::vector<std::string> out;
  std::string values = filter.substr(filter.find(':') + 1);
  std::size_t start = 0;
  while (start <= values.size()) {
    const auto bar = values.find('|', start);
    std::string v = values.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
    if (v.starts_with("https://doi.org/")) v = v.substr(16);
    out.push_back(v);
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return out;
}

TEST(OpenAlexImporter, DoiBatchOverTwoPagesMatchedByLowerCaseDoi) {
  LoopbackServer server;
  server.http().Get("/works", [&](const httplib::Request& req, httplib::Response& res) {
    // Out of request order and in OpenAlex's spelling of the DOI; page 2 through the cursor.
    if (req.get_param_value("cursor") == "*")
      res.set_content(page({work("W2", "10.1234/work-B", "Two"), work("W1", "10.1234/work-a", "One")}, 3, "c2"), kJson);
    else
      res.set_content(page({work("W3", "10.1234/work-c", "Three")}, 3, ""), kJson);
  });
  server.start();
  HttpClient client(fast_client());
  OpenAlexImporter importer(client, at(server.base_url(), "secret-key"));
  Collected got;
  const std::vector<std::string> dois = {"10.1234/work-a", "https://doi.org/10.1234/work-b", "10.1234/work-C", "10.1234/unknown"};
  const FetchSummary s = importer.by_dois(dois, got.sink());
  EXPECT_EQ(s.records, 3u);
  EXPECT_EQ(std::set<std::string>(s.found.begin(), s.found.end()), (std::set<std::string>{"10.1234/work-a", "10.1234/work-b", "10.1234/work-c"}));
  EXPECT_EQ(s.not_found, std::vector<std::string>{"10.1234/unknown"});
  EXPECT_TRUE(s.failed.empty());
  const auto received = server.received();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(filter_values(received[0].param("filter")),
            (std::vector<std::string>{"10.1234/work-a", "10.1234/work-b", "10.1234/work-c", "10.1234/unknown"}));
  EXPECT_EQ(received[0].param("per-page"), "100");
  EXPECT_EQ(received[0].param("api_key"), "secret-key");
  EXPECT_FALSE(received[0].param("select").empty());
  EXPECT_EQ(received[1].param("cursor"), "c2");
  for (const auto& r : got.records) {
    EXPECT_EQ(r.source.origin.find("secret-key"), std::string::npos) << "the key never lands in the library";
    EXPECT_TRUE(r.source.origin.starts_with(server.base_url() + "/works/W")) << r.source.origin;
  }
}

TEST(OpenAlexImporter, FiftyValuesPerFilter) {
  LoopbackServer server;
  server.http().Get("/works", [&](const httplib::Request& req, httplib::Response& res) {
    std::vector<json> results;
    for (const auto& doi : filter_values(req.get_param_value("filter")))
      results.push_back(work("W" + std::to_string(std::hash<std::string>{}(doi) % 100000000), doi, "T " + doi));
    const std::size_t n = results.size();
    res.set_content(page(std::move(results), n, "more"), kJson);
  });
  server.start();
  HttpClient client(fast_client());
  OpenAlexImporter importer(client, at(server.base_url()));
  std::vector<std::string> dois;
  for (int i = 0; i < 120; ++i) dois.push_back("10.5555/bench-" + std::to_string(i));
  Collected got;
  const FetchSummary s = importer.by_dois(dois, got.sink());
  EXPECT_EQ(s.found.size(), 120u);
  EXPECT_EQ(server.count(), 3u) << "50 + 50 + 20, and no second page once meta.count results are read";
  EXPECT_EQ(s.requests, 3u);
}

TEST(OpenAlexImporter, ByWorkIdWithTheOpenAlexFilter) {
  LoopbackServer server;
  server.http().Get("/works", [&](const httplib::Request& req, httplib::Response& res) {
    EXPECT_EQ(req.get_param_value("filter"), "openalex:W1|W2");
    res.set_content(page({work("W2", "", "Two"), work("W1", "", "One")}, 2, "next"), kJson);
  });
  server.start();
  HttpClient client(fast_client());
  OpenAlexImporter importer(client, at(server.base_url()));
  Collected got;
  const std::vector<std::string> ids = {"https://openalex.org/W1", "w2", "W1"};
  const FetchSummary s = importer.by_ids(ids, got.sink());
  EXPECT_EQ(s.found.size(), 2u);
  EXPECT_EQ(server.count(), 1u);
}

TEST(OpenAlexImporter, CursorPagingEndsOnAnEmptyPage) {
  LoopbackServer server;
  server.http().Get("/works", [&](const httplib::Request& req, httplib::Response& res) {
    EXPECT_EQ(req.get_param_value("search"), "responsible AI");
    const std::string cursor = req.get_param_value("cursor");
    // A count larger than what exists: the empty page ends the walk.
    if (cursor == "*") res.set_content(page({work("W1", "", "a"), work("W2", "", "b")}, 9, "p2"), kJson);
    else if (cursor == "p2") res.set_content(page({work("W3", "", "c"), work("W4", "", "d")}, 9, "p3"), kJson);
    else res.set_content(page({}, 9, ""), kJson);
  });
  server.start();
  HttpClient client(fast_client());
  OpenAlexOptions options = at(server.base_url());
  options.per_page = 2;
  OpenAlexImporter importer(client, options);
  Collected got;
  const FetchSummary s = importer.search({.search = "responsible AI", .filter = {}, .max = 0}, got.sink());
  EXPECT_EQ(s.records, 4u);
  EXPECT_EQ(server.count(), 3u);
  EXPECT_EQ(s.total_available, 9u);
  EXPECT_TRUE(s.complete());
}

TEST(OpenAlexImporter, RecordedIdBatchStopsOnceCountIsRead) {
  LITREV_REQUIRE_SHARED(shared);
  const std::string page1 = test::read_file(shared / "fixtures/openalex/works-filter-openalex-2ids-cursor-page1.json");
  const std::string page2 = test::read_file(shared / "fixtures/openalex/works-filter-openalex-2ids-cursor-page2-empty.json");
  LoopbackServer server;
  server.http().Get("/works", [&](const httplib::Request& req, httplib::Response& res) {
    res.set_content(req.get_param_value("cursor") == "*" ? page1 : page2, kJson);
  });
  server.start();
  HttpClient client(fast_client());
  OpenAlexImporter importer(client, at(server.base_url()));
  Collected got;
  const std::vector<std::string> ids = {"W3045921891", "W3046863325"};
  const FetchSummary s = importer.by_ids(ids, got.sink());
  EXPECT_EQ(s.found.size(), 2u);
  EXPECT_EQ(server.count(), 1u) << "next_cursor is set although everything fit: meta.count says it is over";
  for (const auto& r : got.records) EXPECT_FALSE(r.work.references.empty());
}

TEST(OpenAlexImporter, RecordedFiftyDoiBatchOfBooksAndChapters) {
  LITREV_REQUIRE_SHARED(shared);
  const std::string page1 =
      test::read_file(shared / "fixtures/openalex/works-filter-doi-50-batch-books-chapters-cursor-page1.json");
  const std::string page2 = test::read_file(shared / "fixtures/openalex/works-filter-doi-50-batch-cursor-page2-empty.json");
  LoopbackServer server;
  std::vector<std::string> asked;
  server.http().Get("/works", [&](const httplib::Request& req, httplib::Response& res) {
    res.set_content(req.get_param_value("cursor") == "*" ? page1 : page2, kJson);
  });
  server.start();
  std::vector<std::string> dois;
  const json answer = json::parse(page1);
  for (const auto& r : answer["results"]) dois.push_back(r["doi"].get<std::string>());
  ASSERT_EQ(dois.size(), 50u);
  std::reverse(dois.begin(), dois.end());  // another order than the answer's
  HttpClient client(fast_client());
  OpenAlexImporter importer(client, at(server.base_url()));
  Collected got;
  const FetchSummary s = importer.by_dois(dois, got.sink());
  EXPECT_EQ(s.found.size(), 50u);
  EXPECT_TRUE(s.not_found.empty());
  EXPECT_LE(server.count(), 3u);
  std::size_t chapters = 0;
  for (const auto& r : got.records) chapters += r.work.type == "incollection";
  EXPECT_EQ(chapters, 14u);
}

TEST(OpenAlexImporter, BadFilterReportsOpenAlexMessage) {
  LITREV_REQUIRE_SHARED(shared);
  const std::string body = test::read_file(shared / "fixtures/openalex/error-400-unknown-filter-field.json");
  LoopbackServer server;
  always_answer(server, 400, body);
  HttpClient client(fast_client());
  OpenAlexImporter importer(client, at(server.base_url()));
  Collected got;
  const FetchSummary s = importer.search({.search = {}, .filter = "DOESNTEXIST:1", .max = 0}, got.sink());
  ASSERT_EQ(s.failed.size(), 1u);
  EXPECT_EQ(s.failed[0].status, 400);
  EXPECT_NE(s.failed[0].message.find("DOESNTEXIST is not a valid field"), std::string::npos) << s.failed[0].message;
  EXPECT_LT(s.failed[0].message.size(), 600u) << "the list of 203 valid fields is cut";
  EXPECT_EQ(server.count(), 1u);
}

TEST(OpenAlexImporter, BadKeyIsReportedWithHowToGetOne) {
  LITREV_REQUIRE_SHARED(shared);
  const std::string body = test::read_file(shared / "fixtures/openalex/error-401-invalid-api-key.json");
  LoopbackServer server;
  always_answer(server, 401, body);
  HttpClient client(fast_client());
  OpenAlexImporter importer(client, at(server.base_url(), "wrong"));
  Collected got;
  const std::vector<std::string> dois = {"10.1234/work-a", "10.1234/work-b"};
  const FetchSummary s = importer.by_dois(dois, got.sink());
  ASSERT_EQ(s.failed.size(), 1u);
  EXPECT_NE(s.failed[0].message.find("API key not found"), std::string::npos) << s.failed[0].message;
  EXPECT_NE(s.failed[0].message.find("LITREV_OPENALEX_KEY"), std::string::npos);
  EXPECT_EQ(s.failed[0].message.find("wrong"), std::string::npos) << "the key is not shown";
  EXPECT_EQ(server.count(), 1u) << "401 is not retried";
}

TEST(OpenAlexImporter, ARefusedKeyEndsTheRunInsteadOfFailingEveryBatch) {
  LoopbackServer server;
  always_answer(server, 401, R"({"error":"Invalid or missing API key","message":"API key not found"})");
  HttpClient client(fast_client());
  OpenAlexImporter importer(client, at(server.base_url(), "wrong"));
  std::vector<std::string> dois;
  for (int i = 0; i < 500; ++i) dois.push_back("10.5555/refused-" + std::to_string(i));
  Collected got;
  const FetchSummary s = importer.by_dois(dois, got.sink());
  EXPECT_EQ(server.count(), 4u) << "ten batches; the first group of four is answered 401, the rest not asked";
  EXPECT_EQ(s.accounted(), 500u) << "every DOI has an outcome";
  ASSERT_EQ(s.failed.size(), 10u);
  EXPECT_TRUE(s.failed.back().message.starts_with("not asked after: OpenAlex: Invalid or missing API key"))
      << s.failed.back().message;
}

TEST(OpenAlexImporter, SpentAllowanceIsNotRetried) {
  LoopbackServer server;
  always_answer(server, 429, R"({"error": "Rate limit exceeded", "message": "Daily budget spent. Upgrade your plan."})");
  HttpClient client(fast_client());
  OpenAlexImporter importer(client, at(server.base_url()));
  Collected got;
  const std::vector<std::string> ids = {"W1"};
  const FetchSummary s = importer.by_ids(ids, got.sink());
  ASSERT_EQ(s.failed.size(), 1u);
  EXPECT_NE(s.failed[0].message.find("allowance"), std::string::npos) << s.failed[0].message;
  EXPECT_EQ(server.count(), 1u);
}

TEST(OpenAlexImporter, TooManyRequestsWithRetryAfterIsRetried) {
  LoopbackServer server;
  std::atomic<int> calls = 0;
  server.http().Get("/works", [&](const httplib::Request&, httplib::Response& res) {
    if (calls++ == 0) {
      res.status = 429;
      res.set_header("Retry-After", "0");
      return;
    }
    res.set_content(page({work("W1", "", "One")}, 1, ""), kJson);
  });
  server.start();
  HttpClient client(fast_client());
  OpenAlexImporter importer(client, at(server.base_url()));
  Collected got;
  const std::vector<std::string> ids = {"W1"};
  const FetchSummary s = importer.by_ids(ids, got.sink());
  EXPECT_EQ(s.found.size(), 1u);
  EXPECT_EQ(s.responses_429, 1u);
}

}  // namespace
}  // namespace litrev
