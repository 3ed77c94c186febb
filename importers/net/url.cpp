#include "importers/net/url.hpp"

namespace litrev {
namespace {

bool is_unreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string percent_encode(std::string_view s, std::string_view keep) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() * 3 / 2);
  for (char c : s) {
    if (is_unreserved(c) || keep.find(c) != std::string_view::npos) {
      out.push_back(c);
    } else {
      const auto b = static_cast<unsigned char>(c);
      out.push_back('%');
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 0xF]);
    }
  }
  return out;
}

std::string percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2])));
      i += 2;
    } else if (plus_is_space && s[i] == '+') {
      out.push_back(' ');
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string encode_query_value(std::string_view s) { return percent_encode(s, ":/,@"); }

std::string encode_path(std::string_view s) {
  std::string out;
  std::size_t start = 0;
  for (;;) {
    const auto slash = s.find('/', start);
    const std::string_view segment = s.substr(start, slash == std::string_view::npos ? s.npos : slash - start);
    // "." and ".." segments would be removed by URL normalization (libcurl does it, RFC 3986
    // 5.2.4) and take the request out of /works/: their dots are escaped, which no
    // normalization undoes. Other segments keep their slashes readable: proxies that refuse
    // %2F in a path exist, real DOIs have no dot segment.
    const bool dots_only = !segment.empty() && segment.find_first_not_of('.') == std::string_view::npos;
    if (dots_only)
      for (std::size_t i = 0; i < segment.size(); ++i) out += "%2E";
    else
      out += percent_encode(segment, ":");
    if (slash == std::string_view::npos) break;
    out.push_back('/');
    start = slash + 1;
  }
  return out;
}

std::string build_url(std::string_view base, std::string_view path, const QueryParams& params) {
  std::string url(base);
  while (!url.empty() && url.back() == '/') url.pop_back();
  if (!path.empty() && path.front() != '/') url.push_back('/');
  url += path;
  char sep = '?';
  for (const auto& [name, value] : params) {
    url.push_back(sep);
    url += percent_encode(name, ".");
    url.push_back('=');
    url += encode_query_value(value);
    sep = '&';
  }
  return url;
}

}  // namespace litrev
