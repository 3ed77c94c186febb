#include "importers/net/response_cache.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <random>
#include <sstream>

#include "src/core/text.hpp"

namespace litrev {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "litrev-http-cache 1";

// 128 bits from two FNV-1a passes with different offsets: file names need only be unique in
// practice, and the full key stored inside the file settles any collision.
std::string hex_digest(std::string_view key) {
  auto fnv = [&](std::uint64_t h) {
    for (unsigned char c : key) {
      h ^= c;
      h *= 0x100000001b3ULL;
    }
    return h;
  };
  const std::uint64_t parts[2] = {fnv(0xcbf29ce484222325ULL), fnv(0x84222325cbf29ce4ULL ^ key.size())};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::uint64_t p : parts)
    for (int shift = 60; shift >= 0; shift -= 4) out.push_back(kHex[(p >> shift) & 0xF]);
  return out;
}

bool read_line(std::istream& in, std::string& line) { return static_cast<bool>(std::getline(in, line)); }

// "<word> <length>\n<length bytes>\n"
bool read_blob(std::istream& in, std::string_view word, std::string& out) {
  std::string line;
  if (!read_line(in, line) || !line.starts_with(word) || line.size() <= word.size() + 1) return false;
  std::size_t n = 0;
  try {
    n = std::stoull(line.substr(word.size() + 1));
  } catch (...) {
    return false;
  }
  out.resize(n);
  if (n > 0 && !in.read(out.data(), static_cast<std::streamsize>(n))) return false;
  return in.get() == '\n';
}

void write_blob(std::ostream& out, std::string_view word, std::string_view data) {
  out << word << ' ' << data.size() << '\n';
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out << '\n';
}

}  // namespace

std::string cache_key(const HttpRequest& request) {
  std::string key = request.url;
  std::vector<std::string> relevant;
  for (const auto& [name, value] : request.headers)
    if (ascii_lower(name) == "accept") relevant.push_back("accept: " + value);
  std::sort(relevant.begin(), relevant.end());
  for (const auto& r : relevant) key += "\n" + r;
  return key;
}

fs::path ResponseCache::path_for(const std::string& key) const {
  const std::string digest = hex_digest(key);
  return dir_ / digest.substr(0, 2) / (digest + ".http");
}

std::optional<HttpResponse> ResponseCache::load(const std::string& key) const {
  std::ifstream in(path_for(key), std::ios::binary);
  if (!in) return std::nullopt;
  std::string line;
  if (!read_line(in, line) || line != kMagic) return std::nullopt;
  std::string stored_key;
  if (!read_blob(in, "key", stored_key) || stored_key != key) return std::nullopt;
  HttpResponse response;
  if (!read_blob(in, "url", response.url)) return std::nullopt;
  if (!read_line(in, line) || !line.starts_with("status ")) return std::nullopt;
  try {
    response.status = std::stol(line.substr(7));
  } catch (...) {
    return std::nullopt;
  }
  std::string headers;
  if (!read_blob(in, "headers", headers)) return std::nullopt;
  std::istringstream hs(headers);
  while (std::getline(hs, line)) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    response.headers.push_back({line.substr(0, colon), std::string(trim(std::string_view(line).substr(colon + 1)))});
  }
  if (!read_blob(in, "body", response.body)) return std::nullopt;
  response.from_cache = true;
  response.attempts = 0;
  return response;
}

bool ResponseCache::store(const std::string& key, const HttpResponse& response) const {
  if (!cacheable(response.status)) return false;
  const fs::path target = path_for(key);
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) return false;
  std::string headers;
  for (const auto& h : response.headers) headers += h.name + ": " + h.value + "\n";
  // A name unique to this process and call, so concurrent imports never share a temp file.
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  const fs::path temp = target.string() + ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(rng());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out << kMagic << '\n';
    write_blob(out, "key", key);
    write_blob(out, "url", response.url);
    out << "status " << response.status << '\n';
    write_blob(out, "headers", headers);
    write_blob(out, "body", response.body);
    out.flush();
    if (!out) {
      fs::remove(temp, ec);
      return false;
    }
  }
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    return false;
  }
  return true;
}

fs::path default_cache_dir(const fs::path& library) {
  fs::path dir = library;
  dir += ".cache";
  return dir / "http";
}

}  // namespace litrev
