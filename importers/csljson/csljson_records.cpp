#include "importers/csljson/csljson_records.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "importers/csljson/note_fields.hpp"
#include "importers/tagged/tagged_work.hpp"
#include "src/core/data_model.hpp"
#include "src/core/text.hpp"
#include "src/csl/item_json.hpp"

namespace litrev::csljson {
namespace {

using Json = nlohmann::json;
using tagged::TaggedField;
using tagged::TaggedRecord;

// A NUL (JSON's "\u0000") cuts values short in every C API later: shown as U+FFFD.
std::string without_nul(std::string s) {
  for (std::size_t at = s.find('\0'); at != std::string::npos; at = s.find('\0', at)) s.replace(at, 1, "\uFFFD");
  return s;
}

std::string scalar_text(const Json& v) {
  if (v.is_string()) return without_nul(v.get<std::string>());
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  return v.dump();  // numbers as written by the shortest form that reads back the same
}

std::string json_text(const Json& v) { return without_nul(v.dump(-1, ' ', false, Json::error_handler_t::replace)); }

// CSL's rich-text markup out of a readable value: <i>, <b>, <sup>, <sub>, <sc>, <span ...>.
std::string without_markup(std::string_view s) {
  if (s.find('<') == std::string_view::npos) return std::string(s);
  static constexpr std::string_view kTags[] = {"<i>", "</i>", "<b>", "</b>", "<sup>", "</sup>", "<sub>", "</sub>",
                                               "<sc>", "</sc>", "</span>"};
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') {
      const std::string_view rest = s.substr(i);
      const auto tag = std::find_if(std::begin(kTags), std::end(kTags), [&](std::string_view t) { return rest.starts_with(t); });
      if (tag != std::end(kTags)) {
        i += tag->size() - 1;
        continue;
      }
      if (rest.starts_with("<span ") && rest.find('>') != std::string_view::npos) {
        i += rest.find('>');
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return collapse_spaces(out);
}

std::string_view json_type(const Json& v) {
  if (v.is_string()) return "a string";
  if (v.is_number()) return "a number";
  if (v.is_boolean()) return "a boolean";
  if (v.is_array()) return "an array";
  if (v.is_null()) return "null";
  return "an object";
}

// Better BibTeX and pandoc write the citation key as "id"; Zotero writes its item URI or
// "libraryID/KEY", and other tools numbers: no keys.
bool reads_as_citation_key(std::string_view id) {
  if (id.empty() || id.size() > 100) return false;
  bool letter = false;
  for (const char c : id) {
    // Blanks, URI and path separators, and what BibTeX keys cannot hold.
    if (std::string_view(" \t\r\n/\\\"{},=#%").find(c) != std::string_view::npos) return false;
    letter |= (c < '0' || c > '9');
  }
  return letter;
}

std::optional<Person> person_of(const csl::Name& n) {
  Person p;
  if (!n.literal.empty()) {
    p.literal = collapse_spaces(n.literal);
    return p.literal.empty() ? std::nullopt : std::optional(p);
  }
  p.family = collapse_spaces(n.family);
  p.given = collapse_spaces(n.given);
  p.particle = collapse_spaces(n.non_dropping_particle);
  p.suffix = collapse_spaces(n.suffix);
  // "Alexis de" Tocqueville: the dropping particle after the given name, as BibTeX writes it
  // ("Tocqueville, Alexis de") and the CSL export reads it back.
  if (const std::string dropping = collapse_spaces(n.dropping_particle); !dropping.empty())
    p.given = p.given.empty() ? dropping : p.given + " " + dropping;
  if (p.family.empty()) std::swap(p.family, p.given);  // a single name ("Plato") is a family name
  if (p.family.empty()) return std::nullopt;
  return p;
}

std::string edtf_part(const csl::DateParts& p) {
  if (p.year == 0) return {};
  std::string s = p.year < 0 ? fmt::format("-{:04d}", -p.year) : fmt::format("{:04d}", p.year);
  if (p.month >= 1 && p.month <= 12) {
    s += fmt::format("-{:02d}", p.month);
    if (p.day >= 1 && p.day <= 31) s += fmt::format("-{:02d}", p.day);
  } else if (p.month >= 13 && p.month <= 16) {
    s += fmt::format("-{}", p.month + 8);  // CSL's seasons 13..16 are EDTF's 21..24
  }
  return s;
}

std::optional<int> year_in(std::string_view text) {
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    const auto digit = [&](std::size_t k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; };
    if ((i == 0 || !digit(i - 1)) && digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4))
      return std::stoi(std::string(text.substr(i, 4)));
  }
  return std::nullopt;
}

class ItemReader {
 public:
  ItemReader(const Json& item, std::size_t index, const ItemLayout& layout, std::string_view origin)
      : item_(item), layout_(layout), origin_(origin) {
    const auto id = item.find("id");
    if (id != item.end() && !id->is_structured() && !id->is_null()) id_ = scalar_text(*id);
    label_ = id_.empty() ? fmt::format("item {}", index + 1) : fmt::format("item {} (id \"{}\")", index + 1, id_);
  }

