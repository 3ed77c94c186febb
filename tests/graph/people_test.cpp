#include <gtest/gtest.h>

#include "corpus_builder.hpp"
#include "graph/people.hpp"

namespace litrev {
namespace {

CorpusPerson person(const std::string& family, const std::string& given) {
  CorpusPerson p;
  p.family = family;
  p.given = given;
  p.name = family + ", " + given;
  return p;
}

TEST(AuthorNameKey, FamilyNameAndInitials) {
  EXPECT_EQ(author_name_key(person("Powell", "Walter W.")), "powell|ww");
  EXPECT_EQ(author_name_key(person("Powell", "W. W.")), "powell|ww");
  EXPECT_EQ(author_name_key(person("POWELL", "WW")), "powell|ww");  // WoS style
  EXPECT_EQ(author_name_key(person("Powell", "W.W.")), "powell|ww");
  EXPECT_EQ(author_name_key(person("Boltanski", "Luc")), "boltanski|l");
  EXPECT_EQ(author_name_key(person("Dupont", "Jean-Pierre")), "dupont|jp");
  EXPECT_EQ(author_name_key(person("Lascoumes", "")), "lascoumes|");
}

TEST(AuthorNameKey, AccentsCaseAndParticlesDoNotMatter) {
  EXPECT_EQ(author_name_key(person("Le Galès", "Patrick")), author_name_key(person("Le Gales", "P.")));
  EXPECT_EQ(author_name_key(person("van der Berg", "Anna")), author_name_key(person("Berg", "A.")));
  EXPECT_EQ(author_name_key(person("Écochard", "Émile")), "ecochard|e");
  EXPECT_EQ(author_name_key(person("D'Aveni", "Richard A.")), "daveni|ra");
}

TEST(AuthorNameKey, NameWithoutSplitFieldsIsParsed) {
  CorpusPerson p;
  p.name = "Espeland, Wendy Nelson";
  EXPECT_EQ(author_name_key(p), "espeland|wn");
  p.name = "Michael Power";
  EXPECT_EQ(author_name_key(p), "power|m");
}

TEST(GroupAuthors, NameVariantsOfOnePersonAreOneAuthor) {
  test::CorpusBuilder b;
  const auto p0 = b.person("Powell", "W. W.");
  const auto p1 = b.person("Powell", "Walter W.");
  const auto p2 = b.person("DiMaggio", "Paul J.");
  const auto groups = group_authors(b.corpus());
  EXPECT_EQ(groups.groups.size(), 2u);
  EXPECT_EQ(groups.group_of_person[p0], groups.group_of_person[p1]);
  EXPECT_NE(groups.group_of_person[p0], groups.group_of_person[p2]);
  const auto& powell = groups.groups[groups.group_of_person[p0]];
  EXPECT_EQ(powell.key, "name:powell|ww");
  EXPECT_EQ(powell.name, "Powell, Walter W.");  // the fullest form is shown
  EXPECT_EQ(powell.people, (std::vector<std::uint32_t>{p0, p1}));
}

TEST(GroupAuthors, ShorterInitialsJoinTheOnlyMatchingLongerForm) {
  test::CorpusBuilder b;
  const auto w = b.person("Powell", "W.");
  const auto ww = b.person("Powell", "Walter W.");
  const auto bare = b.person("Powell", "");
  const auto groups = group_authors(b.corpus());
  EXPECT_EQ(groups.groups.size(), 1u);
  EXPECT_EQ(groups.group_of_person[w], groups.group_of_person[ww]);
  EXPECT_EQ(groups.group_of_person[bare], groups.group_of_person[ww]);
}

TEST(GroupAuthors, AmbiguousShortFormsStayApart) {
  test::CorpusBuilder b;
  const auto w = b.person("Powell", "W.");
  const auto ww = b.person("Powell", "Walter W.");
  const auto wr = b.person("Powell", "William R.");
  const auto groups = group_authors(b.corpus());
  EXPECT_EQ(groups.groups.size(), 3u);
  EXPECT_NE(groups.group_of_person[w], groups.group_of_person[ww]);
  EXPECT_NE(groups.group_of_person[w], groups.group_of_person[wr]);
}

TEST(GroupAuthors, IdentifiersWinAndHomonymsStayApart) {
  test::CorpusBuilder b;
  const auto a1 = b.person("Martin", "J.", "0000-0001-0000-0001");
  const auto a2 = b.person("Martin", "Julie", "0000-0001-0000-0001");
  const auto b1 = b.person("Martin", "Jacques", "0000-0002-0000-0002");
  const auto unknown = b.person("Martin", "J.");
  const auto hal = b.person("Lascoumes", "Pierre", "", "pierre-lascoumes");
  const auto hal2 = b.person("Lascoumes", "P.");
  const auto groups = group_authors(b.corpus());
  EXPECT_EQ(groups.group_of_person[a1], groups.group_of_person[a2]);  // one ORCID
  EXPECT_NE(groups.group_of_person[a1], groups.group_of_person[b1]);  // two ORCIDs
  // "Martin, J." without ORCID could be either: it is an author of its own.
  EXPECT_NE(groups.group_of_person[unknown], groups.group_of_person[a1]);
  EXPECT_NE(groups.group_of_person[unknown], groups.group_of_person[b1]);
  // One identified Lascoumes: the unidentified variant joins him.
  EXPECT_EQ(groups.group_of_person[hal], groups.group_of_person[hal2]);
  EXPECT_EQ(groups.groups[groups.group_of_person[hal]].key, "idhal:pierre-lascoumes");
  EXPECT_EQ(groups.groups[groups.group_of_person[a1]].key, "orcid:0000-0001-0000-0001");
}

TEST(GroupAuthors, OverridesMergeAndSplitPeople) {
  test::CorpusBuilder b;
  const auto p0 = b.person("Espeland", "Wendy N.");
  const auto p1 = b.person("Espeland", "W. N.");
  const auto p2 = b.person("Nelson Espeland", "Wendy");
  AuthorOverrides overrides;
  overrides.merge = {{b.corpus().people[p0].person_id, b.corpus().people[p2].person_id}};
  overrides.split = {b.corpus().people[p1].person_id};
  const auto groups = group_authors(b.corpus(), overrides);
  EXPECT_EQ(groups.group_of_person[p0], groups.group_of_person[p2]);
  EXPECT_NE(groups.group_of_person[p0], groups.group_of_person[p1]);
  EXPECT_EQ(groups.groups[groups.group_of_person[p1]].key,
            "person:" + std::to_string(b.corpus().people[p1].person_id));
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
