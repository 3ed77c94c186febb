#include <gtest/gtest.h>

#include "importers/bibtex/dates.hpp"

namespace litrev::bibtex {
namespace {

DateResult dates(std::string_view date, std::string_view year = {}, std::string_view month = {},
                 std::string_view day = {}) {
  return interpret_dates({date, year, month, day});
}

TEST(Dates, IsoDatesInTheDateField) {
  EXPECT_EQ(dates("2019").date, "2019");
  EXPECT_EQ(dates("2019-03").date, "2019-03");
  const auto full = dates("2019-03-14");
  EXPECT_EQ(full.date, "2019-03-14");
  EXPECT_EQ(full.year, 2019);
  EXPECT_TRUE(full.problems.empty());
  EXPECT_EQ(dates("2019-03-14T10:00:00Z").date, "2019-03-14");
  EXPECT_EQ(dates("{2019-03-14}").date, "2019-03-14");
}

TEST(Dates, EdtfRangesQualifiersAndUnspecifiedDigits) {
  EXPECT_EQ(dates("2019/2020").date, "2019/2020");
  EXPECT_EQ(dates("2019/2020").year, 2019);
  EXPECT_EQ(dates("2019/..").date, "2019/..");
  EXPECT_EQ(dates("1988/").date, "1988/");
  const auto open_start = dates("../2020");
  EXPECT_EQ(open_start.date, "../2020");
  EXPECT_EQ(open_start.year, 2020);
  EXPECT_EQ(dates("2019~").date, "2019~");
  EXPECT_EQ(dates("2019?").year, 2019);
  EXPECT_EQ(dates("2019-03-14%").date, "2019-03-14%");
  EXPECT_EQ(dates("19XX").date, "19XX");
  EXPECT_FALSE(dates("19XX").year.has_value());
  EXPECT_EQ(dates("2019-21").date, "2019-21");  // spring
  EXPECT_EQ(dates("-0044-03-15").year, -44);
}

TEST(Dates, InvalidDateIsAWarningAndFallsBackToYear) {
  const auto r = dates("2019-13-01", "2019");
  EXPECT_EQ(r.date, "2019");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].field, "date");
  EXPECT_EQ(r.problems[0].message, "date '2019-13-01' is not an ISO 8601/EDTF date; kept in the fields");
  EXPECT_FALSE(dates("2019-02-30").problems.empty());
  EXPECT_TRUE(dates("2020-02-29").problems.empty());
  EXPECT_FALSE(dates("2019-02-29").problems.empty());
  EXPECT_FALSE(dates("../..").problems.empty());
}

TEST(Dates, YearAndMonthInEveryForm) {
  EXPECT_EQ(dates({}, "2019", "March").date, "2019-03");
  EXPECT_EQ(dates({}, "2019", "mar").date, "2019-03");
  EXPECT_EQ(dates({}, "2019", "Mar.").date, "2019-03");
  EXPECT_EQ(dates({}, "{{2015}}", "{{DEC}}").date, "2015-12");
  EXPECT_EQ(dates({}, "2019", "3").date, "2019-03");
  EXPECT_EQ(dates({}, "2019", "03").date, "2019-03");
  EXPECT_EQ(dates({}, "2019", "Sept.").date, "2019-09");
  EXPECT_EQ(dates({}, "2019", "f{\\'e}vrier").date, "2019-02");
  EXPECT_EQ(dates({}, "2019", "Oktober").date, "2019-10");
  EXPECT_EQ(dates({}, "2019", "Spring").date, "2019-21");
  EXPECT_EQ(dates({}, "2019", "MAR 15").date, "2019-03-15");
  EXPECT_EQ(dates({}, "2019", "15 March").date, "2019-03-15");
  EXPECT_EQ(dates({}, "2019", "Jan.-Feb.").date, "2019-01/2019-02");
  EXPECT_EQ(dates({}, "2019", "January--February").date, "2019-01/2019-02");
  EXPECT_EQ(dates({}, "2019", "May", "4").date, "2019-05-04");
  EXPECT_EQ(dates({}, "2019").year, 2019);
}

TEST(Dates, DateFieldWinsOverYearAndMonth) {
  const auto r = dates("2020-05-01", "2019", "March");
  EXPECT_EQ(r.date, "2020-05-01");
  EXPECT_EQ(r.year, 2020);
}

