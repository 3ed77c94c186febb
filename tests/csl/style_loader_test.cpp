// Loading styles: compiled once, dependent styles followed to their parent, locales in
// layers, and the errors a user can meet, each naming the file, the line and the element.
#include <gtest/gtest.h>

#include "csl_test_helpers.hpp"
#include "src/csl/csl_error.hpp"

namespace litrev::test::csl {
namespace {

CslError load_error(const std::string& xml) {
  try {
    load_inline(xml);
  } catch (const CslError& e) {
    return e;
  }
  ADD_FAILURE() << "no error";
  return CslError(CslError::Kind::invalid, "", 0, "", "none");
}

TEST(StyleLoader, NotXmlIsNotCslWithTheLine) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto e = load_error("<?xml version=\"1.0\"?>\n<style>\n<bibliography>\n</style>\n");
  EXPECT_EQ(e.kind(), CslError::Kind::not_csl);
  EXPECT_EQ(e.line(), 4u) << e.what();
  EXPECT_NE(std::string(e.what()).find("inline.csl:4"), std::string::npos) << e.what();
}

TEST(StyleLoader, XmlThatIsNoStyleSaysWhatItIs) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto e = load_error("<?xml version=\"1.0\"?>\n<html><body/></html>\n");
  EXPECT_EQ(e.kind(), CslError::Kind::not_csl);
  EXPECT_NE(std::string(e.what()).find("root element is <html>"), std::string::npos) << e.what();
}

TEST(StyleLoader, AMacroCallingItselfIsRefusedWithTheChain) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style("<layout><text macro=\"a\"/></layout>", "", "",
                              "<macro name=\"a\"><group><text macro=\"b\"/></group></macro>\n"
                              "<macro name=\"b\"><text macro=\"a\"/></macro>");
  const auto e = load_error(xml);
  EXPECT_EQ(e.kind(), CslError::Kind::macro_cycle);
  EXPECT_EQ(e.element(), "text");
  EXPECT_GT(e.line(), 0u);
  EXPECT_NE(std::string(e.what()).find("\"a\" -> \"b\" -> \"a\""), std::string::npos) << e.what();
}

TEST(StyleLoader, AnUndefinedMacroIsNamed) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto e = load_error(make_style("<layout><text macro=\"nowhere\"/></layout>"));
  EXPECT_NE(std::string(e.what()).find("macro \"nowhere\", which is not defined"), std::string::npos) << e.what();
}

TEST(StyleLoader, AnElementOutsideCslIsUnimplementedWithItsLine) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto e = load_error(make_style("<layout>\n<group>\n<institution/>\n</group></layout>"));
  EXPECT_EQ(e.kind(), CslError::Kind::unimplemented);
  EXPECT_EQ(e.element(), "institution");
  EXPECT_NE(std::string(e.what()).find("<institution>"), std::string::npos) << e.what();
  EXPECT_GT(e.line(), 4u);
}

TEST(StyleLoader, AnUnknownAttributeValueIsAnError) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto e = load_error(make_style("<layout><text variable=\"title\" font-style=\"slanted\"/></layout>"));
  EXPECT_EQ(e.kind(), CslError::Kind::invalid);
  EXPECT_NE(std::string(e.what()).find("\"slanted\""), std::string::npos) << e.what();
}

TEST(StyleLoader, AMissingLocaleAskedForIsAnError) {
  LITREV_REQUIRE_CSL_LOCALES();
  try {
    load_inline(make_style("<layout><text variable=\"title\"/></layout>"), "xx-YY");
    FAIL() << "no error";
  } catch (const CslError& e) {
    EXPECT_EQ(e.kind(), CslError::Kind::missing_locale);
    EXPECT_NE(std::string(e.what()).find("xx-YY"), std::string::npos) << e.what();
  }
}

TEST(StyleLoader, ADefaultLocaleWithoutFileFallsBackToItsLanguage) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto style = load_inline(make_style("<layout><text term=\"and\"/></layout>", "", "default-locale=\"fr-BE\""));
  EXPECT_EQ(style.locale.term_text("and"), "et");
}

TEST(StyleLoader, StyleLocalesOverrideTheLocaleFile) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style("<layout><text term=\"and\"/></layout>", "", "default-locale=\"en-US\"",
                              "<locale><terms><term name=\"and\">plus</term></terms></locale>"
                              "<locale xml:lang=\"fr\"><terms><term name=\"and\">avec</term></terms></locale>");
  EXPECT_EQ(load_inline(xml).locale.term_text("and"), "plus");
  EXPECT_EQ(load_inline(xml, "fr-FR").locale.term_text("and"), "avec");
}

