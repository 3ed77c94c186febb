// The annotated document as styled paragraphs of runs, for the docx and odt writers.
#include "src/csl/renderers.hpp"
#include "src/export/annotated_office.hpp"
#include "src/export/markdown_note.hpp"

#include <fmt/format.h>

namespace litrev {
namespace {

OfficeParagraph plain(ParagraphStyle style, const std::string& text) {
  return OfficeParagraph{style, {OfficeRun{.text = text}}, 0};
}

OfficeParagraph reference(const csl::Span& span) {
  OfficeParagraph p{ParagraphStyle::reference, {}, 0};
  int block = 0;
  for (const auto& r : csl::flatten_runs(span)) {
    OfficeRun o{.text = r.text, .italic = r.italic, .bold = r.bold, .small_caps = r.small_caps, .underline = r.underline};
    o.sup = r.vertical_align == csl::VerticalAlign::sup;
    o.sub = r.vertical_align == csl::VerticalAlign::sub;
    o.break_before = r.block != block && r.display == csl::Display::block && !p.runs.empty();
    block = r.block;
    p.runs.push_back(std::move(o));
  }
  return p;
}

}  // namespace

std::vector<OfficeParagraph> office_paragraphs(const AnnotatedDocument& doc) {
  std::vector<OfficeParagraph> out;
  out.push_back(plain(ParagraphStyle::title, doc.title));
  if (!doc.subtitle.empty()) out.push_back(plain(ParagraphStyle::subtitle, doc.subtitle));
  for (const auto& g : doc.groups) {
    if (!g.heading.empty()) out.push_back(plain(ParagraphStyle::heading, g.heading));
    if (!g.terms.empty()) out.push_back(plain(ParagraphStyle::terms, fmt::format("Key terms: {}", fmt::join(g.terms, ", "))));
    for (const auto& e : g.entries) {
      out.push_back(reference(e.reference));
      if (const auto facts = entry_facts(e); !facts.empty()) out.push_back(plain(ParagraphStyle::facts, facts));
      for (const auto& n : e.notes)
        for (const auto& np : note_paragraphs(n)) {
          OfficeParagraph p{ParagraphStyle::note, {}, std::max(0, np.list_depth - 1) + (np.quote ? 1 : 0)};
          for (const auto& r : np.runs) p.runs.push_back(OfficeRun{.text = r.text, .italic = r.italic, .bold = r.bold, .code = r.code});
          out.push_back(std::move(p));
        }
    }
  }
  return out;
}

}  // namespace litrev
