#pragma once
// A parsed CSL XML file (style or locale) that can say where a node is: errors name the
// file, the line and the element. Also the readers of attributes that styles and locales share.

#include <pugixml.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "src/csl/csl_error.hpp"
#include "src/csl/formatting.hpp"

namespace litrev::csl {

class XmlFile {
 public:
  // Throws CslError(not_csl) when text is not well-formed XML.
  XmlFile(std::string text, std::string source);
  pugi::xml_node root() const { return doc_->document_element(); }
  const std::string& source() const { return source_; }
  std::uint32_t line_of(pugi::xml_node node) const;
  [[noreturn]] void fail(CslError::Kind kind, pugi::xml_node node, const std::string& message) const;

  // Attribute readers: an attribute value outside the schema is an error naming the node.
  Formatting formatting(pugi::xml_node node) const;
  Affixes affixes(pugi::xml_node node) const;
  Display display(pugi::xml_node node) const;
  TextCase text_case(pugi::xml_node node) const;
  Decor decor(pugi::xml_node node) const;
  DatePartSpec date_part(pugi::xml_node node) const;

 private:
  std::string text_;
  std::string source_;
  std::unique_ptr<pugi::xml_document> doc_;
  std::vector<std::size_t> line_starts_;
};

// Reads a whole file; throws CslError(unreadable).
std::string read_text_file(const std::string& path);

// CSL's boolean attribute ("true"/"false"), absent = fallback.
bool attr_bool(pugi::xml_node node, const char* name, bool fallback);

}  // namespace litrev::csl
