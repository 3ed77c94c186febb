#pragma once
// Numbers as CSL treats them: what counts as numeric, page-range collapsing, roman numerals,
// whether a label takes its plural. Pure functions of strings.

#include <string>
#include <string_view>
#include <vector>

#include "src/csl/item.hpp"
#include "src/csl/style.hpp"

namespace litrev::csl {

// CSL is-numeric as citeproc-js decides it: the value starts with a number, optionally with
// letter affixes ("2a", "L2", "2nd"), and any parts after it are joined by "-", "–", ", ",
// "&" or "and": "12", "12-15", "2, 4 & 7", "12-B". "second", "2019 edition" are not.
bool is_numeric(std::string_view value);

// One number and what follows it, for <number> and labels.
struct NumberToken {
  std::string text;  // "12", "B", or a separator ("-", ", ", " & ")
  bool number = false;   // plain digits
  long value = 0;
  bool element = false;  // not a separator
};
std::vector<NumberToken> number_tokens(std::string_view value);

// "321-28" -> expanded "321–328", minimal "321–8", minimal-two "321–28", chicago "321–28"...
// Every range of a list ("1-5, 12-15") is formatted; ranges that are not plain numbers
// ("S12-S15", "iv-x") only get the delimiter. format none keeps the digits as written.
std::string format_page_range(std::string_view value, PageRangeFormat format, std::string_view delimiter);

// 1994 -> "mcmxciv" (CSL's roman form is lower case).
std::string roman(long n);

// Whether a label for this variable's value takes the plural: several numbers ("12-15",
// "2, 4") for most variables, a count above one for number-of-pages and number-of-volumes.
bool label_plural(Var var, std::string_view value);

}  // namespace litrev::csl
