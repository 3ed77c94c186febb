#include "importers/net/http_types.hpp"

#include "src/core/text.hpp"

namespace litrev {

std::string_view header_value(const HttpHeaders& headers, std::string_view name) {
  const std::string wanted = ascii_lower(name);
  for (const auto& h : headers)
    if (h.name == wanted) return h.value;
  return {};
}

std::string HttpResponse::content_type() const {
  std::string_view type = header("content-type");
  if (const auto semi = type.find(';'); semi != std::string_view::npos) type = type.substr(0, semi);
  return ascii_lower(trim(type));
}

std::string_view http_error_kind_name(HttpErrorKind kind) {
  switch (kind) {
    case HttpErrorKind::connect: return "connection failed";
    case HttpErrorKind::timeout: return "timeout";
    case HttpErrorKind::truncated: return "truncated response";
    case HttpErrorKind::retries_exhausted: return "gave up after retries";
    case HttpErrorKind::offline_miss: return "not in the cache (offline)";
    case HttpErrorKind::too_large: return "answer too large";
    case HttpErrorKind::redirect: return "redirect refused";
    case HttpErrorKind::transport: return "transfer failed";
  }
  return "error";
}

std::string HttpError::describe() const {
  std::string out(http_error_kind_name(kind));
  if (status != 0) out += " (HTTP " + std::to_string(status) + ")";
  if (!message.empty()) out += ", " + message;
  out += ": GET " + url;
  return out;
}

}  // namespace litrev
