#include "src/export/ris_writer.hpp"

#include <algorithm>
#include <array>
#include <sstream>
#include <string_view>

#include "src/core/data_model.hpp"
#include "src/core/text.hpp"

namespace litrev {
namespace {

using namespace std::string_view_literals;

// Tags this writer fills from the readable work: the same tags of an RIS source are not copied.
constexpr std::array kWrittenTags = {"TY"sv, "ID"sv, "TI"sv, "T1"sv, "CT"sv, "BT"sv, "AU"sv, "A1"sv, "A2"sv, "A3"sv,
                                     "A4"sv, "ED"sv, "T2"sv, "JF"sv, "JO"sv, "PY"sv, "Y1"sv, "DA"sv, "VL"sv, "IS"sv,
                                     "SP"sv, "EP"sv, "PB"sv, "CY"sv, "PP"sv, "ET"sv, "LA"sv, "AB"sv, "N2"sv, "KW"sv,
                                     "DO"sv, "SN"sv, "UR"sv, "AN"sv, "N1"sv, "RN"sv, "ER"sv};

bool written_tag(std::string_view tag) {
  return std::find(kWrittenTags.begin(), kWrittenTags.end(), tag) != kWrittenTags.end();
}

bool looks_like_tag_line(std::string_view line) {
  return line.size() >= 5 && line[0] >= 'A' && line[0] <= 'Z' &&
         ((line[1] >= 'A' && line[1] <= 'Z') || (line[1] >= '0' && line[1] <= '9')) && line[2] == ' ';
}

class RecordWriter {
 public:
  explicit RecordWriter(std::ostream& out) : out_(out) {}

  // One line; line breaks and tabs inside become spaces.
  void line(std::string_view tag, std::string_view value) {
    const std::string v = value.find_first_of("\r\n\t") == std::string_view::npos ? std::string(trim(value))
                                                                                 : collapse_spaces(value);
    if (v.empty()) return;
    out_ << tag << "  - " << v << "\r\n";
  }

  // A value whose line breaks matter (abstract, note): continuation lines.
  void lines(std::string_view tag, std::string_view value) {
    value = trim(value);
    if (value.empty()) return;
    bool first = true;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= value.size(); ++i) {
      if (i < value.size() && value[i] != '\n') continue;
      std::string_view l = value.substr(start, i - start);
      if (l.ends_with('\r')) l.remove_suffix(1);
      start = i + 1;
      if (first) {
        out_ << tag << "  - " << l << "\r\n";
        first = false;
      } else {
        // The reader takes a line that looks like "AU  - x" for a field of its own.
        out_ << (looks_like_tag_line(l) ? " " : "") << l << "\r\n";
      }
    }
  }

 private:
  std::ostream& out_;
};

std::string display_name(const Person& p) {
  if (!p.literal.empty()) return p.literal;
  std::string family = p.particle.empty() ? p.family : p.particle + " " + p.family;
  std::string out = family;
  if (!p.given.empty() || !p.suffix.empty()) out += ", " + p.given;
  if (!p.suffix.empty()) out += ", " + p.suffix;
  return out;
}

// EDTF date -> "YYYY/MM/DD/" with empty parts; seasons (21..24) in the last part.
std::string ris_date(std::string_view date) {
  date = date.substr(0, date.find('/'));  // a range: its start
  std::string d;
  for (const char c : date)
    if ((c >= '0' && c <= '9') || c == '-') d.push_back(c);
  if (d.size() < 4 || d.starts_with('-')) return {};
  const std::string year = d.substr(0, 4);
  const std::string month = d.size() >= 7 ? d.substr(5, 2) : "";
  const std::string day = d.size() >= 10 ? d.substr(8, 2) : "";
  static constexpr std::array kSeasons = {"Spring"sv, "Summer"sv, "Autumn"sv, "Winter"sv};
  if (!month.empty() && month >= "21" && month <= "24")
    return year + "///" + std::string(kSeasons[static_cast<std::size_t>(std::stoi(month) - 21)]);
  return year + "/" + month + "/" + day + "/";
}

const SourceRecord* first_ris_source(const StoredWork& sw) {
  for (const auto& s : sw.sources)
    if (s.source_kind == "ris") return &s;
  return nullptr;
}

}  // namespace

