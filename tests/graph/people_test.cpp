#include <gtest/gtest.h>

#include <set>

#include "corpus_builder.hpp"
#include "graph/people.hpp"

namespace litrev {
namespace {

// Group of a person, for short assertions.
struct Grouped {
  AuthorGroups groups;
  std::uint32_t of(std::uint32_t person) const { return groups.group_of_person[person]; }
  const AuthorGroup& group(std::uint32_t person) const { return groups.groups[of(person)]; }
};

Grouped grouped(const test::CorpusBuilder& b, const AuthorOverrides& overrides = {}) {
  return {group_authors(b.corpus(), overrides)};
}

TEST(GroupAuthors, NameVariantsOfOnePersonAreOneAuthor) {
  test::CorpusBuilder b;
  const auto p0 = b.person("Powell", "W. W.");
  const auto p1 = b.person("Powell", "Walter W.");
  const auto p2 = b.person("DiMaggio", "Paul J.");
  const auto g = grouped(b);
  EXPECT_EQ(g.groups.groups.size(), 2u);
  EXPECT_EQ(g.of(p0), g.of(p1));
  EXPECT_NE(g.of(p0), g.of(p2));
  EXPECT_EQ(g.group(p0).key, "name:powell|walter-w");
  EXPECT_EQ(g.group(p0).name, "Powell, Walter W.");  // the fullest form is shown
  EXPECT_EQ(g.group(p0).people, (std::vector<std::uint32_t>{p0, p1}));
}

// Issue 7: "Walter" / "Walter W." / "W. W." are one person.
TEST(GroupAuthors, PrefixAndInitialsOfTheOnlyFullNameJoinIt) {
  test::CorpusBuilder b;
  const auto walter = b.person("Powell", "Walter");
  const auto ww = b.person("Powell", "Walter W.");
  const auto initials = b.person("Powell", "W. W.");
  const auto wos = b.person("POWELL", "WW");
  const auto bare = b.person("Powell", "");
  const auto g = grouped(b);
  EXPECT_EQ(g.groups.groups.size(), 1u);
  for (auto p : {walter, initials, wos, bare}) EXPECT_EQ(g.of(p), g.of(ww));
  EXPECT_EQ(g.groups.why[walter].rule, JoinRule::given_name_fits);
  EXPECT_EQ(g.groups.why[walter].via, ww);
  EXPECT_EQ(g.groups.why[initials].rule, JoinRule::initials_fit);
  EXPECT_EQ(g.groups.why[wos].rule, JoinRule::same_name);  // "WW" and "W. W." are one folded name
  EXPECT_EQ(g.groups.why[bare].rule, JoinRule::family_name_only);
  EXPECT_EQ(g.groups.why[ww].rule, JoinRule::first);
}

// Issue 7: Moon, Jeremy / Jewoong / Jae Yun were one group ("moon|j...").
TEST(GroupAuthors, DifferentFullGivenNamesStayApart) {
  test::CorpusBuilder b;
  const auto jeremy = b.person("Moon", "Jeremy");
  const auto jewoong = b.person("Moon", "Jewoong");
  const auto jae_yun = b.person("Moon", "Jae Yun");
  const auto jy = b.person("MOON", "JY");
  const auto g = grouped(b);
  EXPECT_NE(g.of(jeremy), g.of(jewoong));
  EXPECT_NE(g.of(jeremy), g.of(jae_yun));
  EXPECT_NE(g.of(jewoong), g.of(jae_yun));
  // "JY" fits only "Jae Yun" ("Jeremy" and "Jewoong" have one given name).
  EXPECT_EQ(g.of(jy), g.of(jae_yun));
  EXPECT_EQ(g.group(jae_yun).key, "name:moon|jae-yun");
  EXPECT_EQ(g.group(jeremy).key, "name:moon|jeremy");
}

// Issue 7: "Williams, R" beside "Williams, Robin" and "Williams, Raymond" could be either.
TEST(GroupAuthors, InitialsFittingTwoAuthorsStayOnTheirOwn) {
  test::CorpusBuilder b;
  const auto robin = b.person("Williams", "Robin");
  const auto raymond = b.person("Williams", "Raymond");
  const auto r = b.person("Williams", "R");
  const auto rb = b.person("Williams", "R.b");  // a Scopus affiliation marker stored before it was stripped
  const auto g = grouped(b);
  EXPECT_EQ(g.groups.groups.size(), 3u);
  EXPECT_NE(g.of(r), g.of(robin));
  EXPECT_NE(g.of(r), g.of(raymond));
  EXPECT_EQ(g.of(rb), g.of(r));
  EXPECT_EQ(g.group(r).ambiguous_among, 2u);
  EXPECT_EQ(describe_join(g.groups, b.corpus().people, r), "fits 2 authors: kept apart");
  // With one Williams R only, it joins.
  test::CorpusBuilder one;
  const auto robin1 = one.person("Williams", "Robin");
  const auto r1 = one.person("Williams", "R.");
  EXPECT_EQ(grouped(one).of(r1), grouped(one).of(robin1));
}

TEST(GroupAuthors, ShorterFormsOfOneFullNameJoinIt) {
  // "Paul" and "P. J." are both forms of "Paul J." (though not of each other).
  test::CorpusBuilder b;
  const auto full = b.person("DiMaggio", "Paul J.");
  const auto paul = b.person("DiMaggio", "Paul");
  const auto pj = b.person("DIMAGGIO", "PJ");
  const auto p = b.person("DiMaggio", "P.");
  const auto g = grouped(b);
  EXPECT_EQ(g.groups.groups.size(), 1u);
  for (auto x : {paul, pj, p}) EXPECT_EQ(g.of(x), g.of(full));
}

TEST(GroupAuthors, ContradictingFormsOfOneTierAreBothKeptApart) {
  // "John A." and "John B." both fit the identified "John", but not each other: neither joins.
  test::CorpusBuilder b;
  const auto john = b.person("Smith", "John", "0000-0001-0000-0001");
  const auto ja = b.person("Smith", "John A.");
  const auto jb = b.person("Smith", "John B.");
  const auto g = grouped(b);
  EXPECT_NE(g.of(ja), g.of(john));
  EXPECT_NE(g.of(jb), g.of(john));
  EXPECT_NE(g.of(ja), g.of(jb));
  // Without the identified John, "John" is less specific than both: it fits two authors.
  test::CorpusBuilder plain;
  const auto john2 = plain.person("Smith", "John");
  const auto ja2 = plain.person("Smith", "John A.");
  plain.person("Smith", "John B.");
  const auto g2 = grouped(plain);
  EXPECT_NE(g2.of(john2), g2.of(ja2));
  EXPECT_EQ(g2.group(john2).ambiguous_among, 2u);
}

TEST(GroupAuthors, AccentsHyphensAndCaseAreFolded) {
  test::CorpusBuilder b;
  const auto a = b.person("Le Galès", "Patrick");
  const auto c = b.person("LE GALES", "P");
  const auto d = b.person("Nguyen", "Jae-Yun");
  const auto e = b.person("NGUYEN", "Jae Yun");
  const auto f = b.person("Nguyen", "Jaeyun");
  const auto jean = b.person("Dupont", "Jean");
  const auto jp = b.person("Dupont", "Jean-Pierre");
  const auto g = grouped(b);
  EXPECT_EQ(g.of(a), g.of(c));
  EXPECT_EQ(g.of(d), g.of(e));
  EXPECT_EQ(g.groups.why[e].rule, JoinRule::same_name);
  EXPECT_EQ(g.of(f), g.of(d));
  EXPECT_NE(g.of(jean), g.of(jp));  // a hyphenated name is one name
}

TEST(GroupAuthors, NameWithoutSplitFieldsIsParsed) {
  test::CorpusBuilder b;
  const auto split = b.person("Espeland", "Wendy Nelson");
  CorpusPerson whole;
  whole.person_id = 999;
  whole.name = "Espeland, Wendy Nelson";
  b.corpus().people.push_back(whole);
  const auto g = grouped(b);
  EXPECT_EQ(g.of(split), g.of(static_cast<std::uint32_t>(b.corpus().people.size() - 1)));
}

TEST(GroupAuthors, IdentifiersWinAndHomonymsStayApart) {
  test::CorpusBuilder b;
  const auto a1 = b.person("Martin", "J.", "0000-0001-0000-0001");
  const auto a2 = b.person("Martin", "Julie", "0000-0001-0000-0001");
  const auto b1 = b.person("Martin", "Jacques", "0000-0002-0000-0002");
  const auto unknown = b.person("Martin", "J.");
  const auto hal = b.person("Lascoumes", "Pierre", "", "pierre-lascoumes");
  const auto hal2 = b.person("Lascoumes", "P.");
  const auto g = grouped(b);
  EXPECT_EQ(g.of(a1), g.of(a2));  // one ORCID
  EXPECT_EQ(g.groups.why[a2].rule, JoinRule::identifier);
  EXPECT_EQ(g.groups.why[a2].identifier, "orcid:0000-0001-0000-0001");
  EXPECT_NE(g.of(a1), g.of(b1));  // two ORCIDs
  // "Martin, J." without ORCID could be either: it is an author of its own.
  EXPECT_NE(g.of(unknown), g.of(a1));
  EXPECT_NE(g.of(unknown), g.of(b1));
  // One identified Lascoumes: the unidentified variant joins him.
  EXPECT_EQ(g.of(hal), g.of(hal2));
  EXPECT_EQ(g.group(hal).key, "idhal:pierre-lascoumes");
  EXPECT_EQ(g.group(a1).key, "orcid:0000-0001-0000-0001");
}

TEST(GroupAuthors, AnIdentifierJoinsDifferentNamesAndItsNamesAttractTheirVariants) {
  // One ORCID on "Zhang, Joe" and "Zhang, Jiahui" (an English name beside the Chinese one).
  test::CorpusBuilder b;
  const auto joe = b.person("Zhang", "Joe", "0000-0002-9059-7546");
  const auto jiahui = b.person("Zhang", "Jiahui", "0000-0002-9059-7546");
  const auto jiahui2 = b.person("Zhang", "Jiahui");
  const auto jun = b.person("Zhang", "Jun");
  const auto g = grouped(b);
  EXPECT_EQ(g.of(joe), g.of(jiahui));
  EXPECT_EQ(g.of(jiahui2), g.of(jiahui));
  EXPECT_EQ(g.groups.why[jiahui2].rule, JoinRule::same_name);
  EXPECT_EQ(g.groups.why[jiahui2].via, jiahui);
  EXPECT_NE(g.of(jun), g.of(joe));
}

TEST(GroupAuthors, EveryIdentifierSchemeJoins) {
  test::CorpusBuilder b;
  const auto x = b.person("Callon", "Michel");
  const auto y = b.person("Callon", "M.");
  const auto z = b.person("Callon", "Marie");
  b.corpus().people[x].ids = {{PersonIdScheme::idref, "027024520"}};
  b.corpus().people[y].ids = {{PersonIdScheme::idref, "027024520"}, {PersonIdScheme::openalex, "A5012345678"}};
  b.corpus().people[z].ids = {{PersonIdScheme::scopus, "7004212771"}};
  const auto g = grouped(b);
  EXPECT_EQ(g.of(x), g.of(y));
  EXPECT_NE(g.of(x), g.of(z));
  EXPECT_EQ(g.group(x).key, "idref:027024520");
  EXPECT_EQ(g.group(z).key, "scopus:7004212771");
  EXPECT_EQ(describe_join(g.groups, b.corpus().people, y), "IdRef 027024520 (as #1000)");
}

TEST(GroupAuthors, OverridesMergeAndSplitPeople) {
  test::CorpusBuilder b;
  const auto p0 = b.person("Espeland", "Wendy N.");
  const auto p1 = b.person("Espeland", "W. N.");
  const auto p2 = b.person("Nelson Espeland", "Wendy");
  AuthorOverrides overrides;
  overrides.merge = {{b.corpus().people[p0].person_id, b.corpus().people[p2].person_id}};
  overrides.split = {b.corpus().people[p1].person_id};
  const auto g = grouped(b, overrides);
  EXPECT_EQ(g.of(p0), g.of(p2));
  EXPECT_EQ(g.groups.why[p2].rule, JoinRule::merged);
  EXPECT_NE(g.of(p0), g.of(p1));
  EXPECT_EQ(g.group(p1).key, "person:" + std::to_string(b.corpus().people[p1].person_id));
  EXPECT_EQ(describe_join(g.groups, b.corpus().people, p1), "kept apart by people split");
}

TEST(GroupAuthors, KeysAreUniqueAndBareNamesMeetEachOther) {
  test::CorpusBuilder b;
  const auto oecd = b.person("", "");
  b.corpus().people[oecd].name = "OECD";
  const auto oecd2 = b.person("", "");
  b.corpus().people[oecd2].name = "OECD";
  const auto g = grouped(b);
  EXPECT_EQ(g.of(oecd), g.of(oecd2));
  std::set<std::string> keys;
  for (const auto& group : g.groups.groups) EXPECT_TRUE(keys.insert(group.key).second) << group.key;
}

TEST(AuthorsByWork, AuthorOrderWithEachAuthorOnce) {
  test::CorpusBuilder b;
  const auto w = b.work("w");
  const auto p0 = b.person("Power", "Michael");
  const auto p1 = b.person("Power", "M.");
  const auto p2 = b.person("Porter", "Theodore M.");
  b.wrote(p2, w).wrote(p0, w).wrote(p1, w);
  const auto groups = group_authors(b.corpus());
  const auto authors = authors_by_work(b.corpus(), groups);
  ASSERT_EQ(authors.size(), 1u);
  EXPECT_EQ(authors[0], (std::vector<std::uint32_t>{groups.group_of_person[p2], groups.group_of_person[p0]}));
}

}  // namespace
}  // namespace litrev
