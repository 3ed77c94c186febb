#include "importers/net/net_config.hpp"

#include <gtest/gtest.h>

#include <map>

namespace litrev {
namespace {

EnvLookup fake_env(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const char* name) -> const char* {
    const auto it = vars.find(name);
    return it == vars.end() ? nullptr : it->second.c_str();
  };
}

TEST(NetConfig, DefaultsToThePublicApis) {
  NetConfig c;
  apply_environment(c, fake_env({}));
  EXPECT_EQ(c.crossref_api, "https://api.crossref.org");
  EXPECT_EQ(c.hal_api, "https://api.archives-ouvertes.fr");
  EXPECT_EQ(c.mailto, "");
}

TEST(NetConfig, EnvironmentOverridesBaseUrlsAndMailto) {
  NetConfig c;
  apply_environment(c, fake_env({{"LITREV_CROSSREF_API", "http://127.0.0.1:4000"},
                                 {"LITREV_HAL_API", "http://127.0.0.1:4001/"},
                                 {"LITREV_MAILTO", "me@example.org"}}));
  EXPECT_EQ(c.crossref_api, "http://127.0.0.1:4000");
  EXPECT_EQ(c.hal_api, "http://127.0.0.1:4001/");
  EXPECT_EQ(c.mailto, "me@example.org");
}

TEST(NetConfig, CommandLineMailtoWinsOverTheEnvironment) {
  NetConfig c;
  c.mailto = "cli@example.org";
  apply_environment(c, fake_env({{"LITREV_MAILTO", "env@example.org"}, {"LITREV_CROSSREF_API", ""}}));
  EXPECT_EQ(c.mailto, "cli@example.org");
  EXPECT_EQ(c.crossref_api, "https://api.crossref.org");
}

TEST(UserAgent, CarriesVersionProjectUrlAndMailto) {
  EXPECT_EQ(make_user_agent("0.1.0", "me@example.org"),
            "litrev/0.1.0 (+https://github.com/litrev/litrev; mailto:me@example.org)");
  EXPECT_EQ(make_user_agent("0.1.0", ""), "litrev/0.1.0 (+https://github.com/litrev/litrev)");
}

TEST(UserAgent, DropsAnAddressThatCouldBreakTheHeader) {
  EXPECT_FALSE(is_plausible_mailto("me@example.org\r\nX-Evil: 1"));
  EXPECT_FALSE(is_plausible_mailto("not-an-address"));
  EXPECT_FALSE(is_plausible_mailto("a@b@c"));
  EXPECT_TRUE(is_plausible_mailto("first.last+tag@example.co.uk"));
  EXPECT_EQ(make_user_agent("1", "x y@z"), "litrev/1 (+https://github.com/litrev/litrev)");
}

TEST(ClientOptions, OfflineWithoutCacheDirStillMeansNoNetwork) {
  NetConfig c;
  c.cache_mode = CacheMode::offline;
  EXPECT_EQ(client_options(c, "1").cache_mode, CacheMode::offline);
  c.cache_mode = CacheMode::normal;
  EXPECT_EQ(client_options(c, "1").cache_mode, CacheMode::disabled);
  c.cache_dir = "/tmp/x";
  EXPECT_EQ(client_options(c, "1").cache_mode, CacheMode::normal);
}

}  // namespace
}  // namespace litrev
