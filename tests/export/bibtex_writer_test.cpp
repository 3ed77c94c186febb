#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "src/export/bib_values.hpp"
#include "src/export/bibtex_writer.hpp"
#include "src/export/latex_encode.hpp"
#include "support/work_helpers.hpp"

namespace litrev {
namespace {

using test::person;

using ::testing::StartsWith;

Person literal(std::string name) {
  Person p;
  p.literal = std::move(name);
  return p;
}

SourceRecord bibtex_source(std::string type, std::vector<SourceField> fields) {
  SourceRecord s;
  s.source_kind = "bibtex";
  s.entry_type = std::move(type);
  s.original_key = "orig";
  s.fields = std::move(fields);
  return s;
}

StoredWork from_bibtex(std::string type, std::vector<SourceField> fields, std::string key = "lib-key") {
  StoredWork w;
  w.work.key = std::move(key);
  w.sources.push_back(bibtex_source(std::move(type), std::move(fields)));
  w.fields = w.sources.back().fields;
  return w;
}

// A work as the Crossref importer makes it: readable values only.
StoredWork crossref_work() {
  StoredWork w;
  w.work.key = "dimaggio1983";
  w.work.type = "article";
  w.work.title = "The Iron Cage Revisited: Institutional Isomorphism & AI in 50% of R_D";
  w.work.container = "American Sociological Review";
  w.work.date = "1983-04";
  w.work.year = 1983;
  w.work.volume = "48";
  w.work.issue = "2";
  w.work.pages = "147-160";
  w.work.publisher = "SAGE Publications";
  w.work.contributors = {{Role::author, person("DiMaggio", "Paul J.")},
                         {Role::author, person("Powell", "Walter W.")},
                         {Role::editor, literal("Agence nationale de la recherche")}};
  w.work.ids = {{IdScheme::doi, "10.2307/2095101"}, {IdScheme::issn, "0003-1224"}};
  w.work.keywords = {"institutions", "organizations"};
  SourceRecord s;
  s.source_kind = "crossref";
  s.fields = {{"container-title", "[\"American Sociological Review\"]"}};
  w.sources.push_back(s);
  w.fields = s.fields;
  return w;
}

TEST(BibtexWriter, WritesOriginalFieldsBackUnderTheLibraryKey) {
  const auto w = from_bibtex("phdthesis", {{"author", "G{\\\"o}del, Kurt"},
                                           {"title", "The {SQL} Book"},
                                           {"usage-count-(last-180-days)", "3"},
                                           {"note", "first"},
                                           {"note", "second"}});
  EXPECT_EQ(bib_entry_text(w),
            "@phdthesis{lib-key,\n"
            "  author = {G{\\\"o}del, Kurt},\n"
            "  title = {The {SQL} Book},\n"
            "  usage-count-last-180-days = {3},\n"
            "  note = {first},\n"
            "  note = {second}\n"
            "}\n");
}

// A merge may give a work a more precise type than its first BibTeX source had (@misc, then
// @unpublished): the entry says what the library says, so a re-import gives the same type.
TEST(BibtexWriter, TheEntryTypeFollowsTheWorksTypeWhenTheyDisagree) {
  auto w = from_bibtex("misc", {{"title", "Draft"}});
  w.work.type = "unpublished";
  EXPECT_THAT(bib_entry_text(w), StartsWith("@unpublished{lib-key,"));
  auto thesis = from_bibtex("PhdThesis", {{"title", "T"}});
  thesis.work.type = "thesis";  // what @phdthesis means: kept as written (lower case)
  EXPECT_THAT(bib_entry_text(thesis), StartsWith("@phdthesis{lib-key,"));
}

TEST(BibtexWriter, PreamblesAreWrittenSoTheParserReadsThemBack) {
  std::ostringstream out;
  write_bib_preamble(out, "\\newcommand{\\noopsort}[1]{} \"quoted\"");
  EXPECT_EQ(out.str(), "@preamble{{\\newcommand{\\noopsort}[1]{} \"quoted\"}}\n");
}

TEST(BibtexWriter, BiblatexRenamesLegacyFieldsAndTypes) {
  const auto w = from_bibtex("phdthesis", {{"author", "Student, Sue"},
                                           {"school", "MIT"},
                                           {"address", "Cambridge"},
                                           {"journal", "J"},
                                           {"year", "2010"},
                                           {"month", "October"},
                                           {"annote", "read it"}});
  BibWriterOptions o;
  o.dialect = BibDialect::biblatex;
  const BibEntry e = to_bib_entry(w, o);
  EXPECT_EQ(e.type, "thesis");
  std::vector<std::string> names;
  for (const auto& f : e.fields) names.push_back(f.name + "=" + f.value);
  EXPECT_EQ(names, (std::vector<std::string>{"author=Student, Sue", "institution=MIT", "location=Cambridge",
                                             "journaltitle=J", "date=2010-10", "annotation=read it",
                                             "type=phdthesis"}));
}

TEST(BibtexWriter, BiblatexKeepsAYearWithoutMonthAndNeverOverwritesAnExistingName) {
  const auto w = from_bibtex("article", {{"journal", "Old"}, {"journaltitle", "New"}, {"year", "2001"}});
  BibWriterOptions o;
  o.dialect = BibDialect::biblatex;
  const BibEntry e = to_bib_entry(w, o);
  ASSERT_EQ(e.fields.size(), 3u);
  EXPECT_EQ(e.fields[0].name, "journal");
  EXPECT_EQ(e.fields[1].name, "journaltitle");
  EXPECT_EQ(e.fields[2].name, "year");
}

TEST(BibtexWriter, GeneratesFieldsForWorksFromOtherSources) {
  EXPECT_EQ(bib_entry_text(crossref_work()),
            "@article{dimaggio1983,\n"
            "  author = {DiMaggio, Paul J. and Powell, Walter W.},\n"
            "  editor = {{Agence nationale de la recherche}},\n"
            "  title = {The Iron Cage Revisited: Institutional Isomorphism \\& {AI} in 50\\% of {R\\_D}},\n"
            "  journal = {American Sociological Review},\n"
            "  year = {1983},\n"
            "  month = apr,\n"
            "  volume = {48},\n"
            "  number = {2},\n"
            "  pages = {147--160},\n"
            "  publisher = {SAGE Publications},\n"
            "  doi = {10.2307/2095101},\n"
            "  issn = {0003-1224},\n"
            "  keywords = {institutions, organizations}\n"
            "}\n");
}

TEST(BibtexWriter, GeneratedBiblatexUsesDateJournaltitleAndEprint) {
  auto w = crossref_work();
  w.work.ids.push_back({IdScheme::arxiv, "1706.03762"});
  BibWriterOptions o;
  o.dialect = BibDialect::biblatex;
  const std::string text = bib_entry_text(w, o);
  EXPECT_NE(text.find("  journaltitle = {American Sociological Review},\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  date = {1983-04},\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  eprint = {1706.03762},\n  eprinttype = {arxiv},\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("year ="), std::string::npos) << text;
}

TEST(BibtexWriter, MergedWorkGetsOnlyTheFieldsItsBibtexSourceLacks) {
  StoredWork w = crossref_work();
  w.sources.insert(w.sources.begin(), bibtex_source("article", {{"title", "Iron Cage"}, {"year", "1983"}}));
  const BibEntry e = to_bib_entry(w);
  std::vector<std::string> names;
  for (const auto& f : e.fields) names.push_back(f.name);
  EXPECT_EQ(e.fields[0].value, "Iron Cage");
  EXPECT_EQ(std::count(names.begin(), names.end(), "title"), 1);
  EXPECT_EQ(std::count(names.begin(), names.end(), "year"), 1);
  EXPECT_EQ(std::count(names.begin(), names.end(), "month"), 0) << "month belongs to the date the entry has";
  EXPECT_EQ(std::count(names.begin(), names.end(), "doi"), 1);
  EXPECT_EQ(std::count(names.begin(), names.end(), "container-title"), 0) << "Crossref's own fields are no BibTeX";
}

// litrev set / unset --hide: the user's source record replaces the BibTeX source's fields in place.
TEST(BibtexWriter, TheUsersCorrectionsReplaceTheSourceFieldsInPlace) {
  StoredWork w = from_bibtex("book", {{"author", "Lascoumes, Pierre"},
                                      {"title", "Gouverner par les instrumens"},
                                      {"year", "2004"},
                                      {"month", "mar"},
                                      {"doi", "10.1/wrong"},
                                      {"hyphenation", "english"}});
  w.work.type = "book";
  w.work.title = "Gouverner par les instruments";
  w.work.year = 2005;
  w.work.date = "2005";
  w.work.language = "french";
  SourceRecord user;
  user.source_kind = std::string(kUserSourceKind);
  user.fields = {{"title", "Gouverner par les instruments"}, {"year", "2005"}, {"doi", ""}, {"langid", "french"}};
  w.sources.push_back(user);
  const BibEntry e = to_bib_entry(w);
  std::vector<std::pair<std::string, std::string>> fields;
  for (const auto& f : e.fields) fields.emplace_back(f.name, f.value);
  EXPECT_THAT(fields, ::testing::ElementsAre(::testing::Pair("author", "Lascoumes, Pierre"),
                                             ::testing::Pair("title", "Gouverner par les instruments"),
                                             ::testing::Pair("year", "2005"), ::testing::Pair("language", "french")));
}

TEST(BibtexWriter, NotesGoToAnnoteAndTagsToKeywords) {
  auto w = from_bibtex("article", {{"title", "T"}, {"keywords", "ethics, AI"}, {"annote", "Original note."}});
  w.notes = {StoredWork::Note{1, "2024-01-01T00:00:00Z", "Key paper: 100% relevant."},
             StoredWork::Note{2, "2024-01-02T00:00:00Z", "Second note"}};
  w.tags = {"ai", "to-read"};
  const BibEntry e = to_bib_entry(w);
  ASSERT_EQ(e.fields.size(), 3u);
  EXPECT_EQ(e.fields[1].value, "ethics, AI, to-read");
  EXPECT_EQ(e.fields[2].value, "Original note.\n\nKey paper: 100\\% relevant.\n\nSecond note");

  BibWriterOptions o;
  o.dialect = BibDialect::biblatex;
  o.tags_field = "groups";
  auto plain = from_bibtex("article", {{"title", "T"}});
  plain.notes = {StoredWork::Note{1, "", "A note"}};
  plain.tags = {"x"};
  const BibEntry b = to_bib_entry(plain, o);
  ASSERT_EQ(b.fields.size(), 3u);
  EXPECT_EQ(b.fields[1].name + "=" + b.fields[1].value, "annotation=A note");
  EXPECT_EQ(b.fields[2].name + "=" + b.fields[2].value, "groups=x");
}

// socbibs/internet-tech.bib: an annote with LaTeX pasted into it. The note the importer read from
// it keeps the unknown command's name ("\\usepackage" reads "usepackage"), so it is not the
// annotation letter for letter; it is still that annotation, and written once, not twice.
TEST(BibtexWriter, TheNoteReadFromTheAnnoteIsNotWrittenAgain) {
  auto w = from_bibtex("book", {{"title", "T"},
                                {"annote", "Topics include the effe\\usepackage[%\n%authorformat=italic,%\n]{jurabib}cts of "
                                           "\\emph{pricing} (AZ)"}});
  w.notes = {StoredWork::Note{1, "", "Topics include the effeusepackage[%\n%authorformat=italic,%\n]{jurabib}cts of "
                                     "pricing (AZ)"}};
  const BibEntry e = to_bib_entry(w);
  ASSERT_EQ(e.fields.size(), 2u);
  EXPECT_EQ(e.fields[1].value, w.fields[1].value);
  // A shorter note of the user's, made of letters of the annotation, is still written.
  w.notes.push_back(StoredWork::Note{2, "", "effects"});
  EXPECT_EQ(to_bib_entry(w).fields[1].value, w.fields[1].value + "\n\neffects");
}

TEST(BibtexWriter, UnbalancedAndRunawayValuesStayReadable) {
  EXPECT_EQ(brace_safe_value("a {b} c"), "a {b} c");
  EXPECT_EQ(brace_safe_value("a } b {"), "a  b ");
  EXPECT_EQ(brace_safe_value("line one\n@article{x, is text}"), "line one @article{x, is text}");
  // A stray escaped '}' read from a quoted value: quotes would not help (BibTeX and biber count
  // braces inside quotes too), so it is spelled without a brace.
  const auto w = from_bibtex("misc", {{"publisher", "D{\\u{o}}\\}ead"}});
  EXPECT_NE(bib_entry_text(w).find("publisher = {D{\\u{o}}\\textbraceright{}ead}"), std::string::npos)
      << bib_entry_text(w);
}

TEST(LatexEncode, EscapesSpecialsAndKeepsUtf8ByDefault) {
  EXPECT_EQ(latex_encode("R&D 50% $5 #1 a_b {x} \\ ~ ^"),
            "R\\&D 50\\% \\$5 \\#1 a\\_b \\{x\\} \\textbackslash{} \\textasciitilde{} \\textasciicircum{}");
  EXPECT_EQ(latex_encode("Économie – déjà"), "Économie – déjà");
  EXPECT_EQ(latex_encode("a\u00A0b"), "a~b");
}

TEST(LatexEncode, AsciiModeSpellsAccentsAsCommands) {
  LatexEncodeOptions ascii;
  ascii.ascii = true;
  EXPECT_EQ(latex_encode("Gödel, François, naïve, Łódź, Straße – “x”", ascii),
            "G{\\\"o}del, Fran{\\c{c}}ois, na{\\\"{\\i}}ve, {\\L}{\\'o}d{\\'z}, Stra{\\ss}e -- ``x''");
  EXPECT_EQ(latex_encode("Škoda Erdős ą", ascii), "{\\v{S}}koda Erd{\\H{o}}s {\\k{a}}");
  EXPECT_EQ(latex_encode("日本", ascii), "日本");  // no LaTeX spelling: kept
}

TEST(LatexEncode, TitlesProtectAcronymsAndMixedCaseWords) {
  EXPECT_EQ(latex_encode_title("Trust in AI and NoSQL on the iPhone: A Study of COVID-19"),
            "Trust in {AI} and {NoSQL} on the {iPhone:} A Study of {COVID-19}");
  EXPECT_EQ(latex_encode_title("The Iron Cage Revisited"), "The Iron Cage Revisited");
}

TEST(BibtexName, WritesNamesBibtexReadsBackTheSameWay) {
  EXPECT_EQ(bibtex_name(person("Poussin", "Charles", "de la")), "de la Poussin, Charles");
  EXPECT_EQ(bibtex_name(person("Kluster", "Kevin", "van", "Jr.")), "van Kluster, Jr., Kevin");
  EXPECT_EQ(bibtex_name(literal("Barnes and Noble, Inc.")), "{Barnes and Noble, Inc.}");
  EXPECT_EQ(bibtex_name(person("de la Cruz", "Juana")), "{de la Cruz}, Juana");
  EXPECT_EQ(bibtex_name(person("García Márquez")), "García Márquez,");
  EXPECT_EQ(bibtex_name(person("Aristotle")), "Aristotle");
  EXPECT_EQ(bibtex_name(person("Smith", "J. & K.")), "Smith, J. \\& K.");
}

}  // namespace
}  // namespace litrev
