// RawEntry -> ImportRecord on entries built by hand (no parser involved).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "importers/bibtex/bibtex_records.hpp"
#include "src/core/identifiers.hpp"

namespace litrev::bibtex {
namespace {

RawEntry entry(std::string type, std::string key, std::vector<std::pair<std::string, std::string>> fields) {
  RawEntry e;
  e.type = std::move(type);
  e.key = std::move(key);
  e.line = 10;
  e.column = 1;
  std::uint32_t line = 11;
  for (auto& [name, value] : fields) e.fields.push_back({std::move(name), std::move(value), line++, 3});
  return e;
}

ImportRecord record(RawEntry e, std::span<const RawField> inherited = {}) {
  return make_import_record(std::move(e), inherited, "test.bib");
}

std::vector<std::string> ids(const Work& w) {
  std::vector<std::string> out;
  for (const auto& id : w.ids) out.push_back(std::string(id_scheme_name(id.scheme)) + ":" + id.value);
  return out;
}

// Web of Science's `Address` is the publisher's street address: no place of publication.
TEST(RecordMapping, WebOfScienceAddressIsNoPlace) {
  const auto wos = record(entry("book", "k", {{"title", "T"},
                                              {"address", "233 SPRING ST, NEW YORK, NY 10013 USA"},
                                              {"unique-id", "WOS:000123456700001"}}));
  EXPECT_EQ(wos.work.place, "");
  EXPECT_EQ(record(entry("book", "k", {{"address", "Paris"}})).work.place, "Paris");
  EXPECT_EQ(record(entry("book", "k", {{"location", "Berlin"}, {"unique-id", "ISI:000123"}})).work.place, "Berlin");
}

TEST(RecordMapping, ReadableValuesAreDecodedAndAliasesAgree) {
  const auto r = record(entry("article", "k", {{"author", "G{\\\"o}del, Kurt and Doe, J."},
                                               {"title", "{\\\"U}ber {SQL}"},
                                               {"journaltitle", "Monatshefte"},
                                               {"journal", "Ignored Because journaltitle Wins"},
                                               {"number", "3"},
                                               {"issue", "Spring"},
                                               {"pages", "173--198"},
                                               {"address", "Wien"},
                                               {"langid", "german"},
                                               {"year", "1931"}}));
  const Work& w = r.work;
  EXPECT_EQ(w.key, "k");
  EXPECT_EQ(w.type, "article");
  EXPECT_EQ(w.title, "Über SQL");
  EXPECT_EQ(w.container, "Monatshefte");
  EXPECT_EQ(w.issue, "3");
  EXPECT_EQ(w.pages, "173-198");
  EXPECT_EQ(w.place, "Wien");
  EXPECT_EQ(w.language, "german");
  EXPECT_EQ(w.year, 1931);
  ASSERT_EQ(w.contributors.size(), 2u);
  EXPECT_EQ(w.contributors[0].person.family, "Gödel");
  EXPECT_TRUE(r.warnings.empty());
}

TEST(RecordMapping, SourceRecordKeepsEveryFieldExactlyAsRead) {
  const auto r = record(entry("phdthesis", " ISI:0001", {{"title", "{The {SQL} Book}"},
                                                         {"usage-count-(last-180-days)", "3"},
                                                         {"title", "second title"}}));
  EXPECT_EQ(r.source.source_kind, "bibtex");
  EXPECT_EQ(r.source.entry_type, "phdthesis");
  EXPECT_EQ(r.source.original_key, " ISI:0001");
  EXPECT_EQ(r.source.line, 10u);
  ASSERT_EQ(r.source.fields.size(), 3u);
  EXPECT_EQ(r.source.fields[0].value, "{The {SQL} Book}");
  EXPECT_EQ(r.source.fields[1].name, "usage-count-(last-180-days)");
  EXPECT_EQ(r.work.title, "The SQL Book") << "the first of two title fields";
  EXPECT_EQ(r.work.type, "thesis");
}

TEST(RecordMapping, ContainerAndPublisherFallBacks) {
  EXPECT_EQ(record(entry("inbook", "k", {{"booktitle", "B"}, {"maintitle", "M"}})).work.container, "B");
  EXPECT_EQ(record(entry("book", "k", {{"maintitle", "M"}})).work.container, "M");
  EXPECT_EQ(record(entry("phdthesis", "k", {{"school", "MIT"}})).work.publisher, "MIT");
  EXPECT_EQ(record(entry("manual", "k", {{"organization", "W3C"}})).work.publisher, "W3C");
  EXPECT_EQ(record(entry("report", "k", {{"institution", "CNRS"}, {"publisher", "P"}})).work.publisher, "P");
}

TEST(RecordMapping, IdentifiersInEveryUsualSpelling) {
  const auto a = record(entry("article", "k", {{"doi", "https://doi.org/10.1086/226550"},
                                               {"isbn", "0-19-852663-6, 978-3-16-148410-0"},
                                               {"issn", "0002-9602"},
                                               {"eissn", "1537-5390"},
                                               {"pmid", "12345678"},
                                               {"pmcid", "PMC1234567"},
                                               {"unique-id", "{ISI:000368244000004}"},
                                               {"eid", "2-s2.0-84937598573"},
                                               {"hal_id", "hal-01234567v3"}}));
  EXPECT_EQ(ids(a.work), (std::vector<std::string>{"doi:10.1086/226550", "isbn:9780198526636", "isbn:9783161484100",
                                                   "issn:0002-9602", "issn:1537-5390", "hal:hal-01234567",
                                                   "pmid:12345678", "pmcid:PMC1234567", "wos:WOS:000368244000004",
                                                   "scopus:2-s2.0-84937598573"}));
  const auto b = record(entry("online", "k", {{"url", "https://doi.org/10.1000/xyz\\_1"},
                                              {"eprint", "arXiv:1706.03762v5"},
                                              {"archiveprefix", "arXiv"}}));
  EXPECT_EQ(ids(b.work), (std::vector<std::string>{"doi:10.1000/xyz_1", "arxiv:1706.03762"}));
  EXPECT_EQ(b.work.url, "https://doi.org/10.1000/xyz_1");
  const auto c = record(entry("misc", "k", {{"url", "https://theses.hal.science/tel-00765432"},
                                            {"eprint", "31452104"},
                                            {"eprinttype", "pubmed"}}));
  EXPECT_EQ(ids(c.work), (std::vector<std::string>{"pmid:31452104", "hal:tel-00765432"}));
  const auto d = record(entry("misc", "k", {{"url", "https://www.scopus.com/inward/record.uri?eid=2-s2.0-85012345678&partnerID=40"}}));
  EXPECT_EQ(ids(d.work), (std::vector<std::string>{"scopus:2-s2.0-85012345678"}));
}

TEST(RecordMapping, InvalidIdentifiersAreWarningsWithTheirField) {
  const auto r = record(entry("book", "bad", {{"isbn", "123"}, {"doi", "n/a"}}));
  EXPECT_TRUE(r.work.ids.empty());
  ASSERT_EQ(r.warnings.size(), 2u);
  EXPECT_EQ(r.warnings[0].field, "doi");
  EXPECT_EQ(r.warnings[0].message, "doi 'n/a' is not a DOI; kept in the fields (entry 'bad')");
  EXPECT_EQ(r.warnings[0].line, 12u);
  EXPECT_EQ(r.warnings[1].field, "isbn");
  EXPECT_EQ(r.warnings[0].severity, Diagnostic::Severity::warning);
}

TEST(RecordMapping, KeywordsSplitOnSemicolonsElseCommas) {
  EXPECT_EQ(split_keywords("a, b; c d"), (std::vector<std::string>{"a, b", "c d"}));
  EXPECT_EQ(split_keywords("ethics, {AI, trust}, caf{\\'e}"), (std::vector<std::string>{"ethics", "AI, trust", "café"}));
  EXPECT_EQ(split_keywords("{{gender; science}}"), (std::vector<std::string>{"gender", "science"}));
  const auto r = record(entry("article", "k", {{"keywords", "AI; Ethics"}, {"author_keywords", "ethics; Trust"}}));
  EXPECT_EQ(r.work.keywords, (std::vector<std::string>{"AI", "Ethics", "Trust"}));
}

TEST(RecordMapping, CitesFieldItemsAreKeysOrDois) {
  const auto refs = parse_cites_field("smith2020, doi:10.1086/226550; https://doi.org/10.2307/2095101\n jones1999 10.1000/ABC");
  ASSERT_EQ(refs.size(), 5u);
  EXPECT_EQ(refs[0].cite_key, "smith2020");
  EXPECT_EQ(refs[0].raw, "smith2020");
  EXPECT_EQ(refs[1].doi, "10.1086/226550");
  EXPECT_TRUE(refs[1].cite_key.empty());
  EXPECT_EQ(refs[2].doi, "10.2307/2095101");
  EXPECT_EQ(refs[3].cite_key, "jones1999");
  EXPECT_EQ(refs[4].doi, "10.1000/abc");
}

TEST(RecordMapping, WosAndScopusReferencesAreSplitParsedAndKeepTheirText) {
  const auto r = record(entry("article", "k",
                              {{"cited-references", "{MCCARTHY JD, 1977, AM J SOCIOL, V82, P1212, DOI 10.1086/226464.\n"
                                                    "Latour B., 1987, SCI ACTION}"},
                               {"references", "Meyer, J.W., Rowan, B., Institutionalized organizations (1977) "
                                              "American Journal of Sociology, 83 (2), pp. 340-363; Power, M., (1997) "
                                              "The Audit Society, , Oxford University Press"},
                               {"times-cited", "{{42}}"}}));
  ASSERT_EQ(r.work.references.size(), 4u);
  EXPECT_EQ(r.work.references[0].doi, "10.1086/226464");
  EXPECT_EQ(r.work.references[0].first_author, "MCCARTHY");
  EXPECT_EQ(r.work.references[0].year, 1977);
  EXPECT_EQ(r.work.references[1].raw, "Latour B., 1987, SCI ACTION");
  EXPECT_EQ(r.work.references[2].first_author, "Meyer");
  EXPECT_EQ(r.work.references[2].year, 1977);
  EXPECT_EQ(r.work.references[3].first_author, "Power");
  EXPECT_EQ(r.work.global_citations, 42);
  EXPECT_EQ(record(entry("article", "k", {{"note", "cited By 7"}})).work.global_citations, 7);
}

TEST(RecordMapping, WosOrcidNumbersGoToTheirAuthors) {
  const auto r = record(entry("article", "k", {{"author", "Merigo, Jose M. and Soriano, Domingo Ribeiro and Merigo, Ana"},
                                               {"orcid-numbers", "{Soriano, Domingo Ribeiro/0000-0003-3222-9101 "
                                                                 "Merigo, Jose M./0000-0002-4672-6961}"}}));
  ASSERT_EQ(r.work.contributors.size(), 3u);
  EXPECT_EQ(r.work.contributors[0].person.orcid, "0000-0002-4672-6961");
  EXPECT_EQ(r.work.contributors[1].person.orcid, "0000-0003-3222-9101");
  EXPECT_EQ(r.work.contributors[2].person.orcid, "") << "another Merigo, another initial";
}

// The issue seen on a real WoS export: "Zhang, Jiahui/0000-0002-9059-7546" went to the first
// "Zhang, J*" author of each record (Zhang, Jun; Zhang, Jian...).
TEST(RecordMapping, WosOrcidIsMatchedByFullNameNeverToAnotherAuthor) {
  const auto r = record(entry("article", "k", {{"author", "Zhang, Jun and Li, Wei and Zhang, Jiahui"},
                                               {"orcid-numbers", "{Zhang, Jiahui/0000-0002-9059-7546}"}}));
  ASSERT_EQ(r.work.contributors.size(), 3u);
  EXPECT_EQ(r.work.contributors[0].person.orcid, "");
  EXPECT_EQ(r.work.contributors[2].person.orcid, "0000-0002-9059-7546");
  // The named author is not on this record: nobody gets it.
  const auto absent = record(entry("article", "k", {{"author", "Zhang, Jun and Zhang, Jian and Zhang, J.-R."},
                                                    {"orcid-numbers", "{Zhang, Jiahui/0000-0002-9059-7546}"}}));
  for (const auto& c : absent.work.contributors) EXPECT_EQ(c.person.orcid, "") << c.person.given;
}

TEST(RecordMapping, WosOrcidGoesToTheOnlyAuthorItsNameFits) {
  // WoS author lists in initials: "Zhang, J." is the only Zhang that "Zhang, Jiahui" can be.
  const auto r = record(entry("article", "k", {{"author", "Li, W. and Zhang, J."},
                                               {"orcid-numbers", "{Zhang, Jiahui/0000-0002-9059-7546}"}}));
  EXPECT_EQ(r.work.contributors[1].person.orcid, "0000-0002-9059-7546");
  // Two authors it could be: it goes to neither.
  const auto two = record(entry("article", "k", {{"author", "Zhang, J. and Zhang, J."},
                                                 {"orcid-numbers", "{Zhang, Jiahui/0000-0002-9059-7546}"}}));
  EXPECT_EQ(two.work.contributors[0].person.orcid, "");
  EXPECT_EQ(two.work.contributors[1].person.orcid, "");
}

TEST(RecordMapping, WosResearcherIdsGoToTheirAuthors) {
  const auto r = record(entry("article", "k", {{"author", "Zschech, Patrick and Janiesch, Christian"},
                                               {"researcherid-numbers", "{Zschech, Patrick/AAG-6517-2019\n"
                                                                        "   Janiesch, Christian/HZJ-2795-2023}"}}));
  ASSERT_EQ(r.work.contributors.size(), 2u);
  ASSERT_EQ(r.work.contributors[1].person.ids.size(), 1u);
  EXPECT_EQ(r.work.contributors[1].person.ids[0], (PersonId{PersonIdScheme::researcherid, "HZJ-2795-2023"}));
  EXPECT_EQ(r.work.contributors[0].person.ids[0].value, "AAG-6517-2019");
}

TEST(RecordMapping, ScopusAffiliationMarkersLeaveTheNames) {
  const auto r = record(entry("article", "k", {{"author", "Guler, A.T.a  and Waaijer, C.J.F.b  and Zhang, P.a  b  c and "
                                                         "Archambault, {\\'E}.a and Smith, Anna"}}));
  ASSERT_EQ(r.work.contributors.size(), 5u);
  EXPECT_EQ(r.work.contributors[0].person.given, "A.T.");
  EXPECT_EQ(r.work.contributors[1].person.given, "C.J.F.");
  EXPECT_EQ(r.work.contributors[2].person.given, "P.");
  EXPECT_EQ(r.work.contributors[3].person.given, "\u00c9.");
  EXPECT_EQ(r.work.contributors[4].person.given, "Anna");
}

TEST(RecordMapping, InheritedFieldsFeedTheWorkButNotTheSource) {
  const RawEntry parent = entry("proceedings", "p", {{"title", "Proc"}, {"year", "2020"}, {"publisher", "ACM"}});
  const RawEntry child = entry("inproceedings", "c", {{"title", "Paper"}, {"crossref", "p"}});
  std::vector<Diagnostic> warnings;
  const auto inherited = inherited_fields(child, [&](std::string_view key) { return key == "p" ? &parent : nullptr; },
                                          warnings, "test.bib");
  EXPECT_TRUE(warnings.empty());
  const auto r = record(child, inherited);
  EXPECT_EQ(r.work.title, "Paper");
  EXPECT_EQ(r.work.container, "Proc");
  EXPECT_EQ(r.work.year, 2020);
  EXPECT_EQ(r.work.publisher, "ACM");
  ASSERT_EQ(r.source.fields.size(), 2u);
  EXPECT_EQ(r.source.fields[1].name, "crossref");
}

TEST(RecordMapping, OwnYearHidesAnInheritedDateButAMonthTakesTheParentsYear) {
  const RawEntry parent = entry("proceedings", "p", {{"date", "2010-05"}});
  const auto lookup = [&](std::string_view key) { return key == "p" ? &parent : nullptr; };
  std::vector<Diagnostic> warnings;
  const RawEntry own_year = entry("inproceedings", "c", {{"year", "2009"}, {"crossref", "p"}});
  EXPECT_EQ(record(own_year, inherited_fields(own_year, lookup, warnings, "t")).work.date, "2009");
  const RawEntry parent_year = entry("proceedings", "q", {{"year", "1974"}});
  const RawEntry own_month = entry("inbook", "c", {{"month", "jan"}, {"crossref", "q"}});
  const auto lookup_q = [&](std::string_view key) { return key == "q" ? &parent_year : nullptr; };
  EXPECT_EQ(record(own_month, inherited_fields(own_month, lookup_q, warnings, "t")).work.date, "1974-01");
}

TEST(RecordMapping, ParentKeysOfCrossrefAndXdata) {
  const auto keys = parent_keys(entry("book", "k", {{"xdata", "a, {b} ,c"}, {"crossref", " p "}, {"xdata", "d"}}));
  EXPECT_EQ(keys.crossref, "p");
  EXPECT_EQ(keys.xdata, (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_TRUE(parent_keys(entry("book", "k", {{"title", "t"}})).empty());
}

TEST(RecordMapping, UnescapesVerbatimValues) {
  EXPECT_EQ(unescape_verbatim("{http://x.org/a\\_b\\%20c\\&d}"), "http://x.org/a_b%20c&d");
  EXPECT_EQ(unescape_verbatim("10.1002/{ISSN}1234"), "10.1002/ISSN1234");
  EXPECT_EQ(unescape_verbatim("\\url{https://x.org/a\\_b}"), "https://x.org/a_b");
}

}  // namespace
}  // namespace litrev::bibtex
