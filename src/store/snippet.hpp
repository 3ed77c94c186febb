#pragma once
// Search snippets in linear time. FTS5's snippet() (and highlight()) take time quadratic in the
// hits inside one text: `search the` on a library holding one 280,000-word abstract ran 21 s for
// that one snippet. Here the query's terms are matched against the words of each text once, and
// the 12-word window with the most distinct terms (then the most hits) is cut out, hits in
// brackets, as snippet() would show it. Pure functions (internal to src/store/).

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace litrev::store {

struct SnippetTerm {
  std::string folded;   // core fold(): case and accents removed, as the FTS5 tokenizer sees it
  bool prefix = false;  // "legitim*"
};

// The words an FTS5 query looks for: phrase words, prefix terms; not the operators (AND, OR,
// NOT, NEAR), column names ("title:") or what NOT excludes.
std::vector<SnippetTerm> snippet_terms(std::string_view fts_query);

// "…it gives [legitimacy] to the [label] of the firm…" from the text (in column order: title,
// abstract, keywords, people, notes) that holds the best window; earlier texts win ties. Empty
// when no text holds a term.
std::string make_snippet(std::span<const std::string_view> texts, std::span<const SnippetTerm> terms,
                         std::size_t window = 12);

}  // namespace litrev::store
