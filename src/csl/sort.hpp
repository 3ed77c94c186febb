#pragma once
// Bibliography order: cs:sort keys (variables and macros) compared the way citeproc-js's
// collator does (Intl.Collator with base sensitivity, punctuation and spaces ignored, digits
// compared as numbers), missing values last, ties kept in input order.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "src/csl/item.hpp"
#include "src/csl/render.hpp"

namespace litrev::csl {

// A byte string whose plain comparison is the collation order described above.
std::string collation_key(std::string_view text);

// The order of items (indices into items) for the given keys. citation_numbers: the
// citation-number of each item (its value for keys on that variable).
std::vector<std::size_t> sort_order(const Renderer& renderer, const std::vector<SortKey>& keys,
                                    const std::vector<Item>& items, const std::vector<long>& citation_numbers,
                                    Context context = Context::bibliography);

}  // namespace litrev::csl
