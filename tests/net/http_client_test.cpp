// The HTTP client against a loopback server replaying recorded Crossref answers.
#include "importers/net/http_client.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <atomic>
#include <set>

#include "importers/net/net_config.hpp"
#include "net/loopback_server.hpp"
#include "support/test_support.hpp"

namespace litrev {
namespace {

using namespace std::chrono_literals;
using test::LoopbackServer;

constexpr const char* kWork = "fixtures/crossref/work-journal-article-70refs-plos-0033693.json";
constexpr const char* kHtml429 = "fixtures/crossref/error-429-too-many-requests.html";

HttpClientOptions fast_options() {
  HttpClientOptions o;
  o.user_agent = make_user_agent("0.1.0", "tester@example.org");
  o.retry.base_delay = 20ms;
  o.retry.max_delay = 2000ms;
  o.total_timeout = 5000ms;
  o.jitter_seed = 42;
  // Test servers mostly send no rate headers; do not let the polite default slow the suite.
  o.rate.unadvertised = RateLimits{50, 1000ms, 4};
  return o;
}

std::string gzip(const std::string& data) {
  z_stream zs{};
  // windowBits 15 + 16: a gzip wrapper rather than zlib's own.
  if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("zlib");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  std::string out(compressBound(static_cast<uLong>(data.size())) + 64, '\0');
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST(HttpClient, SendsUserAgentWithMailtoAndReturnsTheRecordedAnswer) {
  LITREV_REQUIRE_SHARED(shared);
  const std::string body = test::slurp(shared / kWork);
  LoopbackServer server;
  server.http().Get(R"(/works/(.+))", [&](const httplib::Request&, httplib::Response& res) {
    test::crossref_headers(res, "polite", 10, 3);
    res.set_content(body, "application/json");
  });
  server.start();
  HttpClient client(fast_options());
  const auto r = client.get({server.base_url() + "/works/10.1371/journal.pone.0033693", "crossref-single"});
  ASSERT_TRUE(r.has_value()) << r.error().describe();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, body);
  EXPECT_EQ(r->header("X-API-Pool"), "polite");
  EXPECT_EQ(r->content_type(), "application/json");
  const auto got = server.received();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].path, "/works/10.1371/journal.pone.0033693");
  EXPECT_EQ(got[0].header("User-Agent"),
            "litrev/0.1.0 (+https://github.com/litrev/litrev; mailto:tester@example.org)");
  EXPECT_NE(got[0].header("Accept-Encoding").find("gzip"), std::string::npos);
  EXPECT_TRUE(client.limiter().learned("crossref-single"));
  EXPECT_EQ(client.limiter().limits("crossref-single").requests, 10);
}

TEST(HttpClient, DecodesAGzipBody) {
  LITREV_REQUIRE_SHARED(shared);
  const std::string body = test::slurp(shared / kWork);
  const std::string packed = gzip(body);
  ASSERT_LT(packed.size(), body.size() / 2);
  LoopbackServer server;
  server.http().Get("/works/10.1/gz", [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Encoding", "gzip");
    // A media type cpp-httplib does not compress on its own, so the bytes on the wire are ours.
    res.set_content(packed, "application/json;charset=utf-8");
  });
  server.start();
  HttpClient client(fast_options());
  const auto r = client.get({server.base_url() + "/works/10.1/gz"});
  ASSERT_TRUE(r.has_value()) << r.error().describe();
  EXPECT_EQ(r->header("content-encoding"), "gzip");
  EXPECT_EQ(r->body, body);
}

TEST(HttpClient, NotFoundIsAnAnswerAndIsNeverRetried) {
  LITREV_REQUIRE_SHARED(shared);
  const std::string body = test::slurp(shared / "fixtures/crossref/error-404-work-not-found.txt");
  LoopbackServer server;
  server.http().Get(R"(/works/.+)", [&](const httplib::Request&, httplib::Response& res) {
    res.status = 404;
    test::crossref_headers(res, "public", 5, 1);
    res.set_content(body, "text/plain");
  });
  server.start();
  HttpClient client(fast_options());
  const auto r = client.get({server.base_url() + "/works/10.1371/notarealdoi"});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(r->body, "Resource not found.");
  EXPECT_EQ(r->attempts, 1);
  EXPECT_EQ(server.count(), 1u);
}

