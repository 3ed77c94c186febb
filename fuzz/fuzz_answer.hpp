// The answer a network fuzz target hands its parser: a 200 from the loopback address whose
// body is the fuzzer's bytes, as the HTTP layer would return it.
#pragma once

#include <string>
#include <string_view>

#include "importers/net/http_types.hpp"

namespace litrev::fuzz {

inline HttpResponse answer_with_body(std::string_view body, std::string url, std::string_view content_type = {}) {
  HttpResponse r;
  r.url = std::move(url);
  r.status = 200;
  if (!content_type.empty()) r.headers.push_back({"content-type", std::string(content_type)});
  r.body = std::string(body);
  return r;
}

}  // namespace litrev::fuzz
