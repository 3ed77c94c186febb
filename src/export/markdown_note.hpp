#pragma once
// A user's note (Markdown, as typed with `litrev note`) in each output format of the annotated
// bibliography. Parsed by cmark (CommonMark); raw HTML in a note is dropped, not passed on.
// HTML and LaTeX come from cmark's own renderers; plain text, docx and odt need paragraphs of
// formatted runs, which note_paragraphs gives.

#include <string>
#include <vector>

namespace litrev {

std::string note_html(const std::string& markdown);
std::string note_latex(const std::string& markdown);

struct NoteRun {
  std::string text;
  bool italic = false;
  bool bold = false;
  bool code = false;
};

struct NoteParagraph {
  std::vector<NoteRun> runs;
  int list_depth = 0;    // 0: not in a list; a list item's first paragraph starts with its bullet
  bool heading = false;  // a heading inside the note, kept as a bold paragraph
  bool quote = false;
};

// Links keep their text followed by " <URL>"; line breaks inside a paragraph become spaces.
std::vector<NoteParagraph> note_paragraphs(const std::string& markdown);

}  // namespace litrev
