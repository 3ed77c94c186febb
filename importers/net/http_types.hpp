#pragma once
// What goes into and comes out of the HTTP layer. Plain data: the client fills them, the
// Crossref and HAL recipes read them, the tests compare them.

#include <cstddef>
#include <expected>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace litrev {

// One header as received; names are stored lower-cased (HTTP header names are case-insensitive).
struct HttpHeader {
  std::string name;
  std::string value;
};
using HttpHeaders = std::vector<HttpHeader>;

// The value of the first header called name (any case), empty when absent.
std::string_view header_value(const HttpHeaders& headers, std::string_view name);

struct HttpRequest {
  HttpRequest() = default;
  // NOLINTNEXTLINE(google-explicit-constructor): a URL is the common case of a request
  HttpRequest(std::string u, std::string cls = "default") : url(std::move(u)), rate_class(std::move(cls)) {}

  std::string url;
  // Extra request headers ("Accept: application/json"); the User-Agent comes from the client.
  std::vector<std::pair<std::string, std::string>> headers;
  // Requests of one class share one learned rate limit: one class per API ("crossref", "hal"),
  // so that limits advertised by one answer pace every later request to the same service.
  std::string rate_class = "default";
  // Query parameters sent with the request but kept out of `url`, hence out of the cache key,
  // the cache files, error messages and the provenance of records: an API key.
  std::vector<std::pair<std::string, std::string>> secret_params;
  // An answer the API means as final although its status is one that is retried (OpenAlex's
  // 429 "daily allowance spent"): when this returns true it is returned at once, not retried.
  std::function<bool(const struct HttpResponse&)> final_answer;
};

struct HttpResponse {
  std::string url;  // the URL requested (not the one redirected to): it is what errors name
  long status = 0;
  HttpHeaders headers;
  std::string body;  // decoded (gzip/deflate/br undone by libcurl)
  bool from_cache = false;
  int attempts = 1;  // 1 + retries spent on 429/5xx/transient errors

  std::string_view header(std::string_view name) const { return header_value(headers, name); }
  // Media type without parameters, lower-cased: "application/json".
  std::string content_type() const;
};

enum class HttpErrorKind {
  connect,            // DNS, refused, TLS: nothing was exchanged
  timeout,            // connect or total timeout
  truncated,          // the body ended before Content-Length (curl error 18) or the connection broke
  retries_exhausted,  // 429 or 5xx answered every attempt
  offline_miss,       // --offline and the cache holds no answer for this URL
  too_large,          // the answer (decoded) exceeded HttpClientOptions::max_body_bytes
  redirect,           // a redirect refused: another host, a scheme other than http(s), too many
  transport,          // any other libcurl failure
};

struct HttpError {
  std::string url;
  HttpErrorKind kind = HttpErrorKind::transport;
  long status = 0;       // the last HTTP status seen (retries_exhausted), else 0
  std::string message;   // the cause, without the URL
  int attempts = 1;
  // "timeout after 300 ms: GET http://127.0.0.1:4242/works/10.1/x" — always names the URL.
  std::string describe() const;
};

std::string_view http_error_kind_name(HttpErrorKind kind);

using HttpResult = std::expected<HttpResponse, HttpError>;

}  // namespace litrev
