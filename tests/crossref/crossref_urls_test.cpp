#include "importers/crossref/crossref_urls.hpp"

#include <gtest/gtest.h>

namespace litrev {
namespace {

TEST(CrossrefUrls, SingleWorkRouteKeepsTheDoiSlash) {
  EXPECT_EQ(crossref_work_url("https://api.crossref.org", "10.1371/journal.pone.0033693"),
            "https://api.crossref.org/works/10.1371/journal.pone.0033693");
  EXPECT_EQ(crossref_work_url("http://127.0.0.1:9/", "10.1002/(sici)1097-4636;2-p", "me@example.org"),
            "http://127.0.0.1:9/works/10.1002/%28sici%291097-4636%3B2-p?mailto=me@example.org");
}

TEST(CrossrefUrls, BatchUsesOneDoiFilterPerDoiAndEnoughRows) {
  const std::vector<std::string> dois{"10.1038/srep16696", "10.3892/ijo_00000353"};
  EXPECT_EQ(crossref_doi_batch_url("https://api.crossref.org", dois),
            "https://api.crossref.org/works?filter=doi:10.1038/srep16696,doi:10.3892/ijo_00000353&rows=2");
}

TEST(CrossrefUrls, SearchCarriesEveryParameterEncoded) {
  CrossrefQuery q;
  q.bibliographic = "institutional isomorphism";
  q.author = "DiMaggio & Powell";
  q.filter = "from-pub-date:2015,type:journal-article";
  q.rows = 5000;  // capped
  q.select = "DOI,title";
  q.cursor = "*";
  q.mailto = "me@example.org";
  EXPECT_EQ(crossref_works_url("https://api.crossref.org", q),
            "https://api.crossref.org/works?query.bibliographic=institutional%20isomorphism"
            "&query.author=DiMaggio%20%26%20Powell&filter=from-pub-date:2015,type:journal-article&rows=1000"
            "&select=DOI,title&cursor=%2A&mailto=me@example.org");
}

TEST(CrossrefUrls, NextCursorIsEscapedSoPlusAndEqualsSurvive) {
  CrossrefQuery q;
  q.query = "widget";
  q.cursor = "DnF1ZXJ5VGhlbkZldGNo+Bw==";
  EXPECT_EQ(crossref_works_url("https://api.crossref.org", q),
            "https://api.crossref.org/works?query=widget&cursor=DnF1ZXJ5VGhlbkZldGNo%2BBw%3D%3D");
}

std::vector<std::string> many_dois(std::size_t n) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back("10.5555/litrev-synthetic-" + std::to_string(i));
  return out;
}

TEST(DoiBatchPlan, SplitsByCountKeepingOrder) {
  const auto dois = many_dois(250);
  const auto plan = plan_doi_batches("https://api.crossref.org", dois);
  ASSERT_EQ(plan.batches.size(), 3u);
  EXPECT_EQ(plan.batches[0].size(), 100u);
  EXPECT_EQ(plan.batches[2].size(), 50u);
  EXPECT_EQ(plan.batches[1].front(), dois[100]);
  EXPECT_TRUE(plan.singles.empty());
}

TEST(DoiBatchPlan, EveryBatchUrlStaysWithinTheLengthLimit) {
  std::vector<std::string> dois;
  for (int i = 0; i < 300; ++i) dois.push_back("10.1002/(sici)1097-4636(199606)31:2<201::aid-jbm5>3.0.co;2-" + std::to_string(i));
  DoiBatchLimits limits;
  limits.max_url_length = 2000;
  const auto plan = plan_doi_batches("https://api.crossref.org", dois, limits);
  std::size_t total = 0;
  for (const auto& b : plan.batches) {
    EXPECT_LE(crossref_doi_batch_url("https://api.crossref.org", b).size(), 2000u);
    total += b.size();
  }
  EXPECT_EQ(total, dois.size());
  EXPECT_GT(plan.batches.size(), 3u);
}

TEST(DoiBatchPlan, DoisWithACommaAreLookedUpSingly) {
  const std::vector<std::string> dois{"10.1000/a", "10.1000/b,c", "10.1000/d"};
  const auto plan = plan_doi_batches("https://api.crossref.org", dois);
  ASSERT_EQ(plan.batches.size(), 1u);
  EXPECT_EQ(plan.batches[0], (std::vector<std::string>{"10.1000/a", "10.1000/d"}));
  EXPECT_EQ(plan.singles, (std::vector<std::string>{"10.1000/b,c"}));
}

}  // namespace
}  // namespace litrev