TEST(StyleLoader, LocaleOverrideBeatsTheStyleDefault) {
  LITREV_REQUIRE_CSL_LOCALES();
  const auto xml = make_style("<layout><text term=\"and\"/></layout>", "", "default-locale=\"fr-FR\"");
  EXPECT_EQ(format_one(xml, R"({"id":"a","title":"t"})"), "Et");
  EXPECT_EQ(format_one(xml, R"({"id":"a","title":"t"})", OutputFormat::text, "en-GB"), "And");
}

TEST(StyleLoader, DependentStyleUsesItsParentAndItsOwnLocale) {
  LITREV_REQUIRE_CSL_LOCALES();
  TempDir dir;
  write_file(dir / "parent.csl", make_style("<layout><text term=\"and\"/></layout>"));
  write_file(dir / "child.csl",
             "<?xml version=\"1.0\"?>\n<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\" "
             "default-locale=\"fr-FR\"><info><title>Child</title><id>child</id>"
             "<link href=\"http://www.zotero.org/styles/parent\" rel=\"independent-parent\"/></info></style>\n");
  StyleCatalog catalog({dir.path()}, {csl_locales_dir()});
  const auto style = catalog.load("child");
  EXPECT_EQ(style.info.title, "Child");
  EXPECT_EQ(style.locale.lang, "fr-FR");
  EXPECT_EQ(style.locale.term_text("and"), "et");
}

TEST(StyleLoader, DependentStyleWithoutParentNamesTheLink) {
  LITREV_REQUIRE_CSL_LOCALES();
  TempDir dir;
  write_file(dir / "child.csl",
             "<?xml version=\"1.0\"?>\n<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\">\n"
             "<info><title>Child</title><id>child</id>\n"
             "<link href=\"http://www.zotero.org/styles/gone\" rel=\"independent-parent\"/></info></style>\n");
  StyleCatalog catalog({dir.path()}, {csl_locales_dir()});
  try {
    catalog.load("child");
    FAIL() << "no error";
  } catch (const CslError& e) {
    EXPECT_EQ(e.line(), 4u) << e.what();
    EXPECT_NE(std::string(e.what()).find("http://www.zotero.org/styles/gone"), std::string::npos) << e.what();
  }
}

TEST(StyleCatalog, UnknownNameSuggestsTheClosest) {
  TempDir dir;
  for (const char* name : {"american-sociological-association", "apa", "chicago-author-date"})
    write_file(dir / (std::string(name) + ".csl"), "<style/>");
  StyleCatalog catalog({dir.path()}, {});
  try {
    catalog.resolve("american-sociologcal-association");
    FAIL() << "no error";
  } catch (const CslError& e) {
    EXPECT_EQ(e.kind(), CslError::Kind::unknown_style);
    EXPECT_NE(std::string(e.what()).find("closest: american-sociological-association"), std::string::npos) << e.what();
  }
}

TEST(StyleCatalog, AliasesAndFilesResolve) {
  TempDir dir;
  write_file(dir / "american-sociological-association.csl", "<style/>");
  write_file(dir / "mine.csl", "<style/>");
  StyleCatalog catalog({dir.path()}, {});
  EXPECT_EQ(catalog.resolve("asa").filename(), "american-sociological-association.csl");
  EXPECT_EQ(catalog.resolve((dir / "mine.csl").string()), dir / "mine.csl");
  EXPECT_THROW(catalog.resolve((dir / "absent.csl").string()), CslError);
}

TEST(StyleCatalog, SearchMatchesWordsOfNameOrTitle) {
  TempDir dir;
  write_file(dir / "revue-x.csl", "<style><info><title>Revue française de sociologie</title></info></style>");
  write_file(dir / "other.csl", "<style><info><title>Journal of Things</title></info></style>");
  StyleCatalog catalog({dir.path()}, {});
  const auto found = catalog.search("Française sociologie");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].name, "revue-x");
  EXPECT_EQ(found[0].title, "Revue française de sociologie");
}

TEST(StyleLoader, NoteStyleWithoutBibliographyListsFullCitations) {
  LITREV_REQUIRE_CSL_LOCALES();
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"note\" version=\"1.0\">"
      "<info><title>N</title><id>n</id></info><citation><layout suffix=\".\"><text variable=\"title\"/></layout>"
      "</citation></style>";
  EXPECT_EQ(format_one(xml, R"({"id":"a","title":"Only a note"})"), "Only a note.");
}

}  // namespace
}  // namespace litrev::test::csl
