#pragma once
// Tolerant readers for the JSON answers of the APIs (Crossref, OpenAlex): one odd record (a
// member missing, null, or of another type) must not sink an import. Header only, for the
// client modules that link nlohmann-json; the net module itself does not read JSON.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "src/core/record.hpp"
#include "src/core/text.hpp"

namespace litrev::json_read {

// The member, or nullptr when j is not an object, lacks it or holds null there.
inline const nlohmann::json* member(const nlohmann::json& j, std::string_view key) {
  if (!j.is_object()) return nullptr;
  const auto it = j.find(key);
  return it == j.end() || it->is_null() ? nullptr : &*it;
}

// A string (NFC-normalized: deposits sometimes carry decomposed accents, and equal text must
// compare equal in the store) or a number as text; empty for anything else.
inline std::string as_text(const nlohmann::json* v) {
  if (v == nullptr) return {};
  if (v->is_string()) return nfc(v->get_ref<const std::string&>());
  if (v->is_number_integer()) return std::to_string(v->get<long long>());
  if (v->is_number()) return v->dump();
  return {};
}

inline std::string text_of(const nlohmann::json& j, std::string_view key) { return as_text(member(j, key)); }

// Every member of a record as the source gave it (strings as they are, the rest as JSON), so
// that the source record keeps what the readable fields leave out.
inline std::vector<SourceField> source_fields(const nlohmann::json& record) {
  std::vector<SourceField> fields;
  if (!record.is_object()) return fields;
  for (const auto& [key, value] : record.items()) {
    if (value.is_string()) fields.push_back({key, value.get<std::string>()});
    else fields.push_back({key, value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
  }
  return fields;
}

}  // namespace litrev::json_read
