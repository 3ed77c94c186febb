#include "src/core/cited_works.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

namespace litrev {
namespace {

CitedWorkVariant variant(std::string identity, std::string family, std::string initials, int year,
                         std::string container, std::string volume, std::string page, std::uint32_t citations = 1) {
  CitedWorkVariant v;
  v.identity = std::move(identity);
  v.first_author = std::move(family);
  v.author_initials = std::move(initials);
  v.year = year;
  v.container = std::move(container);
  v.volume = std::move(volume);
  v.first_page = std::move(page);
  v.citations = citations;
  return v;
}

// A reference written from the cited work's own record (import openalex --with-referenced-metadata).
CitedWorkVariant described(std::string identity, std::string family, std::string initials, int year,
                           std::string title, std::uint32_t citations = 1) {
  CitedWorkVariant v = variant(std::move(identity), std::move(family), std::move(initials), year, "", "", "", citations);
  v.title = std::move(title);
  v.described = true;
  return v;
}

// Identities of the cited works, as sets of the variants' identities.
std::set<std::set<std::string>> groups(const std::vector<CitedWorkVariant>& vs) {
  const auto canonical = unify_cited_works(vs);
  std::map<std::uint32_t, std::set<std::string>> by;
  for (std::uint32_t i = 0; i < vs.size(); ++i) by[canonical[i]].insert(vs[i].identity);
  std::set<std::set<std::string>> out;
  for (auto& [k, g] : by) out.insert(g);
  return out;
}

TEST(UnifyCitedWorks, APageWithoutVolumeJoinsTheFullLocatorWhenTheSourcesMatch) {
  const std::vector<CitedWorkVariant> vs = {
      variant("ref:brown|2020|an", "Brown", "TB", 2020, "Adv. Neural. Inf. Process. Syst", "", "1877", 19),
      variant("ref:brown|2020|33|1877", "Brown", "T", 2020, "Advances in neural information processing systems", "33",
              "1877", 16),
  };
  const auto canonical = unify_cited_works(vs);
  EXPECT_EQ(canonical[0], 0u);  // the most cited identity names the work
  EXPECT_EQ(canonical[1], 0u);
}

TEST(UnifyCitedWorks, TwoDoisOfOneArticleAreOneWork) {
  const std::vector<CitedWorkVariant> vs = {
      variant("doi:10.5465/amr.1991.4279616", "WOOD", "DJ", 1991, "ACAD MANAGE REV", "16", "691", 3),
      variant("doi:10.2307/258977", "WOOD", "DJ", 1991, "ACAD MANAGE REV", "16", "691", 5),
  };
  const auto canonical = unify_cited_works(vs);
  EXPECT_EQ(canonical[0], 1u);
  EXPECT_EQ(canonical[1], 1u);
}

TEST(UnifyCitedWorks, TwoDoisNeedMatchingSourcesAndTheFullLocator) {
  EXPECT_EQ(groups({variant("doi:10.1/a", "Wood", "DJ", 1991, "ACAD MANAGE REV", "16", "691"),
                    variant("doi:10.1/b", "Wood", "DJ", 1991, "J MANAGE", "16", "691")})
                .size(),
            2u);
  EXPECT_EQ(groups({variant("doi:10.1/a", "Wood", "DJ", 1991, "ACAD MANAGE REV", "16", "691"),
                    variant("doi:10.1/b", "Wood", "DJ", 1991, "ACAD MANAGE REV", "", "691")})
                .size(),
            2u);
}

TEST(UnifyCitedWorks, TwoWorksOfOneAuthorAndYearWithDifferentPagesStayApart) {
  EXPECT_EQ(groups({variant("ref:latour|1983|a|141", "LATOUR", "B", 1983, "SCI OBSERVED", "", "141"),
                    variant("ref:latour|1983|b|151", "LATOUR", "B", 1983, "SCI OBSERVED", "", "151")})
                .size(),
            2u);
  EXPECT_EQ(groups({variant("ref:x|2019|12|1", "Wang", "J", 2019, "SUSTAINABILITY-BASEL", "12", "1"),
                    variant("ref:x|2019|11|1", "Wang", "J", 2019, "SUSTAINABILITY-BASEL", "11", "1")})
                .size(),
            2u);
}

TEST(UnifyCitedWorks, IncompatibleInitialsOrSourcesStayApart) {
  // Two Wangs of one year, same page, no volume on one side.
  EXPECT_EQ(groups({variant("ref:wang|2020|8|100", "Wang", "J", 2020, "IEEE ACCESS", "8", "100"),
                    variant("ref:wang|2020|ia", "Wang", "L", 2020, "IEEE Access", "", "100")})
                .size(),
            2u);
  EXPECT_EQ(groups({variant("ref:wang|2020|8|100", "Wang", "J", 2020, "IEEE ACCESS", "8", "100"),
                    variant("ref:wang|2020|sc", "Wang", "J", 2020, "SCI CHINA", "", "100")})
                .size(),
            2u);
  // Without a source on one side, a page alone is not enough.
  EXPECT_EQ(groups({variant("ref:wang|2020|8|100", "Wang", "J", 2020, "IEEE ACCESS", "8", "100"),
                    variant("ref:wang|2020|x", "Wang", "J", 2020, "", "", "100")})
                .size(),
            2u);
}

TEST(UnifyCitedWorks, AVariantThatFitsTwoWorksJoinsNeither) {
  const auto g = groups({variant("ref:zhang|2020|8|100", "Zhang", "Y", 2020, "IEEE ACCESS", "8", "100"),
                         variant("ref:zhang|2020|8|200", "Zhang", "Y", 2020, "IEEE ACCESS", "8", "200"),
                         variant("ref:zhang|2020|ia", "Zhang", "Y", 2020, "IEEE Access", "8", "")});
  EXPECT_EQ(g.size(), 3u);
}

TEST(UnifyCitedWorks, AVolumeWithoutPagesNeedsTheSameSourceLine) {
  // Newman had several Phys Rev E vol. 64 papers in 2001: abbreviation and volume are not enough.
  auto doi = variant("doi:10.1103/physreve.64.025102", "NEWMAN", "MEJ", 2001, "PHYS REV E", "64", "");
  auto scopus = variant("ref:newman|2001|pr|v64", "Newman", "M.E", 2001, "Physical Review E", "64", "");
  EXPECT_EQ(groups({doi, scopus}).size(), 2u);
  // The same WoS line with and without its DOI is one work.
  EXPECT_EQ(groups({variant("doi:10.5751/es-03610-150420", "Folke", "C", 2010, "ECOL SOC", "15", ""),
                    variant("ref:folke|2010|es|v15", "Folke", "C", 2010, "ECOL SOC", "15", "")})
                .size(),
            1u);
}

TEST(UnifyCitedWorks, WithoutAuthorYearOrLocatorNothingIsJoined) {
  EXPECT_EQ(groups({variant("ref:anonymous|2020|n|1", "[Anonymous]", "", 2020, "NATURE", "", "1"),
                    variant("ref:anonymous|2020|n|1b", "[Anonymous]", "", 2020, "NATURE", "1", "1")})
                .size(),
            2u);
  EXPECT_EQ(groups({variant("ref:latour|1987|sa", "Latour", "B", 1987, "SCI ACTION", "", ""),
                    variant("ref:latour|1987|sa2", "Latour", "B", 1987, "Science in action", "", "")})
                .size(),
            2u);
}

TEST(UnifyCitedWorks, AWosBookJoinsTheRecordThatDescribesIt) {
  const std::vector<CitedWorkVariant> vs = {
      variant("ref:latour|1987|sa", "LATOUR", "B", 1987, "SCI ACTION FOLLOW SC", "", "", 156),
      described("openalex:W2037406346", "Latour", "B", 1987,
                "Science in Action: How to Follow Scientists and Engineers through Society", 3),
  };
  const auto canonical = unify_cited_works(vs);
  EXPECT_EQ(canonical[0], 0u) << "the most cited identity names the work";
  EXPECT_EQ(canonical[1], 0u);
  EXPECT_TRUE(more_complete(vs[1], vs[0])) << "the described record labels it";
}

TEST(UnifyCitedWorks, AScopusTitleWithDoiJoinsTheWosAbbreviation) {
  CitedWorkVariant scopus = variant("doi:10.2307/j.ctv1wmz4h5", "Bowker", "GC", 1999, "", "", "", 2);
  scopus.title = "Sorting Things Out: Classification and Its Consequences";
  EXPECT_EQ(groups({variant("ref:bowker|1999|st", "BOWKER GC", "", 1999, "SORTING THINGS OUT", "", "", 40), scopus}).size(),
            1u);
}

TEST(UnifyCitedWorks, ATitleLinkNeedsTheAbbreviationToStandForTheTitle) {
  // Same author, year and initials of the first two words: another book.
  EXPECT_EQ(groups({variant("ref:latour|1987|sa", "LATOUR", "B", 1987, "SOC ACTION", "", ""),
                    described("openalex:W1", "Latour", "B", 1987, "Science in Action")})
                .size(),
            2u);
  // Another person of that family.
  EXPECT_EQ(groups({variant("ref:latour|1987|sa", "LATOUR", "M", 1987, "SCI ACTION", "", ""),
                    described("openalex:W1", "Latour", "B", 1987, "Science in Action")})
                .size(),
            2u);
  // Without a DOI or OpenAlex id the titled form already has the abbreviated identity itself.
  CitedWorkVariant plain = variant("ref:latour|1987|sa2", "Latour", "B", 1987, "", "", "");
  plain.title = "Science in Action";
  EXPECT_EQ(groups({variant("ref:latour|1987|sa", "LATOUR", "B", 1987, "SCI ACTION", "", ""), plain}).size(), 2u);
}

TEST(UnifyCitedWorks, TwoDescribedWorksUnderOneAbbreviationJoinNeither) {
  EXPECT_EQ(groups({variant("ref:latour|1987|sa", "LATOUR", "B", 1987, "SCI ACTION", "", ""),
                    described("openalex:W1", "Latour", "B", 1987, "Science in Action: How to Follow Scientists"),
                    described("openalex:W2", "Latour", "B", 1987, "Science and Action Today")})
                .size(),
            3u);
  // Two records of one book (OpenAlex without DOI, Scopus with one) join it together.
  CitedWorkVariant scopus = variant("doi:10.1/sa", "Latour", "B", 1987, "", "", "", 2);
  scopus.title = "Science in Action";
  EXPECT_EQ(groups({variant("ref:latour|1987|sa", "LATOUR", "B", 1987, "SCI ACTION", "", ""),
                    described("openalex:W1", "Latour", "B", 1987, "Science in Action: How to Follow Scientists"),
                    scopus})
                .size(),
            1u);
}

TEST(UnifyCitedWorks, TheResultDoesNotDependOnTheOrderOfTheVariants) {
  std::vector<CitedWorkVariant> vs = {
      variant("ref:brown|2020|an", "Brown", "TB", 2020, "Adv. Neural. Inf. Process. Syst", "", "1877", 19),
      variant("ref:brown|2020|33|1877", "Brown", "T", 2020, "Advances in neural information processing systems", "33",
              "1877", 16),
      variant("ref:brown|2020|an2", "Brown", "T", 2020, "ADV NEUR IN", "33", "", 2),
      variant("ref:zhang|2020|8|100", "Zhang", "Y", 2020, "IEEE ACCESS", "8", "100"),
      variant("ref:zhang|2020|8|200", "Zhang", "Y", 2020, "IEEE ACCESS", "8", "200"),
      variant("ref:zhang|2020|ia", "Zhang", "Y", 2020, "IEEE Access", "8", ""),
      variant("doi:10.1/a", "Wood", "DJ", 1991, "ACAD MANAGE REV", "16", "691"),
      variant("doi:10.1/b", "Wood", "D", 1991, "Academy of Management Review", "16", "691"),
      variant("ref:latour|1987|sa", "LATOUR", "B", 1987, "SCI ACTION FOLLOW SC", "", "", 156),
      described("openalex:W2", "Latour", "B", 1987, "Science in Action: How to Follow Scientists", 3),
      described("doi:10.1/sa", "Latour", "B", 1987, "Science in Action: How to Follow Scientists and Engineers", 2),
  };
  const auto expected = groups(vs);
  std::mt19937 rng(3);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(vs.begin(), vs.end(), rng);
    EXPECT_EQ(groups(vs), expected);
  }
  EXPECT_EQ(expected.size(), 6u);  // Brown, Zhang x3, Wood, Latour
}

}  // namespace
}  // namespace litrev
