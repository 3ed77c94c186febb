// The writer's rules for output that BibTeX, biber and pandoc read as meant (bibtex_writer.hpp,
// bib_values.hpp): one golden entry per rule, from the values real exports carry. The tools
// themselves read these outputs in tests/e2e/export_tools_test.cpp.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/export/bib_values.hpp"
#include "src/export/bibtex_writer.hpp"
#include "support/work_helpers.hpp"

namespace litrev {
namespace {

StoredWork bib_work(std::string type, std::vector<SourceField> fields) {
  StoredWork w;
  w.work.key = "k";
  SourceRecord s;
  s.source_kind = "bibtex";
  s.entry_type = std::move(type);
  s.original_key = "k";
  s.fields = std::move(fields);
  w.sources.push_back(s);
  w.fields = s.fields;
  return w;
}

std::string biblatex_text(const StoredWork& w) {
  BibWriterOptions o;
  o.dialect = BibDialect::biblatex;
  return bib_entry_text(w, o);
}

TEST(FieldNames, InvalidNamesAreRenamedOrLeftOut) {
  EXPECT_EQ(bib_field_name("usage-count-(last-180-days)"), "usage-count-last-180-days");
  EXPECT_EQ(bib_field_name("usage-count-since-2013"), "usage-count-since-2013");
  EXPECT_EQ(bib_field_name("bdsk-url-1"), "bdsk-url-1");
  EXPECT_EQ(bib_field_name("times.cited"), "times-cited");
  EXPECT_EQ(bib_field_name("note+an"), "note+an");
  EXPECT_EQ(bib_field_name("(x)"), "x");
  EXPECT_EQ(bib_field_name("2nd"), "nd");
  EXPECT_EQ(bib_field_name("()"), "");
  const auto w = bib_work("article", {{"title", "T"}, {"usage-count-(last-180-days)", "3"}, {"()", "gone"}});
  EXPECT_EQ(bib_entry_text(w), "@article{k,\n  title = {T},\n  usage-count-last-180-days = {3}\n}\n");
}

TEST(EmptyFields, AreNotWritten) {
  const auto w = bib_work("article", {{"title", "T"}, {"optkey", ""}, {"note", " { } "}, {"year", "2001"}});
  EXPECT_EQ(bib_entry_text(w), "@article{k,\n  title = {T},\n  year = {2001}\n}\n");
}

TEST(Braces, BalancedAsBibtexAndAsPandocCountThem) {
  // A WoS abstract wraps "\end\{document\}" after its backslash: BibTeX counts the braces as
  // balanced, pandoc (for which \{ is text) sees the value end at the bare '}'.
  EXPECT_EQ(brace_safe_value("x \\end\\{document\\\n} 3.5 model"), "x \\end\\textbraceleft{}document\\\n 3.5 model");
  EXPECT_EQ(brace_safe_value("\\{minimal\\} and {AI}"), "\\{minimal\\} and {AI}");
  // Better BibTeX's protected braces are balanced both ways, though not nested alike.
  const std::string bbt = "in \\{\\{\\vphantom{\\}\\}}{{GaAs}}\\vphantom\\{\\}\\vphantom\\{\\} Nanowires";
  EXPECT_EQ(brace_safe_value(bbt), bbt);
  EXPECT_EQ(brace_safe_value("a\\\\{b} c"), "a\\\\{b} c") << "\\\\ is a line break: the brace after it is plain";
  EXPECT_EQ(brace_safe_value("{\\{x}"), "{\\textbraceleft{}x}") << "an escaped brace never closes a plain one";
  EXPECT_EQ(brace_safe_value("}}}} and @article{evil, title={x}}"), " and @article{evil, title={x}}");
  EXPECT_EQ(brace_safe_value("a\n  @misc{evil,"), "a @miscevil,");
}

TEST(Braces, NotesCanNeitherEndTheirEntryNorInjectOne) {
  auto w = bib_work("article", {{"title", "T"}});
  w.notes = {StoredWork::Note{1, "", "he said \"hi\" \\ then}"},
             StoredWork::Note{2, "", "}}}} and @article{evil, title={x}}"}};
  EXPECT_EQ(bib_entry_text(w),
            "@article{k,\n"
            "  title = {T},\n"
            "  annote = {he said \"hi\" \\textbackslash{} then\\textbraceright{}\n\n"
            "\\textbraceright{}\\textbraceright{}\\textbraceright{}\\textbraceright{} and @article\\{evil, "
            "title=\\{x\\}\\}}\n"
            "}\n");
}

TEST(Months, BibtexGetsMonthMacros) {
  auto text = [](std::string month) {
    return bib_entry_text(bib_work("article", {{"year", "2020"}, {"month", std::move(month)}}));
  };
  EXPECT_EQ(text("MAR"), "@article{k,\n  year = {2020},\n  month = mar\n}\n");
  EXPECT_EQ(text("{March}"), "@article{k,\n  year = {2020},\n  month = mar\n}\n");
  EXPECT_EQ(text("3"), "@article{k,\n  year = {2020},\n  month = mar\n}\n");
  EXPECT_EQ(text("MAR-APR"), "@article{k,\n  year = {2020},\n  month = mar # \"--\" # apr\n}\n");
  EXPECT_EQ(text("JAN 2"), "@article{k,\n  year = {2020},\n  month = jan,\n  day = {2}\n}\n");
  EXPECT_EQ(text("2020 MAY 11"), "@article{k,\n  year = {2020},\n  month = may,\n  day = {11}\n}\n");
  EXPECT_EQ(text("Forthcoming"), "@article{k,\n  year = {2020}\n}\n");
  EXPECT_EQ(text("Winter"), "@article{k,\n  year = {2020}\n}\n");
  EXPECT_EQ(bib_entry_text(bib_work("article", {{"year", "{2015}"}})), "@article{k,\n  year = {2015}\n}\n");
}

TEST(Months, BiblatexGetsADate) {
  auto text = [](std::string month) {
    return biblatex_text(bib_work("article", {{"year", "{2020}"}, {"month", std::move(month)}}));
  };
  EXPECT_EQ(text("MAR"), "@article{k,\n  date = {2020-03}\n}\n");
  EXPECT_EQ(text("MAR-APR"), "@article{k,\n  date = {2020-03/2020-04}\n}\n");
  EXPECT_EQ(text("September 14th"), "@article{k,\n  date = {2020-09-14}\n}\n");
  EXPECT_EQ(text("Winter"), "@article{k,\n  date = {2020-24}\n}\n");
  EXPECT_EQ(text("Forthcoming"), "@article{k,\n  year = {2020}\n}\n");
  EXPECT_EQ(biblatex_text(bib_work("article", {{"year", "in press"}, {"month", "Mar."}})),
            "@article{k,\n  year = {in press},\n  month = {3}\n}\n");
}

TEST(Months, ParsedAsDatesAreRead) {
  const auto m = parse_month_value("Jan.--Feb.");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->first, 1);
  EXPECT_EQ(m->last, 2);
  EXPECT_FALSE(parse_month_value("13"));
  EXPECT_FALSE(parse_month_value("JAN 2 3"));
  EXPECT_FALSE(parse_month_value("2024 MAY 11", "2023"));
  EXPECT_EQ(parse_month_value("2 JAN")->day, 2);
}

TEST(Books, ABookGetsNoBooktitle) {
  // BibDesk's crossref parents repeat their title as booktitle.
  const auto parent = bib_work("book", {{"booktitle", "The New Institutionalism"},
                                        {"title", "The New Institutionalism"},
                                        {"publisher", "University of Chicago Press"}});
  EXPECT_EQ(bib_entry_text(parent),
            "@book{k,\n  title = {The New Institutionalism},\n  publisher = {University of Chicago Press}\n}\n");
  const auto untitled = bib_work("book", {{"booktitle", "The Consumer Society Reader"}, {"year", "2000"}});
  EXPECT_EQ(biblatex_text(untitled), "@book{k,\n  title = {The Consumer Society Reader},\n  year = {2000}\n}\n");
  // Its chapters name it themselves: pandoc does not inherit a parent's title as booktitle.
  auto chapter = bib_work("incollection", {{"title", "Chapter"}, {"crossref", "powell91"}});
  chapter.work.container = "The New Institutionalism";
  EXPECT_EQ(bib_entry_text(chapter),
            "@incollection{k,\n  title = {Chapter},\n  crossref = {powell91},\n"
            "  booktitle = {The New Institutionalism}\n}\n");
}

TEST(WebOfScience, PublisherAddressIsNoLocation) {
  const auto w = bib_work("book", {{"title", "T"},
                                   {"publisher", "SPRINGER"},
                                   {"address", "233 SPRING ST, NEW YORK, NY 10013 USA"},
                                   {"unique-id", "WOS:000123456700001"}});
  const std::string expected_tail =
      "  publisher = {SPRINGER},\n  publisher-address = {233 SPRING ST, NEW YORK, NY 10013 USA},\n"
      "  unique-id = {WOS:000123456700001}\n}\n";
  EXPECT_EQ(bib_entry_text(w), "@book{k,\n  title = {T},\n" + expected_tail);
  EXPECT_EQ(biblatex_text(w), "@book{k,\n  title = {T},\n" + expected_tail);
  // Elsewhere address is the place of publication.
  EXPECT_NE(biblatex_text(bib_work("book", {{"address", "Paris"}})).find("location = {Paris}"), std::string::npos);
}

TEST(NameLists, ScopusCommaListsAreWrittenAsNames) {
  EXPECT_TRUE(name_list_has_comma_list("Daim T.U., Kozanoglu D.C., Niwa K."));
  EXPECT_TRUE(name_list_has_comma_list("Doe, J. and Daim T.U., Kozanoglu D.C."));
  EXPECT_TRUE(name_list_has_comma_list("A, B, C, D"));
  EXPECT_FALSE(name_list_has_comma_list("Kluster, Jr., Kevin and Smith, John"));
  EXPECT_FALSE(name_list_has_comma_list("{Barnes, Noble, and Co, Inc.} and Doe, J."));
  auto w = bib_work("book", {{"editor", "Daim T.U., Kozanoglu D.C., Niwa K."}, {"title", "T"}});
  w.work.contributors = {{Role::editor, test::person("Daim", "T.U.")},
                         {Role::editor, test::person("Kozanoglu", "D.C.")},
                         {Role::editor, test::person("Niwa", "K.")}};
  EXPECT_EQ(bib_entry_text(w), "@book{k,\n  editor = {Daim, T.U. and Kozanoglu, D.C. and Niwa, K.},\n  title = {T}\n}\n");
  // Names the library could not read: one literal name rather than a misread list.
  const auto unread = bib_work("book", {{"editor", "A, B, C, D"}});
  EXPECT_EQ(bib_entry_text(unread), "@book{k,\n  editor = {{A, B, C, D}}\n}\n");
}

TEST(Keys, CitationKeysEveryReaderAccepts) {
  EXPECT_EQ(bib_citation_key("O’Leary2015311"), "OLeary2015311");
  EXPECT_EQ(bib_citation_key("D'Angelo2011257"), "DAngelo2011257");
  EXPECT_EQ(bib_citation_key("1973A&A....24..337S"), "1973A&A....24..337S");
  EXPECT_EQ(bib_citation_key("Müller:2001/x_y-z"), "Müller:2001/x_y-z");
  EXPECT_EQ(bib_citation_key("a b{c}%d#e"), "abcde");
  // A crossref names its parent as the export names it.
  const auto child = bib_work("incollection", {{"crossref", "O'Hara_1999"}, {"related", "D'Angelo2011, x"}});
  EXPECT_EQ(bib_entry_text(child), "@incollection{k,\n  crossref = {OHara_1999},\n  related = {DAngelo2011,x}\n}\n");
}

}  // namespace
}  // namespace litrev
