#include "importers/net/net_config.hpp"

#include <algorithm>

#include "src/core/text.hpp"

namespace litrev {

namespace {

std::string env_value(const EnvLookup& lookup, const std::string& name) {
  const char* v = lookup ? lookup(name.c_str()) : nullptr;
  return v ? std::string(trim(v)) : std::string{};
}

}  // namespace

void apply_environment(NetConfig& config, const EnvLookup& lookup) {
  if (auto v = env_value(lookup, "LITREV_MAILTO"); !v.empty() && config.mailto.empty()) config.mailto = v;
}

std::string api_base(const ApiEndpoint& endpoint, const EnvLookup& lookup) {
  if (auto v = env_value(lookup, std::string(endpoint.env_var)); !v.empty()) return v;
  return std::string(endpoint.default_base);
}

bool is_plausible_mailto(std::string_view address) {
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= address.size()) return false;
  if (address.find('@', at + 1) != std::string_view::npos) return false;
  return std::none_of(address.begin(), address.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7f || c == '(' || c == ')' || c == ';' || c == '<' || c == '>';
  });
}

std::string make_user_agent(std::string_view version, std::string_view mailto) {
  std::string ua = "litrev/" + std::string(version) + " (+" + std::string(kProjectUrl);
  if (is_plausible_mailto(mailto)) ua += "; mailto:" + std::string(mailto);
  ua += ")";
  return ua;
}

HttpClientOptions client_options(const NetConfig& config, std::string_view version) {
  HttpClientOptions options;
  options.user_agent = make_user_agent(version, config.mailto);
  options.connect_timeout = config.connect_timeout;
  options.total_timeout = config.total_timeout;
  options.retry = config.retry;
  options.cache_mode = config.cache_dir.empty() ? CacheMode::disabled : config.cache_mode;
  // --offline without a cache directory still means "no network": every request is a miss.
  if (config.cache_dir.empty() && config.cache_mode == CacheMode::offline) options.cache_mode = CacheMode::offline;
  options.cache_dir = config.cache_dir;
  return options;
}

}  // namespace litrev
