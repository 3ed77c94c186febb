#include "importers/openalex/openalex_response.hpp"

#include <nlohmann/json.hpp>

#include "importers/openalex/openalex_work.hpp"
#include "src/core/text.hpp"

namespace litrev {
namespace {

using nlohmann::json;

bool looks_like_json(std::string_view body) {
  const auto t = trim(body);
  return !t.empty() && (t.front() == '{' || t.front() == '[');
}

std::optional<json> parsed(const HttpResponse& answer) {
  if (!looks_like_json(answer.body)) return std::nullopt;
  json j = json::parse(answer.body, nullptr, false);
  if (j.is_discarded()) return std::nullopt;
  return j;
}

std::string string_member(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? collapse_spaces(it->get<std::string>()) : std::string{};
}

// OpenAlex's 400 lists every valid field after its message: a terminal needs the first part.
std::string shortened(std::string s, std::size_t limit = 300) {
  if (s.size() <= limit) return s;
  s.resize(limit);
  while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();  // whole characters
  if (!s.empty()) s.pop_back();
  return s + "…";
}

}  // namespace

bool is_openalex_allowance_spent(const HttpResponse& answer) {
  return answer.status == 429 && answer.header("retry-after").empty();
}

std::string openalex_error_message(const HttpResponse& answer) {
  std::string what;
  if (auto j = parsed(answer); j && j->is_object()) {
    const std::string error = string_member(*j, "error"), message = string_member(*j, "message");
    what = error.empty() ? message : message.empty() ? error : error + ": " + message;
  } else if (!answer.body.empty()) {
    const auto line = trim(std::string_view(answer.body).substr(0, answer.body.find('\n')));
    what = answer.body.find("<html") != std::string::npos || answer.body.find("<HTML") != std::string::npos
               ? "an HTML page"
               : std::string(line);
  }
  if (answer.status == 429) what = "daily allowance spent or plan limit reached" + (what.empty() ? "" : ": " + what);
  std::string out = "OpenAlex: " + (what.empty() ? std::string("no explanation") : shortened(what)) +
                    " (HTTP " + std::to_string(answer.status) + "): " + answer.url;
  if (answer.status == 401 || answer.status == 403) out += "; " + std::string(kOpenAlexKeyHelp);
  return out;
}

std::expected<ListPage, std::string> parse_openalex_list(const HttpResponse& answer) {
  if (answer.status != 200) return std::unexpected(openalex_error_message(answer));
  auto j = parsed(answer);
  if (!j || !j->is_object()) return std::unexpected("OpenAlex: the answer is not JSON (HTTP 200): " + answer.url);
  const auto results = j->find("results");
  if (results == j->end() || !results->is_array())
    return std::unexpected("OpenAlex: the answer has no `results` list (HTTP 200): " + answer.url);
  ListPage page;
  page.items = results->size();
  if (const auto meta = j->find("meta"); meta != j->end() && meta->is_object()) {
    if (const auto count = meta->find("count"); count != meta->end() && count->is_number_unsigned())
      page.total = count->get<std::size_t>();
    page.next_cursor = string_member(*meta, "next_cursor");
  }
  for (const auto& item : *results) {
    if (!item.is_object()) {
      page.diagnostics.push_back({Diagnostic::Severity::warning, answer.url, 0, 0, {}, "an item that is not a work was skipped"});
      continue;
    }
    page.records.push_back(openalex_work_to_record(item, answer.url));
  }
  return page;
}

std::expected<std::optional<ImportRecord>, std::string> parse_openalex_work(const HttpResponse& answer) {
  if (answer.status == 404) return std::optional<ImportRecord>{};
  if (answer.status != 200) return std::unexpected(openalex_error_message(answer));
  auto j = parsed(answer);
  if (!j || !j->is_object()) return std::unexpected("OpenAlex: the answer is not JSON (HTTP 200): " + answer.url);
  return openalex_work_to_record(*j, answer.url);
}

}  // namespace litrev