void write_ris_record(std::ostream& out, const StoredWork& sw, const RisWriterOptions& options) {
  const Work& w = sw.work;
  const SourceRecord* ris = first_ris_source(sw);
  RecordWriter r(out);

  std::string_view ty = type_for_writer(TypeVocabulary::ris, w.type);
  if (ris && !trim(ris->entry_type).empty() && store_type_from(TypeVocabulary::ris, ris->entry_type) == w.type)
    ty = trim(ris->entry_type);
  r.line("TY", ascii_upper(ty));
  r.line("ID", w.key);
  r.line("TI", w.subtitle.empty() ? w.title : w.title + ": " + w.subtitle);

  const bool book = type_family(w.type) == "book";
  const auto tag_of = [book](Role role) -> std::string_view {
    switch (role) {
      case Role::author: return "AU";
      case Role::editor: return book ? "A3" : "A2";
      case Role::contributor: return book ? "A2" : "A3";
      case Role::translator: return "A4";
      default: return {};  // RIS has no tag for the other roles
    }
  };
  // In the work's order, whatever the roles: readers keep the order of the lines, so the people
  // come back in the order they were imported.
  for (const auto& c : w.contributors)
    if (const auto tag = tag_of(c.role); !tag.empty()) r.line(tag, display_name(c.person));

  r.line("T2", w.container);
  if (w.year) r.line("PY", std::to_string(*w.year));
  if (w.date.size() > 4) r.line("DA", ris_date(w.date));
  r.line("VL", w.volume);
  r.line("IS", w.issue);
  if (!w.pages.empty()) {
    const std::string pages(trim(w.pages));
    const auto dash = pages.find('-', 1);
    r.line("SP", pages.substr(0, dash));
    if (dash != std::string::npos) r.line("EP", pages.substr(dash + 1));
  }
  r.line("PB", w.publisher);
  r.line("CY", w.place);
  r.line("ET", w.edition);
  r.line("LA", w.language);
  r.lines("AB", w.abstract_text);
  std::vector<std::string> seen;  // keywords and tags, folded: one KW each
  const auto keyword = [&](const std::string& k) {
    std::string f = fold(k);
    if (f.empty() || std::find(seen.begin(), seen.end(), f) != seen.end()) return;
    seen.push_back(std::move(f));
    r.line("KW", k);
  };
  for (const auto& k : w.keywords) keyword(k);
  if (options.tags)
    for (const auto& t : sw.tags) keyword(t);
  for (const IdScheme scheme : {IdScheme::doi, IdScheme::isbn, IdScheme::issn, IdScheme::wos, IdScheme::scopus})
    for (const auto& id : w.ids)
      if (id.scheme == scheme)
        r.line(scheme == IdScheme::doi ? "DO" : (scheme == IdScheme::wos || scheme == IdScheme::scopus) ? "AN" : "SN",
               id.value);
  r.line("UR", w.url);
  if (options.notes)
    for (const auto& n : sw.notes) r.lines("N1", n.text);
  if (ris)
    for (const auto& f : ris->fields) {
      if (written_tag(f.name)) continue;
      const FieldSpec* spec = field_spec(FieldVocabulary::ris, f.name);
      // Kept: what litrev does not read, and the abbreviated journal names beside T2.
      if (spec && spec->slot != Slot::none && !(spec->slot == Slot::journaltitle && spec->rank >= 2)) continue;
      r.lines(f.name, f.value);
    }
  out << "ER  - \r\n";
}

std::string ris_record_text(const StoredWork& work, const RisWriterOptions& options) {
  std::ostringstream out;
  write_ris_record(out, work, options);
  return out.str();
}

}  // namespace litrev
