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

// An endpoint as a client module declares it; the net layer knows none by name.
constexpr ApiEndpoint kSomeApi{"some", "LITREV_SOME_API", "https://api.example.org"};

TEST(NetConfig, AnEndpointDefaultsToItsPublicBase) {
  EXPECT_EQ(api_base(kSomeApi, fake_env({})), "https://api.example.org");
  EXPECT_EQ(api_base(kSomeApi, fake_env({{"LITREV_SOME_API", "  "}})), "https://api.example.org");
  EXPECT_EQ(api_base(kSomeApi, {}), "https://api.example.org");
}

TEST(NetConfig, EnvironmentMovesAnEndpointAndSetsMailto) {
  NetConfig c;
  const auto env = fake_env({{"LITREV_SOME_API", "http://127.0.0.1:4000/"}, {"LITREV_MAILTO", "me@example.org"}});
  apply_environment(c, env);
  EXPECT_EQ(api_base(kSomeApi, env), "http://127.0.0.1:4000/");
  EXPECT_EQ(c.mailto, "me@example.org");
}

TEST(NetConfig, CommandLineMailtoWinsOverTheEnvironment) {
  NetConfig c;
  c.mailto = "cli@example.org";
  apply_environment(c, fake_env({{"LITREV_MAILTO", "env@example.org"}}));
  EXPECT_EQ(c.mailto, "cli@example.org");
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
