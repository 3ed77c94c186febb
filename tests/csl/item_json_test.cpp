// CSL-JSON in and out: what Zotero, Better BibTeX and pandoc write is read; what litrev writes
// reads back the same.
#include <gtest/gtest.h>

#include "src/csl/item_json.hpp"

namespace litrev::csl {
namespace {

TEST(CslJson, ReadsIdsAndNumbersWrittenAsJsonNumbers) {
  const auto r = read_csl_json(R"([{"id": 12, "type": "book", "volume": 3, "title": "T"}])");
  ASSERT_EQ(r.items.size(), 1u);
  EXPECT_EQ(r.items[0].id, "12");
  EXPECT_EQ(*r.items[0].get(Var::volume), "3");
}

TEST(CslJson, ReadsDatePartsWrittenAsStringsAndRanges) {
  const auto r = read_csl_json(R"([{"id": "a", "issued": {"date-parts": [["2019", "3"], [2019, 5]]}}])");
  const auto* d = r.items[0].get_date(Var::issued);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->from.year, 2019);
  EXPECT_EQ(d->from.month, 3);
  ASSERT_TRUE(d->to.has_value());
  EXPECT_EQ(d->to->month, 5);
}

TEST(CslJson, DatePartsNoDateHasAreProblemsNotOverflows) {
  // 1e30 was cast to int (undefined behaviour; INT_MIN on x86) and read as a year.
  const auto r = read_csl_json(R"([{"id": "a", "issued": {"date-parts": [[1e30]]}},
                                  {"id": "b", "issued": {"date-parts": [["99999999999"]]}}])");
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_EQ(r.problems[0].field, "issued");
  EXPECT_EQ(r.items[0].get_date(Var::issued), nullptr);  // no date left
  EXPECT_EQ(r.items[1].get_date(Var::issued), nullptr);
}

TEST(CslJson, LongRunsOfDigitsAreLiteralDatesNotExceptions) {
  // std::stoi threw std::out_of_range out of the reader (found by fuzz/csljson_import_fuzz).
  EXPECT_EQ(parse_date_text("78901234567890").literal, "78901234567890");
  EXPECT_EQ(parse_date_text("2019-99999999999").literal, "2019-99999999999");
  EXPECT_EQ(parse_date_text("12 March 99999999999").literal, "12 March 99999999999");
  EXPECT_EQ(parse_date_text("2019-03-14").from, (DateParts{2019, 3, 14}));
}

TEST(CslJson, EdtfSeasonsAreSeasons) {
  // "2005-24" (BibLaTeX's winter 2005) was a literal date: exported as {"literal": "2005-24"}.
  EXPECT_EQ(parse_date_text("2005-24").from, (DateParts{2005, 16, 0}));
  EXPECT_EQ(parse_date_text("2019-21").from, (DateParts{2019, 13, 0}));
  EXPECT_EQ(parse_date_text("2019-21-03").literal, "2019-21-03");
}

TEST(CslJson, NamePartsOfTheWrongTypeAreIgnoredNotThrown) {
  // {"family": 12} made nlohmann's value() throw type_error out of the reader.
  const auto r = read_csl_json(R"([{"id": "a", "author": [{"family": ["x"], "given": "G"}, {"family": 12}]}])");
  const auto& names = *r.items[0].get_names(Var::author);
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0].family, "");
  EXPECT_EQ(names[0].given, "G");
  EXPECT_EQ(names[1].family, "12");
}

TEST(CslJson, ParsesRawDatesLikeZotero) {
  const auto r = read_csl_json(R"([{"id": "a", "issued": {"raw": "2019-03-14"}}, {"id": "b", "issued": {"raw": "Spring 2018"}},
                                  {"id": "c", "issued": {"raw": "forthcoming"}}, {"id": "d", "issued": {"raw": "1999/2001"}}])");
  EXPECT_EQ(r.items[0].get_date(Var::issued)->from, (DateParts{2019, 3, 14}));
  EXPECT_EQ(r.items[1].get_date(Var::issued)->from.month, 13);
  EXPECT_EQ(r.items[2].get_date(Var::issued)->literal, "forthcoming");
  EXPECT_EQ(r.items[3].get_date(Var::issued)->to->year, 2001);
}

