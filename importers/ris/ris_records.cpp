#include "importers/ris/ris_records.hpp"

#include <array>

#include "importers/ris/ris_dates.hpp"
#include "importers/tagged/plain_names.hpp"
#include "importers/tagged/tagged_work.hpp"
#include "src/core/text.hpp"

namespace litrev::ris {
namespace {

using tagged::TaggedField;

bool is_citation_key(std::string_view id) {
  if (id.empty() || id.size() > 100) return false;
  bool letter = false;
  for (const char c : id) {
    if (c == ' ' || c == '\t' || c == '\n') return false;
    letter |= (c < '0' || c > '9');
  }
  return letter;  // EndNote writes record numbers: "123" is no key
}

std::vector<std::string_view> one_name(std::string_view v) { return {v}; }

}  // namespace

ImportRecord make_ris_record(tagged::TaggedRecord&& record, std::string_view origin) {
  ImportRecord rec;
  std::string original_key;
  for (const std::string_view tag : {"ID", "AN", "DO"})
    if (const TaggedField* f = tagged::field_named(record, tag); f && original_key.empty()) original_key = f->value;
  if (original_key.empty()) original_key = tagged::fingerprint(record);
  const TaggedField* id = tagged::field_named(record, "ID");
  if (id && is_citation_key(id->value)) rec.work.key = id->value;

  tagged::WorkAssembler a(FieldVocabulary::ris, std::move(record), "ris", origin, /*wrapped=*/false, rec);
  const auto& s = a.slots();
  Work& w = rec.work;
  rec.source.original_key = std::move(original_key);
  rec.source.entry_type = a.text(Slot::type);
  w.type = rec.source.entry_type.empty() ? "misc" : a.store_type(TypeVocabulary::ris, rec.source.entry_type, s.best(Slot::type));
  // CONF is a paper in Zotero's and Mendeley's files, the proceedings volume in EndNote's and
  // litrev's: without a container title it is the volume.
  if (ascii_upper(trim(rec.source.entry_type)) == "CONF" && !s.has(Slot::secondary_title) && !s.has(Slot::journaltitle) &&
      !s.has(Slot::booktitle))
    w.type = "proceedings";
  const std::string_view family = type_family(w.type);
  const bool book = family == "book";
  const bool in_book = family == "part" || family == "proceedings";

  a.fill_common();
  if (w.title.empty() && book) w.title = a.text(Slot::booktitle);
  static constexpr std::array in_book_order{Slot::booktitle, Slot::secondary_title, Slot::journaltitle};
  static constexpr std::array book_order{Slot::secondary_title, Slot::journaltitle, Slot::none};
  static constexpr std::array other_order{Slot::secondary_title, Slot::journaltitle, Slot::booktitle};
  for (const Slot slot : in_book ? in_book_order : book ? book_order : other_order)
    if (w.container.empty() && slot != Slot::none) w.container = a.text(slot);

  a.add_people(one_name, tagged::plain_name, [book](const TaggedField& f, Role declared) {
    if (book && f.name == "A2") return Role::contributor;  // series editor
    if (book && f.name == "A3") return Role::editor;
    return declared;
  });

  for (const Slot slot : {Slot::date, Slot::year}) {
    for (const TaggedField* f : s.all(slot)) {
      if (!w.date.empty()) break;
      if (auto d = parse_ris_date(f->value)) {
        w.date = d->date;
        w.year = d->year;
      } else {
        a.warn(f, "date '" + std::string(trim(f->value)) + "' is not a date; kept in the fields");
      }
    }
  }

  // A book's or thesis's lone SP is its number of pages (the RIS specification, Zotero).
  if ((book || family == "thesis") && !s.has(Slot::last_page) && s.has(Slot::first_page) &&
      a.text(Slot::first_page).find('-') == std::string::npos)
    w.pages.clear();
  a.finish();
  return rec;
}

}  // namespace litrev::ris
