#include "importers/net/response_cache.hpp"

#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace litrev {
namespace {

HttpResponse answer(long status, std::string body) {
  HttpResponse r;
  r.url = "http://127.0.0.1:1/works/10.1/x";
  r.status = status;
  r.headers = {{"content-type", "application/json"}, {"x-api-pool", "polite"}};
  r.body = std::move(body);
  return r;
}

TEST(ResponseCache, RoundTripsStatusHeadersAndBinaryBody) {
  test::TempDir dir;
  ResponseCache cache(dir.path() / "http");
  const std::string body("{\"a\":1}\n\0\xff tail", 14);
  ASSERT_TRUE(cache.store("key-1", answer(200, body)));
  const auto loaded = cache.load("key-1");
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->status, 200);
  EXPECT_EQ(loaded->body, body);
  EXPECT_EQ(loaded->header("x-api-pool"), "polite");
  EXPECT_EQ(loaded->url, "http://127.0.0.1:1/works/10.1/x");
  EXPECT_TRUE(loaded->from_cache);
}

TEST(ResponseCache, MissesUnknownKeys) {
  test::TempDir dir;
  ResponseCache cache(dir.path());
  ASSERT_TRUE(cache.store("key-1", answer(200, "x")));
  EXPECT_FALSE(cache.load("key-2").has_value());
}

TEST(ResponseCache, KeepsNotFoundButNotTransientAnswers) {
  test::TempDir dir;
  ResponseCache cache(dir.path());
  EXPECT_TRUE(cache.store("gone", answer(404, "Resource not found.")));
  EXPECT_FALSE(cache.store("busy", answer(429, "<html>")));
  EXPECT_FALSE(cache.store("down", answer(503, "")));
  EXPECT_FALSE(cache.store("bad", answer(400, "{}")));
  EXPECT_TRUE(cache.load("gone").has_value());
  EXPECT_FALSE(cache.load("busy").has_value());
}

TEST(ResponseCache, IgnoresACorruptFile) {
  test::TempDir dir;
  ResponseCache cache(dir.path());
  ASSERT_TRUE(cache.store("k", answer(200, "0123456789")));
  test::write_file(cache.path_for("k"), "litrev-http-cache 1\nkey 1\nk\nurl 99\nshort");
  EXPECT_FALSE(cache.load("k").has_value());
}

TEST(CacheKey, DependsOnUrlAndAcceptOnly) {
  HttpRequest a("http://h/works?x=1", "c");
  a.headers = {{"Accept", "application/json"}};
  HttpRequest b("http://h/works?x=1", "other");
  b.headers = {{"X-Other", "1"}, {"Accept", "application/json"}};
  HttpRequest c("http://h/works?x=1", "c");
  c.headers = {{"Accept", "text/xml"}};
  EXPECT_EQ(cache_key(a), cache_key(b));
  EXPECT_NE(cache_key(a), cache_key(c));
}

TEST(DefaultCacheDir, SitsBesideTheLibrary) {
  EXPECT_EQ(default_cache_dir("/data/papers.db"), std::filesystem::path("/data/papers.db.cache/http"));
}

}  // namespace
}  // namespace litrev
