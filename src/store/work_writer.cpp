#include "src/store/work_writer.hpp"

#include <algorithm>
#include <set>
#include <string_view>

#include "src/core/identifiers.hpp"
#include "src/core/person_names.hpp"
#include "src/core/reference_keys.hpp"
#include "src/core/text.hpp"
#include "src/core/data_model.hpp"
#include "src/store/field_encoding.hpp"
#include "src/store/keys.hpp"
#include "src/store/work_reader.hpp"

namespace litrev::store {
namespace {

void bind_text_or_null(SQLite::Statement& s, int index, const std::string& value) {
  if (value.empty()) s.bind(index);
  else s.bind(index, value);
}

std::string text_or_empty(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

void bind_optional(SQLite::Statement& s, int index, const std::optional<int>& value) {
  if (value) s.bind(index, *value);
  else s.bind(index);
}

void bind_optional(SQLite::Statement& s, int index, const std::optional<std::int64_t>& value) {
  if (value) s.bind(index, *value);
  else s.bind(index);
}

// Binds ?1..?17 with the readable columns: one place lists them for both INSERT and UPDATE.
void bind_work(SQLite::Statement& s, const Work& w) {
  s.bind(1, w.type.empty() ? std::string("misc") : w.type);
  s.bind(2, w.title);
  s.bind(3, w.subtitle);
  s.bind(4, w.container);
  s.bind(5, w.date);
  bind_optional(s, 6, w.year);
  s.bind(7, w.volume);
  s.bind(8, w.issue);
  s.bind(9, w.pages);
  s.bind(10, w.publisher);
  s.bind(11, w.place);
  s.bind(12, w.edition);
  s.bind(13, w.language);
  s.bind(14, w.abstract_text);
  s.bind(15, join_keywords(w.keywords));
  s.bind(16, w.url);
  bind_optional(s, 17, w.global_citations);
}

// ?18..?21: the keys derived from the whole work (its contributors and identifiers too).
void bind_derived_keys(SQLite::Statement& s, const Work& w, const std::string& dedup) {
  bind_text_or_null(s, 18, dedup);
  const MatchKeys keys = work_keys(w);
  bind_text_or_null(s, 19, keys.locator);
  bind_text_or_null(s, 20, keys.titled);
  bind_text_or_null(s, 21, keys.abbreviated);
}

bool fill(std::string& into, const std::string& from) {
  if (!into.empty() || from.empty()) return false;
  into = from;
  return true;
}

}  // namespace

std::int64_t PersonResolver::resolve(const Person& person) {
  const bool has_id = !person.orcid.empty() || !person.idhal.empty() || !person.ids.empty();
  // Names without identifier (nearly every BibTeX name) are cached by their parts as written,
  // before any Unicode folding: most authors recur, and folding is the costly part.
  std::string raw;
  if (!has_id) {
    raw.reserve(person.family.size() + person.given.size() + person.particle.size() + person.suffix.size() +
                person.literal.size() + 4);
    for (const auto* part : {&person.family, &person.given, &person.particle, &person.suffix, &person.literal}) {
      raw += *part;
      raw.push_back('\x1f');
    }
    if (auto it = by_raw_name_.find(raw); it != by_raw_name_.end()) return it->second;
  }
  const std::int64_t id = resolve_uncached(person, has_id);
  if (!has_id) by_raw_name_.emplace(std::move(raw), id);
  return id;
}

std::int64_t PersonResolver::resolve_uncached(const Person& person, bool has_id) {
  const std::string name_key = person_name_key(person);
  auto by_identifier = [&](const char* sql, const std::string& value) -> std::int64_t {
    Use q(lib_.cache, sql);
    q->bind(1, value);
    return q->executeStep() ? q->getColumn(0).getInt64() : 0;
  };
  std::int64_t found = 0;
  if (!person.orcid.empty()) found = by_identifier("SELECT id FROM people WHERE orcid = ?1 ORDER BY id LIMIT 1", person.orcid);
  if (!found && !person.idhal.empty())
    found = by_identifier("SELECT id FROM people WHERE idhal = ?1 ORDER BY id LIMIT 1", person.idhal);
  for (const auto& pid : person.ids) {
    if (found) break;
    Use q(lib_.cache, "SELECT person FROM person_identifiers WHERE scheme = ?1 AND value = ?2 ORDER BY person LIMIT 1");
    q->bind(1, std::string(person_id_scheme_name(pid.scheme)));
    q->bind(2, pid.value);
    if (q->executeStep()) found = q->getColumn(0).getInt64();
  }
  if (!found) {
    Use q(lib_.cache, "SELECT id, orcid, idhal FROM people WHERE name_key = ?1 ORDER BY id");
    q->bind(1, name_key);
    while (q->executeStep()) {
      const std::string orcid = q->getColumn(1).getString(), idhal = q->getColumn(2).getString();
      const bool orcid_ok = person.orcid.empty() || orcid.empty() || orcid == person.orcid;
      const bool idhal_ok = person.idhal.empty() || idhal.empty() || idhal == person.idhal;
      if (orcid_ok && idhal_ok && !other_ids_conflict(q->getColumn(0).getInt64(), person)) {
        found = q->getColumn(0).getInt64();
        break;
      }
    }
  }
  if (found) {
    if (has_id) {
      Use u(lib_.cache,
            "UPDATE people SET orcid = CASE WHEN orcid = '' THEN ?2 ELSE orcid END, "
            "idhal = CASE WHEN idhal = '' THEN ?3 ELSE idhal END WHERE id = ?1 AND (orcid = '' OR idhal = '')");
      u->bind(1, found);
      u->bind(2, person.orcid);
      u->bind(3, person.idhal);
      u->exec();
      add_other_ids(found, person);
    }
    return found;
  }
  Use ins(lib_.cache,
          "INSERT INTO people(family, given, particle, suffix, literal, orcid, idhal, name_key) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  ins->bindNoCopy(1, person.family);
  ins->bindNoCopy(2, person.given);
  ins->bindNoCopy(3, person.particle);
  ins->bindNoCopy(4, person.suffix);
  ins->bindNoCopy(5, person.literal);
  ins->bindNoCopy(6, person.orcid);
  ins->bindNoCopy(7, person.idhal);
  ins->bindNoCopy(8, name_key);
  ins->exec();
  const std::int64_t id = lib_.db.getLastInsertRowid();
  add_other_ids(id, person);
  return id;
}

bool PersonResolver::other_ids_conflict(std::int64_t stored, const Person& person) {
  for (const auto& pid : person.ids) {
    Use q(lib_.cache, "SELECT value FROM person_identifiers WHERE person = ?1 AND scheme = ?2");
    q->bind(1, stored);
    q->bind(2, std::string(person_id_scheme_name(pid.scheme)));
    if (q->executeStep() && q->getColumn(0).getString() != pid.value) return true;
  }
  return false;
}

void PersonResolver::add_other_ids(std::int64_t stored, const Person& person) {
  // One value per scheme: a person already holding another value keeps it (as the orcid
  // column does).
  for (const auto& pid : person.ids) {
    Use q(lib_.cache, "INSERT OR IGNORE INTO person_identifiers(person, scheme, value) VALUES (?1, ?2, ?3)");
    q->bind(1, stored);
    q->bind(2, std::string(person_id_scheme_name(pid.scheme)));
    q->bind(3, pid.value);
    q->exec();
  }
}

WorkId insert_work_row(Library& lib, const Work& work, const std::string& key, const std::string& dedup,
                       const std::string& now) {
  Use s(lib.cache,
        "INSERT INTO works(type, title, subtitle, container, date, year, volume, issue, pages, publisher, place, "
        "edition, language, abstract, keywords, url, global_citations, dedup_key, locator_key, titled_key, "
        "abbrev_key, key, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
        "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?23)");
  bind_work(*s, work);
  bind_derived_keys(*s, work, dedup);
  s->bind(22, key);
  s->bind(23, now);
  s->exec();
  return lib.db.getLastInsertRowid();
}

void update_work_row(Library& lib, WorkId id, const Work& work, const std::string& now) {
  Use s(lib.cache,
        "UPDATE works SET type = ?1, title = ?2, subtitle = ?3, container = ?4, date = ?5, year = ?6, volume = ?7, "
        "issue = ?8, pages = ?9, publisher = ?10, place = ?11, edition = ?12, language = ?13, abstract = ?14, "
        "keywords = ?15, url = ?16, global_citations = ?17, updated_at = ?19 WHERE id = ?18");
  bind_work(*s, work);
  s->bind(18, id);
  s->bind(19, now);
  s->exec();
}

bool fill_empty(Work& into, const Work& from) {
  bool changed = false;
  // "misc" is what an importer writes when it does not know: any real type is better.
  if ((into.type.empty() || into.type == "misc") && !from.type.empty() && from.type != "misc") {
    into.type = from.type;
    changed = true;
  }
  for (auto member : {&Work::title, &Work::subtitle, &Work::container, &Work::date, &Work::volume, &Work::issue,
                      &Work::pages, &Work::publisher, &Work::place, &Work::edition, &Work::language,
                      &Work::abstract_text, &Work::url})
    changed |= fill(into.*member, from.*member);
  if (!into.year && from.year) {
    into.year = from.year;
    changed = true;
  }
  if (from.global_citations && (!into.global_citations || *into.global_citations < *from.global_citations)) {
    into.global_citations = from.global_citations;
    changed = true;
  }
  std::set<std::string> have;
  for (const auto& k : into.keywords) have.insert(casefold(k));
  for (const auto& k : from.keywords) {
    if (collapse_spaces(k).empty() || !have.insert(casefold(k)).second) continue;
    into.keywords.push_back(k);
    changed = true;
  }
  return changed;
}

void insert_contributors(Library& lib, PersonResolver& people, WorkId id, const std::vector<Contributor>& contributors) {
  int position = 0;
  for (const auto& c : contributors) {
    Use s(lib.cache, "INSERT INTO work_people(work, position, role, person, affiliation) VALUES (?1, ?2, ?3, ?4, ?5)");
    s->bind(1, id);
    s->bind(2, position++);
    s->bind(3, std::string(role_name(c.role)));
    s->bind(4, people.resolve(c.person));
    s->bind(5, c.person.affiliation);
    s->exec();
  }
}

ContributorsOnWork load_contributors_on_work(Library& lib, WorkId id) {
  ContributorsOnWork on;
  Use q(lib.cache, "SELECT position, role FROM work_people WHERE work = ?1");
  q->bind(1, id);
  while (q->executeStep()) {
    on.next_position = std::max(on.next_position, q->getColumn(0).getInt() + 1);
    on.roles.emplace(q->getColumn(1).getString());
  }
  return on;
}

int append_missing_contributors(Library& lib, PersonResolver& people, WorkId id, ContributorsOnWork& on,
                                const std::vector<Contributor>& contributors) {
  std::vector<std::string_view> taken;  // roles this call fills: all of their people come in
  int added = 0;
  for (const auto& c : contributors) {
    const std::string_view role = role_name(c.role);
    if (on.roles.contains(role) && std::find(taken.begin(), taken.end(), role) == taken.end()) continue;
    if (on.roles.emplace(role).second) taken.push_back(role);
    Use s(lib.cache, "INSERT INTO work_people(work, position, role, person, affiliation) VALUES (?1, ?2, ?3, ?4, ?5)");
    s->bind(1, id);
    s->bind(2, on.next_position++);
    s->bind(3, std::string(role));
    s->bind(4, people.resolve(c.person));
    s->bind(5, c.person.affiliation);
    s->exec();
    ++added;
  }
  return added;
}

int lend_person_identifiers(Library& lib, WorkId id, const std::vector<Contributor>& contributors) {
  std::vector<const Person*> theirs;
  bool any_id = false;
  for (const auto& c : contributors)
    if (c.role == Role::author) {
      theirs.push_back(&c.person);
      any_id |= !c.person.orcid.empty() || !c.person.idhal.empty() || !c.person.ids.empty();
    }
  if (theirs.empty() || !any_id) return 0;
  struct Ours {
    std::int64_t person;
    std::string family, given, literal, orcid, idhal;
  };
  std::vector<Ours> ours;
  {
    Use q(lib.cache,
          "SELECT p.id, p.family, p.given, p.literal, p.orcid, p.idhal FROM work_people wp JOIN people p ON p.id = "
          "wp.person WHERE wp.work = ?1 AND wp.role = 'author' ORDER BY wp.position");
    q->bind(1, id);
    while (q->executeStep())
      ours.push_back({q->getColumn(0).getInt64(), q->getColumn(1).getString(), q->getColumn(2).getString(),
                      q->getColumn(3).getString(), q->getColumn(4).getString(), q->getColumn(5).getString()});
  }
  if (ours.size() != theirs.size()) return 0;
  for (std::size_t i = 0; i < ours.size(); ++i) {
    const Person& p = *theirs[i];
    const std::string a = person_family_key(ours[i].family.empty() ? ours[i].literal : ours[i].family);
    const std::string b = person_family_key(p.family.empty() ? p.literal : p.family);
    if (a.empty() || a != b) return 0;
    if (!given_names_compatible(given_name_tokens(ours[i].given), given_name_tokens(p.given))) return 0;
  }
  int gained = 0;
  for (std::size_t i = 0; i < ours.size(); ++i) {
    const Person& p = *theirs[i];
    std::int64_t changes = 0;
    auto set_column = [&](const char* sql, const std::string& mine, const std::string& value) {
      if (value.empty() || !mine.empty()) return;
      Use s(lib.cache, sql);
      s->bind(1, value);
      s->bind(2, ours[i].person);
      changes += s->exec();
    };
    set_column("UPDATE people SET orcid = ?1 WHERE id = ?2 AND orcid = ''", ours[i].orcid, p.orcid);
    set_column("UPDATE people SET idhal = ?1 WHERE id = ?2 AND idhal = ''", ours[i].idhal, p.idhal);
    for (const auto& pid : p.ids) {
      Use s(lib.cache, "INSERT OR IGNORE INTO person_identifiers(person, scheme, value) VALUES (?1, ?2, ?3)");
      s->bind(1, ours[i].person);
      s->bind(2, std::string(person_id_scheme_name(pid.scheme)));
      s->bind(3, pid.value);
      changes += s->exec();
    }
    gained += changes > 0;
  }
  return gained;
}

void insert_identifiers(Library& lib, WorkId id, const std::vector<Identifier>& ids) {
  for (const auto& i : ids) {
    if (i.value.empty()) continue;
    Use s(lib.cache, "INSERT OR IGNORE INTO identifiers(work, scheme, value) VALUES (?1, ?2, ?3)");
    s->bind(1, id);
    s->bind(2, std::string(id_scheme_name(i.scheme)));
    s->bind(3, i.value);
    s->exec();
  }
}

std::int64_t insert_source(Library& lib, WorkId id, const SourceRecord& source, const std::string& encoded_fields,
                           const std::string& now) {
  Use s(lib.cache,
        "INSERT INTO sources(work, source_kind, origin, original_key, entry_type, line, imported_at, fields) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  s->bind(1, id);
  s->bindNoCopy(2, source.source_kind);  // the record outlives the statement's execution
  s->bindNoCopy(3, source.origin);
  s->bindNoCopy(4, source.original_key);
  s->bindNoCopy(5, source.entry_type);
  s->bind(6, source.line);
  s->bind(7, source.imported_at.empty() ? now : source.imported_at);
  s->bindNoCopy(8, encoded_fields);
  s->exec();
  return lib.db.getLastInsertRowid();
}

namespace {

void insert_reference(Library& lib, WorkId id, int position, const Reference& ref, const MatchKeys& keys) {
  Use s(lib.cache,
        "INSERT INTO refs(work, position, identity, doi, cite_key, locator_key, titled_key, abbrev_key, "
        "first_author, author_initials, year, title, container, volume, first_page, isbn, raw, identity_hash, "
        "raw_length, authors, openalex) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?17, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
        "?18, ?19, ?20, ?21)");
  s->bind(1, id);
  s->bind(2, position);
  const std::string identity = reference_identity(ref);
  s->bindNoCopy(3, identity);
  s->bind(18, identity_hash(identity));
  s->bind(19, static_cast<std::int64_t>(ref.raw.size()));
  bind_text_or_null(*s, 4, keys.doi);
  bind_text_or_null(*s, 5, ref.cite_key);
  bind_text_or_null(*s, 6, keys.locator);
  bind_text_or_null(*s, 7, keys.titled);
  s->bindNoCopy(8, ref.first_author);
  s->bindNoCopy(9, ref.author_initials);
  bind_optional(*s, 10, ref.year);
  s->bindNoCopy(11, ref.title);
  s->bindNoCopy(12, ref.container);
  s->bindNoCopy(13, ref.volume);
  s->bindNoCopy(14, ref.first_page);
  s->bindNoCopy(15, ref.isbn);
  s->bindNoCopy(16, ref.raw);
  bind_text_or_null(*s, 17, keys.abbreviated);
  s->bind(20, join_reference_authors(ref.authors));
  bind_text_or_null(*s, 21, ref.openalex);
  s->exec();
}

// The DOI a reference is matched on: as normalized as the identifiers it is compared with.
MatchKeys keys_of(const Reference& ref) {
  MatchKeys keys = reference_keys(ref);
  if (keys.doi.empty() && !ref.doi.empty()) keys.doi = ref.doi;
  if (!keys.doi.empty()) keys.doi = normalized_identifier(IdScheme::doi, keys.doi);
  return keys;
}

}  // namespace

void insert_references(Library& lib, WorkId id, const std::vector<Reference>& refs) {
  int position = 0;
  for (const auto& ref : refs) insert_reference(lib, id, position++, ref, keys_of(ref));
}

ListedReferences::ListedReferences(Library& lib, WorkId work) {
  Use q(lib.cache, "SELECT position, doi, locator_key, titled_key, raw FROM refs WHERE work = ?1");
  q->bind(1, work);
  while (q->executeStep()) {
    next_position_ = std::max(next_position_, q->getColumn(0).getInt() + 1);
    add(text_or_empty(q->getColumn(1)), text_or_empty(q->getColumn(2)), text_or_empty(q->getColumn(3)),
        q->getColumn(4).getText());
  }
}

bool ListedReferences::contains(const std::string& doi, const std::string& locator, const std::string& titled,
                                std::string_view raw) const {
  return (!doi.empty() && seen_.contains("d:" + doi)) || (!locator.empty() && seen_.contains("l:" + locator)) ||
         (!titled.empty() && seen_.contains("t:" + titled)) || seen_.contains("r:" + collapse_spaces(raw));
}

void ListedReferences::add(const std::string& doi, const std::string& locator, const std::string& titled,
                           std::string_view raw) {
  if (!doi.empty()) seen_.insert("d:" + doi);
  if (!locator.empty()) seen_.insert("l:" + locator);
  if (!titled.empty()) seen_.insert("t:" + titled);
  if (auto r = collapse_spaces(raw); !r.empty()) seen_.insert("r:" + r);
}

int append_missing_references(Library& lib, WorkId id, const std::vector<Reference>& refs) {
  if (refs.empty()) return 0;
  ListedReferences listed(lib, id);
  const bool had_references = !listed.empty();
  int added = 0;
  for (const auto& ref : refs) {
    const MatchKeys keys = keys_of(ref);
    if (listed.contains(keys.doi, keys.locator, keys.titled, ref.raw)) continue;
    // A reference known by its OpenAlex id alone cannot be told apart from the entries of a
    // list the work already holds (Crossref's, a WoS export's): it would cite their works twice.
    if (had_references && keys.doi.empty() && keys.locator.empty() && keys.titled.empty() && !ref.openalex.empty())
      continue;
    insert_reference(lib, id, listed.take_position(), ref, keys);
    listed.add(keys.doi, keys.locator, keys.titled, ref.raw);
    ++added;
  }
  return added;
}

int append_missing_notes(Library& lib, WorkId id, const std::vector<std::string>& notes, const std::string& now) {
  int added = 0;
  for (const auto& note : notes) {
    const std::string_view text = trim(note);
    if (text.empty()) continue;
    {
      Use q(lib.cache, "SELECT 1 FROM notes WHERE work = ?1 AND trim(text, ' ' || char(9, 10, 13)) = ?2 LIMIT 1");
      q->bind(1, id);
      q->bind(2, std::string(text));
      if (q->executeStep()) continue;
    }
    Use s(lib.cache, "INSERT INTO notes(work, created_at, text) VALUES (?1, ?2, ?3)");
    s->bind(1, id);
    s->bind(2, now);
    s->bind(3, std::string(text));
    s->exec();
    ++added;
  }
  return added;
}

Work read_work_for_keys(Library& lib, WorkId id) {
  Work w = read_work_row(lib, id);
  Use q(lib.cache,
        "SELECT wp.role, p.family, p.given, p.particle, p.suffix, p.literal FROM work_people wp "
        "JOIN people p ON p.id = wp.person WHERE wp.work = ?1 ORDER BY wp.position");
  q->bind(1, id);
  while (q->executeStep()) {
    Contributor c;
    c.role = role_from_name(q->getColumn(0).getText());
    c.person.family = q->getColumn(1).getString();
    c.person.given = q->getColumn(2).getString();
    c.person.particle = q->getColumn(3).getString();
    c.person.suffix = q->getColumn(4).getString();
    c.person.literal = q->getColumn(5).getString();
    w.contributors.push_back(std::move(c));
  }
  return w;
}

void refresh_match_keys(Library& lib, WorkId id) {
  const Work w = read_work_for_keys(lib, id);
  Use s(lib.cache,
        "UPDATE works SET dedup_key = ?18, locator_key = ?19, titled_key = ?20, abbrev_key = ?21 WHERE id = ?1");
  s->bind(1, id);
  bind_derived_keys(*s, w, dedup_key(w));
  s->exec();
}

}  // namespace litrev::store