TEST(CslJson, KeepsLiteralNamesWhole) {
  const auto r = read_csl_json(R"([{"id": "a", "author": [{"literal": "Agence nationale de la recherche"}]}])");
  const auto& n = r.items[0].get_names(Var::author)->front();
  EXPECT_TRUE(n.is_literal());
  EXPECT_EQ(n.literal, "Agence nationale de la recherche");
}

TEST(CslJson, SplitsParticlesWrittenInsideFamilyAndGiven) {
  const auto r = read_csl_json(R"([{"id": "a", "author": [{"family": "van der Berg", "given": "Anna"},
      {"family": "Tocqueville", "given": "Alexis de"}, {"family": "d'Alembert", "given": "Jean"},
      {"family": "Kennedy", "given": "John, Jr."}]}])");
  const auto& a = *r.items[0].get_names(Var::author);
  EXPECT_EQ(a[0].non_dropping_particle, "van der");
  EXPECT_EQ(a[0].family, "Berg");
  EXPECT_EQ(a[1].dropping_particle, "de");
  EXPECT_EQ(a[1].given, "Alexis");
  EXPECT_EQ(a[2].non_dropping_particle, "d'");
  EXPECT_EQ(a[2].family, "Alembert");
  EXPECT_EQ(a[3].suffix, "Jr.");
  EXPECT_EQ(a[3].given, "John");
}

TEST(CslJson, ParseNamesFalseKeepsTheNameAsWritten) {
  const auto r = read_csl_json(R"([{"id": "a", "author": [{"family": "de Gaulle", "given": "Charles", "parse-names": false}]}])");
  EXPECT_EQ(r.items[0].get_names(Var::author)->front().family, "de Gaulle");
}

TEST(CslJson, AcceptsZoteroCamelCaseAliases) {
  const auto r = read_csl_json(R"([{"id": "a", "shortTitle": "Short", "journalAbbreviation": "J. Abbr."}])");
  EXPECT_EQ(*r.items[0].get(Var::title_short), "Short");
  EXPECT_EQ(*r.items[0].get(Var::container_title_short), "J. Abbr.");
}

TEST(CslJson, NotJsonIsAnErrorWithThePosition) {
  try {
    read_csl_json("[{\"id\": }");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("not valid JSON"), std::string::npos) << e.what();
  }
}

TEST(CslJson, WritesWhatItReadsBack) {
  Item item;
  item.id = "x";
  item.type = "chapter";
  item.set(Var::title, "A <i>rich</i> title");
  item.set(Var::page, "11-44");
  Name n;
  n.family = "Dijck";
  n.given = "José";
  n.non_dropping_particle = "van";
  Name corp;
  corp.literal = "World Health Organization";
  item.set_names(Var::author, {n, corp});
  Date d;
  d.from = {2004, 0, 0};
  d.circa = true;
  item.set_date(Var::issued, d);
  const auto back = read_csl_json(write_csl_json({item})).items;
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(*back[0].get(Var::title), "A <i>rich</i> title");
  EXPECT_EQ(back[0].get_names(Var::author)->at(0).non_dropping_particle, "van");
  EXPECT_EQ(back[0].get_names(Var::author)->at(1).literal, "World Health Organization");
  EXPECT_TRUE(back[0].get_date(Var::issued)->circa);
  EXPECT_EQ(back[0].get_date(Var::issued)->from.year, 2004);
}

TEST(DateText, ReadsTheFormsLibrariesWrite) {
  EXPECT_EQ(parse_date_text("2019").from.year, 2019);
  EXPECT_EQ(parse_date_text("March 2019").from.month, 3);
  EXPECT_EQ(parse_date_text("14 mars 2019").from, (DateParts{2019, 3, 14}));
  EXPECT_TRUE(parse_date_text("ca. 1900").circa);
  EXPECT_TRUE(parse_date_text("1999?").circa);
  EXPECT_EQ(parse_date_text("2019-2020").to->year, 2020);
  EXPECT_EQ(parse_date_text("n.d.").literal, "n.d.");
}

}  // namespace
}  // namespace litrev::csl
