#include "src/core/identifiers.hpp"

#include <gtest/gtest.h>

namespace litrev {
namespace {

TEST(NormalizeDoi, StripsResolverPrefixesAndLowercases) {
  EXPECT_EQ(normalize_doi("https://doi.org/10.1086/226550"), "10.1086/226550");
  EXPECT_EQ(normalize_doi("doi:10.2307/2095101"), "10.2307/2095101");
  EXPECT_EQ(normalize_doi("DOI 10.5465/AMR.1979.4498296"), "10.5465/amr.1979.4498296");
  EXPECT_EQ(normalize_doi("http://dx.doi.org/10.1371/journal.pone.0033693."), "10.1371/journal.pone.0033693");
}

TEST(NormalizeDoi, RejectsNonDois) {
  EXPECT_FALSE(normalize_doi("10.12/x"));
  EXPECT_FALSE(normalize_doi("not a doi"));
  EXPECT_FALSE(normalize_doi("10.1086/"));
}

TEST(FindDois, FindsEveryDoiInWosBracketList) {
  const auto dois = find_dois("Smith J, 2001, J X, V1, P2, DOI [10.1000/abc, 10.1000/DEF]");
  ASSERT_EQ(dois.size(), 2u);
  EXPECT_EQ(dois[0], "10.1000/abc");
  EXPECT_EQ(dois[1], "10.1000/def");
}

TEST(FindDois, KeepsBalancedParenthesesOfSiciDois) {
  const auto dois = find_dois("(see 10.1002/(SICI)1097-0266(199708)18:7<509::AID-SMJ882>3.0.CO;2-Z)");
  ASSERT_EQ(dois.size(), 1u);
  EXPECT_EQ(dois[0], "10.1002/(sici)1097-0266(199708)18:7<509::aid-smj882>3.0.co;2-z");
}

TEST(NormalizeIsbn, ConvertsIsbn10ToIsbn13) {
  EXPECT_EQ(normalize_isbn("0-226-67709-5"), "9780226677095");
  EXPECT_EQ(normalize_isbn("978-0-226-67709-5"), "9780226677095");
  EXPECT_FALSE(normalize_isbn("0-226-67709-4"));
}

TEST(NormalizeIssn, VerifiesCheckDigit) {
  EXPECT_EQ(normalize_issn("00029602"), "0002-9602");
  EXPECT_FALSE(normalize_issn("0002-9603"));
}

TEST(NormalizeHalId, DropsVersionAndUrl) {
  EXPECT_EQ(normalize_hal_id("hal-02737739v2"), "hal-02737739");
  EXPECT_EQ(normalize_hal_id("https://hal.science/halshs-00300756/document"), "halshs-00300756");
  EXPECT_EQ(normalize_hal_id("tel-04167418"), "tel-04167418");
}

TEST(NormalizeOrcid, VerifiesChecksum) {
  EXPECT_EQ(normalize_orcid("https://orcid.org/0000-0002-1825-0097"), "0000-0002-1825-0097");
  EXPECT_FALSE(normalize_orcid("0000-0002-1825-0098"));
}

}  // namespace
}  // namespace litrev

namespace litrev {
namespace {

TEST(PersonIds, NormalizedFromValuesAndUrls) {
  EXPECT_EQ(normalize_person_id(PersonIdScheme::idref, "https://www.idref.fr/060702494"), "060702494");
  EXPECT_EQ(normalize_person_id(PersonIdScheme::idref, "02695083x"), "02695083X");
  EXPECT_EQ(normalize_person_id(PersonIdScheme::idref, "12345"), std::nullopt);
  EXPECT_EQ(normalize_person_id(PersonIdScheme::researcherid, "http://www.researcherid.com/rid/A-5114-2012"), "A-5114-2012");
  EXPECT_EQ(normalize_person_id(PersonIdScheme::researcherid, "AAG-6517-2019"), "AAG-6517-2019");
  EXPECT_EQ(normalize_person_id(PersonIdScheme::researcherid, "0000-0002-1105-8086"), std::nullopt);
  EXPECT_EQ(normalize_person_id(PersonIdScheme::openalex, "https://openalex.org/A5023888391"), "A5023888391");
  EXPECT_EQ(normalize_person_id(PersonIdScheme::openalex, "W2741809807"), std::nullopt);  // a work, not an author
  EXPECT_EQ(normalize_person_id(PersonIdScheme::scopus, "https://www.scopus.com/authid/detail.uri?authorId=7004212771"),
            "7004212771");
  EXPECT_EQ(normalize_person_id(PersonIdScheme::orcid, "https://orcid.org/0000-0002-1825-0097"), "0000-0002-1825-0097");
  EXPECT_EQ(normalize_person_id(PersonIdScheme::idhal, "marie-sophie-masse"), "marie-sophie-masse");
}

TEST(PersonIds, SchemeNamesRoundTripInStrengthOrder) {
  for (auto s : {PersonIdScheme::orcid, PersonIdScheme::idhal, PersonIdScheme::idref, PersonIdScheme::scopus,
                 PersonIdScheme::openalex, PersonIdScheme::researcherid})
    EXPECT_EQ(person_id_scheme_from_name(person_id_scheme_name(s)), s);
  EXPECT_EQ(person_id_scheme_label(PersonIdScheme::idref), "IdRef");
  EXPECT_LT(PersonIdScheme::orcid, PersonIdScheme::idref);
  EXPECT_EQ(person_id_scheme_from_name("viaf"), std::nullopt);
}

}  // namespace
}  // namespace litrev
