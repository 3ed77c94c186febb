// What a hostile or broken server cannot do to the HTTP client: make it hold a gigantic or
// endless body, send it to a file: URL or another host, or keep it bouncing between redirects.
// Each ends as an HttpError that names the URL, without retries.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>

#include "importers/net/http_client.hpp"
#include "net/loopback_server.hpp"

namespace litrev {
namespace {

using namespace std::chrono_literals;
using test::LoopbackServer;

HttpClientOptions limited_options() {
  HttpClientOptions o;
  o.retry.base_delay = 20ms;
  o.total_timeout = 20'000ms;
  o.max_body_bytes = 1u << 20;
  o.rate.unadvertised = RateLimits{50, 1000ms, 4};
  return o;
}

TEST(HttpLimits, AGiganticAnnouncedBodyIsRefusedWithoutRetry) {
  const std::string body(8u << 20, 'x');
  LoopbackServer server;
  server.http().Get("/big", [&](const httplib::Request&, httplib::Response& res) { res.set_content(body, "text/plain"); });
  server.start();
  HttpClient client(limited_options());
  const std::string url = server.base_url() + "/big";
  const auto r = client.get({url});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, HttpErrorKind::too_large);
  EXPECT_EQ(server.count(), 1u);
  EXPECT_NE(r.error().describe().find("answer too large"), std::string::npos) << r.error().describe();
  EXPECT_NE(r.error().describe().find("1 MB"), std::string::npos) << r.error().describe();
  EXPECT_NE(r.error().describe().find(url), std::string::npos);
}

TEST(HttpLimits, AnEndlessChunkedBodyIsCutAtTheLimit) {
  std::atomic<std::size_t> sent{0};
  LoopbackServer server;
  server.http().Get("/endless", [&](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/json", [&](std::size_t, httplib::DataSink& sink) {
      static const std::string chunk(64 * 1024, ' ');
      sent += chunk.size();
      return sink.write(chunk.data(), chunk.size());  // false once the client has hung up
    });
  });
  server.start();
  HttpClient client(limited_options());
  const auto r = client.get({server.base_url() + "/endless"});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, HttpErrorKind::too_large) << r.error().describe();
  EXPECT_EQ(server.count(), 1u);
  EXPECT_EQ(client.stats().bytes_received, 0u);  // nothing kept
  server.stop();
  EXPECT_LT(sent.load(), 64u << 20);  // the server was stopped long before 64 MB
}

TEST(HttpLimits, ARedirectToAFileUrlIsRefused) {
  LoopbackServer server;
  server.http().Get("/works/x", [&](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("file:///etc/passwd");
  });
  server.start();
  HttpClient client(limited_options());
  const auto r = client.get({server.base_url() + "/works/x"});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, HttpErrorKind::redirect);
  EXPECT_NE(r.error().describe().find("file:///etc/passwd"), std::string::npos) << r.error().describe();
  EXPECT_EQ(server.count(), 1u);
}

TEST(HttpLimits, ARedirectToAnotherHostIsRefused) {
  LoopbackServer server;
  server.http().Get("/works/x", [&](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("http://evil.example/steal");
  });
  server.start();
  HttpClient client(limited_options());
  const auto r = client.get({server.base_url() + "/works/x"});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, HttpErrorKind::redirect);
  EXPECT_NE(r.error().describe().find("another host"), std::string::npos) << r.error().describe();
  EXPECT_NE(r.error().describe().find("evil.example"), std::string::npos);
}

TEST(HttpLimits, ARedirectOnTheSameHostIsFollowed) {
  LoopbackServer server;
  server.http().Get("/old", [&](const httplib::Request&, httplib::Response& res) { res.set_redirect("/new"); });
  server.http().Get("/new", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content("{\"status\":\"ok\"}", "application/json");
  });
  server.start();
  HttpClient client(limited_options());
  const auto r = client.get({server.base_url() + "/old"});
  ASSERT_TRUE(r.has_value()) << r.error().describe();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "{\"status\":\"ok\"}");
  EXPECT_EQ(r->url, server.base_url() + "/old");  // errors and the cache name what was asked
}

TEST(HttpLimits, ARedirectLoopEndsAfterFiveHops) {
  LoopbackServer server;
  server.http().Get("/loop", [&](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop"); });
  server.start();
  HttpClient client(limited_options());
  const auto r = client.get({server.base_url() + "/loop"});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, HttpErrorKind::redirect);
  EXPECT_NE(r.error().describe().find("more than 5 redirects"), std::string::npos) << r.error().describe();
  EXPECT_EQ(server.count(), 6u);
}

TEST(HttpLimits, TooManyRequestsWithRetryAfterWaitsThenSucceeds) {
  std::atomic<int> calls{0};
  LoopbackServer server;
  server.http().Get("/x", [&](const httplib::Request&, httplib::Response& res) {
    if (calls++ == 0) {
      res.status = 429;
      res.set_header("Retry-After", "1");
      res.set_content("slow down", "text/plain");
      return;
    }
    res.set_content("{}", "application/json");
  });
  server.start();
  HttpClient client(limited_options());
  const auto r = client.get({server.base_url() + "/x"});
  ASSERT_TRUE(r.has_value()) << r.error().describe();
  EXPECT_EQ(r->attempts, 2);
  const auto got = server.received();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_GE(got[1].at - got[0].at, 950ms);
}

}  // namespace
}  // namespace litrev