TEST(HttpClient, BadRequestIsReturnedAtOnce) {
  LITREV_REQUIRE_SHARED(shared);
  const std::string body = test::slurp(shared / "fixtures/crossref/error-400-field-query-on-doi-route.json");
  LoopbackServer server;
  server.http().Get(R"(/works/.+)", [&](const httplib::Request&, httplib::Response& res) {
    res.status = 400;
    res.set_content(body, "application/json;charset=utf-8");
  });
  server.start();
  HttpClient client(fast_options());
  const auto r = client.get({server.base_url() + "/works/10.1/x?query.author=carl"});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(server.count(), 1u);
}

// The historic load-balancer 429: an HTML page, no rate headers; here with Retry-After: 1.
TEST(HttpClient, HonoursRetryAfterOnAnHtmlTooManyRequestsThenSucceeds) {
  LITREV_REQUIRE_SHARED(shared);
  const std::string page = test::slurp(shared / kHtml429);
  const std::string body = test::slurp(shared / kWork);
  std::atomic<int> calls{0};
  LoopbackServer server;
  server.http().Get(R"(/works/.+)", [&](const httplib::Request&, httplib::Response& res) {
    if (calls++ == 0) {
      res.status = 429;
      res.set_header("Retry-After", "1");
      res.set_header("Connection", "close");
      res.set_content(page, "text/html");
      return;
    }
    test::crossref_headers(res, "polite", 10, 3);
    res.set_content(body, "application/json");
  });
  server.start();
  HttpClient client(fast_options());
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = client.get({server.base_url() + "/works/10.1/x"});
  const auto elapsed = std::chrono::steady_clock::now() - t0;
  ASSERT_TRUE(r.has_value()) << r.error().describe();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->attempts, 2);
  EXPECT_GE(elapsed, 950ms);
  EXPECT_EQ(client.stats().responses_429, 1u);
  const auto got = server.received();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_GE(got[1].at - got[0].at, 950ms);
}

TEST(HttpClient, BacksOffWithJitterWhenTooManyRequestsHasNoRetryAfter) {
  LITREV_REQUIRE_SHARED(shared);
  const std::string page = test::slurp(shared / kHtml429);
  std::atomic<int> calls{0};
  LoopbackServer server;
  server.http().Get("/x", [&](const httplib::Request&, httplib::Response& res) {
    if (calls++ < 2) {
      res.status = 429;
      res.set_content(page, "text/html");
      return;
    }
    res.set_content("{}", "application/json");
  });
  server.start();
  auto options = fast_options();
  options.retry.base_delay = 200ms;
  HttpClient client(options);
  const auto r = client.get({server.base_url() + "/x"});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->attempts, 3);
  const auto got = server.received();
  ASSERT_EQ(got.size(), 3u);
  // Equal jitter: at least half the exponential step (100 ms, then 200 ms).
  EXPECT_GE(got[1].at - got[0].at, 100ms);
  EXPECT_GE(got[2].at - got[1].at, 200ms);
}

TEST(HttpClient, RetriesServerErrorsThenSucceeds) {
  std::atomic<int> calls{0};
  LoopbackServer server;
  server.http().Get("/x", [&](const httplib::Request&, httplib::Response& res) {
    const int n = calls++;
    if (n == 0) { res.status = 503; res.set_content("<html>busy</html>", "text/html"); return; }
    if (n == 1) { res.status = 504; res.set_content("<html>Gateway Time-out</html>", "text/html"); return; }
    res.set_content("{\"status\":\"ok\"}", "application/json");
  });
  server.start();
  HttpClient client(fast_options());
  const auto r = client.get({server.base_url() + "/x"});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->attempts, 3);
  EXPECT_EQ(client.stats().responses_5xx, 2u);
}

TEST(HttpClient, GivesUpAfterBoundedRetriesAndNamesTheUrl) {
  LoopbackServer server;
  server.http().Get("/down", [&](const httplib::Request&, httplib::Response& res) {
    res.status = 500;
    res.set_content("internal error", "text/plain");
  });
  server.start();
  auto options = fast_options();
  options.retry.max_retries = 2;
  HttpClient client(options);
  const std::string url = server.base_url() + "/down";
  const auto r = client.get({url});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, HttpErrorKind::retries_exhausted);
  EXPECT_EQ(r.error().status, 500);
  EXPECT_EQ(r.error().attempts, 3);
  EXPECT_EQ(server.count(), 3u);
  EXPECT_NE(r.error().describe().find(url), std::string::npos);
  EXPECT_NE(r.error().describe().find("internal error"), std::string::npos);
}

