#pragma once
// URL assembly shared by the Crossref and HAL URL builders. Pure string functions.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace litrev {

// Percent-encodes every byte except RFC 3986 unreserved characters and those listed in keep.
std::string percent_encode(std::string_view s, std::string_view keep = {});

// Decodes %XX escapes (and '+' as a space when plus_is_space); malformed escapes are kept.
std::string percent_decode(std::string_view s, bool plus_is_space = false);

// A query value: ':' '/' ',' '@' stay readable (they are legal in a query and keep Crossref's
// `filter=doi:10.1/x,doi:...` short); '&' '=' '+' '#' '?' ';' '*' and spaces are escaped.
std::string encode_query_value(std::string_view s);

// A DOI (or other identifier) as one path part: '/' stays, everything risky is escaped
// ("10.1002/(SICI)1097-4636" -> "10.1002/%28SICI%291097-4636"), and the dots of "." and ".."
// segments too, so that no URL normalization can take the request out of its route
// ("10.1234/../admin" -> "10.1234/%2E%2E/admin").
std::string encode_path(std::string_view s);

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// base ("https://api.crossref.org" or with a trailing slash) + path ("/works") + "?k=v&...".
// Parameters keep their order; values are encoded with encode_query_value.
std::string build_url(std::string_view base, std::string_view path, const QueryParams& params);

}  // namespace litrev
