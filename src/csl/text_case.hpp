#pragma once
// CSL text-case over a run of text segments, with citeproc-js's word rules:
// - title: every all-lower-case word is capitalized unless it is a stop word (CSL's list:
//   "a", "of", "the", "through"...) that is neither first, last, nor after ":", "?" or "!";
//   words with a capital already ("iPhone", "AI", "UNESCO") and all-caps titles are left as
//   they are; "-", "/", "." and quotes separate words ("Self-Regulation");
// - sentence: the first word capitalized, every other word lower-cased;
// - capitalize-first / capitalize-all: capitalize the first / every all-lower-case word;
// - lowercase / uppercase.
// Protected segments (<span class="nocase">) are never changed but count for word positions.

#include <string>
#include <vector>

#include "src/csl/formatting.hpp"

namespace litrev::csl {

struct CaseSegment {
  std::string* text;
  bool protect = false;
};

void apply_text_case(TextCase text_case, const std::vector<CaseSegment>& segments);

// Convenience for one plain string.
std::string text_cased(TextCase text_case, std::string text);

}  // namespace litrev::csl
