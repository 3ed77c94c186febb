// Curating through the litrev binary: note --list/--edit/--delete, set/unset, tags, list
// filters and sorts, and a user's langid reaching the CSL exports.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "support/test_support.hpp"

namespace litrev::test {
namespace {

using nlohmann::json;

// Short entries of real works (the fields these tests need, nothing more).
constexpr const char* kCurateLibrary = R"(@article{meyer1977, author = {Meyer, John W. and Rowan, Brian},
  title = {Institutionalized Organizations}, journal = {American Journal of Sociology}, year = {1977},
  doi = {10.1086/226550}}
@article{dimaggio1983, author = {DiMaggio, Paul J. and Powell, Walter W.}, year = 1983,
  title = {The Iron Cage Revisited: Institutional Isomorphism and Collective Rationality in Organizational Fields},
  journal = {American Sociological Review}, doi = {10.2307/2095101}, cites = {meyer1977}}
@book{lascoumes2004,
  author = {Lascoumes, Pierre and Le Gal{\`e}s, Patrick},
  title = {Gouverner par les instrumens},
  publisher = {Presses de Sciences Po},
  address = {Paris},
  year = {2004}
}
@article{bezes2009,
  author = {Bezes, Philippe},
  title = {Les instruments de l'action publique},
  journal = {Revue fran{\c c}aise de science politique},
  year = {2009},
  cites = {meyer1977, lascoumes2004}
}
)";

class Curate : public ::testing::Test {
 protected:
  void SetUp() override {
    bib_ = tmp_ / "curate.bib";
    write_file(bib_, kCurateLibrary);
    const auto r = run({"import", "bibtex", bib_.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  RunResult run(std::vector<std::string> args, const std::string& input = {}) {
    args.insert(args.begin(), {"--db", (tmp_ / "lib.db").string()});
    return run_litrev(args, input);
  }
  json run_json(std::vector<std::string> args) {
    const auto r = run(std::move(args));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  }
  std::vector<std::string> list_keys(std::vector<std::string> args) {
    args.insert(args.begin(), {"list", "--json"});
    std::vector<std::string> keys;
    for (const auto& w : run_json(args)) keys.push_back(w["key"]);
    return keys;
  }
  static bool system_styles() { return std::filesystem::exists("/usr/share/citation-style-language/styles/apa.csl"); }
  TempDir tmp_;
  std::filesystem::path bib_;
};

TEST_F(Curate, NotesAreListedEditedAndDeletedByNumber) {
  ASSERT_EQ(run({"note", "meyer1977", "Myth and", "*ceremony*"}).exit_code, 0);
  ASSERT_EQ(run({"note", "meyer1977", "-"}, "Second\nline two\n").exit_code, 0);
  auto list = run({"note", "meyer1977", "--list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("1. [id "), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("   Myth and *ceremony*\n2. [id "), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("   Second\n   line two\n"), std::string::npos) << list.out;

  const auto edit = run({"note", "meyer1977", "--edit", "1", "Myth,", "ceremony", "and", "decoupling"});
  ASSERT_EQ(edit.exit_code, 0) << edit.err;
  auto notes = run_json({"note", "meyer1977", "--list", "--json"});
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0]["number"], 1);
  EXPECT_EQ(notes[0]["text"], "Myth, ceremony and decoupling");
  EXPECT_TRUE(notes[0]["edited_at"].is_string());
  EXPECT_TRUE(notes[1]["edited_at"].is_null());
  EXPECT_EQ(run_json({"search", "decoupling", "--json"}).size(), 1u);

  const auto del = run_json({"note", "meyer1977", "--delete", "2", "--json"});
  EXPECT_EQ(del["deleted"], notes[1]["id"]);
  EXPECT_EQ(run_json({"note", "meyer1977", "--list", "--json"}).size(), 1u);
  // Appending still works as before.
  EXPECT_TRUE(run_json({"note", "meyer1977", "again", "--json"})["note"].is_number());

  const auto missing = run({"note", "meyer1977", "--delete", "5"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("there is no note 5"), std::string::npos) << missing.err;
  EXPECT_EQ(run({"note", "meyer1977", "--delete", "1", "extra"}).exit_code, 2);
  EXPECT_EQ(run({"note", "meyer1977", "--list", "--edit", "1"}).exit_code, 2);
  EXPECT_EQ(run({"note", "meyer1977"}).exit_code, 2);
  const auto unknown = run({"note", "meyer197", "--list"});
  EXPECT_EQ(unknown.exit_code, 4);
  EXPECT_NE(unknown.err.find("meyer1977"), std::string::npos) << unknown.err;
}

TEST_F(Curate, SetIsTheUsersSourceAndSurvivesReimport) {
  const auto set = run_json({"set", "lascoumes2004", "title", "Gouverner", "par", "les", "instruments", "--json"});
  EXPECT_EQ(set["before"], "Gouverner par les instrumens");
  EXPECT_EQ(set["after"], "Gouverner par les instruments");
  EXPECT_EQ(set["field"], "title");
  const auto show = run({"show", "lascoumes2004"});
  EXPECT_NE(show.out.find("title      Gouverner par les instruments\n"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("you (litrev set) at "), std::string::npos) << show.out;
  EXPECT_NE(show.out.find(": title = Gouverner par les instruments\n"), std::string::npos) << show.out;
  EXPECT_EQ(run_json({"show", "lascoumes2004", "--json"})["set_by_user"]["title"], "Gouverner par les instruments");

  // The same file again, and the file edited (a new field): the user's title stays.
  ASSERT_EQ(run({"import", "bibtex", bib_.string()}).exit_code, 0);
  std::string edited = kCurateLibrary;
  edited.replace(edited.find("address = {Paris},"), 18, "address = {Paris}, note = {Reprint},");
  write_file(bib_, edited);
  ASSERT_EQ(run({"import", "bibtex", bib_.string()}).exit_code, 0);
  EXPECT_EQ(run_json({"show", "lascoumes2004", "--json"})["title"], "Gouverner par les instruments");
  EXPECT_EQ(run_json({"stats", "--json"})["works"], 4);
  // Exports say what the library says.
  const auto bib = run({"export", "bibtex"});
  EXPECT_NE(bib.out.find("Gouverner par les instruments"), std::string::npos) << bib.out;
  EXPECT_EQ(bib.out.find("instrumens"), std::string::npos) << bib.out;

  const auto unset = run_json({"unset", "lascoumes2004", "title", "--json"});
  EXPECT_EQ(unset["after"], "Gouverner par les instrumens");
  EXPECT_TRUE(run_json({"show", "lascoumes2004", "--json"})["set_by_user"].empty());
}

TEST_F(Curate, SetChecksFieldsValuesAndKeys) {
  const auto typo = run({"set", "meyer1977", "titel", "X"});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("did you mean 'title'"), std::string::npos) << typo.err;
  const auto doi = run({"set", "meyer1977", "doi", "not-a-doi"});
  EXPECT_EQ(doi.exit_code, 2);
  EXPECT_NE(doi.err.find("doi: 'not-a-doi' is not a DOI"), std::string::npos) << doi.err;
  EXPECT_EQ(run({"set", "meyer1977", "year", "77"}).exit_code, 2);
  EXPECT_EQ(run({"set", "meyer1977", "type", "paper"}).exit_code, 2);
  const auto key = run({"set", "meyer197", "year", "1978"});
  EXPECT_EQ(key.exit_code, 4);
  EXPECT_NE(key.err.find("meyer1977"), std::string::npos) << key.err;
  EXPECT_EQ(run_json({"show", "meyer1977", "--json"})["year"], 1977);
}

TEST_F(Curate, ACorrectedDoiFollowsIntoDedupAndHidingIsUndone) {
  ASSERT_EQ(run({"set", "lascoumes2004", "doi", "https://doi.org/10.3917/SCPO.LASCO.2004.01"}).exit_code, 0);
  auto show = run_json({"show", "lascoumes2004", "--json"});
  EXPECT_EQ(show["doi"], "10.3917/scpo.lasco.2004.01");
  // A record of that DOI, titled as the library has it, merges into the work.
  write_file(tmp_ / "other.bib",
             "@book{other, author = {Lascoumes, Pierre}, title = {Gouverner par les instrumens}, year = 2004,"
             " doi = {10.3917/scpo.lasco.2004.01}, isbn = {978-2-7246-0934-9}}\n");
  ASSERT_EQ(run({"import", "bibtex", (tmp_ / "other.bib").string()}).exit_code, 0);
  EXPECT_EQ(run_json({"stats", "--json"})["works"], 4);

  const auto hide = run_json({"unset", "meyer1977", "doi", "--hide", "--json"});
  EXPECT_EQ(hide["before"], "10.1086/226550");
  EXPECT_TRUE(run_json({"show", "meyer1977", "--json"})["doi"].is_null());
  ASSERT_EQ(run({"import", "bibtex", bib_.string()}).exit_code, 0);
  EXPECT_TRUE(run_json({"show", "meyer1977", "--json"})["doi"].is_null());
  EXPECT_EQ(run({"unset", "meyer1977", "doi"}).exit_code, 0);
  EXPECT_EQ(run_json({"show", "meyer1977", "--json"})["doi"], "10.1086/226550");
}

TEST_F(Curate, TagsAreCountedMostUsedFirst) {
  ASSERT_EQ(run({"tag", "meyer1977", "institutions", "classic"}).exit_code, 0);
  ASSERT_EQ(run({"tag", "dimaggio1983", "Institutions"}).exit_code, 0);
  ASSERT_EQ(run({"tag", "lascoumes2004", "action publique"}).exit_code, 0);
  const auto text = run({"tags"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out, "     2  institutions\n     1  action publique\n     1  classic\n");
  const auto tags = run_json({"tags", "--json"});
  ASSERT_EQ(tags.size(), 3u);
  EXPECT_EQ(tags[0], (json{{"tag", "institutions"}, {"works", 2}}));
}

TEST_F(Curate, ListFiltersAndSortsCombine) {
  ASSERT_EQ(run({"tag", "meyer1977", "neo"}).exit_code, 0);
  ASSERT_EQ(run({"tag", "dimaggio1983", "neo"}).exit_code, 0);
  EXPECT_EQ(list_keys({"--year", "1983"}), (std::vector<std::string>{"dimaggio1983"}));
  EXPECT_EQ(list_keys({"--year", "1980-2005", "--sort", "year", "--reverse"}),
            (std::vector<std::string>{"lascoumes2004", "dimaggio1983"}));
  EXPECT_EQ(list_keys({"--year", "2000-"}), (std::vector<std::string>{"lascoumes2004", "bezes2009"}));
  EXPECT_EQ(list_keys({"--type", "article", "--tag", "neo", "--author", "powell"}),
            (std::vector<std::string>{"dimaggio1983"}));
  EXPECT_EQ(list_keys({"--author", "le gales"}), (std::vector<std::string>{"lascoumes2004"}));
  EXPECT_EQ(list_keys({"--sort", "citations", "--limit", "1"}), (std::vector<std::string>{"meyer1977"}));
  EXPECT_EQ(list_keys({"--sort", "author"}),
            (std::vector<std::string>{"bezes2009", "dimaggio1983", "lascoumes2004", "meyer1977"}));
  EXPECT_EQ(list_keys({"--sort", "title"}),
            (std::vector<std::string>{"lascoumes2004", "meyer1977", "bezes2009", "dimaggio1983"}));
  // The JSON items keep their shape.
  const auto one = run_json({"list", "--json", "--author", "bezes"});
  ASSERT_EQ(one.size(), 1u);
  for (const char* k : {"key", "type", "title", "year", "doi", "authors", "container", "tags", "notes", "fields"})
    EXPECT_TRUE(one[0].contains(k)) << k;
  const auto text = run({"list", "--type", "book"});
  EXPECT_EQ(text.out, "lascoumes2004  Lascoumes & Le Galès (2004) Gouverner par les instrumens\n");

  EXPECT_EQ(run({"list", "--year", "19x"}).exit_code, 2);
  EXPECT_EQ(run({"list", "--year", "2010-2000"}).exit_code, 2);
  EXPECT_EQ(run({"list", "--type", "paper"}).exit_code, 2);
  EXPECT_EQ(run({"list", "--sort", "size"}).exit_code, 2);
}

// Titles of works without a language are not title-cased when they are French (Chicago
// title-cases English titles); a langid the user sets is what the styles follow.
TEST_F(Curate, FrenchTitlesAreNotTitleCasedAndTheUsersLangidCounts) {
  if (!system_styles()) GTEST_SKIP() << "citation-style-language-styles not installed";
  const auto chicago = run({"export", "bibliography", "--style", "chicago-author-date", "bezes2009", "dimaggio1983"});
  ASSERT_EQ(chicago.exit_code, 0) << chicago.err;
  EXPECT_NE(chicago.out.find("“Les instruments de l’action publique.”"), std::string::npos) << chicago.out;
  EXPECT_NE(chicago.out.find("“The Iron Cage Revisited"), std::string::npos) << chicago.out;
  const auto annotated = tmp_ / "a.md";
  ASSERT_EQ(run({"export", "annotated", "--style", "chicago-author-date", "--format", "markdown", "--out",
                 annotated.string(), "bezes2009"})
                .exit_code,
            0);
  EXPECT_NE(read_file(annotated).find("Les instruments de l’action publique"), std::string::npos)
      << read_file(annotated);
  ASSERT_EQ(run({"set", "bezes2009", "langid", "english"}).exit_code, 0);
  const auto english = run({"export", "bibliography", "--style", "chicago-author-date", "bezes2009"});
  EXPECT_NE(english.out.find("“Les Instruments de l’Action Publique.”"), std::string::npos) << english.out;
  EXPECT_EQ(run_json({"export", "csl-json", "bezes2009"})[0]["language"], "en");
}

}  // namespace
}  // namespace litrev::test
