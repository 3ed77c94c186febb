// Store::search: FTS5 over titles, abstracts, keywords, people and notes.

#include <algorithm>
#include <array>

#include "src/core/cancellation.hpp"
#include "src/core/text.hpp"
#include "src/store/library.hpp"
#include "src/store/snippet.hpp"
#include "src/store/store_impl.hpp"

namespace litrev {

using store::Use;

namespace {

// bm25 column weights (title, abstract, keywords, people, notes): a hit in a title or keyword
// says more about what a work is than a hit somewhere in a long abstract. The ranking runs
// inside FTS5 (`rank MATCH` with ORDER BY rank, which FTS5 consumes), so only the LIMIT rows
// are read back; their snippets are made by snippet.hpp, in time linear in their text.
constexpr const char* kSearch =
    "SELECT w.key, w.title, w.year, f.title, f.abstract, f.keywords, f.people, f.notes, top.rank "
    "FROM (SELECT rowid AS id, rank FROM works_fts WHERE works_fts MATCH ?1 "
    "AND rank MATCH 'bm25(10.0, 2.0, 5.0, 5.0, 3.0)' ORDER BY rank LIMIT ?2) AS top "
    "JOIN works w ON w.id = top.id JOIN works_fts f ON f.rowid = top.id ORDER BY top.rank";

std::vector<SearchHit> run(store::Library& lib, const std::string& query, int limit) {
  const auto terms = store::snippet_terms(query);
  std::vector<SearchHit> hits;
  Use q(lib.cache, kSearch);
  q->bind(1, query);
  q->bind(2, limit);
  while (q->executeStep()) {
    throw_if_cancelled();
    SearchHit h;
    h.key = q->getColumn(0).getString();
    h.title = q->getColumn(1).getString();
    if (!q->getColumn(2).isNull()) h.year = q->getColumn(2).getInt();
    std::array<std::string_view, 5> texts;
    for (int c = 0; c < 5; ++c) {
      const auto column = q->getColumn(3 + c);
      texts[static_cast<std::size_t>(c)] = std::string_view(column.getText(""), static_cast<std::size_t>(column.getBytes()));
    }
    h.snippet = store::make_snippet(texts, terms);
    h.rank = q->getColumn(8).getDouble();
    hits.push_back(std::move(h));
  }
  return hits;
}

// The query as plain words: every whitespace-separated term becomes a quoted string (inner
// quotes dropped), so "AI: ethics" or an unbalanced quote searches for the words themselves.
// Terms without a letter or digit ("(", "*") are dropped: they would be empty phrases.
std::string quoted_terms(std::string_view query) {
  std::string out, term;
  auto flush = [&] {
    const bool has_word = std::any_of(term.begin(), term.end(), [](unsigned char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    });
    if (!has_word) {
      term.clear();
      return;
    }
    if (!out.empty()) out.push_back(' ');
    out += '"' + term + '"';
    term.clear();
  };
  for (char c : query) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') flush();
    else if (c != '"') term.push_back(c);
  }
  flush();
  return out;
}

}  // namespace

std::vector<SearchHit> Store::search(const std::string& fts_query, int limit) const {
  auto& lib = impl_->lib;
  if (trim(fts_query).empty() || limit <= 0) return {};
  // FTS5 silently reads an unbalanced quote as a phrase running to the end: never what was meant.
  const bool balanced = std::count(fts_query.begin(), fts_query.end(), '"') % 2 == 0;
  if (balanced) {
    try {
      return run(lib, fts_query, limit);
    } catch (const SQLite::Exception&) {
      if (cancellation_requested()) throw Cancelled();
      // Not valid FTS5 syntax (a stray colon names a column, a bare operator...): the user
      // meant words, so search for the words.
    }
  }
  const std::string plain = quoted_terms(fts_query);
  if (plain.empty()) return {};
  return store::guarded(lib, "searching", [&] { return run(lib, plain, limit); });
}

}  // namespace litrev
