// The store's pure helpers: generated keys, dedup and name keys, tag folding, the encoding of
// original fields and the identity hash (part of the file format).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "src/store/field_encoding.hpp"
#include "src/store/keys.hpp"
#include "store/records.hpp"

namespace litrev::store {
namespace {

using test::record;

TEST(Keys, GeneratedKeysAreAsciiAuthorYearFirstSignificantWord) {
  EXPECT_EQ(generated_key(record("").title("The Iron Cage Revisited").year(1983).author("DiMaggio").build().work),
            "dimaggio1983iron");
  EXPECT_EQ(generated_key(record("").title("L'État stratège").year(2005).author("Lascoumes").build().work),
            "lascoumes2005etat");
  EXPECT_EQ(generated_key(record("").title("A report on audits").build().work), "anonreport");
  EXPECT_EQ(numbered_key("smith2020", 2), "smith2020-2");
}

TEST(Keys, DedupKeyNeedsTitleAndAuthorAndFoldsBoth) {
  const auto a = record("a").title("Myth & Ceremony").year(1977).author("Meyer").build().work;
  const auto b = record("b").title("MYTH AND CEREMONY").year(1977).author("MEYER").build().work;
  EXPECT_EQ(dedup_key(a), dedup_key(b));
  EXPECT_EQ(dedup_key(a), "myth and ceremony|1977|meyer");
  EXPECT_EQ(dedup_key(record("c").title("Myth and ceremony").year(1977).build().work), "");
  EXPECT_EQ(dedup_key(record("d").year(1977).author("Meyer").build().work), "");
}

TEST(Keys, TitlesAreCompatibleWhenOneIsAShortFormOrTheyShareHalfTheirWords) {
  EXPECT_TRUE(titles_compatible("", "anything"));
  EXPECT_TRUE(titles_compatible("deep learning", "deep learning for text"));
  EXPECT_FALSE(titles_compatible("deep learn", "deep learning for text mining and more"));  // not a word prefix
  EXPECT_TRUE(titles_compatible("new institutionalism", "the new institutionalism in organizational analysis"));
  EXPECT_TRUE(titles_compatible("rankings and reactivity how", "reactivity and rankings how"));
  EXPECT_FALSE(titles_compatible("learning to rank with partial labels", "sparse coding of natural images"));
}

TEST(Keys, AnIdentifierMatchNeedsCompatibleTitlesOrTheSameAuthorAndYear) {
  const auto a = record("a").title("Learning to rank").year(2008).author("Ng").build().work;
  EXPECT_TRUE(identifier_match_plausible(a, record("b").title("LEARNING TO RANK!").build().work));
  EXPECT_FALSE(identifier_match_plausible(a, record("c").title("Sparse coding").year(2008).author("Olshausen").build().work));
  EXPECT_TRUE(identifier_match_plausible(a, record("d").title("Apprendre a classer").year(2008).author("NG").build().work));
  EXPECT_TRUE(identifier_match_plausible(a, record("e").title("Apprendre a classer").year(2009).author("Ng").build().work));
  EXPECT_FALSE(identifier_match_plausible(a, record("f").title("Apprendre a classer").year(2010).author("Ng").build().work));
}

TEST(Keys, PersonNameKeysFoldCaseAccentsAndPunctuation) {
  Person a = test::person("Lascoumes", "Pierre");
  Person b = test::person("LASCOUMES", "Pierre.");
  EXPECT_EQ(person_name_key(a), person_name_key(b));
  Person particle = test::person("Berg", "Jan");
  particle.particle = "van der";
  EXPECT_EQ(person_name_key(particle), "van der berg|jan|");
  EXPECT_NE(person_name_key(test::person("Powell", "W.")), person_name_key(test::person("Powell", "Walter")));
  Person corporate;
  corporate.literal = "Agence nationale de la recherche";
  EXPECT_EQ(person_name_key(corporate), "=agence nationale de la recherche");
}

TEST(Keys, TagsFoldCaseButKeepAccents) {
  EXPECT_EQ(casefold("Éthique"), casefold("ÉTHIQUE"));
  EXPECT_NE(casefold("Éthique"), casefold("ethique"));
  EXPECT_EQ(casefold("  To-Read "), "to-read");
}

TEST(Keys, IdentityHashIsPinned) {
  // Stored in every library: changing the function would split every cited work in two.
  EXPECT_EQ(identity_hash("doi:10.1086/226464"), identity_hash(std::string("doi:10.1086/226464")));
  EXPECT_NE(identity_hash("doi:10.1086/226464"), identity_hash("doi:10.1086/226465"));
  EXPECT_EQ(identity_hash(""), identity_hash(""));
  EXPECT_EQ(identity_hash("ref:mccarthy|1977|82|1212"), 1093350659531599239LL);
}

TEST(FieldEncoding, RoundTripsOrderDuplicatesAndEveryByte) {
  const std::vector<SourceField> fields = {{"title", "The {Iron} \"Cage\" \\ revisited"},
                                           {"abstract", "line one\nline\ttwo\r\x01"},
                                           {"author", "Müller, Jörg and 山田, 太郎"},
                                           {"note", ""},
                                           {"note", "duplicate name kept"}};
  const std::string encoded = encode_fields(fields);
  const auto decoded = decode_fields(encoded);
  ASSERT_TRUE(decoded);
  ASSERT_EQ(decoded->size(), fields.size());
  for (std::size_t i = 0; i < fields.size(); ++i) {
    EXPECT_EQ((*decoded)[i].name, fields[i].name);
    EXPECT_EQ((*decoded)[i].value, fields[i].value);
  }
  EXPECT_EQ(encode_fields({}), "[]");
  EXPECT_TRUE(decode_fields("[]")->empty());
  EXPECT_EQ(decode_fields(R"([["a","\u00e9\ud83d\ude00"]])")->at(0).value, "é😀");
}

TEST(FieldEncoding, DamagedTextIsRefused) {
  for (const char* bad : {"", "[", "[[\"a\"]]", "[[\"a\",1]]", "[[\"a\",\"b\"]", "{}", "[[\"a\",\"b\"]]x", "[[\"a\",\"\\q\"]]"})
    EXPECT_FALSE(decode_fields(bad)) << bad;
}

}  // namespace
}  // namespace litrev::store