TEST(Dates, YearRangesAndEdtfInTheYearField) {
  EXPECT_EQ(dates({}, "1995--1996").date, "1995/1996");
  EXPECT_EQ(dates({}, "1995/1996").date, "1995/1996");
  EXPECT_EQ(dates({}, "2019~").date, "2019~");
}

TEST(Dates, JunkYearsAreWarnings) {
  const auto in_press = dates({}, "in press");
  EXPECT_EQ(in_press.date, "");
  EXPECT_FALSE(in_press.year.has_value());
  ASSERT_EQ(in_press.problems.size(), 1u);
  EXPECT_EQ(in_press.problems[0].message, "year 'in press' is not a year; kept in the fields");
  EXPECT_FALSE(dates({}, "forthcoming").year.has_value());
  const auto suffixed = dates({}, "{2001a}");
  EXPECT_EQ(suffixed.year, 2001);
  EXPECT_EQ(suffixed.date, "2001");
  ASSERT_EQ(suffixed.problems.size(), 1u);
  EXPECT_EQ(suffixed.problems[0].message, "year '2001a' is not a plain year: read as 2001");
  EXPECT_EQ(dates({}, "[1995]").year, 1995);
}

TEST(Dates, OrdinalDaysMonthsInTheYearFieldAndLatexInYears) {
  EXPECT_EQ(dates({}, "2019", "September 14th").date, "2019-09-14");
  EXPECT_EQ(dates({}, "2019", "1st March").date, "2019-03-01");
  EXPECT_EQ(dates({}, "March 2010").date, "2010-03");
  EXPECT_TRUE(dates({}, "March 2010").problems.empty());
  EXPECT_EQ(dates({}, "{\\noopsort{1973c}}1981").year, 1981);
}

TEST(Dates, UnknownMonthKeepsTheYear) {
  const auto r = dates({}, "2019", "Nonsense");
  EXPECT_EQ(r.date, "2019");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].field, "month");
}

// Every form of the month field in the Web of Science BibTeX exports of ../shared/corpus
// (ai_generative_ai/savedrecs.bib, bibliometrix/wos_*.bib): none is a warning.
TEST(Dates, WebOfScienceMonthsAreDatesWithoutWarnings) {
  const auto clean = [](std::string_view year, std::string_view month) {
    const auto r = dates({}, year, month);
    EXPECT_TRUE(r.problems.empty()) << month << ": " << r.problems.front().message;
    return r.date;
  };
  EXPECT_EQ(clean("2024", "2024 MAR 4"), "2024-03-04");
  EXPECT_EQ(clean("2023", "{2023 NOV 20}"), "2023-11-20");
  EXPECT_EQ(clean("2024", "2024 MAY"), "2024-05");
  EXPECT_EQ(clean("2020", "FEB 9"), "2020-02-09");
  EXPECT_EQ(clean("2020", "FEB"), "2020-02");
  EXPECT_EQ(clean("2013", "WIN"), "2013-24");
  EXPECT_EQ(clean("2012", "SUM"), "2012-22");
  EXPECT_EQ(clean("1994", "FAL"), "1994-23");
  EXPECT_EQ(clean("1994", "SPR"), "1994-21");
  EXPECT_EQ(clean("2023", "MAR-APR"), "2023-03/2023-04");
  EXPECT_EQ(clean("2023", "JAN-MAR"), "2023-01/2023-03");
  EXPECT_EQ(clean("2023", "DEC 31"), "2023-12-31");
}

TEST(Dates, WebOfScienceDateWithAnotherYearKeepsTheYearWithAWarning) {
  const auto r = dates({}, "2023", "2024 MAR 4");
  EXPECT_EQ(r.date, "2023");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].message, "month '2024 MAR 4' names another year than year '2023'; the date keeps the year only");
}

TEST(Months, NamesNumbersAndSeasons) {
  EXPECT_EQ(parse_month("December"), 12);
  EXPECT_EQ(parse_month("DEC"), 12);
  EXPECT_EQ(parse_month("m{\\\"a}rz"), 3);
  EXPECT_EQ(parse_month("Fall"), 23);
  EXPECT_EQ(parse_month("WIN"), 24);
  EXPECT_FALSE(parse_month("13").has_value());
  EXPECT_FALSE(parse_month("").has_value());
}

}  // namespace
}  // namespace litrev::bibtex
