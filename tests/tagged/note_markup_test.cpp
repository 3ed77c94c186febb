#include <gtest/gtest.h>

#include "importers/tagged/note_markup.hpp"
#include "importers/tagged/tagged_work.hpp"

namespace litrev::tagged {
namespace {

TEST(NoteMarkup, ZoteroHtmlNotesBecomeMarkdown) {
  EXPECT_TRUE(looks_like_html("<p>x</p>"));
  EXPECT_FALSE(looks_like_html("a < b and c > d"));
  EXPECT_EQ(html_note_to_markdown("<p>Coercive, <em>mimetic</em> &amp; <strong>normative</strong></p><p>Second</p>"),
            "Coercive, *mimetic* & **normative**\n\nSecond");
  EXPECT_EQ(html_note_to_markdown("<div data-schema-version=\"8\"><p>line<br/>break</p></div>"), "line\nbreak");
  EXPECT_EQ(html_note_to_markdown("<p>See <a href=\"https://x.org/a\">this</a>.</p>"), "See [this](https://x.org/a).");
  EXPECT_EQ(html_note_to_markdown("<ul><li>one</li><li>two</li></ul>"), "- one\n- two");
  EXPECT_EQ(html_note_to_markdown("<h1>Title</h1><p>caf&#233; &#xE9;t&eacute;</p>"), "# Title\n\ncafé ét&eacute;");
}

TEST(TaggedLists, SplitOnSemicolonsAndLineBreaks) {
  const auto items = split_list(" a; b \n c;;\n");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0], "a");
  EXPECT_EQ(items[2], "c");
}

TEST(TaggedRecords, TheFingerprintDependsOnTheFieldsOnly) {
  TaggedRecord a{1, {{"TI", "x", 1}, {"AU", "y", 2}}};
  TaggedRecord b{40, {{"TI", "x", 40}, {"AU", "y", 41}}};
  TaggedRecord c{1, {{"TI", "xA", 1}, {"U", "y", 2}}};
  EXPECT_EQ(fingerprint(a), fingerprint(b));
  EXPECT_NE(fingerprint(a), fingerprint(c));
  EXPECT_EQ(fingerprint(a).size(), 17u);
}

}  // namespace
}  // namespace litrev::tagged
