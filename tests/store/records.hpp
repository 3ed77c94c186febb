#pragma once
// Builders for the records the store tests add: short to write, explicit about what matters.

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "src/core/record.hpp"
#include "src/store/store.hpp"
#include "support/test_support.hpp"

namespace litrev::test {

inline Person person(std::string family, std::string given = {}) {
  Person p;
  p.family = std::move(family);
  p.given = std::move(given);
  return p;
}

class RecordBuilder {
 public:
  explicit RecordBuilder(std::string key) {
    r_.work.key = key;
    r_.work.type = "article";
    r_.source.source_kind = "bibtex";
    r_.source.origin = "test.bib";
    r_.source.original_key = std::move(key);
    r_.source.entry_type = "article";
  }
  RecordBuilder& type(std::string t) { r_.work.type = std::move(t); return *this; }
  RecordBuilder& title(std::string t) {
    r_.work.title = t;
    return field("title", std::move(t));
  }
  RecordBuilder& year(int y) {
    r_.work.year = y;
    return field("year", std::to_string(y));
  }
  RecordBuilder& author(std::string family, std::string given = {}) {
    r_.work.contributors.push_back(Contributor{Role::author, person(std::move(family), std::move(given))});
    return *this;
  }
  RecordBuilder& contributor(Role role, Person p) {
    r_.work.contributors.push_back(Contributor{role, std::move(p)});
    return *this;
  }
  RecordBuilder& container(std::string c) { r_.work.container = std::move(c); return *this; }
  RecordBuilder& volume(std::string v) { r_.work.volume = std::move(v); return *this; }
  RecordBuilder& pages(std::string p) { r_.work.pages = std::move(p); return *this; }
  RecordBuilder& abstract(std::string a) { r_.work.abstract_text = std::move(a); return *this; }
  RecordBuilder& keywords(std::vector<std::string> k) { r_.work.keywords = std::move(k); return *this; }
  RecordBuilder& id(IdScheme scheme, std::string value) {
    r_.work.ids.push_back(Identifier{scheme, std::move(value)});
    return *this;
  }
  RecordBuilder& doi(std::string d) {
    field("doi", d);
    return id(IdScheme::doi, std::move(d));
  }
  RecordBuilder& ref(Reference r) {
    r_.work.references.push_back(std::move(r));
    return *this;
  }
  RecordBuilder& cites(std::string key) {
    Reference r;
    r.raw = key;
    r.cite_key = std::move(key);
    return ref(std::move(r));
  }
  RecordBuilder& field(std::string name, std::string value) {
    r_.source.fields.push_back(SourceField{std::move(name), std::move(value)});
    return *this;
  }
  RecordBuilder& origin(std::string o) { r_.source.origin = std::move(o); return *this; }
  RecordBuilder& source_kind(std::string k) { r_.source.source_kind = std::move(k); return *this; }
  ImportRecord build() const { return r_; }
  operator ImportRecord() const { return r_; }

 private:
  ImportRecord r_;
};

inline RecordBuilder record(std::string key) { return RecordBuilder(std::move(key)); }

// A WoS-style reference: author, year, source, volume, first page (and DOI when given).
inline Reference wos_ref(std::string family, int year, std::string source, std::string volume, std::string page,
                         std::string doi = {}) {
  Reference r;
  r.first_author = family;
  r.year = year;
  r.container = source;
  r.volume = volume;
  r.first_page = page;
  r.doi = doi;
  r.raw = family + ", " + std::to_string(year) + ", " + source + ", V" + volume + ", P" + page +
          (doi.empty() ? "" : ", DOI " + doi);
  return r;
}

// Adds records in one committed batch; returns the results in order.
inline std::vector<AddResult> import_all(Store& store, const std::vector<ImportRecord>& records) {
  auto batch = store.begin_import();
  std::vector<AddResult> results;
  for (const auto& r : records) results.push_back(batch.add(r));
  batch.commit();
  return results;
}

// A fresh library in a temporary directory.
struct TempLibrary {
  TempDir dir;
  std::filesystem::path path = dir / "lib.db";
  Store store = Store::open(path);
};

}  // namespace litrev::test
