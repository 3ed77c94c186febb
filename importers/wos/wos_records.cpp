#include "importers/wos/wos_records.hpp"

#include <utility>

#include "importers/tagged/plain_names.hpp"
#include "importers/tagged/tagged_work.hpp"
#include "src/core/author_ids.hpp"
#include "src/core/dates.hpp"
#include "src/core/text.hpp"

namespace litrev::wos {

using tagged::TaggedField;

ImportRecord make_wos_record(tagged::TaggedRecord&& record, std::string_view origin) {
  ImportRecord rec;
  std::string original_key(trim(tagged::field_value(record, "UT")));
  if (original_key.empty()) original_key = tagged::fingerprint(record);
  const std::string early_access(trim(tagged::field_value(record, "EA")));
  const std::string early_year(trim(tagged::field_value(record, "EY")));

  tagged::WorkAssembler a(FieldVocabulary::wos, std::move(record), "wos", origin, /*wrapped=*/true, rec);
  const auto& s = a.slots();
  Work& w = rec.work;
  rec.source.original_key = std::move(original_key);

  // DT's first document type, else PT.
  const TaggedField* dt = nullptr;
  const TaggedField* pt = nullptr;
  for (const TaggedField* f : s.all(Slot::type)) (f->name == "DT" ? dt : pt) = f;
  const std::string doc_type = dt ? std::string(trim(std::string_view(dt->value).substr(0, dt->value.find(';')))) : "";
  rec.source.entry_type = dt ? a.text(Slot::type) : pt ? std::string(trim(pt->value)) : "";
  if (!doc_type.empty() && knows_type(TypeVocabulary::wos, doc_type)) w.type = store_type_from(TypeVocabulary::wos, doc_type);
  else if (pt) w.type = a.store_type(TypeVocabulary::wos, pt->value, pt);
  else w.type = "misc";

  a.fill_common();
  w.container = a.text(Slot::journaltitle);
  a.add_people(tagged::split_list, tagged::plain_name);

  std::string year = a.text(Slot::year), month = a.text(Slot::month);
  if (year.empty() && !early_access.empty()) {
    // "APR 2021": the year among the words, the others a month.
    year = early_year;
    month.clear();
    std::size_t i = 0;
    while (i < early_access.size()) {
      std::size_t e = early_access.find(' ', i);
      if (e == std::string::npos) e = early_access.size();
      const std::string word = early_access.substr(i, e - i);
      const bool is_year = word.size() == 4 && word.find_first_not_of("0123456789") == std::string::npos;
      if (is_year && year.empty()) year = word;
      else if (!is_year && !word.empty()) month += (month.empty() ? "" : " ") + word;
      i = e + 1;
    }
  }
  const DateResult date = interpret_dates({"", year, month, ""});
  w.date = date.date;
  w.year = date.year;
  for (const auto& p : date.problems)
    a.warn(p.field == "month" ? s.best(Slot::month) : s.best(Slot::year), p.message);

  for (const auto& [slot, scheme] : {std::pair{Slot::orcid_numbers, PersonIdScheme::orcid},
                                    std::pair{Slot::researcherid_numbers, PersonIdScheme::researcherid}})
    if (s.has(slot)) attach_person_ids(w.contributors, s.get(slot), scheme);
  a.finish();
  return rec;
}

}  // namespace litrev::wos
