#pragma once
// An ImportRecord as the golden files of every importer show it (tests/data/<format>/golden):
// the readable Work, its notes, the provenance with every original field, the warnings. Empty
// values are left out so the files show what was found.

#include <nlohmann/json.hpp>

#include <string>

#include "src/core/data_model.hpp"
#include "src/core/identifiers.hpp"
#include "src/core/record.hpp"

namespace litrev::test {

using OrderedJson = nlohmann::ordered_json;

inline void put(OrderedJson& j, const char* name, const std::string& v) {
  if (!v.empty()) j[name] = v;
}

inline OrderedJson record_json(const ImportRecord& r) {
  OrderedJson j;
  const Work& w = r.work;
  put(j, "key", w.key);
  put(j, "type", w.type);
  if (r.duplicate_key) j["duplicate_key"] = true;
  put(j, "title", w.title);
  put(j, "subtitle", w.subtitle);
  put(j, "container", w.container);
  put(j, "date", w.date);
  if (w.year) j["year"] = *w.year;
  put(j, "volume", w.volume);
  put(j, "issue", w.issue);
  put(j, "pages", w.pages);
  put(j, "publisher", w.publisher);
  put(j, "place", w.place);
  put(j, "edition", w.edition);
  put(j, "language", w.language);
  put(j, "abstract", w.abstract_text);
  if (!w.keywords.empty()) j["keywords"] = w.keywords;
  put(j, "url", w.url);
  for (const auto& c : w.contributors) {
    OrderedJson p;
    p["role"] = role_name(c.role);
    put(p, "family", c.person.family);
    put(p, "given", c.person.given);
    put(p, "particle", c.person.particle);
    put(p, "suffix", c.person.suffix);
    put(p, "literal", c.person.literal);
    put(p, "orcid", c.person.orcid);
    for (const auto& id : c.person.ids)
      p["ids"].push_back(std::string(person_id_scheme_name(id.scheme)) + ":" + id.value);
    j["contributors"].push_back(p);
  }
  for (const auto& id : w.ids) j["ids"].push_back(std::string(id_scheme_name(id.scheme)) + ":" + id.value);
  for (const auto& ref : w.references) {
    OrderedJson x;
    put(x, "raw", ref.raw);
    put(x, "doi", ref.doi);
    put(x, "cite_key", ref.cite_key);
    put(x, "first_author", ref.first_author);
    if (ref.year) x["year"] = *ref.year;
    put(x, "container", ref.container);
    j["references"].push_back(x);
  }
  if (w.global_citations) j["global_citations"] = *w.global_citations;
  if (!r.notes.empty()) j["notes"] = r.notes;
  OrderedJson s;
  s["entry_type"] = r.source.entry_type;
  s["original_key"] = r.source.original_key;
  s["line"] = r.source.line;
  for (const auto& f : r.source.fields) s["fields"].push_back(f.name + " = " + f.value);
  j["source"] = s;
  for (const auto& d : r.warnings)
    j["warnings"].push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
                            (d.field.empty() ? "" : d.field + ": ") + d.message);
  return j;
}

}  // namespace litrev::test
