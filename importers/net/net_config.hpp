#pragma once
// Everything the online importers need to know about the outside world, in one struct the CLI
// fills: base URLs, contact address, cache, timeouts. The environment is read in exactly one
// place (apply_environment); everything below it takes base URLs and options as parameters,
// which is what lets the tests point every importer at 127.0.0.1.

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "importers/net/http_client.hpp"

namespace litrev {

inline constexpr std::string_view kDefaultCrossrefApi = "https://api.crossref.org";
inline constexpr std::string_view kDefaultHalApi = "https://api.archives-ouvertes.fr";
inline constexpr std::string_view kProjectUrl = "https://github.com/litrev/litrev";

struct NetConfig {
  std::string crossref_api{kDefaultCrossrefApi};
  std::string hal_api{kDefaultHalApi};
  std::string mailto;  // puts Crossref requests in the polite pool
  CacheMode cache_mode = CacheMode::normal;
  std::filesystem::path cache_dir;  // empty: no cache
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{60'000};
  RetryPolicy retry;
};

// Reads $LITREV_CROSSREF_API, $LITREV_HAL_API and $LITREV_MAILTO through lookup (the CLI passes
// std::getenv). Unset or empty variables leave the config as it is; a mailto already set (from
// --mailto) wins over the environment.
using EnvLookup = std::function<const char*(const char*)>;
void apply_environment(NetConfig& config, const EnvLookup& lookup);

// A plausible contact address: one '@', something on both sides, no spaces or control
// characters (it goes into a request header).
bool is_plausible_mailto(std::string_view address);

// "litrev/0.1.0 (+https://github.com/litrev/litrev; mailto:someone@example.org)"; without a
// usable address: "litrev/0.1.0 (+https://github.com/litrev/litrev)".
std::string make_user_agent(std::string_view version, std::string_view mailto);

HttpClientOptions client_options(const NetConfig& config, std::string_view version);

}  // namespace litrev
