#pragma once
// The engine's working output for one entry, before punctuation is settled: one blob per
// rendering element that produced something, with the element's affixes, delimiter and
// decorations kept apart from its content. Keeping them apart is what lets the punctuation
// passes (punctuation.hpp) remove "..", pull a period inside closing quotes, or let a title's
// "?" absorb the "." that follows, the way citeproc-js does; flatten.hpp then turns the tree
// into Spans.

#include <string>
#include <vector>

#include "src/csl/formatting.hpp"

namespace litrev::csl {

struct Blob {
  std::string prefix;
  std::string suffix;
  std::string delimiter;  // between children
  Formatting formatting;
  bool flip = false;      // rich-text markup: italic inside italic becomes normal
  bool quotes = false;    // wrapped in the locale's quotes
  bool rich_quotes = false;  // quotes written in the field: inner quotes inside other quotes
  bool quotes_attr = false;  // the element wrote quotes= (even "false")
  bool nocase = false;    // protected from text-case (<span class="nocase">)
  bool number = false;    // a number: punctuation does not migrate into it
  TextCase text_case = TextCase::none;
  Display display = Display::none;
  int mark = 0;           // a role the bibliography looks for afterwards (render.hpp kMark*)
  bool leaf = true;
  std::string text;            // leaf content
  std::vector<Blob> children;  // otherwise

  static Blob of_text(std::string t) {
    Blob b;
    b.text = std::move(t);
    return b;
  }
  static Blob group() {
    Blob b;
    b.leaf = false;
    return b;
  }
  // The text with affixes and delimiters, without formatting (for comparing and sorting).
  std::string plain() const;
  void append_plain(std::string& out) const;
  bool has_decorations(bool with_quotes) const { return !formatting.empty() || (with_quotes && (quotes || quotes_attr)); }
  // Nothing to show (affixes alone do not count: an element without content is dropped).
  bool empty() const { return leaf ? text.empty() : children.empty(); }
  // Applies an element's decor: formatting, affixes, display, text-case, quotes. Wraps this
  // blob in a new level when it already has affixes or decorations of its own.
  void decorate(const Decor& d);
};

}  // namespace litrev::csl
