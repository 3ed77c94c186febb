// `import crossref` and `import hal` end to end, against a loopback server that answers with
// bodies written for this repository (tests/data/crossref, tests/data/hal): these never skip.
// Also what hostile answers and inputs do: each gives a clear error and stores nothing wrong.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <map>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "net/loopback_server.hpp"
#include "support/test_support.hpp"

namespace litrev::test {
namespace {

using nlohmann::json;

// Crossref's two routes over the synthetic works: /works/{doi} and /works?filter=doi:...
class FakeCrossref {
 public:
  FakeCrossref() {
    for (const char* name : {"crossref/synthetic-work-labels.json", "crossref/synthetic-work-audit.json"}) {
      const json j = json::parse(read_file(test_data(name)));
      works_[j["message"]["DOI"].get<std::string>()] = j;
    }
    server_.http().Get(R"(/works/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
      // Slow, until the test lowers delay_ms (so that the server can stop without waiting).
      const auto asked = std::chrono::steady_clock::now();
      while (std::chrono::steady_clock::now() - asked < std::chrono::milliseconds(delay_ms.load()))
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      if (failing) {
        res.status = 500;
        res.set_header("Retry-After", "0");
        res.set_content("Internal Server Error", "text/plain");
        return;
      }
      const auto it = works_.find(req.matches[1].str());
      if (it == works_.end()) {
        res.status = 404;
        res.set_content("Resource not found.", "text/plain");
        return;
      }
      res.set_content(it->second.dump(), "application/json");
    });
    server_.http().Get("/works", [this](const httplib::Request& req, httplib::Response& res) {
      json items = json::array();
      std::string filter = req.get_param_value("filter");
      for (const auto& [doi, work] : works_)
        if (filter.find("doi:" + doi) != std::string::npos) items.push_back(work["message"]);
      res.set_content(json{{"status", "ok"},
                           {"message-type", "work-list"},
                           {"message", {{"total-results", items.size()}, {"items", items}}}}
                          .dump(),
                      "application/json");
    });
    server_.http().Get("/admin", [this](const httplib::Request&, httplib::Response& res) {
      ++admin_hits;
      res.set_content("{}", "application/json");
    });
    server_.start();
  }
  std::string env() const { return "LITREV_CROSSREF_API=" + server_.base_url(); }
  LoopbackServer& server() { return server_; }

  std::atomic<bool> failing{false};
  std::atomic<int> admin_hits{0};
  std::atomic<int> delay_ms{0};  // before each /works/{doi} answer

 private:
  std::map<std::string, json> works_;
  LoopbackServer server_;
};

// HAL's search route answering with one of the synthetic bodies.
class FakeHal {
 public:
  explicit FakeHal(const std::string& body_file) : body_(read_file(test_data(body_file))) {
    server_.http().Get("/search/", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(body_, "application/json");
    });
    server_.start();
  }
  std::string env() const { return "LITREV_HAL_API=" + server_.base_url(); }
  LoopbackServer& server() { return server_; }

 private:
  std::string body_;
  LoopbackServer server_;
};

class NetImport : public ::testing::Test {
 protected:
  RunResult run(std::vector<std::string> args, const std::vector<std::string>& env) {
    args.insert(args.begin(), {"--db", (tmp_ / "lib.db").string()});
    return run_litrev(args, {}, env);
  }
  json works() {
    const auto r = run({"list", "--json"}, {});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  }
  TempDir tmp_;
};

