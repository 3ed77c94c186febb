#pragma once
// Readable Unicode text -> LaTeX-safe BibTeX field text, for the fields an exporter generates
// from readable values (works that came from Crossref or HAL, notes, tags). Fields read from a
// .bib file are never re-encoded: they are written back as they were read.

#include <string>
#include <string_view>

#include "src/core/record.hpp"

namespace litrev {

struct LatexEncodeOptions {
  // false (default): letters stay UTF-8, which biber and modern BibTeX read; only the
  // characters special to (La)TeX are escaped: & % $ # _ { } \ ~ ^ and the no-break space
  // becomes ~. true: ASCII only: accented letters become accent commands ({\'e}, {\c{c}}),
  // special letters {\ss} {\o} {\ae} {\l}..., dashes -- and ---, quotes `` '' ` ', ellipsis
  // \ldots{}; a character with no LaTeX spelling stays UTF-8 (nothing is lost).
  bool ascii = false;
};

std::string latex_encode(std::string_view text, const LatexEncodeOptions& options = {});

// A title with the words whose case a BibTeX style must not change protected by braces: words
// with a capital letter after their first character ("AI", "NoSQL", "iPhone", "COVID-19",
// "McDonald"). Other capitals (sentence starts, proper nouns a program cannot recognise) are
// left to the style. Input: readable text; output: LaTeX (encoded with options).
std::string latex_encode_title(std::string_view title, const LatexEncodeOptions& options = {});

// One name as BibTeX reads it back: "von Last, Jr, First", "von Last, First", or
// "{Literal Name}" for corporate names. Parts that BibTeX would cut differently (a family name
// starting with a lower-case word without particle, a comma or " and " inside a part) are braced.
std::string bibtex_name(const Person& person, const LatexEncodeOptions& options = {});

}  // namespace litrev
