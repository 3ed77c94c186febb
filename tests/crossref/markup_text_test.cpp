#include "importers/crossref/markup_text.hpp"

#include <gtest/gtest.h>

namespace litrev {
namespace {

TEST(JatsToText, DropsTheAbstractLabelAndKeepsParagraphs) {
  EXPECT_EQ(jats_to_text("<jats:title>Abstract</jats:title><jats:p>First  part.</jats:p>\n<jats:p>Second\n part.</jats:p>"),
            "First part.\n\nSecond part.");
}

TEST(JatsToText, KeepsSectionHeadingsAsTheirOwnParagraphs) {
  EXPECT_EQ(jats_to_text("<jats:sec><jats:title>Background</jats:title><jats:p>Why.</jats:p></jats:sec>"
                         "<jats:sec><jats:title>Methods</jats:title><jats:p>How (<jats:italic>KRAS</jats:italic>).</jats:p></jats:sec>"),
            "Background\n\nWhy.\n\nMethods\n\nHow (KRAS).");
}

TEST(JatsToText, DecodesEntitiesAndInlineMarkup) {
  EXPECT_EQ(jats_to_text("<jats:p>CO<jats:sub>2</jats:sub> &amp; H<jats:sub>2</jats:sub>O &#x3b1;</jats:p>"), "CO2 & H2O α");
}

TEST(JatsToText, FallsBackToStrippingTagsWhenNotWellFormed) {
  EXPECT_EQ(jats_to_text("<jats:p>Broken <b>markup</jats:p>"), "Broken markup");
}

TEST(JatsToText, RemovesPrettyPrintingSpacesInsideBrackets) {
  EXPECT_EQ(jats_to_text("<jats:p>oncogene (\n   <jats:italic>KRAS</jats:italic>\n  )/receptor (\n <jats:italic>EGFR</jats:italic>\n ).</jats:p>"),
            "oncogene (KRAS)/receptor (EGFR).");
}

TEST(JatsToText, PlainTextIsOnlyTidied) { EXPECT_EQ(jats_to_text("  plain\n text "), "plain text"); }

TEST(MarkupToLine, StripsInlineTagsAndCollapsesWhitespace) {
  EXPECT_EQ(markup_to_line("Construction of a panel for\n   <i>KRAS</i>\n   /\n   <i>NRAS</i> mutations"),
            "Construction of a panel for KRAS / NRAS mutations");
  EXPECT_EQ(markup_to_line("Fish &amp; Chips"), "Fish & Chips");
}

}  // namespace
}  // namespace litrev
