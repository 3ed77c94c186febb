#pragma once
// A disk cache of HTTP answers keyed by request, so that re-running an import or resolving the
// same DOIs again costs no request. It belongs to the HTTP layer, not to the store: one file per
// answer under a directory beside the library (`<library>.cache/http/`), written atomically
// (temporary file + rename) so that a crash never leaves half an answer behind.

#include <filesystem>
#include <optional>
#include <string>

#include "importers/net/http_types.hpp"

namespace litrev {

enum class CacheMode {
  normal,   // answer from the cache when possible, store new answers
  refresh,  // never read the cache, store new answers (--refresh)
  offline,  // only read the cache; a miss is an error, nothing goes to the network (--offline)
  disabled, // no cache at all
};

// The cache identity of a request: its URL plus the request headers that change the answer
// (Accept). The User-Agent does not: the mailto in it selects a pool, not a different body.
std::string cache_key(const HttpRequest& request);

class ResponseCache {
 public:
  explicit ResponseCache(std::filesystem::path dir) : dir_(std::move(dir)) {}

  // The stored answer for key, with from_cache set; nullopt when absent or unreadable.
  std::optional<HttpResponse> load(const std::string& key) const;
  // Stores a definitive answer (see cacheable); returns false when it could not be written
  // (the import goes on: a cache is an optimisation).
  bool store(const std::string& key, const HttpResponse& response) const;

  // 200 answers and 404s (a DOI that is not registered stays so for a re-run) are kept;
  // 429/5xx are transient and every other status is worth asking again.
  static bool cacheable(long status) { return status == 200 || status == 404; }

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path path_for(const std::string& key) const;

 private:
  std::filesystem::path dir_;
};

// `<library>.cache/http` for the library file `<library>`.
std::filesystem::path default_cache_dir(const std::filesystem::path& library);

}  // namespace litrev
