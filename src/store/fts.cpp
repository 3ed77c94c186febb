#include "src/store/fts.hpp"

namespace litrev::store {
namespace {

// The indexed text of work w, in works_fts column order. People are "given particle family
// suffix" (or the literal name), notes one per line; accents are handled by the tokenizer.
#define LITREV_FTS_TEXT                                                                                         \
  "w.title || CASE WHEN w.subtitle <> '' THEN ' ' || w.subtitle ELSE '' END, w.abstract, "                     \
  "replace(w.keywords, char(10), '; '), "                                                                      \
  "(SELECT group_concat(CASE WHEN p.literal <> '' THEN p.literal "                                             \
  "ELSE trim(p.given || ' ' || p.particle || ' ' || p.family || ' ' || p.suffix) END, '; ') "                  \
  "FROM work_people wp JOIN people p ON p.id = wp.person WHERE wp.work = w.id), "                             \
  "(SELECT group_concat(n.text, char(10)) FROM notes n WHERE n.work = w.id)"

#define LITREV_FTS_INSERT "INSERT INTO works_fts(rowid, title, abstract, keywords, people, notes) SELECT w.id, "

}  // namespace

void refresh_fts(Library& lib, WorkId id) {
  if (lib.batch_open) {
    // Inside an import batch the batch writes every full-text row at commit (see fts.hpp):
    // mark this one for rewriting instead of writing it twice.
    Use s(lib.cache, "INSERT INTO batch_works(work, fts) VALUES (?1, 2) ON CONFLICT(work) DO UPDATE SET fts = 2");
    s->bind(1, id);
    s->exec();
    return;
  }
  {
    Use d(lib.cache, "DELETE FROM works_fts WHERE rowid = ?1");
    d->bind(1, id);
    d->exec();
  }
  Use s(lib.cache, LITREV_FTS_INSERT LITREV_FTS_TEXT " FROM works w WHERE w.id = ?1");
  s->bind(1, id);
  s->exec();
}

void write_batch_fts(Library& lib) {
  {
    Use d(lib.cache, "DELETE FROM works_fts WHERE rowid IN (SELECT work FROM batch_works WHERE fts = 2)");
    d->exec();
  }
  Use s(lib.cache, LITREV_FTS_INSERT LITREV_FTS_TEXT
        " FROM batch_works b CROSS JOIN works w ON w.id = b.work WHERE b.fts > 0 ORDER BY b.work");
  s->exec();
}

}  // namespace litrev::store
