#include "importers/hal/hal_urls.hpp"

#include <algorithm>

#include "importers/net/url.hpp"
#include "src/core/text.hpp"

namespace litrev {

std::string solr_quote(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string hal_ids_query(std::span<const std::string> hal_ids) {
  std::string inner;
  for (const auto& id : hal_ids) inner += (inner.empty() ? "" : " OR ") + solr_quote(id);
  return "halId_s:(" + inner + ")";
}

std::string hal_idhal_query(std::string_view idhal) { return "authIdHal_s:" + solr_quote(idhal); }

std::string hal_collection_filter(std::string_view code) { return "collCode_s:" + solr_quote(code); }

std::string hal_search_url(std::string_view base, const HalQuery& q) {
  QueryParams params;
  params.emplace_back("q", q.q.empty() ? std::string("*:*") : q.q);
  for (const auto& f : q.fq)
    if (!f.empty()) params.emplace_back("fq", f);
  if (q.rows > 0) params.emplace_back("rows", std::to_string(std::min(q.rows, kHalMaxRows)));
  std::string sort = q.sort;
  if (!q.cursor_mark.empty()) {
    const std::string lower = ascii_lower(collapse_spaces(sort));
    if (sort.empty()) sort = "docid asc";
    else if (!lower.ends_with("docid asc") && !lower.ends_with("docid desc")) sort += ", docid asc";
  }
  if (!sort.empty()) params.emplace_back("sort", sort);
  if (!q.cursor_mark.empty()) params.emplace_back("cursorMark", q.cursor_mark);
  if (!q.wt.empty()) params.emplace_back("wt", q.wt);
  if (!q.fl.empty()) params.emplace_back("fl", q.fl);
  std::string path = "/search/";
  if (!q.collection.empty()) path += encode_path(q.collection) + "/";
  return build_url(base, path, params);
}

}  // namespace litrev
