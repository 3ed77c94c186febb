#pragma once
// What every online importer needs to know about the outside world, in one struct the CLI
// fills: contact address, cache, timeouts. It knows no API by name: each client module declares
// its ApiEndpoint (name, environment variable, default base URL) and the CLI resolves it with
// api_base(). Everything below the CLI takes base URLs and options as parameters, which is what
// lets the tests point every importer at 127.0.0.1.

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "importers/net/http_client.hpp"

namespace litrev {

inline constexpr std::string_view kProjectUrl = "https://github.com/litrev/litrev";

// An API a client module talks to, declared by that module (kCrossrefApi, kHalApi...).
struct ApiEndpoint {
  std::string_view name;          // "crossref": also its rate class
  std::string_view env_var;       // "LITREV_CROSSREF_API": moves it (tests, mirrors)
  std::string_view default_base;  // "https://api.crossref.org"
  // Limits the service documents without sending them in headers; requests == 0: none (the
  // client learns them from the answers, or uses its cautious defaults).
  RateLimits documented{0, std::chrono::milliseconds(1000), 0};
};

struct NetConfig {
  std::string mailto;  // puts Crossref requests in the polite pool
  CacheMode cache_mode = CacheMode::normal;
  std::filesystem::path cache_dir;  // empty: no cache
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{60'000};
  RetryPolicy retry;
};

// Reads $LITREV_MAILTO through lookup (the CLI passes std::getenv). Unset or empty leaves the
// config as it is; a mailto already set (from --mailto) wins over the environment.
using EnvLookup = std::function<const char*(const char*)>;
void apply_environment(NetConfig& config, const EnvLookup& lookup);

// The endpoint's base URL: its environment variable when set and not blank, else its default.
std::string api_base(const ApiEndpoint& endpoint, const EnvLookup& lookup);

// A plausible contact address: one '@', something on both sides, no spaces or control
// characters (it goes into a request header).
bool is_plausible_mailto(std::string_view address);

// "litrev/0.1.0 (+https://github.com/litrev/litrev; mailto:someone@example.org)"; without a
// usable address: "litrev/0.1.0 (+https://github.com/litrev/litrev)".
std::string make_user_agent(std::string_view version, std::string_view mailto);

HttpClientOptions client_options(const NetConfig& config, std::string_view version);

}  // namespace litrev