TEST_F(NetImport, CrossrefDoisAreStoredWithTheirReferences) {
  FakeCrossref crossref;
  const auto r = run({"import", "crossref", "--doi", "10.5555/litrev-e2e-1", "10.5555/LITREV-E2E-2", "--json"},
                     {crossref.env()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json summary = json::parse(r.out);
  EXPECT_EQ(summary["new"], 2);
  EXPECT_EQ(summary["failed"].size(), 0u);
  const json list = works();
  ASSERT_EQ(list.size(), 2u);
  std::string article;
  for (const auto& w : list)
    if (w["doi"] == "10.5555/litrev-e2e-1") article = w["key"];
  ASSERT_FALSE(article.empty()) << list.dump();
  const auto show = run({"show", article, "--json"}, {});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  const json work = json::parse(show.out);
  EXPECT_EQ(work["title"], "Labelling responsible AI: certification as public action");
  EXPECT_EQ(work["references"].size(), 3u);
  const auto stats = json::parse(run({"stats", "--json"}, {}).out);
  EXPECT_EQ(stats["citations"], 1);  // the reference by DOI is the chapter
}

// Ctrl-C while litrev waits for an answer: it stops at once with exit 130 and stores nothing;
// it is not reported as a failing server.
TEST_F(NetImport, CtrlCDuringASlowAnswerIsAnInterruption) {
  FakeCrossref crossref;
  crossref.delay_ms = 10000;
  SpawnOptions options;
  options.env = {crossref.env()};
  LitrevProcess import({"--db", (tmp_ / "lib.db").string(), "import", "crossref", "--doi", "10.5555/litrev-e2e-1"},
                       options);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  const auto signalled = std::chrono::steady_clock::now();
  import.signal(SIGINT);
  const auto r = import.wait();
  crossref.delay_ms = 0;
  EXPECT_LT(std::chrono::steady_clock::now() - signalled, std::chrono::milliseconds(2000));
  EXPECT_EQ(r.exit_code, 130) << r.err;
  EXPECT_NE(r.err.find("interrupted"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("500"), std::string::npos) << r.err;
  EXPECT_EQ(works().size(), 0u);
}

TEST_F(NetImport, AnUnknownDoiIsReportedAndTheOthersAreStored) {
  FakeCrossref crossref;
  const auto r = run({"import", "crossref", "--doi", "10.5555/litrev-e2e-1", "10.5555/no-such-work"}, {crossref.env()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("not found: 10.5555/no-such-work"), std::string::npos) << r.err;
  EXPECT_EQ(works().size(), 1u);
}

TEST_F(NetImport, ADoiWithDotSegmentsStaysUnderWorks) {
  FakeCrossref crossref;
  const auto r = run({"import", "crossref", "--doi", "10.5555/../../../admin"}, {crossref.env()});
  EXPECT_EQ(crossref.admin_hits, 0);
  const auto got = crossref.server().received();
  ASSERT_EQ(got.size(), 1u) << r.err;
  EXPECT_TRUE(got[0].target.starts_with("/works/10.5555/")) << got[0].target;
  EXPECT_EQ(got[0].target.find("/../"), std::string::npos) << got[0].target;
  EXPECT_EQ(r.exit_code, 1) << r.err;  // answered "not found" by the /works route
}

TEST_F(NetImport, AServerThatOnlyFailsIsExitThreeNamingTheUrlAndStatus) {
  FakeCrossref crossref;
  crossref.failing = true;
  const auto r = run({"import", "crossref", "--doi", "10.5555/litrev-e2e-1"}, {crossref.env()});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("HTTP 500"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(crossref.server().base_url() + "/works/10.5555/litrev-e2e-1"), std::string::npos) << r.err;
  EXPECT_EQ(works().size(), 0u);
}

TEST_F(NetImport, AMailtoThatCouldBreakAHeaderIsAUsageError) {
  FakeCrossref crossref;
  const auto r = run({"import", "crossref", "--doi", "10.5555/litrev-e2e-1", "--mailto", "me@example.org\r\nX-Evil: 1"},
                     {crossref.env()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(crossref.server().count(), 0u);
}

TEST_F(NetImport, HalAndCrossrefRecordsOfOneDoiAreOneWork) {
  FakeHal hal("hal/synthetic-search-label-xml.json");
  const auto r = run({"import", "hal", "--query", "title_t:label", "--json"}, {hal.env()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["new"], 1);
  FakeCrossref crossref;
  ASSERT_EQ(run({"import", "crossref", "--doi", "10.5555/litrev-e2e-1"}, {crossref.env()}).exit_code, 0);
  const json list = works();
  ASSERT_EQ(list.size(), 1u) << list.dump();
  const auto show = json::parse(run({"show", list[0]["key"], "--json", "--sources"}, {}).out);
  EXPECT_EQ(show["sources"].size(), 2u);
}

TEST_F(NetImport, AHalAnswerWithoutItsTeiOrTitleIsReportedNotStoredAsAnonymous) {
  FakeHal hal("hal/synthetic-search-without-label-xml.json");
  const auto r = run({"import", "hal", "--query", "title_t:label"}, {hal.env()});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("hal-09999992"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("without its TEI"), std::string::npos) << r.err;
  EXPECT_EQ(works().size(), 0u);
}

TEST_F(NetImport, AQueryWithLineBreaksIsOneEncodedParameter) {
  FakeHal hal("hal/synthetic-search-label-xml.json");
  const std::string query = "title_t:label\r\nX-Injected: 1";
  const auto r = run({"import", "hal", "--query", query}, {hal.env()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto got = hal.server().received();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].param("q"), query);
  EXPECT_EQ(got[0].header("X-Injected"), "");
}

}  // namespace
}  // namespace litrev::test
