// One node per cited work, through the parsers: references written by WoS (plain text and
// BibTeX), Scopus and free text, grouped as the graph groups them (core unify_cited_works over
// the identities the store gives).

#include <gtest/gtest.h>

#include <set>

#include "importers/references/reference_parser.hpp"
#include "src/core/cited_works.hpp"

namespace litrev {
namespace {

// The cited works of a list of reference strings: for each string, the identity of its work.
std::vector<std::string> cited_works_of(const std::vector<std::string>& raws) {
  std::vector<Reference> refs;
  for (const auto& r : raws) refs.push_back(parse_reference(r));
  std::vector<std::uint32_t> variant_of;
  const auto variants = cited_work_variants(refs, variant_of);
  const auto canonical = unify_cited_works(variants);
  std::vector<std::string> out;
  for (auto v : variant_of) out.push_back(variants[canonical[v]].identity);
  return out;
}

std::size_t distinct(const std::vector<std::string>& ids) { return std::set<std::string>(ids.begin(), ids.end()).size(); }

TEST(CitedWorks, BrownTwentyTwentyWrittenFourWaysIsOneWork) {
  const auto ids = cited_works_of({
      "Brown T. B., 2020, Adv. Neural. Inf. Process. Syst, P1877",
      "Brown T., 2020, Advances in neural information processing systems, V33, P1877",
      "BROWN TB, 2020, ADV NEUR IN, V33",
      "Brown, T.B., Mann, B., Ryder, N., Language models are few-shot learners (2020) Advances in Neural "
      "Information Processing Systems, 33, pp. 1877-1901",
  });
  EXPECT_EQ(distinct(ids), 1u) << ids[0] << " / " << ids[1] << " / " << ids[2] << " / " << ids[3];
}

TEST(CitedWorks, ThePreprintAndOtherWorksOfTheSameAuthorAndYearStayApart) {
  const auto ids = cited_works_of({
      "Brown T. B., 2020, Adv. Neural. Inf. Process. Syst, P1877",
      "Brown T., 2020, Advances in neural information processing systems, V33, P1877",
      // The arXiv preprint is another version (no volume, no page to agree on).
      "Brown TB, 2020, Arxiv, DOI [arXiv:2005.14165, DOI 10.48550/ARXIV.2005.14165]",
      // Another Brown of 2020.
      "Brown D, 2020, ENERGY RES SOC SCI, V66, DOI 10.1016/j.erss.2020.101475",
      "Brown P, 2020, SUSTAINABILITY-BASEL, V12, DOI 10.3390/su12041648",
  });
  EXPECT_EQ(ids[0], ids[1]);
  EXPECT_EQ(distinct(ids), 4u);
}

TEST(CitedWorks, WoodNineteenNinetyOneWithItsJstorAndAomDoisIsOneWork) {
  const auto ids = cited_works_of({
      "WOOD DJ, 1991, ACAD MANAGE REV, V16, P691, DOI 10.2307/258977",
      "WOOD DJ, 1991, ACAD MANAGE REV, V16, P691, DOI 10.2307/258977",
      "WOOD DJ, 1991, ACAD MANAGE REV, V16, P691, DOI 10.5465/AMR.1991.4279616.",
      "WOOD DJ, 1991, ACAD MANAGE REV, V16, P691",
  });
  EXPECT_EQ(distinct(ids), 1u);
  EXPECT_EQ(ids[0], "doi:10.2307/258977");  // the DOI written most often names it
}

TEST(CitedWorks, DimaggioFromWosAndFromScopusIsOneWork) {
  const std::string wos = "DIMAGGIO PJ, 1983, AM SOCIOL REV, V48, P147, DOI 10.2307/2095101";
  const std::string scopus =
      "DiMaggio P.J., Powell W.W., The iron cage revisited: Institutional isomorphism and collective rationality in "
      "organizational fields, (1983) American Sociological Review, 48 (2), pp. 147-160";
  EXPECT_EQ(distinct(cited_works_of({wos, scopus})), 1u);
  // And the Scopus form beside the WoS form without its DOI.
  EXPECT_EQ(distinct(cited_works_of({"DIMAGGIO PJ, 1983, AM SOCIOL REV, V48, P147", scopus})), 1u);
  // Their other 1983 paper stays apart.
  EXPECT_EQ(distinct(cited_works_of({wos, scopus, "DIMAGGIO P, 1983, SOCIOL INQ, V53, P1"})), 2u);
}

TEST(CitedWorks, GarbageAfterADoiIsCleanedOrTheDoiDropped) {
  auto r = parse_reference(
      "Rudolph J., 2023, Journal of Applied Learning and Teaching, V6, P342, DOI [DOI 10.37074/JALT.2023.6.1.9, "
      "10.37074/jalt.2023.6.1.9, DOI 10.37074/JALT.2023.6.1.9NUMBER:1]");
  EXPECT_EQ(r.doi, "10.37074/jalt.2023.6.1.9");
  r = parse_reference(
      "Rudolph J., 2023, Journal of Applied Learning and Teaching, V6, P342, DOI {[}DOI 10.37074/JALT.2023.6.1.9, "
      "10.37074/jalt.2023.6.1.9, DOI 10.37074/JALT.2023.6.1.9NUMBER:1].");
  EXPECT_EQ(r.doi, "10.37074/jalt.2023.6.1.9");
  EXPECT_EQ(parse_reference("Harvey D, 2003, INT J URBAN REGIONAL, V27, P939, DOI 10.1111/j..").doi, "");
  EXPECT_EQ(parse_reference("Smith, J. (2020). A title. Journal, 3, 1-2. https://doi.org/10.1016/j.\xE2\x80\xA6").doi, "");
}

}  // namespace
}  // namespace litrev
