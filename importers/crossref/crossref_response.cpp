#include "importers/crossref/crossref_response.hpp"

#include <nlohmann/json.hpp>

#include "importers/crossref/crossref_work.hpp"
#include "src/core/text.hpp"

namespace litrev {
namespace {

using nlohmann::json;

std::string first_line(std::string_view body) {
  body = trim(body);
  if (const auto nl = body.find('\n'); nl != std::string_view::npos) body = body.substr(0, nl);
  if (body.size() > 200) body = body.substr(0, 200);
  return std::string(trim(body));
}

bool looks_like_markup(std::string_view body) {
  body = trim(body);
  return !body.empty() && body.front() == '<';
}

// Crossref failure bodies: {"status":"failed","message-type":"validation-failure",
// "message":[{"type":"...","value":"...","message":"..."}]}
std::string failure_message(const json& j) {
  const auto it = j.find("message");
  if (it == j.end()) return {};
  if (it->is_string()) return collapse_spaces(it->get<std::string>());
  std::string out;
  if (it->is_array()) {
    for (const auto& m : *it) {
      std::string text = m.is_object() && m.contains("message") && m["message"].is_string()
                             ? collapse_spaces(m["message"].get<std::string>())
                             : std::string{};
      if (text.empty()) continue;
      if (m.contains("value") && m["value"].is_string()) text += " [" + m["value"].get<std::string>() + "]";
      out += (out.empty() ? "" : "; ") + text;
    }
  }
  return out;
}

CrossrefError error(CrossrefError::Kind kind, const HttpResponse& r, std::string message) {
  return CrossrefError{kind, r.url, r.status, std::move(message)};
}

// Everything that is not a 200 JSON answer.
std::optional<CrossrefError> classify(const HttpResponse& r) {
  if (r.status == 200 && looks_like_json(r.body)) return std::nullopt;
  const std::string message = crossref_error_message(r);
  if (r.status == 404) return error(CrossrefError::Kind::not_found, r, message.empty() ? "Resource not found." : message);
  if (r.status == 400) return error(CrossrefError::Kind::invalid_request, r, message);
  if (!looks_like_json(r.body) && r.status == 200)
    return error(CrossrefError::Kind::not_json, r, "expected JSON, got " + (message.empty() ? "an empty body" : message));
  return error(looks_like_json(r.body) ? CrossrefError::Kind::http_status : CrossrefError::Kind::not_json, r, message);
}

std::expected<json, CrossrefError> parse_message(const HttpResponse& r, const char* expected_type) {
  json j = json::parse(r.body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return std::unexpected(error(CrossrefError::Kind::malformed, r, "malformed JSON"));
  if (!j.is_object() || !j.contains("message") || !j["message"].is_object())
    return std::unexpected(error(CrossrefError::Kind::malformed, r, "JSON without a `message` object"));
  if (j.value("status", std::string("ok")) != "ok")
    return std::unexpected(error(CrossrefError::Kind::http_status, r, failure_message(j)));
  const std::string type = j.value("message-type", std::string{});
  if (!type.empty() && type != expected_type)
    return std::unexpected(error(CrossrefError::Kind::malformed, r, "expected message-type " + std::string(expected_type) + ", got " + type));
  return std::move(j["message"]);
}

}  // namespace

std::string CrossrefError::describe() const {
  std::string out = "Crossref: " + message;
  if (status != 0) out += " (HTTP " + std::to_string(status) + ")";
  out += ": " + url;
  return out;
}

bool looks_like_json(std::string_view body) {
  body = trim(body);
  if (body.starts_with("\xEF\xBB\xBF")) body = trim(body.substr(3));
  return !body.empty() && (body.front() == '{' || body.front() == '[');
}

std::string crossref_error_message(const HttpResponse& r) {
  if (looks_like_json(r.body)) {
    const json j = json::parse(r.body, nullptr, false);
    if (!j.is_discarded() && j.is_object()) {
      if (auto m = failure_message(j); !m.empty()) return m;
    }
    return "a JSON body";
  }
  if (looks_like_markup(r.body)) {
    // An HTML error page from a proxy or load balancer: say so, and quote its title or heading.
    std::string_view b = r.body;
    for (const char* tag : {"<title>", "<h1>"}) {
      const auto start = b.find(tag);
      if (start == std::string_view::npos) continue;
      const auto from = start + std::char_traits<char>::length(tag);
      const auto end = b.find('<', from);
      if (end != std::string_view::npos) return "an HTML page: " + collapse_spaces(b.substr(from, end - from));
    }
    return "an HTML page";
  }
  return first_line(r.body);
}

std::expected<std::optional<ImportRecord>, CrossrefError> parse_crossref_work_response(const HttpResponse& r) {
  if (auto e = classify(r)) {
    if (e->kind == CrossrefError::Kind::not_found) return std::optional<ImportRecord>{};
    return std::unexpected(*e);
  }
  auto message = parse_message(r, "work");
  if (!message) return std::unexpected(message.error());
  return std::optional<ImportRecord>(crossref_work_to_record(*message, r.url));
}

std::expected<CrossrefPage, CrossrefError> parse_crossref_works_response(const HttpResponse& r) {
  if (auto e = classify(r)) return std::unexpected(*e);
  auto message = parse_message(r, "work-list");
  if (!message) return std::unexpected(message.error());
  CrossrefPage page;
  const json& m = *message;
  if (const auto it = m.find("total-results"); it != m.end() && it->is_number_unsigned())
    page.total_results = it->get<std::size_t>();
  if (const auto it = m.find("next-cursor"); it != m.end() && it->is_string()) page.next_cursor = it->get<std::string>();
  const auto items = m.find("items");
  if (items == m.end() || !items->is_array()) return page;
  page.items = items->size();
  std::size_t index = 0;
  for (const auto& item : *items) {
    if (item.is_object()) {
      page.records.push_back(crossref_work_to_record(item, r.url));
    } else {
      page.diagnostics.push_back({Diagnostic::Severity::warning, r.url, 0, 0, "items",
                                  "item " + std::to_string(index) + " is not a work object: skipped"});
    }
    ++index;
  }
  return page;
}

}  // namespace litrev
