#include "src/core/reference_keys.hpp"

#include <gtest/gtest.h>

namespace litrev {
namespace {

Person person(std::string family, std::string given) {
  Person p;
  p.family = std::move(family);
  p.given = std::move(given);
  return p;
}

Person corporate(std::string name) {
  Person p;
  p.literal = std::move(name);
  return p;
}

// A Reference as the WoS parser fills it (the parser itself is tested in tests/references).
Reference ref(std::string family, std::string initials, std::optional<int> year, std::string container,
              std::string volume = {}, std::string page = {}, std::string doi = {}) {
  Reference r;
  r.first_author = std::move(family);
  r.author_initials = std::move(initials);
  r.year = year;
  r.container = std::move(container);
  r.volume = std::move(volume);
  r.first_page = std::move(page);
  r.doi = std::move(doi);
  r.raw = r.first_author + ", " + (year ? std::to_string(*year) : "") + ", " + r.container;
  return r;
}

Work article(std::string family, std::string given, int year, std::string title, std::string container,
             std::string volume, std::string pages, std::string doi = {}) {
  Work w;
  w.contributors.push_back({Role::author, person(std::move(family), std::move(given))});
  w.year = year;
  w.title = std::move(title);
  w.container = std::move(container);
  w.volume = std::move(volume);
  w.pages = std::move(pages);
  if (!doi.empty()) w.ids.push_back({IdScheme::doi, std::move(doi)});
  return w;
}

TEST(FamilyToken, FoldsCaseAccentsParticlesAndPunctuation) {
  EXPECT_EQ(family_token("McCarthy"), "mccarthy");
  EXPECT_EQ(family_token("MCCARTHY"), "mccarthy");
  EXPECT_EQ(family_token("van der Berg"), "berg");
  EXPECT_EQ(family_token("VAN DER BERG"), "berg");
  EXPECT_EQ(family_token("D'Aveni"), "daveni");
  EXPECT_EQ(family_token("Desrosières"), "desrosieres");
  EXPECT_EQ(family_token("Knorr-Cetina"), "knorr");
  EXPECT_EQ(family_token("Knorr Cetina"), "knorr");
  EXPECT_EQ(family_token("le Galès"), "gales");
  EXPECT_EQ(family_token("World Bank"), "worldbank");
  EXPECT_EQ(family_token("United Nations Development Programme"), "unitednationsdevelopmentprogramme");
  EXPECT_EQ(family_token("Joint Research Centre - JRC"), "jointresearchcentrejrc");
  EXPECT_EQ(family_token("[Anonymous]"), "anonymous");
  EXPECT_EQ(family_token("Van"), "van");  // a particle alone is the name
  EXPECT_EQ(family_token(""), "");
}

TEST(IsOrganisationName, TellsOrganisationsFromPeople) {
  EXPECT_TRUE(is_organisation_name("World Commission on Environment and Development"));
  EXPECT_TRUE(is_organisation_name("European Commission"));
  EXPECT_TRUE(is_organisation_name("UN (United Nations)"));
  EXPECT_FALSE(is_organisation_name("Latour Bruno"));
  EXPECT_FALSE(is_organisation_name("VAN DER BERG"));
  EXPECT_FALSE(is_organisation_name("Bank"));
}

TEST(ReferenceKeys, LocatorIsFamilyYearVolumeFirstPageWithoutInitials) {
  const auto k = reference_keys(ref("MCCARTHY", "JD", 1977, "AM J SOCIOL", "82", "1212"));
  EXPECT_EQ(k.locator, "mccarthy|1977|82|1212");
  EXPECT_TRUE(k.abbreviated.empty());  // a located reference never falls back to initials
  EXPECT_EQ(k.locator, reference_keys(ref("McCarthy", "John D", 1977, "Amer. J. Sociol.", "82", "1212")).locator);
}

TEST(ReferenceKeys, NoKeyWithoutYearOrFamily) {
  EXPECT_TRUE(reference_keys(ref("MCCARTHY", "JD", std::nullopt, "AM J SOCIOL", "82", "1212")).locator.empty());
  EXPECT_TRUE(reference_keys(ref("", "", 2002, "NATURE", "417", "898")).locator.empty());
}

TEST(ReferenceKeys, EditionsAreNotVolumes) {
  EXPECT_TRUE(reference_keys(ref("HUGHES", "TP", 1983, "NETWORKS POWER", "2nd", "12")).locator.empty());
  EXPECT_EQ(reference_keys(ref("SMITH", "J", 2001, "J X", "10-11", "0045")).locator, "smith|2001|10-11|45");
}

TEST(ReferenceKeys, TitledKeyUsesTheFirstFiveSignificantWords) {
  Reference r = ref("Meyer", "J.W.", 1977, "American Journal of Sociology");
  r.title = "Institutionalized Organizations: Formal Structure as Myth and Ceremony";
  EXPECT_EQ(reference_keys(r).titled, "meyer|1977|institutionalized organizations formal structure myth");
}

TEST(ReferenceIdentity, DoiWinsAndIsCaseInsensitive) {
  EXPECT_EQ(reference_identity(ref("MCCARTHY", "JD", 1977, "AM J SOCIOL", "82", "1212", "10.1086/226464")),
            "doi:10.1086/226464");
  EXPECT_EQ(reference_identity(ref("X", "", 2000, "Y", "", "", "10.1086/ABC")), "doi:10.1086/abc");
}

TEST(ReferenceIdentity, SameLocatorIsOneWorkWhateverTheInitialsOrSource) {
  EXPECT_EQ(reference_identity(ref("MCADAM", "D", 1986, "AM J SOCIOL", "92", "64")),
            reference_identity(ref("McAdam", "Doug", 1986, "American Journal of Sociology", "92", "64")));
  EXPECT_EQ(reference_identity(ref("MCCARTHY", "JD", 1977, "AM J SOCIOL", "82", "1212")), "ref:mccarthy|1977|82|1212");
}

TEST(ReferenceIdentity, BooksMeetOnTheInitialsOfTheirFirstTitleWords) {
  const auto a = reference_identity(ref("LATOUR", "B", 1987, "SCI ACTION"));
  EXPECT_EQ(a, reference_identity(ref("Latour", "B.", 1987, "SCI ACTION HOW FOLL")));
  EXPECT_EQ(a, reference_identity(ref("Latour", "Bruno", 1987, "SCI ACTION", "", "23")));
  Reference scopus = ref("Latour", "B.", 1987, "");
  scopus.title = "Science in Action: How to Follow Scientists and Engineers through Society";
  EXPECT_EQ(a, reference_identity(scopus));
  // "The New Institutionalism in Organizational Analysis" is "NEW I ORG ANAL" in WoS.
  Reference powell = ref("Powell", "W.W.", 1991, "");
  powell.title = "The New Institutionalism in Organizational Analysis";
  EXPECT_EQ(reference_identity(ref("POWELL", "WW", 1991, "NEW I ORG ANAL")), reference_identity(powell));
}

TEST(ReferenceIdentity, YearVariantsAndDifferentWorksStayApart) {
  EXPECT_NE(reference_identity(ref("BOWKER", "GC", 1999, "SORTING THINGS OUT")),
            reference_identity(ref("BOWKER", "GC", 2000, "SORTING THINGS OUT")));
  EXPECT_NE(reference_identity(ref("MEYER", "JW", 1977, "AM J SOCIOL", "83", "340")),
            reference_identity(ref("MEYER", "JW", 1977, "AM J SOCIOL", "83", "55")));
  EXPECT_NE(reference_identity(ref("LATOUR", "B", 1987, "SCI ACTION")),
            reference_identity(ref("LATOUR", "B", 1987, "SOC STUD SCI")));
  EXPECT_NE(reference_identity(ref("SMITH", "J", 2020, "J CLEAN PROD", "250")),
            reference_identity(ref("SMITH", "J", 2020, "J CLEAN PROD", "251")));
  // Without a person, two unrelated anonymous items of one year must not meet on two initials.
  EXPECT_NE(reference_identity(ref("[Anonymous]", "", 2019, "ETH GUID TRUSTW AI")),
            reference_identity(ref("[Anonymous]", "", 2019, "EUR GEN AI")));
}

TEST(ReferenceIdentity, TextWithoutAuthorOrYearIsIdentifiedByItsWords) {
  Reference r;
  r.raw = "[No title captured]";
  EXPECT_EQ(reference_identity(r), "raw:no title captured");
  // Undated items keep their source words: two annual reports of one body stay apart.
  EXPECT_NE(reference_identity(ref("CALLON", "M", std::nullopt, "MARKET DEVICES")),
            reference_identity(ref("CALLON", "M", std::nullopt, "MARKET MATTERS")));
  Reference report = ref("JAARVERSLAG 1993", "", std::nullopt, "");
  report.raw = "JAARVERSLAG 1993 199";
  Reference other = ref("JAARVERSLAG 1994", "", std::nullopt, "");
  other.raw = "JAARVERSLAG 1994 199";
  EXPECT_NE(reference_identity(report), reference_identity(other));
}

TEST(ReferenceIdentities, GivesTheDoiIdentityToTheSameWorkWrittenWithoutIt) {
  const auto with_doi = ref("MCCARTHY", "JD", 1977, "AM J SOCIOL", "82", "1212", "10.1086/226464");
  const auto without = ref("McCarthy", "J.D.", 1977, "American Journal of Sociology", "82", "1212");
  const auto other = ref("MEYER", "JW", 1977, "AM J SOCIOL", "83", "340");
  ReferenceIdentities ids;
  for (const auto* r : {&with_doi, &without, &other}) ids.learn(*r);
  EXPECT_EQ(ids.identity(without), "doi:10.1086/226464");
  EXPECT_EQ(ids.identity(with_doi), "doi:10.1086/226464");
  EXPECT_EQ(ids.identity(other), reference_identity(other));
  EXPECT_EQ(ids.doi_for_locator("mccarthy|1977|82|1212"), "10.1086/226464");
}

TEST(ReferenceIdentities, PrefersTheDoiWrittenMostOftenAndDoesNotDependOnOrder) {
  const auto a = ref("WYNNE", "B", 1992, "PUBLIC UNDERST SCI", "1", "281", "10.1088/0963-6625/1/3/004");
  const auto b = ref("WYNNE", "B", 1992, "PUBLIC UNDERST SCI", "1", "281", "10.1017/typo");
  ReferenceIdentities forward, backward;
  for (const auto* r : {&a, &a, &b}) forward.learn(*r);
  for (const auto* r : {&b, &a, &a}) backward.learn(*r);
  const auto none = ref("Wynne", "B.", 1992, "PUBLIC UNDERST SCI", "1", "281");
  EXPECT_EQ(forward.identity(none), "doi:10.1088/0963-6625/1/3/004");
  EXPECT_EQ(backward.identity(none), forward.identity(none));
}

TEST(WorkKeys, AWorkAndAShortReferenceToItShareLocatorAndDoi) {
  const auto work = work_keys(article("McCarthy", "John D.", 1977, "Resource Mobilization and Social Movements",
                                      "American Journal of Sociology", "82", "1212-1241", "10.1086/226464"));
  const auto cited = reference_keys(ref("MCCARTHY", "JD", 1977, "AM J SOCIOL", "82", "1212", "10.1086/226464"));
  EXPECT_EQ(work.doi, cited.doi);
  EXPECT_EQ(work.locator, cited.locator);
  EXPECT_EQ(work.locator, "mccarthy|1977|82|1212");
  // An en dash in the page range and leading zeros change nothing.
  EXPECT_EQ(work_keys(article("McCarthy", "J", 1977, "T", "J", "82", "01212\xE2\x80\x93"
                                                                  "1241"))
                .locator,
            work.locator);
}

TEST(WorkKeys, TitleAndSubtitleTogetherGiveTheTitledKey) {
  Work w = article("Bowker", "Geoffrey C.", 1999, "Sorting Things Out", "", "", "");
  w.subtitle = "Classification and Its Consequences";
  Reference r = ref("Bowker", "G.C.", 1999, "");
  r.title = "Sorting things out: classification and its consequences";
  EXPECT_EQ(work_keys(w).titled, reference_keys(r).titled);
  EXPECT_EQ(work_keys(w).abbreviated, reference_keys(ref("BOWKER", "GC", 1999, "SORTING THINGS OUT C")).abbreviated);
}

TEST(WorkKeys, CorporateAuthorsAndEditorsStandInForAMissingPerson) {
  Work report;
  report.contributors.push_back({Role::author, corporate("High-Level Expert Group on Artificial Intelligence")});
  report.year = 2019;
  report.title = "Ethics Guidelines for Trustworthy AI";
  EXPECT_EQ(work_keys(report).abbreviated,
            reference_keys(ref("High-Level Expert Group on Artificial Intelligence", "", 2019, "ETH GUID TRUSTW AI"))
                .abbreviated);
  Work edited;
  edited.contributors.push_back({Role::editor, person("Powell", "Walter W.")});
  edited.year = 1991;
  edited.title = "The New Institutionalism in Organizational Analysis";
  EXPECT_EQ(work_keys(edited).abbreviated, reference_keys(ref("POWELL", "WW", 1991, "NEW I ORG ANAL")).abbreviated);
}

TEST(ReferenceLabel, HoldsFamilyNameAndYearInReadableCase) {
  EXPECT_EQ(reference_label(ref("MCCARTHY", "JD", 1977, "AM J SOCIOL", "82", "1212")),
            "McCarthy JD, 1977, Am J Sociol, 82, 1212");
  EXPECT_EQ(reference_label(ref("Latour", "B", 1987, "SCI ACTION")), "Latour B, 1987, Sci Action");
  Reference raw_only;
  raw_only.raw = "  some   free text ";
  EXPECT_EQ(reference_label(raw_only), "some free text");
}

}  // namespace
}  // namespace litrev

