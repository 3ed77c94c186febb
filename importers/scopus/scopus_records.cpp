#include "importers/scopus/scopus_records.hpp"

#include "importers/tagged/plain_names.hpp"
#include "importers/tagged/tagged_work.hpp"
#include "src/core/text.hpp"

namespace litrev::scopus {
namespace {

using tagged::TaggedField;

// "Powell, Walter W. (7005234567)" -> "Powell, Walter W."
std::string_view without_author_id(std::string_view name) {
  name = trim(name);
  if (name.ends_with(')'))
    if (const auto open = name.rfind('('); open != std::string_view::npos) {
      const std::string_view id = name.substr(open + 1, name.size() - open - 2);
      if (!id.empty() && id.find_first_not_of("0123456789") == std::string_view::npos) return trim(name.substr(0, open));
    }
  return name;
}

std::optional<Person> scopus_name(std::string_view value) {
  const std::string_view name = without_author_id(value);
  if (name.empty() || name.starts_with("[No author")) return std::nullopt;
  return tagged::family_initials_name(name);
}

// Scopus separates authors with "; " since 2023; older exports (and tools that convert them)
// write "Guler A.T., Waaijer C.J.F., Palmblad M.": a comma list whose every item ends with its
// initials.
std::vector<std::string_view> scopus_names(std::string_view value) {
  if (value.find(';') != std::string_view::npos) return tagged::split_list(value);
  std::vector<std::string_view> items;
  std::size_t start = 0;
  for (std::size_t comma = value.find(", "); start <= value.size(); comma = value.find(", ", start)) {
    const std::string_view item = trim(value.substr(start, comma == std::string_view::npos ? comma : comma - start));
    if (!item.ends_with('.') || item.find(' ') == std::string_view::npos) return tagged::split_list(value);
    items.push_back(item);
    if (comma == std::string_view::npos) break;
    start = comma + 2;
  }
  return items;
}

}  // namespace

std::string column_name(std::string_view header_cell) {
  std::string_view c = trim(header_cell);
  while (c.starts_with("\xEF\xBB\xBF")) c = trim(c.substr(3));
  return ascii_lower(c);
}

ImportRecord make_scopus_record(tagged::TaggedRecord&& record, std::string_view origin) {
  ImportRecord rec;
  std::string original_key(trim(tagged::field_value(record, "eid")));
  if (original_key.empty()) original_key = tagged::fingerprint(record);
  std::erase_if(record.fields, [](const TaggedField& f) {
    return f.name == "abstract" && trim(f.value).starts_with("[No abstract available]");
  });

  tagged::WorkAssembler a(FieldVocabulary::scopus, std::move(record), "scopus", origin, /*wrapped=*/false, rec);
  const auto& s = a.slots();
  Work& w = rec.work;
  rec.source.original_key = std::move(original_key);
  rec.source.entry_type = a.text(Slot::type);
  w.type = rec.source.entry_type.empty() ? "misc"
                                         : a.store_type(TypeVocabulary::scopus, rec.source.entry_type, s.best(Slot::type));
  a.fill_common();
  w.container = a.text(Slot::journaltitle);
  a.add_people(scopus_names, scopus_name);
  if (const TaggedField* y = s.best(Slot::year)) {
    const std::string year(trim(y->value));
    if (year.size() == 4 && year.find_first_not_of("0123456789") == std::string::npos) {
      w.date = year;
      w.year = std::stoi(year);
    } else {
      a.warn(y, "year '" + year + "' is not a year; kept in the fields");
    }
  }
  a.finish();
  return rec;
}

}  // namespace litrev::scopus
