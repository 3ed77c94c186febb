#include "importers/csljson/note_fields.hpp"

#include "src/core/text.hpp"
#include "src/csl/item.hpp"

namespace litrev::csljson {
namespace {

// The CSL name of a key as Zotero's Extra writes it: "PMID", "original-date", "Original Date",
// "originalDate" (an alias of the engine's table).
std::string field_name(std::string_view key) {
  key = trim(key);
  if (key.empty() || key.size() > 40) return {};
  if (key.starts_with("tex.") && key.size() > 4 && key.find(' ') == std::string_view::npos) return std::string(key);
  std::string hyphenated = ascii_lower(key);
  for (char& c : hyphenated)
    if (c == ' ' || c == '_') c = '-';
  if (hyphenated == "type") return "type";
  if (hyphenated == "note") return {};  // the note itself: text
  if (hyphenated == "citation-key") return "citation-key";
  for (const std::string& candidate : {std::string(key), hyphenated, ascii_upper(hyphenated)})
    if (const auto var = csl::find_var(candidate)) return std::string(csl::var_name(*var));
  return {};
}

// "key: value" when key names a field; false otherwise.
bool read_field(std::string_view line, std::vector<NoteField>& fields) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  std::string name = field_name(line.substr(0, colon));
  const std::string_view value = trim(line.substr(colon + 1));
  if (name.empty() || value.empty()) return false;
  fields.push_back({std::move(name), std::string(value)});
  return true;
}

}  // namespace

SplitNote split_note(std::string_view note) {
  SplitNote out;
  std::string rest;
  // Zotero's older form: "{:original-date: 1987}" anywhere.
  for (std::size_t i = 0; i < note.size();) {
    const std::size_t open = note.find("{:", i);
    const std::size_t close = open == std::string_view::npos ? open : note.find('}', open);
    if (close == std::string_view::npos) {
      rest.append(note.substr(i));
      break;
    }
    if (!read_field(note.substr(open + 2, close - open - 2), out.fields)) rest.append(note.substr(i, close + 1 - i));
    else rest.append(note.substr(i, open - i));
    i = close + 1;
  }
  std::string text;
  std::size_t start = 0;
  const std::string_view r = rest;
  for (std::size_t i = 0; i <= r.size(); ++i) {
    if (i < r.size() && r[i] != '\n') continue;
    std::string_view line = r.substr(start, i - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    start = i + 1;
    if (read_field(line, out.fields)) continue;
    text.append(line);
    text.push_back('\n');
  }
  out.text = std::string(trim(text));
  return out;
}

}  // namespace litrev::csljson
