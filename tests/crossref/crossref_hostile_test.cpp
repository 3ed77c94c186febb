// Hostile input on the Crossref side, with no ../shared needed: DOIs full of URL syntax stay one
// resource under /works/, and answers of the wrong shape give errors, never a crash or an
// untitled record.
#include <gtest/gtest.h>

#include <atomic>

#include <nlohmann/json.hpp>

#include "importers/crossref/crossref_fetch.hpp"
#include "importers/crossref/crossref_response.hpp"
#include "net/loopback_server.hpp"
#include "src/core/identifiers.hpp"

namespace litrev {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using test::LoopbackServer;

HttpClientOptions hostile_options() {
  HttpClientOptions o;
  o.retry.base_delay = 10ms;
  o.retry.max_retries = 1;
  o.retry.max_transport_retries = 0;
  o.rate.unadvertised = RateLimits{50, 1000ms, 4};
  return o;
}

struct Received {
  std::vector<ImportRecord> records;
  RecordSink sink() {
    return [this](std::vector<ImportRecord>&& page) {
      for (auto& r : page) records.push_back(std::move(r));
    };
  }
};

TEST(CrossrefHostile, EveryDoiIsOneResourceUnderWorks) {
  std::atomic<int> elsewhere{0};
  LoopbackServer server;
  server.http().Get(R"(/works/(.+))", [](const httplib::Request& req, httplib::Response& res) {
    const json work = {{"status", "ok"},
                       {"message-type", "work"},
                       {"message", {{"DOI", req.matches[1].str()}, {"title", {"A title"}}, {"type", "journal-article"}}}};
    res.set_content(work.dump(), "application/json");
  });
  server.http().Get(R"(/(?!works/).*)", [&](const httplib::Request&, httplib::Response& res) {
    ++elsewhere;
    res.status = 418;
  });
  server.start();
  HttpClient client(hostile_options());
  CrossrefOptions options;
  options.base_url = server.base_url();
  CrossrefImporter importer(client, options);
  for (const std::string raw : {"10.1234/../../../admin", "10.1234/a#frag", "10.1234/a?x=1&y=2", "10.1234/<tag>\"",
                                "10.1234/100%25off%", "10.1234/./x", "10.1234/a%0D%0AX-Injected:%201"}) {
    const auto doi = normalize_doi(raw);
    if (!doi) continue;  // refused before any request: fine too
    const std::size_t before = server.count();
    Received got;
    const std::vector<std::string> input{raw};
    const auto summary = importer.by_dois(input, got.sink());
    const auto requests = server.received();
    ASSERT_EQ(requests.size(), before + 1) << raw;
    const auto& seen = requests.back();
    EXPECT_EQ(seen.path, "/works/" + *doi) << raw << " sent as " << seen.target;
    EXPECT_EQ(seen.target.find('#'), std::string::npos) << seen.target;
    EXPECT_EQ(seen.target.find('?'), std::string::npos) << seen.target;
    EXPECT_EQ(seen.header("X-Injected"), "");
    ASSERT_EQ(got.records.size(), 1u) << raw << ": " << (summary.failed.empty() ? "" : summary.failed[0].message);
    EXPECT_EQ(got.records[0].source.original_key, *doi);
  }
  EXPECT_EQ(elsewhere, 0);
}

HttpResponse answer(std::string body, long status = 200) {
  HttpResponse r;
  r.url = "https://api.crossref.org/works/10.1/x";
  r.status = status;
  r.headers.push_back({"content-type", "application/json"});
  r.body = std::move(body);
  return r;
}

TEST(CrossrefHostile, InvalidJsonAndWrongShapesAreErrors) {
  for (const char* body : {"{\"status\":\"ok\",\"message\":{\"DOI\":", "[1,2,3]", "{\"status\":\"ok\",\"message\":[]}",
                           "{\"status\":\"ok\",\"message\":\"text\"}", "", "null"}) {
    EXPECT_NO_THROW({
      const auto work = parse_crossref_work_response(answer(body));
      const auto page = parse_crossref_works_response(answer(body));
      EXPECT_FALSE(work.has_value()) << body;
      EXPECT_FALSE(page.has_value()) << body;
    }) << body;
  }
}

TEST(CrossrefHostile, FieldsOfTheWrongTypeAreSkippedAndAnEmptyWorkIsNotStored) {
  const json odd = {{"status", "ok"},
                    {"message-type", "work"},
                    {"message",
                     {{"DOI", json::object()}, {"title", {json::object(), json::array()}}, {"author", "Jane"},
                      {"issued", {{"date-parts", "2020"}}},
                      {"reference", {{"key", "x"}}}, {"page", json::array({1, 2})}, {"volume", json::object()}}}};
  ASSERT_NO_THROW(parse_crossref_work_response(answer(odd.dump())));

  LoopbackServer server;
  server.http().Get(R"(/works/(.+))", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(odd.dump(), "application/json");
  });
  server.start();
  HttpClient client(hostile_options());
  CrossrefOptions options;
  options.base_url = server.base_url();
  CrossrefImporter importer(client, options);
  Received got;
  const std::vector<std::string> input{"10.5555/odd"};
  const auto summary = importer.by_dois(input, got.sink());
  EXPECT_TRUE(got.records.empty());
  ASSERT_EQ(summary.failed.size(), 1u);
  EXPECT_NE(summary.failed[0].message.find("without a DOI or a title"), std::string::npos);
  EXPECT_EQ(summary.failed[0].items, std::vector<std::string>{"10.5555/odd"});
}

}  // namespace
}  // namespace litrev