  std::optional<ImportRecord> read(std::vector<Diagnostic>& diagnostics) {
    ImportRecord rec;
    TaggedRecord record;
    record.line = layout_.line;
    for_each_variable([&](const std::string& key, const Json& value) { add_field(key, value, record, rec); });
    SplitNote note;
    if (const auto it = item_.find("note"); it != item_.end() && it->is_string()) {
      note = split_note(it->get<std::string>());
      for (auto& f : note.fields) {
        if (f.name == "type") note_type_ = f.value;
        else if (f.name == "citation-key") note_key_ = f.value;
        else if (f.name == "issued") note_issued_ = f.value;
        if (f.name != "type" && f.name != "citation-key")
          record.fields.push_back({std::move(f.name), without_nul(std::move(f.value)), layout_.line_of("note")});
      }
    }

    std::string original_key = id_.empty() ? tagged::fingerprint(record) : id_;
    tagged::WorkAssembler a(FieldVocabulary::csl, std::move(record), "csl-json", origin_, /*wrapped=*/false, rec);
    rec.source.original_key = std::move(original_key);
    read_type(a, rec);
    a.fill_common();
    Work& w = rec.work;
    w.title = without_markup(w.title);
    w.container = without_markup(a.text(Slot::journaltitle));
    // A book's, report's or thesis's series is its container (the CSL export writes it there),
    // and its number in the series the issue.
    if (w.container.empty()) w.container = without_markup(collapse_spaces(text_of("collection-title")));
    if (w.issue.empty()) w.issue = collapse_spaces(text_of("collection-number"));
    split_keywords_on_commas(w.keywords);
    read_names(rec);
    read_issued(rec);
    read_key(rec);
    if (!note.text.empty()) rec.notes.push_back(std::move(note.text));
    a.finish();
    for (auto& f : held_back_) rec.source.fields.push_back(std::move(f));

    const auto says_something = [](const SourceField& f) {
      return f.name != "id" && f.name != "type" && f.name != "citation-key" && !trim(f.value).empty();
    };
    if (std::none_of(rec.source.fields.begin(), rec.source.fields.end(), says_something)) {
      diagnostics.push_back({Diagnostic::Severity::error, std::string(origin_), layout_.line, 0, "",
                             label_ + " has no variable but its id and type: skipped"});
      return std::nullopt;
    }
    return rec;
  }

 private:
  // The item's variables in the file's order (the layout's keys), then any the layout could not
  // name (keys written with escapes).
  template <class F>
  void for_each_variable(F f) {
    std::set<std::string, std::less<>> seen;
    for (const auto& [raw, line] : layout_.keys) {
      const std::string key(raw);
      const auto it = item_.find(key);
      if (it == item_.end() || !seen.insert(key).second) continue;
      f(key, *it);
    }
    for (const auto& [key, value] : item_.items())
      if (!seen.contains(key)) f(key, value);
  }

  // A scalar variable's text, "" when absent or not a scalar.
  std::string text_of(const char* key) const {
    const auto it = item_.find(key);
    return it == item_.end() || it->is_structured() || it->is_null() ? std::string() : scalar_text(*it);
  }

  void warn(std::string_view key, std::string message, std::vector<Diagnostic>& into) {
    into.push_back({Diagnostic::Severity::warning, std::string(origin_), layout_.line_of(key), 0, std::string(key),
                    label_ + ": " + std::move(message)});
  }

  void add_field(const std::string& key, const Json& value, TaggedRecord& record, ImportRecord& rec) {
    if (value.is_null()) return;
    const FieldSpec* spec = field_spec(FieldVocabulary::csl, key);
    const bool structured_kind = spec && (spec->kind == FieldKind::name_list || spec->kind == FieldKind::date);
    const std::uint32_t line = layout_.line_of(key);
    if (value.is_structured() && !structured_kind && spec && spec->slot != Slot::none) {
      // "title": ["A", "B"]: kept, but fed to no slot.
      warn(key, fmt::format("{} is {}, not text: kept in the fields only", key, json_type(value)), rec.warnings);
      held_back_.push_back({key, json_text(value)});
      return;
    }
    record.fields.push_back({key, value.is_structured() ? json_text(value) : scalar_text(value), line});
  }

  void read_type(tagged::WorkAssembler& a, ImportRecord& rec) {
    const bool note_type_known = !note_type_.empty() && knows_type(TypeVocabulary::csl, note_type_);
    const std::string type = note_type_known ? note_type_ : a.text(Slot::type);
    rec.source.entry_type = type;
    if (type.empty()) {  // pandoc writes "type": "" for BibTeX's @misc
      rec.work.type = "misc";
      return;
    }
    rec.work.type = a.store_type(TypeVocabulary::csl, type, a.slots().best(Slot::type));
    // CSL's "article" is a preprint; exporters that know no better write it for any article.
    if (ascii_lower(trim(type)) == "article" && item_.contains("container-title")) rec.work.type = "article";
  }

