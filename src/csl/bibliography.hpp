#pragma once
// The CSL engine's interface: (style, locale, items) -> formatted entries.
//
//   Style style = load_style_file(path, sources, "fr-FR");   // style_loader.hpp, or catalog.hpp
//   Processor processor(std::move(style));
//   Bibliography bib = processor.bibliography(items);        // sorted, suffixed, substituted
//   for (const auto& e : bib.entries) out << render(e.content, OutputFormat::html);
//
// Each entry stays a Span tree until a renderer writes it, so an annotated export can put the
// user's notes under each entry and write the whole in any format.

#include <memory>
#include <string>
#include <vector>

#include "src/csl/item.hpp"
#include "src/csl/output.hpp"
#include "src/csl/render.hpp"
#include "src/csl/style.hpp"

namespace litrev::csl {

struct Entry {
  std::string id;
  std::size_t index = 0;  // the item's position in the input
  Span content;
};

struct Bibliography {
  BibliographyOptions options;  // hanging indent, spacing, second-field-align...
  std::vector<Entry> entries;   // in the style's order
};

class Processor {
 public:
  explicit Processor(Style style);

  const Style& style() const { return *style_; }
  // Every item once, in the bibliography's order, with year suffixes and author substitutes.
  Bibliography bibliography(const std::vector<Item>& items) const;

 private:
  std::unique_ptr<Style> style_;  // on the heap: renderer_ keeps a reference across moves
  Renderer renderer_;
};

// A whole bibliography in a format: text, one entry per line; HTML, citeproc-js's
// <div class="csl-bib-body"> with one <div class="csl-entry"> per entry; Markdown, one
// paragraph per entry; LaTeX, a list environment with hanging indent.
std::string render_bibliography(const Bibliography& bibliography, OutputFormat format);

}  // namespace litrev::csl
