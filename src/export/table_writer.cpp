#include "src/export/table_writer.hpp"

#include <algorithm>
#include <array>

#include "src/core/data_model.hpp"
#include "src/core/identifiers.hpp"
#include "src/core/text.hpp"

namespace litrev {
namespace {

using namespace std::string_view_literals;

constexpr std::array kColumns = {
    "key"sv,      "type"sv,      "year"sv,     "date"sv,    "title"sv,         "authors"sv,    "editors"sv,
    "container"sv, "volume"sv,   "issue"sv,    "pages"sv,   "publisher"sv,     "place"sv,      "language"sv,
    "doi"sv,      "isbn"sv,      "issn"sv,     "url"sv,     "wos"sv,           "scopus"sv,     "hal"sv,
    "arxiv"sv,    "pmid"sv,      "abstract"sv, "keywords"sv, "tags"sv,         "notes"sv,      "references"sv,
    "global_citations"sv, "citations"sv, "pagerank"sv, "betweenness"sv, "cluster"sv, "cluster_label"sv};
constexpr std::array kGraphColumns = {"citations"sv, "pagerank"sv, "betweenness"sv, "cluster"sv, "cluster_label"sv};

std::string person_name(const Person& p) {
  if (!p.literal.empty()) return p.literal;
  std::string out = p.particle.empty() ? p.family : p.particle + " " + p.family;
  if (!p.given.empty()) out += ", " + p.given;
  if (!p.suffix.empty()) out += ", " + p.suffix;
  return out;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& i : items) {
    if (i.empty()) continue;
    if (!out.empty()) out += separator;
    out += i;
  }
  return out;
}

std::string ids(const Work& w, IdScheme scheme) {
  std::vector<std::string> values;
  for (const auto& id : w.ids)
    if (id.scheme == scheme) values.push_back(id.value);
  return joined(values, "; ");
}

}  // namespace

std::span<const std::string_view> table_columns() { return kColumns; }

bool is_graph_column(std::string_view column) {
  return std::find(kGraphColumns.begin(), kGraphColumns.end(), column) != kGraphColumns.end();
}

std::optional<std::string> check_table_columns(const std::vector<std::string>& columns) {
  if (columns.empty()) return std::string("no column asked for");
  for (const auto& c : columns)
    if (std::find(kColumns.begin(), kColumns.end(), c) == kColumns.end()) {
      std::string known;
      for (const auto k : kColumns) known += (known.empty() ? "" : ", ") + std::string(k);
      return "unknown column '" + c + "' (columns: " + known + ")";
    }
  return std::nullopt;
}

std::string TableWriter::cell(std::string_view value, TableFormat format) {
  if (format == TableFormat::tsv) {
    std::string out(value);
    for (auto& c : out)
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return out;
  }
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (const char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void TableWriter::end_line() { out_ << (format_ == TableFormat::csv ? "\r\n" : "\n"); }

void TableWriter::header() {
  const char sep = format_ == TableFormat::csv ? ',' : '\t';
  for (std::size_t i = 0; i < columns_.size(); ++i) out_ << (i ? std::string(1, sep) : "") << columns_[i];
  end_line();
}

void TableWriter::row(const StoredWork& sw) {
  const char sep = format_ == TableFormat::csv ? ',' : '\t';
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (i) out_ << sep;
    out_ << cell(value(sw, columns_[i]), format_);
  }
  end_line();
}

std::string TableWriter::value(const StoredWork& sw, std::string_view c) const {
  const Work& w = sw.work;
  if (is_graph_column(c)) {
    const auto column = graph_.find(c);
    if (column == graph_.end()) return {};
    const auto v = column->second.find(sw.id);
    return v == column->second.end() ? std::string() : v->second;
  }
  if (c == "key") return w.key;
  if (c == "type") return w.type;
  if (c == "year") return w.year ? std::to_string(*w.year) : std::string();
  if (c == "date") return w.date;
  if (c == "title") return w.subtitle.empty() ? w.title : w.title + ": " + w.subtitle;
  if (c == "authors" || c == "editors") {
    const Role role = c == "authors" ? Role::author : Role::editor;
    std::vector<std::string> names;
    for (const auto& p : w.contributors)
      if (p.role == role) names.push_back(person_name(p.person));
    return joined(names, "; ");
  }
  if (c == "container") return w.container;
  if (c == "volume") return w.volume;
  if (c == "issue") return w.issue;
  if (c == "pages") return w.pages;
  if (c == "publisher") return w.publisher;
  if (c == "place") return w.place;
  if (c == "language") return w.language;
  if (c == "url") return w.url;
  if (c == "abstract") return w.abstract_text;
  if (c == "keywords") return joined(w.keywords, "; ");
  if (c == "tags") return joined(sw.tags, "; ");
  if (c == "notes") {
    std::vector<std::string> notes;
    for (const auto& n : sw.notes) notes.push_back(std::string(trim(n.text)));
    return joined(notes, "\n\n");
  }
  if (c == "references") return std::to_string(sw.references.size());
  if (c == "global_citations") return w.global_citations ? std::to_string(*w.global_citations) : std::string();
  if (const auto scheme = id_scheme_from_name(c)) return ids(w, *scheme);
  return {};
}

}  // namespace litrev
