// Store::for_each_work / list_works: which works a listing visits, and in what order.

#include <algorithm>
#include <limits>
#include <unordered_set>

#include "src/core/text.hpp"
#include "src/store/keys.hpp"
#include "src/store/store.hpp"
#include "src/store/store_impl.hpp"
#include "src/store/work_reader.hpp"

namespace litrev {

namespace store {
namespace {

bool plain_listing(const ListFilter& f) {
  return !f.tag && !f.year_from && !f.year_to && !f.type && !f.author && f.sort == ListSort::added && !f.reverse;
}

// Whether every word of the query begins a word of the name (both folded).
bool name_matches(const std::vector<std::string>& query, const std::vector<std::string>& name) {
  return std::all_of(query.begin(), query.end(), [&](const std::string& q) {
    return std::any_of(name.begin(), name.end(), [&](const std::string& n) { return n.starts_with(q); });
  });
}

// The works with an author (or, when they have no author, an editor) matching the query.
std::unordered_set<WorkId> works_by_author(Library& lib, const std::string& query) {
  const auto wanted = words(query);
  std::unordered_set<WorkId> out, with_author;
  Use q(lib.cache,
        "SELECT wp.work, wp.role, p.particle || ' ' || p.family || ' ' || p.given || ' ' || p.literal "
        "FROM work_people wp JOIN people p ON p.id = wp.person WHERE wp.role IN ('author', 'editor') "
        "ORDER BY wp.work, wp.role <> 'author'");
  while (q->executeStep()) {
    const WorkId work = q->getColumn(0).getInt64();
    const bool author = std::string_view(q->getColumn(1).getText()) == "author";
    if (author) with_author.insert(work);
    else if (with_author.contains(work)) continue;  // editors count only for works without authors
    if (name_matches(wanted, words(q->getColumn(2).getText()))) out.insert(work);
  }
  return out;
}

struct Row {
  WorkId id = 0;
  std::optional<int> year;
  std::string title, author;  // folded sort keys, "" when missing
  std::int64_t citations = 0;
};

// Rows that pass the SQL filters, in library order.
std::vector<Row> candidate_rows(Library& lib, const ListFilter& f) {
  const bool need_author = f.sort == ListSort::author;
  const bool need_citations = f.sort == ListSort::citations;
  std::string sql = "SELECT w.id, w.year, w.title";
  sql += need_author ? ", (SELECT p.family || ' ' || p.given || ' ' || p.literal FROM work_people wp JOIN people p "
                       "ON p.id = wp.person WHERE wp.work = w.id ORDER BY wp.role <> 'author', wp.position LIMIT 1)"
                     : ", NULL";
  sql += need_citations ? ", (SELECT count(*) FROM citations c WHERE c.cited_work = w.id)" : ", 0";
  sql += " FROM works w WHERE 1";
  if (f.tag)
    sql += " AND EXISTS (SELECT 1 FROM work_tags wt JOIN tags t ON t.id = wt.tag WHERE wt.work = w.id AND t.name_key = ?1)";
  if (f.year_from) sql += " AND w.year >= ?2";
  if (f.year_to) sql += " AND w.year <= ?3";
  if (f.type) sql += " AND w.type = ?4";
  sql += " ORDER BY w.id";
  SQLite::Statement q(lib.db, sql);  // one of a few shapes, run once per listing: not cached
  if (f.tag) q.bind(1, casefold(*f.tag));
  if (f.year_from) q.bind(2, *f.year_from);
  if (f.year_to) q.bind(3, *f.year_to);
  if (f.type) q.bind(4, *f.type);
  std::vector<Row> rows;
  while (q.executeStep()) {
    Row r;
    r.id = q.getColumn(0).getInt64();
    if (!q.getColumn(1).isNull()) r.year = q.getColumn(1).getInt();
    if (f.sort == ListSort::title) r.title = normalized_title(q.getColumn(2).getText());
    if (need_author && !q.getColumn(3).isNull()) r.author = normalized_title(q.getColumn(3).getText());
    r.citations = q.getColumn(4).getInt64();
    rows.push_back(std::move(r));
  }
  return rows;
}

// Sorts rows (stable: ties keep library order); rows without the value go last either way.
void sort_rows(std::vector<Row>& rows, ListSort sort, bool reverse) {
  auto by = [&](auto has, auto less) {
    std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
      if (has(a) != has(b)) return has(a);
      if (!has(a)) return false;
      return reverse ? less(b, a) : less(a, b);
    });
  };
  switch (sort) {
    case ListSort::added:
      if (reverse) std::reverse(rows.begin(), rows.end());
      break;
    case ListSort::year: by([](const Row& r) { return r.year.has_value(); }, [](const Row& a, const Row& b) { return *a.year < *b.year; }); break;
    case ListSort::title: by([](const Row& r) { return !r.title.empty(); }, [](const Row& a, const Row& b) { return a.title < b.title; }); break;
    case ListSort::author: by([](const Row& r) { return !r.author.empty(); }, [](const Row& a, const Row& b) { return a.author < b.author; }); break;
    case ListSort::citations:
      by([](const Row&) { return true; }, [](const Row& a, const Row& b) { return a.citations > b.citations; });
      break;
  }
}

}  // namespace

std::optional<std::vector<WorkId>> select_works(Library& lib, const ListFilter& filter) {
  if (plain_listing(filter)) return std::nullopt;
  auto rows = candidate_rows(lib, filter);
  if (filter.author) {
    const auto matching = works_by_author(lib, *filter.author);
    std::erase_if(rows, [&](const Row& r) { return !matching.contains(r.id); });
  }
  sort_rows(rows, filter.sort, filter.reverse);
  std::vector<WorkId> ids;
  const auto limit = static_cast<std::size_t>(filter.limit.value_or(std::numeric_limits<std::int64_t>::max()));
  for (const auto& r : rows) {
    if (ids.size() >= limit) break;
    ids.push_back(r.id);
  }
  return ids;
}

}  // namespace store

std::vector<StoredWork> Store::list_works(const ListFilter& filter) const {
  std::vector<StoredWork> out;
  for_each_work(filter, [&](const StoredWork& w) { out.push_back(w); });
  return out;
}

void Store::for_each_work(const ListFilter& filter, const std::function<void(const StoredWork&)>& visit) const {
  auto& lib = impl_->lib;
  store::guarded(lib, "reading works", [&] {
    if (filter.limit && *filter.limit <= 0) return 0;
    const auto ids = store::select_works(lib, filter);
    if (!ids) {
      store::read_works(lib, std::numeric_limits<WorkId>::min(), std::numeric_limits<WorkId>::max(), filter.limit,
                        visit);
      return 0;
    }
    // A selection: each work read by id rather than scanning every child table.
    for (const WorkId id : *ids) store::read_works(lib, id, id, 1, visit);
    return 0;
  });
}

}  // namespace litrev
