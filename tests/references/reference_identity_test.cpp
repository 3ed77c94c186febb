// Parsed references written in different styles meet under one identity or one key.
// (tests/core/reference_keys_test.cpp checks the keys on hand-made References; this file goes
// through the parsers, as the importers will.)

#include <gtest/gtest.h>

#include "importers/references/reference_parser.hpp"
#include "src/core/reference_keys.hpp"

namespace litrev {
namespace {

Person person(std::string family, std::string given) {
  Person p;
  p.family = std::move(family);
  p.given = std::move(given);
  return p;
}

std::string identity_of(std::string_view raw) { return reference_identity(parse_reference(raw)); }

Work mccarthy_work() {
  Work w;
  w.title = "Resource Mobilization and Social Movements: A Partial Theory";
  w.container = "American Journal of Sociology";
  w.year = 1977;
  w.volume = "82";
  w.issue = "6";
  w.pages = "1212-1241";
  w.contributors.push_back({Role::author, person("McCarthy", "John D.")});
  w.contributors.push_back({Role::author, person("Zald", "Mayer N.")});
  return w;
}

TEST(ReferenceIdentityAcrossStyles, WosWithAndWithoutDoiAndScopusFormAreOneWork) {
  const std::vector<std::string> forms = {
      "MCCARTHY JD, 1977, AM J SOCIOL, V82, P1212, DOI 10.1086/226464",
      "MCCARTHY JD, 1977, AM J SOCIOL, V82, P1212",
      "McCarthy J.D., 1977, AMER J SOCIOL, V82, P1212, DOI DOI 10.1086/226464",
      "McCarthy, J.D., Zald, M.N., Resource mobilization and social movements: A partial theory (1977) "
      "American Journal of Sociology, 82 (6), pp. 1212-1241",
      "McCarthy, J. D., & Zald, M. N. (1977). Resource mobilization and social movements: A partial theory. "
      "American Journal of Sociology, 82(6), 1212-1241.",
  };
  ReferenceIdentities ids;
  std::vector<Reference> refs;
  for (const auto& f : forms) refs.push_back(parse_reference(f));
  for (const auto& r : refs) ids.learn(r);
  for (std::size_t i = 0; i < refs.size(); ++i) EXPECT_EQ(ids.identity(refs[i]), "doi:10.1086/226464") << forms[i];
  // Without any DOI in the set, the locator alone still joins the short and the long forms.
  EXPECT_EQ(identity_of(forms[1]), identity_of(forms[3]));
  EXPECT_EQ(identity_of(forms[1]), identity_of(forms[4]));
}

TEST(ReferenceIdentityAcrossStyles, InitialsAndSpellingsOfTheAuthorDoNotSplitAWork) {
  EXPECT_EQ(identity_of("MCADAM D, 1982, POLITICAL PROCESS DEV"), identity_of("McAdam Doug, 1982, POLITICAL PROCESS DEV"));
  EXPECT_EQ(identity_of("Knorr-Cetina K., 1999, EPISTEMIC CULTURES S"),
            identity_of("Knorr Cetina K., 1999, EPISTEMIC CULTURES"));
}

TEST(ReferenceIdentityAcrossStyles, BookTitlesCutAtDifferentLengthsAreOneWork) {
  const auto a = identity_of("LATOUR B, 1987, SCI ACTION");
  EXPECT_EQ(a, identity_of("Latour B., 1987, SCI ACTION HOW FOLL"));
  EXPECT_EQ(a, identity_of("Latour Bruno, 1987, SCI ACTION, P23"));  // a page cited inside the book
  EXPECT_EQ(a, identity_of("Latour, B., (1987) Science in Action: How to Follow Scientists and Engineers through "
                           "Society, , Cambridge, MA: Harvard University Press"));
}

TEST(ReferenceIdentityAcrossStyles, YearsAndDistinguishingDataKeepWorksApart) {
  EXPECT_NE(identity_of("BOWKER GC, 1999, SORTING THINGS OUT"), identity_of("BOWKER GC, 2000, SORTING THINGS OUT"));
  EXPECT_NE(identity_of("MEYER JW, 1977, AM J SOCIOL, V83, P340"), identity_of("MEYER JW, 1977, AM J SOCIOL, V83, P55"));
  EXPECT_NE(identity_of("Latour B., 1987, SCI ACTION"), identity_of("Latour B., 1987, SOC STUD SCI"));
  EXPECT_NE(identity_of("[Anonymous], 2019, ETH GUID TRUSTW AI"), identity_of("[Anonymous], 2019, EUR GUID AI"));
}

TEST(ReferenceIdentityAcrossStyles, ReferencesFindTheLibraryWorkTheyCite) {
  const auto work = work_keys(mccarthy_work());
  const auto wos = reference_keys(parse_reference("MCCARTHY JD, 1977, AM J SOCIOL, V82, P1212"));
  EXPECT_FALSE(work.locator.empty());
  EXPECT_EQ(wos.locator, work.locator);
  const auto scopus = reference_keys(parse_reference(
      "McCarthy, J.D., Zald, M.N., Resource mobilization and social movements: A partial theory (1977) "
      "American Journal of Sociology, 82 (6), pp. 1212-1241"));
  EXPECT_EQ(scopus.locator, work.locator);
  EXPECT_EQ(scopus.titled, work.titled);

  Work book;
  book.title = "Science in Action";
  book.subtitle = "How to Follow Scientists and Engineers through Society";
  book.year = 1987;
  book.contributors.push_back({Role::author, person("Latour", "Bruno")});
  const auto book_keys = work_keys(book);
  const auto cited = reference_keys(parse_reference("LATOUR B, 1987, SCI ACTION"));
  EXPECT_TRUE(cited.locator.empty());
  EXPECT_EQ(cited.abbreviated, book_keys.abbreviated);
}

}  // namespace
}  // namespace litrev
