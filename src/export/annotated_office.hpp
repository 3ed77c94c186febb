#pragma once
// Word (docx, Office Open XML) and OpenDocument (odt) annotated bibliographies, written
// natively: the XML with pugixml, the archive with libzip. Real paragraphs with styles the
// user can restyle in the word processor: Title, Heading 1 (group headings), Bibliography
// (hanging indent), Annotation (notes, indented), with italics, bold, small caps and
// super/subscripts as runs.

#include <string>
#include <vector>

#include "src/export/annotated.hpp"

namespace litrev {

// What both word-processor formats are written from: the document as styled paragraphs of
// formatted runs.
enum class ParagraphStyle { title, subtitle, heading, terms, reference, facts, note };
struct OfficeRun {
  std::string text;
  bool italic = false, bold = false, small_caps = false, underline = false, code = false;
  bool sup = false, sub = false;
  bool break_before = false;  // a CSL display block starts a new line within the paragraph
};
struct OfficeParagraph {
  ParagraphStyle style = ParagraphStyle::note;
  std::vector<OfficeRun> runs;
  int level = 0;  // extra indentation (nested lists in notes)
};
std::vector<OfficeParagraph> office_paragraphs(const AnnotatedDocument& doc);

std::string write_docx(const AnnotatedDocument& doc);
std::string write_odt(const AnnotatedDocument& doc);

struct ZipMember {
  std::string name;
  std::string data;
  bool stored = false;  // uncompressed (odt's mimetype must be)
};
// The members in this order, as the bytes of a zip archive. Throws std::runtime_error.
std::string zip_archive(const std::vector<ZipMember>& members);

}  // namespace litrev