  void split_keywords_on_commas(std::vector<std::string>& keywords) {
    std::vector<std::string> out, folded;
    for (const auto& k : keywords) {
      std::size_t start = 0;
      for (std::size_t i = 0; i <= k.size(); ++i) {
        if (i < k.size() && k[i] != ',') continue;
        std::string one = collapse_spaces(std::string_view(k).substr(start, i - start));
        start = i + 1;
        std::string key = fold(one);
        if (one.empty() || std::find(folded.begin(), folded.end(), key) != folded.end()) continue;
        folded.push_back(std::move(key));
        out.push_back(std::move(one));
      }
    }
    keywords = std::move(out);
  }

  // Roles in the order of CSL's variable table, which is the order the CSL-JSON export writes
  // them in: a file read, written and read again lists its people in the same order.
  void read_names(ImportRecord& rec) {
    for (std::size_t v = 0; v < csl::kVarCount; ++v) {
      if (csl::var_kind(static_cast<csl::Var>(v)) != csl::VarKind::name) continue;
      const std::string_view key = csl::var_name(static_cast<csl::Var>(v));
      const FieldSpec* spec = field_spec(FieldVocabulary::csl, key);
      const auto it = item_.find(key);
      if (!spec || spec->slot != Slot::names || !spec->role || it == item_.end() || it->is_null()) continue;
      const Json& value = *it;
      if (!value.is_array()) {
        warn(key, fmt::format("{} is {}, not an array of names: kept in the fields", key, json_type(value)), rec.warnings);
        continue;
      }
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_object()) {
          warn(key, fmt::format("name {} of {} is {}, not an object: left out", i + 1, key, json_type(value[i])), rec.warnings);
          continue;
        }
        if (auto person = person_of(csl::read_name(value[i]))) rec.work.contributors.push_back({*spec->role, std::move(*person)});
      }
    }
  }

  // "issued", else an "issued:" line of the note.
  void read_issued(ImportRecord& rec) {
    const auto it = item_.find("issued");
    const bool in_item = it != item_.end() && !it->is_null();
    if (!in_item && note_issued_.empty()) return;
    bool ok = true;
    const csl::Date d = !in_item       ? csl::parse_date_text(note_issued_)
                        : it->is_number() ? csl::parse_date_text(scalar_text(*it))
                                          : csl::read_date(*it, ok);
    Work& w = rec.work;
    if (!d.from.empty()) {
      csl::DateParts from = d.from;
      if (from.month == 0 && d.season && !d.to) from.month = 12 + d.season;  // {"season": 3}
      w.date = edtf_part(from);
      if (d.to && !d.to->empty()) w.date += "/" + edtf_part(*d.to);
      if (d.circa && !d.to) w.date += "~";
      w.year = d.from.year ? std::optional(d.from.year) : std::nullopt;
      if (w.date.empty() || w.date.starts_with('/')) w.date.clear();
    }
    if (!ok) {
      warn("issued", "issued has date-parts that are not numbers (or not a date's): kept in the fields", rec.warnings);
    } else if (d.from.empty()) {
      const std::string shown = !d.literal.empty() ? d.literal : in_item ? json_text(*it) : note_issued_;
      w.year = year_in(shown);
      warn("issued",
           fmt::format("date '{}' is not a date{}; kept in the fields", shown, w.year ? fmt::format(": read as {}", *w.year) : ""),
           rec.warnings);
    }
  }

  void read_key(ImportRecord& rec) {
    std::string key;
    if (const auto it = item_.find("citation-key"); it != item_.end() && it->is_string()) key = trim(it->get<std::string>());
    if (key.empty()) key = trim(note_key_);
    if (key.empty() && reads_as_citation_key(id_)) key = id_;
    if (reads_as_citation_key(key)) rec.work.key = key;
  }

  const Json& item_;
  const ItemLayout& layout_;
  std::string_view origin_;
  std::string id_, label_, note_type_, note_key_, note_issued_;
  std::vector<SourceField> held_back_;
};

}  // namespace

std::optional<ImportRecord> make_csl_record(const Json& item, std::size_t index, const ItemLayout& layout,
                                            std::string_view origin, std::vector<Diagnostic>& diagnostics) {
  if (!item.is_object()) {
    diagnostics.push_back({Diagnostic::Severity::error, std::string(origin), layout.line, 0, "",
                           fmt::format("item {} is {}, not an object: skipped", index + 1, json_type(item))});
    return std::nullopt;
  }
  return ItemReader(item, index, layout, origin).read(diagnostics);
}

}  // namespace litrev::csljson
