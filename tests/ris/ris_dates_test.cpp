#include <gtest/gtest.h>

#include "importers/ris/ris_dates.hpp"

namespace litrev::ris {
namespace {

std::string date_of(std::string_view v) {
  const auto d = parse_ris_date(v);
  return d ? d->date : "<none>";
}

TEST(RisDates, TheSpecificationsSlashedForm) {
  EXPECT_EQ(date_of("2019/03/14/"), "2019-03-14");
  EXPECT_EQ(date_of("2019/03/14/Conference week"), "2019-03-14");
  EXPECT_EQ(date_of("2019///"), "2019");
  EXPECT_EQ(date_of("2019/03//"), "2019-03");
  EXPECT_EQ(date_of("2019/00/00/"), "2019");
  EXPECT_EQ(date_of("2019///Spring"), "2019-21");
  EXPECT_EQ(parse_ris_date("2019/3/7")->year, 2019);
  EXPECT_EQ(date_of("2019/3/7"), "2019-03-07");
}

TEST(RisDates, IsoYearAndWords) {
  EXPECT_EQ(date_of("2015-03-01"), "2015-03-01");
  EXPECT_EQ(date_of("1983"), "1983");
  EXPECT_EQ(date_of("March 2019"), "2019-03");
  EXPECT_EQ(date_of("2019 Mar 4"), "2019-03-04");
  EXPECT_EQ(date_of("Spring 2023"), "2023-21");
  EXPECT_EQ(date_of("in press"), "<none>");
  EXPECT_EQ(date_of(""), "<none>");
  EXPECT_EQ(date_of("/03/"), "<none>");
}

}  // namespace
}  // namespace litrev::ris
