#pragma once
// Reading an OpenAlex answer — status, body — into records or a precise error. Pure.
//   200 {"meta":{count,next_cursor...},"results":[...]}  -> a list page
//   200 {a Work}                                          -> one work
//   404 (JSON or not)                                     -> not found
//   400 / 401 / 403 {"error","message"}                   -> OpenAlex's own words, and for 401/403
//                                                            how to get a key
//   429 without Retry-After                               -> the daily allowance is spent

#include <expected>
#include <optional>
#include <string>

#include "importers/net/http_types.hpp"
#include "importers/net/paged_fetch.hpp"

namespace litrev {

inline constexpr std::string_view kOpenAlexKeyHelp =
    "OpenAlex wants a free API key: create one at https://openalex.org/settings/api, then set "
    "$LITREV_OPENALEX_KEY or run `litrev config set openalex.key KEY`";

// "OpenAlex: <message> (HTTP 400): <url>", with the key help for 401/403.
std::string openalex_error_message(const HttpResponse& answer);

// True for the 429 that must not be retried: no Retry-After (the daily allowance is spent, or
// the plan does not allow the call).
bool is_openalex_allowance_spent(const HttpResponse& answer);

// A list page (/works?...); the error names the URL and OpenAlex's message.
std::expected<ListPage, std::string> parse_openalex_list(const HttpResponse& answer);

// One work (/works/{id}): nullopt for 404.
std::expected<std::optional<ImportRecord>, std::string> parse_openalex_work(const HttpResponse& answer);

}  // namespace litrev