namespace litrev {
namespace {

TEST(ReferenceLabel, ADescribedReferenceReadsAsAPersonCitesIt) {
  Reference r;
  r.openalex = "W1";
  r.first_author = "Latour";
  r.author_initials = "B";
  r.year = 1987;
  r.title = "Science in Action";
  r.container = "Harvard University Press";
  EXPECT_EQ(reference_label(r), "Latour, B. (1987). Science in Action. Harvard University Press.");
  r.author_initials = "J-C";
  r.container.clear();
  EXPECT_EQ(reference_label(r), "Latour, J.-C. (1987). Science in Action.");
  r.author_initials = "WW";
  EXPECT_EQ(reference_label(r), "Latour, W. W. (1987). Science in Action.");
  EXPECT_EQ(reference_identity(r), "openalex:W1");
  r.doi = "10.1234/x";
  EXPECT_EQ(reference_identity(r), "doi:10.1234/x") << "a DOI, when known, is the identity";
}

TEST(ReferenceLabel, ADescribedReferenceNamesTwoAuthorsOrTheFirstEtAl) {
  Reference r;
  r.openalex = "W2";
  r.first_author = "Latour";
  r.author_initials = "B";
  r.year = 1979;
  r.title = "Laboratory Life";
  r.authors = {{"Latour", "B"}, {"Woolgar", "S"}};
  EXPECT_EQ(reference_label(r), "Latour, B., & Woolgar, S. (1979). Laboratory Life.");
  r.authors.push_back({"Salk", "J"});
  EXPECT_EQ(reference_label(r), "Latour, B., et al. (1979). Laboratory Life.");
}

TEST(ReferenceLabel, AWosReferenceKeepsItsShortForm) {
  Reference r;
  r.first_author = "LATOUR";
  r.author_initials = "B";
  r.year = 1987;
  r.container = "SCI ACTION";
  EXPECT_EQ(reference_label(r), "Latour B, 1987, Sci Action");
}

}  // namespace
}  // namespace litrev
