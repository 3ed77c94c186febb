// The annotated bibliography as a Word document (Office Open XML, ECMA-376): the package's
// fixed parts, styles.xml with the document's paragraph styles, and document.xml written with
// pugixml (which escapes the text).
#include <pugixml.hpp>

#include <sstream>

#include "src/export/annotated_office.hpp"

namespace litrev {
namespace {

constexpr const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>
)";

constexpr const char* kPackageRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>
)";

constexpr const char* kDocumentRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>
)";

// Sizes in half-points, indents in twentieths of a point (720 = half an inch).
constexpr const char* kStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="24"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:i/><w:color w:val="555555"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="KeyTerms"><w:name w:val="Key Terms"/><w:basedOn w:val="Normal"/><w:rPr><w:i/><w:color w:val="555555"/><w:sz w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Bibliography"><w:name w:val="Bibliography"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/><w:ind w:left="720" w:hanging="720"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="AnnotationFacts"><w:name w:val="Annotation Facts"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/></w:pPr><w:rPr><w:i/><w:color w:val="555555"/><w:sz w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Annotation"><w:name w:val="Annotation"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/></w:pPr><w:rPr><w:sz w:val="22"/></w:rPr></w:style>
</w:styles>
)";

const char* style_id(ParagraphStyle s) {
  switch (s) {
    case ParagraphStyle::title: return "Title";
    case ParagraphStyle::subtitle: return "Subtitle";
    case ParagraphStyle::heading: return "Heading1";
    case ParagraphStyle::terms: return "KeyTerms";
    case ParagraphStyle::reference: return "Bibliography";
    case ParagraphStyle::facts: return "AnnotationFacts";
    case ParagraphStyle::note: return "Annotation";
  }
  return "Normal";
}

void add_run(pugi::xml_node p, const OfficeRun& r) {
  auto run = p.append_child("w:r");
  auto props = run.append_child("w:rPr");
  if (r.code) {
    auto fonts = props.append_child("w:rFonts");
    fonts.append_attribute("w:ascii") = "Courier New";
    fonts.append_attribute("w:hAnsi") = "Courier New";
  }
  if (r.bold) props.append_child("w:b");
  if (r.italic) props.append_child("w:i");
  if (r.small_caps) props.append_child("w:smallCaps");
  if (r.underline) props.append_child("w:u").append_attribute("w:val") = "single";
  if (r.sup || r.sub) props.append_child("w:vertAlign").append_attribute("w:val") = r.sup ? "superscript" : "subscript";
  if (!props.first_child()) run.remove_child(props);
  if (r.break_before) run.append_child("w:br");
  auto t = run.append_child("w:t");
  t.append_attribute("xml:space") = "preserve";
  t.text().set(r.text.c_str());
}

std::string document_xml(const AnnotatedDocument& doc) {
  pugi::xml_document xml;
  auto decl = xml.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  auto root = xml.append_child("w:document");
  root.append_attribute("xmlns:w") = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  auto body = root.append_child("w:body");
  for (const auto& para : office_paragraphs(doc)) {
    auto p = body.append_child("w:p");
    auto props = p.append_child("w:pPr");
    props.append_child("w:pStyle").append_attribute("w:val") = style_id(para.style);
    if (para.level > 0) props.append_child("w:ind").append_attribute("w:left") = 720 * (1 + para.level);
    if (para.style == ParagraphStyle::reference && !doc.hanging_indent)
      props.append_child("w:ind").append_attribute("w:hanging") = 0;
    for (const auto& r : para.runs) add_run(p, r);
  }
  auto section = body.append_child("w:sectPr");
  auto size = section.append_child("w:pgSz");  // A4
  size.append_attribute("w:w") = 11906;
  size.append_attribute("w:h") = 16838;
  auto margins = section.append_child("w:pgMar");
  for (const char* side : {"w:top", "w:right", "w:bottom", "w:left"}) margins.append_attribute(side) = 1418;
  std::ostringstream out;
  xml.save(out, "", pugi::format_raw);
  return out.str();
}

}  // namespace

std::string write_docx(const AnnotatedDocument& doc) {
  return zip_archive({{"[Content_Types].xml", kContentTypes},
                      {"_rels/.rels", kPackageRels},
                      {"word/_rels/document.xml.rels", kDocumentRels},
                      {"word/styles.xml", kStyles},
                      {"word/document.xml", document_xml(doc)}});
}

}  // namespace litrev
