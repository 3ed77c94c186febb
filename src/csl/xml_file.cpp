#include "src/csl/xml_file.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace litrev::csl {
namespace {

template <typename Enum, std::size_t N>
Enum lookup(const XmlFile& file, pugi::xml_node node, const char* attr,
            const std::pair<std::string_view, Enum> (&table)[N], Enum fallback) {
  const auto a = node.attribute(attr);
  if (!a) return fallback;
  const std::string_view value = a.value();
  for (const auto& [name, e] : table)
    if (name == value) return e;
  file.fail(CslError::Kind::invalid, node, std::string("unknown value \"") + a.value() + "\" of " + attr);
}

}  // namespace

XmlFile::XmlFile(std::string text, std::string source)
    : text_(std::move(text)), source_(std::move(source)), doc_(std::make_unique<pugi::xml_document>()) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  const auto result = doc_->load_buffer(text_.data(), text_.size(), pugi::parse_default | pugi::parse_ws_pcdata_single,
                                        pugi::encoding_utf8);
  if (!result) {
    const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, result.offset));
    const auto line = static_cast<std::uint32_t>(
        std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - line_starts_.begin());
    throw CslError(CslError::Kind::not_csl, source_, line, "", std::string("not well-formed XML: ") + result.description());
  }
}

std::uint32_t XmlFile::line_of(pugi::xml_node node) const {
  const auto offset = node.offset_debug();
  if (offset < 0) return 0;
  return static_cast<std::uint32_t>(
      std::upper_bound(line_starts_.begin(), line_starts_.end(), static_cast<std::size_t>(offset)) -
      line_starts_.begin());
}

void XmlFile::fail(CslError::Kind kind, pugi::xml_node node, const std::string& message) const {
  throw CslError(kind, source_, node ? line_of(node) : 0, node ? node.name() : "", message);
}

Formatting XmlFile::formatting(pugi::xml_node node) const {
  static constexpr std::pair<std::string_view, FontStyle> kStyle[] = {
      {"normal", FontStyle::normal}, {"italic", FontStyle::italic}, {"oblique", FontStyle::oblique}};
  static constexpr std::pair<std::string_view, FontVariant> kVariant[] = {{"normal", FontVariant::normal},
                                                                          {"small-caps", FontVariant::small_caps}};
  static constexpr std::pair<std::string_view, FontWeight> kWeight[] = {
      {"normal", FontWeight::normal}, {"bold", FontWeight::bold}, {"light", FontWeight::light}};
  static constexpr std::pair<std::string_view, TextDecoration> kDecoration[] = {
      {"none", TextDecoration::none}, {"underline", TextDecoration::underline}};
  static constexpr std::pair<std::string_view, VerticalAlign> kAlign[] = {
      {"baseline", VerticalAlign::baseline}, {"sup", VerticalAlign::sup}, {"sub", VerticalAlign::sub}};
  Formatting f;
  f.font_style = lookup(*this, node, "font-style", kStyle, FontStyle::unset);
  f.font_variant = lookup(*this, node, "font-variant", kVariant, FontVariant::unset);
  f.font_weight = lookup(*this, node, "font-weight", kWeight, FontWeight::unset);
  f.text_decoration = lookup(*this, node, "text-decoration", kDecoration, TextDecoration::unset);
  f.vertical_align = lookup(*this, node, "vertical-align", kAlign, VerticalAlign::unset);
  return f;
}

Affixes XmlFile::affixes(pugi::xml_node node) const {
  return {node.attribute("prefix").value(), node.attribute("suffix").value()};
}

Display XmlFile::display(pugi::xml_node node) const {
  static constexpr std::pair<std::string_view, Display> kDisplay[] = {{"block", Display::block},
                                                                      {"left-margin", Display::left_margin},
                                                                      {"right-inline", Display::right_inline},
                                                                      {"indent", Display::indent}};
  return lookup(*this, node, "display", kDisplay, Display::none);
}

TextCase XmlFile::text_case(pugi::xml_node node) const {
  static constexpr std::pair<std::string_view, TextCase> kCase[] = {
      {"lowercase", TextCase::lowercase},       {"uppercase", TextCase::uppercase},
      {"capitalize-first", TextCase::capitalize_first}, {"capitalize-all", TextCase::capitalize_all},
      {"sentence", TextCase::sentence},         {"title", TextCase::title}};
  return lookup(*this, node, "text-case", kCase, TextCase::none);
}

Decor XmlFile::decor(pugi::xml_node node) const {
  Decor d;
  d.formatting = formatting(node);
  d.affixes = affixes(node);
  d.display = display(node);
  d.text_case = text_case(node);
  d.quotes = attr_bool(node, "quotes", false);
  d.quotes_attr = static_cast<bool>(node.attribute("quotes"));
  d.strip_periods = attr_bool(node, "strip-periods", false);
  return d;
}

DatePartSpec XmlFile::date_part(pugi::xml_node node) const {
  DatePartSpec p;
  const std::string_view name = node.attribute("name").value();
  const std::string_view form = node.attribute("form").value();
  p.form_set = !form.empty();
  if (name == "year") {
    p.name = DatePartName::year;
    p.form = form == "short" ? DatePartForm::year_short : DatePartForm::year_long;
    if (!form.empty() && form != "short" && form != "long") fail(CslError::Kind::invalid, node, "unknown year form");
  } else if (name == "month") {
    p.name = DatePartName::month;
    if (form.empty() || form == "long") p.form = DatePartForm::long_;
    else if (form == "short") p.form = DatePartForm::short_;
    else if (form == "numeric") p.form = DatePartForm::month_numeric;
    else if (form == "numeric-leading-zeros") p.form = DatePartForm::month_numeric_leading_zeros;
    else fail(CslError::Kind::invalid, node, "unknown month form \"" + std::string(form) + "\"");
  } else if (name == "day") {
    p.name = DatePartName::day;
    if (form.empty() || form == "numeric") p.form = DatePartForm::numeric;
    else if (form == "numeric-leading-zeros") p.form = DatePartForm::numeric_leading_zeros;
    else if (form == "ordinal") p.form = DatePartForm::ordinal;
    else fail(CslError::Kind::invalid, node, "unknown day form \"" + std::string(form) + "\"");
  } else {
    fail(CslError::Kind::invalid, node, "date-part name must be year, month or day");
  }
  p.formatting = formatting(node);
  p.affixes = affixes(node);
  p.text_case = text_case(node);
  p.strip_periods = attr_bool(node, "strip-periods", false);
  if (const auto rd = node.attribute("range-delimiter")) {
    p.range_delimiter = rd.value();
    p.range_delimiter_set = true;
  }
  return p;
}

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CslError(CslError::Kind::unreadable, path, 0, "", "cannot read the file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool attr_bool(pugi::xml_node node, const char* name, bool fallback) {
  const auto a = node.attribute(name);
  if (!a) return fallback;
  return std::string_view(a.value()) == "true";
}

}  // namespace litrev::csl
