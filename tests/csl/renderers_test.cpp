// Output formats: the same entry as text, HTML, Markdown and LaTeX, with escaping that keeps
// any title as text in every format, and rich text from the fields kept.
#include <gtest/gtest.h>

#include "csl_test_helpers.hpp"

namespace litrev::test::csl {
namespace {

const char* kHostile = R"({"id":"a","title":"<script>alert(1)</script> & 100% of_the #1 *stars* \\ ~ ^ $x$ [link](y) @key"})";

std::string title_style() { return make_style("<layout><text variable=\"title\" font-style=\"italic\"/></layout>"); }

TEST(Renderers, TextIsTheCharactersOnly) {
  LITREV_REQUIRE_CSL_LOCALES();
  EXPECT_EQ(format_one(title_style(), kHostile), "<script>alert(1)</script> & 100% of_the #1 *stars* \\ ~ ^ $x$ [link](y) @key");
}

TEST(Renderers, HtmlEscapesMarkupCharacters) {
  LITREV_REQUIRE_CSL_LOCALES();
  EXPECT_EQ(format_one(title_style(), kHostile, OutputFormat::html),
            "<i>&#60;script&#62;alert(1)&#60;/script&#62; &#38; 100% of_the #1 *stars* \\ ~ ^ $x$ [link](y) @key</i>");
}

TEST(Renderers, MarkdownEscapesItsSpecials) {
  LITREV_REQUIRE_CSL_LOCALES();
  EXPECT_EQ(format_one(title_style(), kHostile, OutputFormat::markdown),
            "*\\<script\\>alert(1)\\</script\\> \\& 100% of\\_the \\#1 \\*stars\\* \\\\ \\~ \\^ \\$x\\$ \\[link\\](y) \\@key*");
}

TEST(Renderers, LatexEscapesItsSpecials) {
  LITREV_REQUIRE_CSL_LOCALES();
  EXPECT_EQ(format_one(title_style(), kHostile, OutputFormat::latex),
            "\\textit{<script>alert(1)</script> \\& 100\\% of\\_the \\#1 *stars* \\textbackslash{} \\textasciitilde{} "
            "\\textasciicircum{} \\$x\\$ [link](y) @key}");
}

TEST(Renderers, RichTextInFieldsIsKeptInEveryFormat) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style("<layout><text variable=\"title\"/></layout>");
  const char* item = R"({"id":"a","title":"The <i>Homo economicus</i> and <b>CO<sub>2</sub></b> in <sc>Paris</sc>"})";
  EXPECT_EQ(format_one(xml, item, OutputFormat::html),
            "The <i>Homo economicus</i> and <b>CO<sub>2</sub></b> in <span style=\"font-variant:small-caps;\">Paris</span>");
  EXPECT_EQ(format_one(xml, item, OutputFormat::markdown), "The *Homo economicus* and **CO~2~** in [Paris]{.smallcaps}");
  EXPECT_EQ(format_one(xml, item, OutputFormat::latex),
            "The \\textit{Homo economicus} and \\textbf{CO\\textsubscript{2}} in \\textsc{Paris}");
}

TEST(Renderers, ItalicsInsideItalicsTurnUpright) {
  LITREV_REQUIRE_CSL_LOCALES();
  EXPECT_EQ(format_one(title_style(), R"({"id":"a","title":"On <i>Leviathan</i> today"})", OutputFormat::html),
            "<i>On <span style=\"font-style:normal;\">Leviathan</span> today</i>");
  EXPECT_EQ(format_one(title_style(), R"({"id":"a","title":"On <i>Leviathan</i> today"})", OutputFormat::markdown),
            "*On* Leviathan *today*");
}

TEST(Renderers, UnknownTagsStayText) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style("<layout><text variable=\"title\"/></layout>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","title":"a <u>b</u> c"})", OutputFormat::html), "a &#60;u&#62;b&#60;/u&#62; c");
}

TEST(Renderers, FrenchSuperscriptsBecomeSupInHtml) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style("<layout><number variable=\"edition\" form=\"ordinal\"/></layout>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","edition":"2"})", OutputFormat::html, "fr-FR"), "2<sup>e</sup>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","edition":"2"})", OutputFormat::latex, "fr-FR"), "2\\textsuperscript{e}");
}

TEST(Renderers, DisplayBlocksInHtml) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style(
      "<layout><text variable=\"citation-number\" display=\"left-margin\" prefix=\"[\" suffix=\"]\"/>"
      "<text variable=\"title\" display=\"right-inline\"/></layout>",
      "second-field-align=\"flush\"");
  EXPECT_EQ(format_one(xml, R"({"id":"a","title":"T"})", OutputFormat::html),
            "<div class=\"csl-left-margin\">[1]</div><div class=\"csl-right-inline\">T</div>");
  EXPECT_EQ(format_one(xml, R"({"id":"a","title":"T"})"), "[1] T");
}

}  // namespace
}  // namespace litrev::test::csl
