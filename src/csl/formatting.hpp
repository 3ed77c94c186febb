#pragma once
// The attribute values that CSL elements share (formatting, affixes, display, text-case) and
// the date-part specification that locales and styles both declare.

#include <cstdint>
#include <string>

namespace litrev::csl {

enum class FontStyle : std::uint8_t { unset, normal, italic, oblique };
enum class FontVariant : std::uint8_t { unset, normal, small_caps };
enum class FontWeight : std::uint8_t { unset, normal, bold, light };
enum class TextDecoration : std::uint8_t { unset, none, underline };
enum class VerticalAlign : std::uint8_t { unset, baseline, sup, sub };

// "unset" = this element does not say (the surrounding formatting applies).
struct Formatting {
  FontStyle font_style = FontStyle::unset;
  FontVariant font_variant = FontVariant::unset;
  FontWeight font_weight = FontWeight::unset;
  TextDecoration text_decoration = TextDecoration::unset;
  VerticalAlign vertical_align = VerticalAlign::unset;
  bool empty() const {
    return font_style == FontStyle::unset && font_variant == FontVariant::unset && font_weight == FontWeight::unset &&
           text_decoration == TextDecoration::unset && vertical_align == VerticalAlign::unset;
  }
  bool operator==(const Formatting&) const = default;
};

enum class Display : std::uint8_t { none, block, left_margin, right_inline, indent };

enum class TextCase : std::uint8_t { none, lowercase, uppercase, capitalize_first, capitalize_all, sentence, title };

struct Affixes {
  std::string prefix;
  std::string suffix;
};

// What an element does to its own output, beyond its content.
struct Decor {
  Formatting formatting;
  Affixes affixes;
  Display display = Display::none;
  TextCase text_case = TextCase::none;
  bool quotes = false;
  bool quotes_attr = false;  // quotes= written, even "false": citeproc-js then moves no punctuation into it
  bool strip_periods = false;
};

enum class DatePartName : std::uint8_t { year, month, day };
enum class DatePartForm : std::uint8_t {
  // day
  numeric, numeric_leading_zeros, ordinal,
  // month
  long_, short_, month_numeric, month_numeric_leading_zeros,
  // year
  year_long, year_short
};

struct DatePartSpec {
  DatePartName name = DatePartName::year;
  DatePartForm form = DatePartForm::year_long;
  bool form_set = false;  // the element wrote form=: a style's part overrides the locale's
  Formatting formatting;
  Affixes affixes;
  TextCase text_case = TextCase::none;
  bool strip_periods = false;
  std::string range_delimiter = "\u2013";
  bool range_delimiter_set = false;
};

}  // namespace litrev::csl