TEST(HttpClient, TimeoutIsAnErrorThatNamesTheUrl) {
  LoopbackServer server;
  server.http().Get("/slow", [&](const httplib::Request&, httplib::Response& res) {
    std::this_thread::sleep_for(1500ms);
    res.set_content("{}", "application/json");
  });
  server.start();
  auto options = fast_options();
  options.total_timeout = 300ms;
  options.retry.max_transport_retries = 0;
  HttpClient client(options);
  const std::string url = server.base_url() + "/slow";
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = client.get({url});
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 1200ms);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, HttpErrorKind::timeout);
  EXPECT_NE(r.error().describe().find(url), std::string::npos);
  EXPECT_NE(r.error().describe().find("300 ms"), std::string::npos);
}

TEST(HttpClient, TruncatedBodyIsAnErrorAfterABoundedRetry) {
  LoopbackServer server;
  server.http().Get("/cut", [&](const httplib::Request&, httplib::Response& res) {
    // Announce 1000 bytes, send 100, then give up: the connection closes mid-body.
    res.set_content_provider(1000, "application/json", [](std::size_t offset, std::size_t, httplib::DataSink& sink) {
      if (offset > 0) return false;
      const std::string part(100, 'x');
      sink.write(part.data(), part.size());
      return false;
    });
  });
  server.start();
  auto options = fast_options();
  options.retry.max_transport_retries = 1;
  HttpClient client(options);
  const std::string url = server.base_url() + "/cut";
  const auto r = client.get({url});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, HttpErrorKind::truncated) << r.error().describe();
  EXPECT_EQ(r.error().attempts, 2);
  EXPECT_EQ(server.count(), 2u);
  EXPECT_NE(r.error().describe().find(url), std::string::npos);
}

TEST(HttpClient, RefusedConnectionIsAConnectError) {
  std::string url;
  {
    LoopbackServer server;
    server.start();
    url = server.base_url() + "/works/10.1/x";
  }  // closed: nothing listens on that port any more
  auto options = fast_options();
  options.retry.max_transport_retries = 0;
  HttpClient client(options);
  const auto r = client.get({url});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, HttpErrorKind::connect);
  EXPECT_NE(r.error().describe().find(url), std::string::npos);
}

// A server that enforces what it advertises: 5 requests per second, 2 in flight, else 429.
TEST(HttpClient, ObeysAdvertisedRateAndConcurrencyLimits) {
  constexpr int kLimit = 5, kConcurrency = 2, kRequests = 12;
  std::atomic<int> in_flight{0}, max_in_flight{0}, rejected{0};
  std::mutex mutex;
  std::vector<std::chrono::steady_clock::time_point> arrivals;
  LoopbackServer server;
  server.http().Get(R"(/works/(\d+))", [&](const httplib::Request&, httplib::Response& res) {
    const auto now = std::chrono::steady_clock::now();
    bool too_fast = false;
    {
      std::lock_guard lock(mutex);
      int recent = 0;
      for (auto t : arrivals) recent += now - t < 1s;
      too_fast = recent >= kLimit;
      arrivals.push_back(now);
    }
    const int n = ++in_flight;
    int seen = max_in_flight.load();
    while (n > seen && !max_in_flight.compare_exchange_weak(seen, n)) {}
    test::crossref_headers(res, "polite", kLimit, kConcurrency);
    if (too_fast || n > kConcurrency) {
      ++rejected;
      res.status = 429;
      res.set_content("rate limited", "text/plain");
    } else {
      std::this_thread::sleep_for(60ms);
      res.set_content("{\"status\":\"ok\"}", "application/json");
    }
    --in_flight;
  });
  server.start();
  HttpClient client(fast_options());
  std::vector<HttpRequest> requests;
  for (int i = 0; i < kRequests; ++i) requests.push_back({server.base_url() + "/works/" + std::to_string(i), "crossref-list"});
  std::set<std::size_t> done;
  const auto t0 = std::chrono::steady_clock::now();
  client.fetch_all(requests, [&](std::size_t i, HttpResult r) {
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    EXPECT_EQ(r->status, 200);
    EXPECT_TRUE(done.insert(i).second) << "index delivered twice: " << i;
  });
  const auto elapsed = std::chrono::steady_clock::now() - t0;
  EXPECT_EQ(done.size(), static_cast<std::size_t>(kRequests));
  EXPECT_EQ(rejected.load(), 0);
  EXPECT_EQ(client.stats().responses_429, 0u);
  EXPECT_LE(max_in_flight.load(), kConcurrency);
  // The first request goes alone: the second starts only after the first answer came back.
  const auto got = server.received();
  ASSERT_EQ(got.size(), static_cast<std::size_t>(kRequests));
  EXPECT_GE(got[1].at - got[0].at, 55ms);
  // Close to the advertised pace: 11 intervals of 200 ms, not 12 seconds at the initial 1/s.
  EXPECT_GE(elapsed, 2000ms);
  EXPECT_LT(elapsed, 3500ms);
}

