#include "importers/csljson/csljson_import.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "importers/csljson/csljson_records.hpp"
#include "importers/csljson/json_layout.hpp"

namespace litrev::csljson {
namespace {

// CSL-JSON nests 5 levels (array, item, date, date-parts, parts); a "custom" object a few more.
constexpr std::size_t kDepthLimit = 64;

// nlohmann's message without its "[json.exception.parse_error.101] parse error at line 1,
// column 2: " prefix: the diagnostic carries the position.
std::string parse_error_text(const nlohmann::json::exception& e) {
  std::string_view what = e.what();
  for (const std::string_view marker : {"syntax error", "invalid ", "number overflow"})
    if (const auto at = what.find(marker); at != std::string_view::npos) return std::string(what.substr(at));
  return std::string(what);
}

}  // namespace

input::ParseCounts parse_csljson_file(const input::DecodedText& decoded, const input::RecordSink& sink,
                                      std::vector<Diagnostic>& diagnostics) {
  for (const auto& w : decoded.warnings) diagnostics.push_back(w);
  const std::string_view text = decoded.text, source = decoded.source;
  input::ParseCounts counts;
  const auto fail = [&](std::uint32_t line, std::uint32_t column, std::string message) {
    diagnostics.push_back({Diagnostic::Severity::error, std::string(source), line, column, "", std::move(message)});
    return counts;
  };
  const JsonLayout layout = scan_json_layout(text, kDepthLimit);
  if (layout.too_deep_line)
    return fail(layout.too_deep_line, 0, fmt::format("JSON nested deeper than {} levels: not CSL-JSON; nothing read", kDepthLimit));
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    const auto [line, column] = line_and_column(text, e.byte > 0 ? e.byte - 1 : 0);
    return fail(line, column, "not valid JSON: " + parse_error_text(e) + "; nothing read");
  } catch (const nlohmann::json::out_of_range& e) {
    // A number beyond a double ("1e999"): the message quotes it, the text says where it is.
    const std::string message = parse_error_text(e);
    const auto quoted = message.find('\'');
    const std::string number = quoted == std::string::npos ? std::string() : message.substr(quoted + 1, message.size() - quoted - 2);
    const auto [line, column] = line_and_column(text, number.empty() ? 0 : text.find(number));
    return fail(line, column, "not valid JSON: " + message + "; nothing read");
  }
  if (root.is_object()) root = nlohmann::json::array({std::move(root)});
  if (!root.is_array())
    return fail(1, 1, fmt::format("CSL-JSON is an array of items; this file holds a JSON {}; nothing read", root.type_name()));
  const ItemLayout unknown{1, {}};
  for (std::size_t i = 0; i < root.size(); ++i) {
    ++counts.read;
    const ItemLayout& at = i < layout.items.size() ? layout.items[i] : unknown;
    if (auto rec = make_csl_record(root[i], i, at, source, diagnostics)) sink(std::move(*rec));
    else ++counts.skipped;
  }
  return counts;
}

}  // namespace litrev::csljson
