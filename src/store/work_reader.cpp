#include "src/store/work_reader.hpp"

#include <SQLiteCpp/Statement.h>

#include <limits>
#include <set>
#include <string>

#include "src/core/identifiers.hpp"
#include "src/core/data_model.hpp"
#include "src/core/suggest.hpp"
#include "src/store/field_encoding.hpp"
#include "src/store/keys.hpp"

namespace litrev::store {
namespace {

// The readable columns, in the order read_columns expects.
#define LITREV_WORK_COLUMNS                                                                                 \
  "key, type, title, subtitle, container, date, year, volume, issue, pages, publisher, place, edition, " \
  "language, abstract, keywords, url, global_citations"

void read_columns(SQLite::Statement& s, int first, Work& w) {
  auto text = [&](int i) { return s.getColumn(first + i).getString(); };
  w.key = text(0);
  w.type = text(1);
  w.title = text(2);
  w.subtitle = text(3);
  w.container = text(4);
  w.date = text(5);
  if (!s.getColumn(first + 6).isNull()) w.year = s.getColumn(first + 6).getInt();
  w.volume = text(7);
  w.issue = text(8);
  w.pages = text(9);
  w.publisher = text(10);
  w.place = text(11);
  w.edition = text(12);
  w.language = text(13);
  w.abstract_text = text(14);
  w.keywords = split_keywords(s.getColumn(first + 15).getText());
  w.url = text(16);
  if (!s.getColumn(first + 17).isNull()) w.global_citations = s.getColumn(first + 17).getInt64();
}

std::string text_or_empty(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

// One child table scanned in work order; column 0 is the work id.
class ChildCursor {
 public:
  ChildCursor(Library& lib, const char* sql, WorkId lo, WorkId hi) : stmt_(lib.db, sql) {
    stmt_.bind(1, lo);
    stmt_.bind(2, hi);
    advance();
  }
  // Calls row(stmt) for each row of work id, skipping rows of earlier works.
  template <class F>
  void rows_of(WorkId id, F&& row) {
    while (has_ && work_ < id) advance();
    while (has_ && work_ == id) {
      row(stmt_);
      advance();
    }
  }

 private:
  void advance() {
    has_ = stmt_.executeStep();
    if (has_) work_ = stmt_.getColumn(0).getInt64();
  }
  SQLite::Statement stmt_;
  bool has_ = false;
  WorkId work_ = 0;
};

}  // namespace

std::optional<WorkId> find_work_id(Library& lib, const std::string& key) {
  {
    Use q(lib.cache, "SELECT id FROM works WHERE key = ?1");
    q->bind(1, key);
    if (q->executeStep()) return q->getColumn(0).getInt64();
  }
  // BibTeX ignores case in keys: "Meyer1977" finds "meyer1977" -- when only one work has it in
  // another case (libraries made before keys were unique in any case may hold several).
  Use q(lib.cache, "SELECT id FROM works WHERE key = ?1 COLLATE NOCASE LIMIT 2");
  q->bind(1, key);
  if (!q->executeStep()) return std::nullopt;
  const WorkId id = q->getColumn(0).getInt64();
  return q->executeStep() ? std::nullopt : std::optional<WorkId>(id);
}

std::vector<std::string> closest_keys(Library& lib, const std::string& key, std::size_t max_results) {
  ClosestMatches matches(key, max_results);
  Use q(lib.cache, "SELECT key FROM works ORDER BY id");
  while (q->executeStep()) matches.consider(q->getColumn(0).getText());
  return matches.best();
}

WorkId require_work_id(Library& lib, const std::string& key) {
  if (const auto id = find_work_id(lib, key)) return *id;
  const auto near = closest_keys(lib, key, 3);
  throw NotFoundError(fmt::format("no work with key '{}' in {}{}", key, lib.path.string(),
                                  near.empty() ? "" : "; did you mean " + quoted_alternatives(near) + "?"));
}

Work read_work_row(Library& lib, WorkId id) {
  Use s(lib.cache, "SELECT " LITREV_WORK_COLUMNS " FROM works WHERE id = ?1");
  s->bind(1, id);
  if (!s->executeStep()) throw StoreError(fmt::format("{}: work {} does not exist", lib.path.string(), id));
  Work w;
  read_columns(*s, 0, w);
  return w;
}

std::optional<StoredWork> read_stored_work(Library& lib, WorkId id) {
  std::optional<StoredWork> out;
  read_works(lib, id, id, 1, [&](const StoredWork& w) { out = w; });
  return out;
}

void read_works(Library& lib, WorkId lo, WorkId hi, std::optional<std::int64_t> limit,
                const std::function<void(const StoredWork&)>& visit) {
  // Statements are prepared per call, not cached: visit may call back into the store (and
  // so into read_works) while these are still open.
  SQLite::Statement works(lib.db, "SELECT id, " LITREV_WORK_COLUMNS
                                  " FROM works WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3");
  works.bind(1, lo);
  works.bind(2, hi);
  works.bind(3, limit ? *limit : std::numeric_limits<std::int64_t>::max());
  ChildCursor people(lib,
                     "SELECT wp.work, wp.role, p.family, p.given, p.particle, p.suffix, p.literal, p.orcid, p.idhal, "
                     "wp.affiliation, (SELECT group_concat(pi.scheme || ':' || pi.value, char(10)) "
                     "FROM person_identifiers pi WHERE pi.person = p.id) "
                     "FROM work_people wp JOIN people p ON p.id = wp.person "
                     "WHERE wp.work BETWEEN ?1 AND ?2 ORDER BY wp.work, wp.position",
                     lo, hi);
  ChildCursor ids(lib, "SELECT work, scheme, value FROM identifiers WHERE work BETWEEN ?1 AND ?2 ORDER BY work, id",
                  lo, hi);
  ChildCursor sources(lib,
                      "SELECT work, id, source_kind, origin, original_key, entry_type, line, imported_at, fields "
                      "FROM sources WHERE work BETWEEN ?1 AND ?2 ORDER BY work, id",
                      lo, hi);
  ChildCursor tags(lib,
                   "SELECT wt.work, t.name FROM work_tags wt JOIN tags t ON t.id = wt.tag "
                   "WHERE wt.work BETWEEN ?1 AND ?2 ORDER BY wt.work, t.name_key",
                   lo, hi);
  ChildCursor notes(lib, "SELECT work, id, created_at, text, edited_at FROM notes WHERE work BETWEEN ?1 AND ?2 ORDER BY work, id",
                    lo, hi);
  ChildCursor refs(lib,
                   "SELECT r.work, r.raw, r.doi, r.cite_key, r.first_author, r.author_initials, r.year, r.title, "
                   "r.container, r.volume, r.first_page, r.isbn, c.cited_work, w.key, r.identity, r.authors, r.openalex "
                   "FROM refs r LEFT JOIN citations c ON c.ref = r.id LEFT JOIN works w ON w.id = c.cited_work "
                   "WHERE r.work BETWEEN ?1 AND ?2 ORDER BY r.work, r.position",
                   lo, hi);

  StoredWork sw;
  while (works.executeStep()) {
    sw = StoredWork{};
    sw.id = works.getColumn(0).getInt64();
    read_columns(works, 1, sw.work);
    Work& w = sw.work;
    people.rows_of(sw.id, [&](SQLite::Statement& r) {
      Contributor c;
      c.role = role_from_name(r.getColumn(1).getText());
      c.person.family = r.getColumn(2).getString();
      c.person.given = r.getColumn(3).getString();
      c.person.particle = r.getColumn(4).getString();
      c.person.suffix = r.getColumn(5).getString();
      c.person.literal = r.getColumn(6).getString();
      c.person.orcid = r.getColumn(7).getString();
      c.person.idhal = r.getColumn(8).getString();
      c.person.affiliation = r.getColumn(9).getString();
      c.person.ids = split_person_ids(text_or_empty(r.getColumn(10)));
      w.contributors.push_back(std::move(c));
    });
    ids.rows_of(sw.id, [&](SQLite::Statement& r) {
      if (const auto scheme = id_scheme_from_name(r.getColumn(1).getText()))
        w.ids.push_back(Identifier{*scheme, r.getColumn(2).getString()});
    });
    sources.rows_of(sw.id, [&](SQLite::Statement& r) {
      SourceRecord s;
      s.source_kind = r.getColumn(2).getString();
      s.origin = r.getColumn(3).getString();
      s.original_key = r.getColumn(4).getString();
      s.entry_type = r.getColumn(5).getString();
      s.line = static_cast<std::uint32_t>(r.getColumn(6).getInt64());
      s.imported_at = r.getColumn(7).getString();
      const SQLite::Column fields = r.getColumn(8);
      auto decoded = decode_fields(std::string_view(fields.getText(), static_cast<std::size_t>(fields.getBytes())));
      if (!decoded)
        throw StoreError(fmt::format("{}: the fields of source {} are damaged", lib.path.string(), r.getColumn(1).getInt64()));
      s.fields = std::move(*decoded);
      sw.sources.push_back(std::move(s));
    });
    // The union of the original fields, first source wins: what list --json and export show.
    // The user's corrections are no original fields: they are in the readable values.
    std::set<std::string_view> seen;
    for (const auto& s : sw.sources)
      if (s.source_kind != kUserSourceKind)
        for (const auto& f : s.fields)
        if (seen.insert(f.name).second) sw.fields.push_back(f);
    tags.rows_of(sw.id, [&](SQLite::Statement& r) { sw.tags.push_back(r.getColumn(1).getString()); });
    notes.rows_of(sw.id, [&](SQLite::Statement& r) {
      sw.notes.push_back(StoredWork::Note{r.getColumn(1).getInt64(), r.getColumn(2).getString(), r.getColumn(3).getString(),
                                          r.getColumn(4).getString()});
    });
    refs.rows_of(sw.id, [&](SQLite::Statement& r) {
      StoredWork::StoredReference sr;
      Reference& ref = sr.reference;
      ref.raw = r.getColumn(1).getString();
      ref.doi = text_or_empty(r.getColumn(2));
      ref.cite_key = text_or_empty(r.getColumn(3));
      ref.first_author = r.getColumn(4).getString();
      ref.author_initials = r.getColumn(5).getString();
      if (!r.getColumn(6).isNull()) ref.year = r.getColumn(6).getInt();
      ref.title = r.getColumn(7).getString();
      ref.container = r.getColumn(8).getString();
      ref.volume = r.getColumn(9).getString();
      ref.first_page = r.getColumn(10).getString();
      ref.isbn = r.getColumn(11).getString();
      if (!r.getColumn(12).isNull()) {
        sr.cited_work = r.getColumn(12).getInt64();
        sr.cited_key = text_or_empty(r.getColumn(13));
      }
      sr.identity = r.getColumn(14).getString();
      ref.authors = split_reference_authors(r.getColumn(15).getText());
      ref.openalex = text_or_empty(r.getColumn(16));
      w.references.push_back(ref);
      sw.references.push_back(std::move(sr));
    });
    visit(sw);
  }
}

}  // namespace litrev::store