TEST(HttpClient, FetchAllDeliversEveryRequestOnceEvenWhenSomeFail) {
  LoopbackServer server;
  server.http().Get(R"(/item/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
    const int n = std::stoi(req.matches[1]);
    if (n % 3 == 0) { res.status = 404; res.set_content("Resource not found.", "text/plain"); return; }
    res.set_content(std::to_string(n), "text/plain");
  });
  server.start();
  HttpClient client(fast_options());
  std::vector<HttpRequest> requests;
  for (int i = 0; i < 9; ++i) requests.push_back({server.base_url() + "/item/" + std::to_string(i)});
  std::vector<int> seen(9, 0);
  client.fetch_all(requests, [&](std::size_t i, HttpResult r) {
    ++seen[i];
    ASSERT_TRUE(r.has_value());
    if (i % 3 == 0) EXPECT_EQ(r->status, 404);
    else EXPECT_EQ(r->body, std::to_string(i));
    EXPECT_EQ(r->url, requests[i].url);
  });
  for (int s : seen) EXPECT_EQ(s, 1);
}

TEST(HttpClient, CacheAnswersARepeatedRequestWithoutTheNetwork) {
  test::TempDir dir;
  LoopbackServer server;
  server.http().Get("/works/10.1/x", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content("{\"message\":{}}", "application/json");
  });
  server.http().Get("/works/10.1/missing", [&](const httplib::Request&, httplib::Response& res) {
    res.status = 404;
    res.set_content("Resource not found.", "text/plain");
  });
  server.start();
  const std::string url = server.base_url() + "/works/10.1/x";
  const std::string missing = server.base_url() + "/works/10.1/missing";
  auto options = fast_options();
  options.cache_mode = CacheMode::normal;
  options.cache_dir = dir.path() / "http";
  {
    HttpClient client(options);
    ASSERT_TRUE(client.get({url}).has_value());
    ASSERT_TRUE(client.get({missing}).has_value());
    const auto again = client.get({url});
    ASSERT_TRUE(again.has_value());
    EXPECT_TRUE(again->from_cache);
    EXPECT_EQ(again->body, "{\"message\":{}}");
    EXPECT_EQ(server.count(), 2u);
  }
  {
    options.cache_mode = CacheMode::offline;
    HttpClient offline(options);
    const auto hit = offline.get({url});
    ASSERT_TRUE(hit.has_value());
    EXPECT_TRUE(hit->from_cache);
    const auto gone = offline.get({missing});
    ASSERT_TRUE(gone.has_value());
    EXPECT_EQ(gone->status, 404);
    const auto miss = offline.get({server.base_url() + "/works/10.1/never-asked"});
    ASSERT_FALSE(miss.has_value());
    EXPECT_EQ(miss.error().kind, HttpErrorKind::offline_miss);
    EXPECT_NE(miss.error().describe().find("never-asked"), std::string::npos);
    EXPECT_EQ(server.count(), 2u);
  }
  {
    options.cache_mode = CacheMode::refresh;
    HttpClient refresh(options);
    const auto fresh = refresh.get({url});
    ASSERT_TRUE(fresh.has_value());
    EXPECT_FALSE(fresh->from_cache);
    EXPECT_EQ(server.count(), 3u);
  }
}

TEST(HttpClient, CancelledStopsBeforeTheNextRequest) {
  LoopbackServer server;
  server.http().Get(R"(/n/\d+)", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content("{}", "application/json");
  });
  server.start();
  std::atomic<int> completions{0};
  auto options = fast_options();
  options.cancelled = [&] { return completions.load() >= 1; };
  HttpClient client(options);
  std::vector<HttpRequest> requests;
  for (int i = 0; i < 5; ++i) requests.push_back({server.base_url() + "/n/" + std::to_string(i)});
  client.fetch_all(requests, [&](std::size_t, HttpResult) { ++completions; });
  EXPECT_EQ(completions.load(), 1);
  // The request that the first answer made room for may already be on its way when the
  // callback cancels; nothing after it is started.
  EXPECT_LE(server.count(), 2u);
}

}  // namespace
}  // namespace litrev
