// Store::set_field / hide_field / unset_field: the user's corrections as a source record.

#include "src/store/user_fields.hpp"

#include <algorithm>

#include "src/core/identifiers.hpp"
#include "src/core/work_fields.hpp"
#include "src/store/field_encoding.hpp"
#include "src/store/fts.hpp"
#include "src/store/keys.hpp"
#include "src/store/resolve.hpp"
#include "src/store/store.hpp"
#include "src/store/store_impl.hpp"
#include "src/store/work_reader.hpp"
#include "src/store/work_writer.hpp"

namespace litrev {

namespace store {
namespace {

struct UserRecord {
  std::int64_t source = 0;  // 0: the work has none yet
  std::vector<std::int64_t> extra;  // more user records, brought by a manual merge
  std::vector<SourceField> fields;
};

// The work's user record; after a manual merge a work may hold two, read as one (the oldest
// wins a field both name) and written back as one.
UserRecord load_user_record(Library& lib, WorkId id) {
  UserRecord rec;
  Use q(lib.cache, "SELECT id, fields FROM sources WHERE work = ?1 AND source_kind = ?2 ORDER BY id");
  q->bind(1, id);
  q->bind(2, std::string(kUserSourceKind));
  while (q->executeStep()) {
    const std::int64_t source = q->getColumn(0).getInt64();
    auto decoded = decode_fields(q->getColumn(1).getString());
    if (!decoded) throw StoreError(fmt::format("{}: the fields of source {} are damaged", lib.path.string(), source));
    if (rec.source == 0) rec.source = source;
    else rec.extra.push_back(source);
    for (auto& f : *decoded)
      if (std::none_of(rec.fields.begin(), rec.fields.end(), [&](const SourceField& g) { return g.name == f.name; }))
        rec.fields.push_back(std::move(f));
  }
  return rec;
}

const WorkFieldSpec& require_field(std::string_view name) {
  const WorkFieldSpec* spec = find_work_field(name);
  if (!spec) throw StoreError(fmt::format("'{}' is not a field litrev can set", name));
  return *spec;
}

Work read_work_with_ids(Library& lib, WorkId id) {
  Work w = read_work_row(lib, id);
  Use q(lib.cache, "SELECT scheme, value FROM identifiers WHERE work = ?1 ORDER BY id");
  q->bind(1, id);
  while (q->executeStep())
    if (const auto scheme = id_scheme_from_name(q->getColumn(0).getText()))
      w.ids.push_back(Identifier{*scheme, q->getColumn(1).getString()});
  return w;
}

void replace_identifiers(Library& lib, WorkId id, const Work& w, IdScheme scheme) {
  Use d(lib.cache, "DELETE FROM identifiers WHERE work = ?1 AND scheme = ?2");
  d->bind(1, id);
  d->bind(2, std::string(id_scheme_name(scheme)));
  d->exec();
  std::vector<Identifier> ids;
  for (const auto& i : w.ids)
    if (i.scheme == scheme) ids.push_back(i);
  insert_identifiers(lib, id, ids);
}

void save_user_record(Library& lib, WorkId id, const std::string& key, const UserRecord& rec, const std::string& now) {
  for (const std::int64_t extra : rec.extra) {
    Use d(lib.cache, "DELETE FROM sources WHERE id = ?1");
    d->bind(1, extra);
    d->exec();
  }
  if (rec.fields.empty()) {
    if (rec.source == 0) return;
    Use d(lib.cache, "DELETE FROM sources WHERE id = ?1");
    d->bind(1, rec.source);
    d->exec();
    return;
  }
  const std::string encoded = encode_fields(rec.fields);
  if (rec.source != 0) {
    Use u(lib.cache, "UPDATE sources SET fields = ?2, imported_at = ?3 WHERE id = ?1");
    u->bind(1, rec.source);
    u->bind(2, encoded);
    u->bind(3, now);
    u->exec();
    return;
  }
  SourceRecord source;
  source.source_kind = std::string(kUserSourceKind);
  source.origin = "litrev set";
  source.original_key = key;
  insert_source(lib, id, source, encoded, now);
}

// One change of one field: value is the user's new value, kHiddenValue to hide, nullopt to
// forget the user's value.
FieldChange change_field(Library& lib, const std::string& key, std::string_view field,
                         const std::optional<std::string>& value) {
  const WorkFieldSpec& spec = require_field(field);
  if (value && !value->empty()) {
    const auto normalized = normalize_work_field(spec, *value);
    if (!normalized || *normalized != *value)
      throw StoreError(fmt::format("'{}' is not a normalized value of {}", *value, spec.name));
  }
  const WorkId id = require_work_id(lib, key);
  Work w = read_work_with_ids(lib, id);
  FieldChange change{read_work_row(lib, id).key, std::string(spec.name), work_field_value(w, spec), {}};
  UserRecord rec = load_user_record(lib, id);
  auto it = std::find_if(rec.fields.begin(), rec.fields.end(), [&](const SourceField& f) { return f.name == spec.name; });
  if (value) {
    if (it == rec.fields.end()) {
      // The first change of this field: remember what the sources gave, for unset.
      Use s(lib.cache, "INSERT OR REPLACE INTO user_field_previous(work, field, value) VALUES (?1, ?2, ?3)");
      s->bind(1, id);
      s->bind(2, change.field);
      s->bind(3, change.before);
      s->exec();
      rec.fields.push_back(SourceField{change.field, *value});
    } else {
      it->value = *value;
    }
    apply_work_field(w, spec, *value);
  } else {
    if (it == rec.fields.end()) {
      change.after = change.before;
      return change;
    }
    rec.fields.erase(it);
    std::string previous;
    {
      Use q(lib.cache, "SELECT value FROM user_field_previous WHERE work = ?1 AND field = ?2");
      q->bind(1, id);
      q->bind(2, change.field);
      if (q->executeStep()) previous = q->getColumn(0).getString();
    }
    Use d(lib.cache, "DELETE FROM user_field_previous WHERE work = ?1 AND field = ?2");
    d->bind(1, id);
    d->bind(2, change.field);
    d->exec();
    apply_work_field(w, spec, previous);
  }
  const std::string now = now_utc();
  update_work_row(lib, id, w, now);
  if (spec.kind == WorkFieldKind::identifier) replace_identifiers(lib, id, w, spec.scheme);
  save_user_record(lib, id, change.key, rec, now);
  // A corrected title, year or DOI changes what the work is found and matched by.
  refresh_match_keys(lib, id);
  refresh_fts(lib, id);
  resolve_for_work(lib, id);
  change.after = work_field_value(w, spec);
  return change;
}

}  // namespace

std::vector<SourceField> user_fields(Library& lib, WorkId id) { return load_user_record(lib, id).fields; }

bool apply_user_fields(Work& w, const std::vector<SourceField>& fields) {
  bool changed = false;
  for (const auto& f : fields) {
    const WorkFieldSpec* spec = find_work_field(f.name);
    if (!spec || spec->kind == WorkFieldKind::identifier) continue;
    const std::string before = work_field_value(w, *spec);
    apply_work_field(w, *spec, f.value);
    changed |= work_field_value(w, *spec) != before;
  }
  return changed;
}

void keep_user_identifiers(Library& lib, WorkId id, const std::vector<SourceField>& fields) {
  for (const auto& f : fields) {
    const WorkFieldSpec* spec = find_work_field(f.name);
    if (!spec || spec->kind != WorkFieldKind::identifier) continue;
    Work w;
    apply_work_field(w, *spec, f.value);
    replace_identifiers(lib, id, w, spec->scheme);
  }
}

SourceViewKeys source_view_keys(Library& lib) {
  SourceViewKeys keys;
  std::vector<std::pair<WorkId, SourceField>> rows;
  {
    Use q(lib.cache, "SELECT work, field, value FROM user_field_previous ORDER BY work");
    while (q->executeStep())
      rows.push_back({q->getColumn(0).getInt64(), SourceField{q->getColumn(1).getString(), q->getColumn(2).getString()}});
  }
  for (std::size_t i = 0; i < rows.size();) {
    const WorkId id = rows[i].first;
    Work w = read_work_for_keys(lib, id);
    for (; i < rows.size() && rows[i].first == id; ++i) {
      const WorkFieldSpec* spec = find_work_field(rows[i].second.name);
      if (!spec) continue;
      if (spec->kind != WorkFieldKind::identifier) apply_work_field(w, *spec, rows[i].second.value);
      else if (spec->scheme == IdScheme::doi) {
        Work ids;
        apply_work_field(ids, *spec, rows[i].second.value);
        for (const auto& doi : ids.ids) keys.doi.emplace(doi.value, id);
      }
    }
    if (auto key = dedup_key(w); !key.empty()) keys.dedup.emplace(std::move(key), id);
  }
  return keys;
}

}  // namespace store

FieldChange Store::set_field(const std::string& key, const std::string& field, const std::string& value) {
  if (value.empty()) throw StoreError("set_field: an empty value (hide_field hides a field)");
  auto& lib = impl_->lib;
  return store::guarded(lib, "setting a field",
                        [&] { return store::write_transaction(lib, [&] { return store::change_field(lib, key, field, value); }); });
}

FieldChange Store::hide_field(const std::string& key, const std::string& field) {
  auto& lib = impl_->lib;
  return store::guarded(lib, "hiding a field", [&] {
    return store::write_transaction(lib, [&] { return store::change_field(lib, key, field, std::string(kHiddenValue)); });
  });
}

FieldChange Store::unset_field(const std::string& key, const std::string& field) {
  auto& lib = impl_->lib;
  return store::guarded(lib, "unsetting a field", [&] {
    return store::write_transaction(lib, [&] { return store::change_field(lib, key, field, std::nullopt); });
  });
}

}  // namespace litrev
