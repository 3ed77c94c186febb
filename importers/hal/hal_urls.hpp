#pragma once
// HAL search API URLs (https://api.archives-ouvertes.fr/docs/search). Pure, tested offline.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace litrev {

inline constexpr std::size_t kHalMaxRows = 1000;

struct HalQuery {
  std::string q = "*:*";          // Solr query
  std::vector<std::string> fq;    // filter queries, one fq= each
  std::string collection;         // a collection code: searched as /search/CODE/
  std::size_t rows = 0;           // 0: HAL's default; capped at 1000
  std::string cursor_mark;        // "*" then each answer's nextCursorMark
  std::string sort;               // with a cursor, must end on the unique key: docid is added
  std::string wt;                 // "json" (default), "xml-tei"...
  std::string fl;                 // fields of a JSON answer
};

// GET {base}/search/[CODE/]?q=...&fq=...&rows=...&sort=...&cursorMark=...&wt=...&fl=...
// A cursor needs a sort that ends on docid (Solr refuses it otherwise): "docid asc" is used
// when no sort is given, and ", docid asc" is appended to a sort that does not end on it.
std::string hal_search_url(std::string_view base, const HalQuery& query);

// Solr phrase for a value: "value" with '"' and '\' escaped.
std::string solr_quote(std::string_view value);

// halId_s:("hal-01" OR "hal-02" ...)
std::string hal_ids_query(std::span<const std::string> hal_ids);
// authIdHal_s:"jean-dupont"
std::string hal_idhal_query(std::string_view idhal);
// collCode_s:"CODE" (as a filter; the /search/CODE/ path form does the same)
std::string hal_collection_filter(std::string_view code);

}  // namespace litrev
