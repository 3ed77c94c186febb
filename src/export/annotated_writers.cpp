// The annotated bibliography as one HTML page, Markdown (pandoc's), a LaTeX document or plain
// text. References come from the CSL renderers; notes from cmark; everything else is escaped
// by rendering it as a CSL text leaf, so one escaping rule holds per format.
#include <fmt/format.h>

#include "src/export/annotated.hpp"
#include "src/export/annotated_office.hpp"
#include "src/export/markdown_note.hpp"

namespace litrev {
namespace {

std::string escaped(const std::string& text, csl::OutputFormat format) {
  csl::Span leaf;
  leaf.text = text;
  return csl::render(leaf, format);
}

std::string terms_line(const AnnotatedGroup& g) {
  return g.terms.empty() ? std::string() : fmt::format("Key terms: {}", fmt::join(g.terms, ", "));
}

std::string html(const AnnotatedDocument& doc) {
  constexpr auto f = csl::OutputFormat::html;
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n"
      "body{{font-family:Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.45;color:#111}}\n"
      "h1{{font-size:1.6em;margin-bottom:.2em}} .subtitle{{color:#555;margin-top:0}}\n"
      "h2{{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}} .terms{{color:#555;font-size:.9em}}\n"
      ".entry{{margin:1em 0;break-inside:avoid}}\n"
      ".csl-entry{{{}}}\n"
      ".facts{{color:#555;font-size:.85em;margin:.2em 0 0 2em}} .note{{margin:.3em 0 0 2em;font-size:.95em}}\n"
      ".note p{{margin:.3em 0}}\n"
      "@media print{{body{{margin:0;max-width:none}} h2{{break-after:avoid}}}}\n"
      "</style>\n</head>\n<body>\n<h1>{}</h1>\n",
      escaped(doc.lang, f), escaped(doc.title, f), doc.hanging_indent ? "padding-left:2em;text-indent:-2em" : "",
      escaped(doc.title, f));
  if (!doc.subtitle.empty()) out += fmt::format("<p class=\"subtitle\">{}</p>\n", escaped(doc.subtitle, f));
  for (const auto& g : doc.groups) {
    if (!g.heading.empty()) out += fmt::format("<h2>{}</h2>\n", escaped(g.heading, f));
    if (!g.terms.empty()) out += fmt::format("<p class=\"terms\">{}</p>\n", escaped(terms_line(g), f));
    for (const auto& e : g.entries) {
      out += fmt::format("<div class=\"entry\" id=\"{}\">\n<div class=\"csl-entry\">{}</div>\n", escaped(e.key, f),
                         csl::render(e.reference, f));
      if (const auto facts = entry_facts(e); !facts.empty())
        out += fmt::format("<p class=\"facts\">{}</p>\n", escaped(facts, f));
      for (const auto& n : e.notes) out += "<div class=\"note\">\n" + note_html(n) + "</div>\n";
      out += "</div>\n";
    }
  }
  return out + "</body>\n</html>\n";
}

// Each line of a note behind "> ": the note stays Markdown, visibly under its reference.
std::string quoted(const std::string& markdown) {
  std::string out = "> ";
  for (char c : markdown) {
    out += c;
    if (c == '\n') out += "> ";
  }
  while (out.ends_with("> ") || out.ends_with('\n')) out.erase(out.size() - (out.ends_with('\n') ? 1 : 2));
  return out + "\n";
}

std::string markdown(const AnnotatedDocument& doc) {
  constexpr auto f = csl::OutputFormat::markdown;
  std::string out = fmt::format("# {}\n\n", escaped(doc.title, f));
  if (!doc.subtitle.empty()) out += fmt::format("*{}*\n\n", escaped(doc.subtitle, f));
  for (const auto& g : doc.groups) {
    if (!g.heading.empty()) out += fmt::format("## {}\n\n", escaped(g.heading, f));
    if (!g.terms.empty()) out += fmt::format("*{}*\n\n", escaped(terms_line(g), f));
    for (const auto& e : g.entries) {
      out += csl::render(e.reference, f) + "\n\n";
      if (const auto facts = entry_facts(e); !facts.empty()) out += fmt::format("> *{}*\n", escaped(facts, f));
      for (const auto& n : e.notes) out += ">\n" + quoted(n);
      if (!entry_facts(e).empty() || !e.notes.empty()) out += "\n";
    }
  }
  return out;
}

std::string latex(const AnnotatedDocument& doc) {
  constexpr auto f = csl::OutputFormat::latex;
  // Real libraries hold characters pdflatex has no glyph for (CO₂, CJK names): there they print
  // as "?" with a warning naming them instead of stopping the run; lualatex prints them.
  std::string out =
      "\\documentclass[11pt]{article}\n\\usepackage{iftex}\n"
      "\\ifPDFTeX\n\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n\\usepackage{textcomp}\n"
      "\\makeatletter\n\\def\\UTFviii@undefined@err#1{\\@latex@warning{Unicode character \\expandafter"
      "\\UTFviii@splitcsname\\string#1\\relax\\space printed as ? (lualatex prints it)}?}\n\\makeatother\n"
      "\\else\n\\IfFileExists{fontspec.sty}{\\usepackage{fontspec}}{}\n\\fi\n"
      "\\usepackage[margin=2.5cm]{geometry}\n\\usepackage{hyperref}\n"
      "\\setlength{\\parindent}{0pt}\n\\setlength{\\parskip}{0.4em}\n";
  out += fmt::format("\\title{{{}}}\n\\date{{{}}}\n\\author{{}}\n\\begin{{document}}\n\\maketitle\n",
                     escaped(doc.title, f), escaped(doc.subtitle, f));
  for (const auto& g : doc.groups) {
    if (!g.heading.empty()) out += fmt::format("\\section*{{{}}}\n", escaped(g.heading, f));
    if (!g.terms.empty()) out += fmt::format("{{\\small\\textit{{{}}}}}\n\n", escaped(terms_line(g), f));
    for (const auto& e : g.entries) {
      out += doc.hanging_indent ? "\\hangindent=2em\\hangafter=1\n" : "";
      out += csl::render(e.reference, f) + "\\par\n";
      const auto facts = entry_facts(e);
      if (facts.empty() && e.notes.empty()) continue;
      out += "\\begin{quote}\n";
      if (!facts.empty()) out += fmt::format("{{\\small\\textit{{{}}}}}\n\n", escaped(facts, f));
      for (const auto& n : e.notes) out += note_latex(n) + "\n";
      out += "\\end{quote}\n";
    }
  }
  return out + "\\end{document}\n";
}

std::string note_text(const std::string& markdown) {
  std::string out;
  for (const auto& p : note_paragraphs(markdown)) {
    out += std::string(4 + 2 * static_cast<std::size_t>(std::max(0, p.list_depth - 1)), ' ');
    if (p.quote) out += "| ";
    for (const auto& r : p.runs) out += r.text;
    out += '\n';
  }
  return out;
}

std::string text(const AnnotatedDocument& doc) {
  constexpr auto f = csl::OutputFormat::text;
  std::string out = doc.title + "\n" + std::string(doc.title.size(), '=') + "\n";
  if (!doc.subtitle.empty()) out += doc.subtitle + "\n";
  for (const auto& g : doc.groups) {
    if (!g.heading.empty()) out += "\n" + g.heading + "\n" + std::string(g.heading.size(), '-') + "\n";
    if (!g.terms.empty()) out += terms_line(g) + "\n";
    for (const auto& e : g.entries) {
      out += "\n" + csl::render(e.reference, f) + "\n";
      if (const auto facts = entry_facts(e); !facts.empty()) out += "    [" + facts + "]\n";
      for (const auto& n : e.notes) out += note_text(n);
    }
  }
  return out;
}

}  // namespace

std::string write_annotated(const AnnotatedDocument& doc, AnnotatedFormat format) {
  switch (format) {
    case AnnotatedFormat::text: return text(doc);
    case AnnotatedFormat::html: return html(doc);
    case AnnotatedFormat::markdown: return markdown(doc);
    case AnnotatedFormat::latex: return latex(doc);
    case AnnotatedFormat::docx: return write_docx(doc);
    case AnnotatedFormat::odt: return write_odt(doc);
  }
  return {};
}

}  // namespace litrev
