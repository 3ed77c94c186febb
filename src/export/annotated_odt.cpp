// The annotated bibliography as an OpenDocument text (ODF 1.2): mimetype first and stored,
// the manifest, styles.xml with the paragraph styles, content.xml written with pugixml.
// Run formatting is an automatic text style per combination used.
#include <pugixml.hpp>

#include <map>
#include <sstream>

#include "src/export/annotated_office.hpp"

namespace litrev {
namespace {

constexpr const char* kMime = "application/vnd.oasis.opendocument.text";

constexpr const char* kManifest =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
)";

constexpr const char* kNamespaces =
    R"(xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2")";

std::string styles_xml() {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles )") + kNamespaces + R"(>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/><style:text-properties style:font-name="Liberation Serif" fo:font-family="'Liberation Serif'" fo:font-size="12pt"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter"><style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter"><style:text-properties fo:font-style="italic" fo:color="#555555"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1" style:class="text"><style:paragraph-properties fo:margin-top="0.6cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Key_20_Terms" style:display-name="Key Terms" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-style="italic" fo:color="#555555" fo:font-size="10pt"/></style:style>
<style:style style:name="Bibliography" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="1.27cm" fo:text-indent="-1.27cm" fo:margin-top="0.35cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/></style:style>
<style:style style:name="Annotation_20_Facts" style:display-name="Annotation Facts" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="1.27cm" fo:margin-bottom="0.1cm"/><style:text-properties fo:font-style="italic" fo:color="#555555" fo:font-size="10pt"/></style:style>
<style:style style:name="Annotation" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="1.27cm" fo:margin-bottom="0.1cm"/><style:text-properties fo:font-size="11pt"/></style:style>
</office:styles>
</office:document-styles>
)";
}

const char* style_name(ParagraphStyle s) {
  switch (s) {
    case ParagraphStyle::title: return "Title";
    case ParagraphStyle::subtitle: return "Subtitle";
    case ParagraphStyle::heading: return "Heading_20_1";
    case ParagraphStyle::terms: return "Key_20_Terms";
    case ParagraphStyle::reference: return "Bibliography";
    case ParagraphStyle::facts: return "Annotation_20_Facts";
    case ParagraphStyle::note: return "Annotation";
  }
  return "Standard";
}

// A run's formatting as bits; 0 = none (no span needed).
unsigned run_bits(const OfficeRun& r) {
  return (r.italic ? 1u : 0u) | (r.bold ? 2u : 0u) | (r.small_caps ? 4u : 0u) | (r.underline ? 8u : 0u) |
         (r.sup ? 16u : 0u) | (r.sub ? 32u : 0u) | (r.code ? 64u : 0u);
}

void text_style(pugi::xml_node styles, unsigned bits) {
  auto s = styles.append_child("style:style");
  s.append_attribute("style:name") = ("T" + std::to_string(bits)).c_str();
  s.append_attribute("style:family") = "text";
  auto p = s.append_child("style:text-properties");
  if (bits & 1u) p.append_attribute("fo:font-style") = "italic";
  if (bits & 2u) p.append_attribute("fo:font-weight") = "bold";
  if (bits & 4u) p.append_attribute("fo:font-variant") = "small-caps";
  if (bits & 8u) {
    p.append_attribute("style:text-underline-style") = "solid";
    p.append_attribute("style:text-underline-width") = "auto";
  }
  if (bits & 16u) p.append_attribute("style:text-position") = "super 58%";
  if (bits & 32u) p.append_attribute("style:text-position") = "sub 58%";
  if (bits & 64u) p.append_attribute("style:font-name") = "Liberation Mono";
}

// ODF collapses runs of spaces: the second and later of a run become <text:s/>.
void append_text(pugi::xml_node parent, const std::string& text) {
  std::string chunk;
  bool after_space = false;
  for (char c : text) {
    if (c == ' ' && after_space) {
      if (!chunk.empty()) parent.append_child(pugi::node_pcdata).set_value(chunk.c_str());
      chunk.clear();
      parent.append_child("text:s");
      continue;
    }
    after_space = c == ' ';
    chunk += c;
  }
  if (!chunk.empty()) parent.append_child(pugi::node_pcdata).set_value(chunk.c_str());
}

std::string content_xml(const AnnotatedDocument& doc) {
  const auto paragraphs = office_paragraphs(doc);
  pugi::xml_document xml;
  const std::string open = std::string("<office:document-content ") + kNamespaces +
                           "><office:automatic-styles/><office:body><office:text/></office:body></office:document-content>";
  xml.load_string(open.c_str());
  auto root = xml.document_element();
  auto automatic = root.child("office:automatic-styles");
  auto text = root.child("office:body").child("office:text");
  std::map<unsigned, bool> used;
  std::map<int, std::string> indented;  // note level -> automatic paragraph style
  for (const auto& para : paragraphs) {
    const bool heading = para.style == ParagraphStyle::heading;
    auto p = text.append_child(heading ? "text:h" : "text:p");
    std::string name = style_name(para.style);
    if (para.level > 0) {
      auto [it, added] = indented.emplace(para.level, "P" + std::to_string(para.level));
      if (added) {
        auto s = automatic.append_child("style:style");
        s.append_attribute("style:name") = it->second.c_str();
        s.append_attribute("style:family") = "paragraph";
        s.append_attribute("style:parent-style-name") = "Annotation";
        s.append_child("style:paragraph-properties").append_attribute("fo:margin-left") =
            (std::to_string(1.27 * (1 + para.level)) + "cm").c_str();
      }
      name = it->second;
    }
    p.append_attribute("text:style-name") = name.c_str();
    if (heading) p.append_attribute("text:outline-level") = 1;
    for (const auto& r : para.runs) {
      if (r.break_before) p.append_child("text:line-break");
      const unsigned bits = run_bits(r);
      if (bits == 0) {
        append_text(p, r.text);
        continue;
      }
      if (!used[bits]) text_style(automatic, bits);
      used[bits] = true;
      auto span = p.append_child("text:span");
      span.append_attribute("text:style-name") = ("T" + std::to_string(bits)).c_str();
      append_text(span, r.text);
    }
  }
  std::ostringstream out;
  xml.save(out, "", pugi::format_raw);
  return out.str();
}

}  // namespace

std::string write_odt(const AnnotatedDocument& doc) {
  return zip_archive({{"mimetype", kMime, true},
                      {"META-INF/manifest.xml", kManifest},
                      {"styles.xml", styles_xml()},
                      {"content.xml", content_xml(doc)}});
}

}  // namespace litrev
