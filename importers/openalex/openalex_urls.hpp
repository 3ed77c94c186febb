#pragma once
// OpenAlex API URLs. Pure: base URL in, URL out, tested offline.
// https://docs.openalex.org — `/works/{id}` for one work, `/works` with `filter` (several values of
// one filter joined by '|' mean OR), `search`, `select`, `per-page` (<= 100) and `cursor`
// (`*`, then each answer's `meta.next_cursor`). The API key is not part of these URLs: the fetch
// recipe sends it as a secret parameter (HttpRequest::secret_params), which keeps it out of the
// cache, of error messages and of the provenance of records.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace litrev {

inline constexpr std::size_t kOpenAlexMaxPerPage = 100;    // the documented maximum of per-page
inline constexpr std::size_t kOpenAlexValuesPerFilter = 50;  // the documented maximum of OR values

// The fields litrev reads from a work (record mapping, references, citation counts); nothing
// else is fetched.
inline constexpr std::string_view kOpenAlexWorkFields =
    "id,doi,ids,title,display_name,publication_year,publication_date,type,language,primary_location,"
    "authorships,biblio,abstract_inverted_index,cited_by_count,referenced_works";

struct OpenAlexQuery {
  std::string filter;  // filter=doi:...|...,type:article
  std::string search;  // search= (full text of titles, abstracts)
  std::string select;  // select=id,doi,...
  std::size_t per_page = 0;  // 0: the API's default (25); capped at 100
  std::string cursor;        // "*" for the first page of a cursor walk
  std::string mailto;
};

// GET {base}/works?... with the parameters that are set, in a fixed order.
std::string openalex_works_url(std::string_view base, const OpenAlexQuery& q);

// GET {base}/works/{id}: the page of one work, used as the provenance of its record.
std::string openalex_work_url(std::string_view base, std::string_view work_id);

// "doi:https://doi.org/10.1/a|https://doi.org/10.2/b" (the form OpenAlex writes its DOIs in).
std::string openalex_doi_filter(std::span<const std::string> dois);
// "openalex:W1|W2".
std::string openalex_id_filter(std::span<const std::string> work_ids);

// Whether a DOI can stand in a filter value: ',' separates filters and '|' values.
bool fits_openalex_filter(std::string_view doi);

}  // namespace litrev
