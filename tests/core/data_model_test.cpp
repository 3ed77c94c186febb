#include <gtest/gtest.h>

#include "src/core/data_model.hpp"

namespace litrev {
namespace {

TEST(DataModel, FamiliesGroupTheTypesOneWorkMayBeRecordedAs) {
  EXPECT_EQ(type_family("article"), "article");
  EXPECT_EQ(type_family("inproceedings"), type_family("proceedings"));
  EXPECT_EQ(type_family("incollection"), type_family("inbook"));
  EXPECT_EQ(type_family("misc"), "");
  EXPECT_EQ(type_family("no such type"), "");
}

TEST(DataModel, BiblatexSoftwareEntryTypesAreSoftware) {
  EXPECT_EQ(store_type_from(TypeVocabulary::bibtex, "softwareversion"), "software");
  EXPECT_EQ(store_type_from(TypeVocabulary::bibtex, "SoftwareModule"), "software");
  EXPECT_EQ(store_type_from(TypeVocabulary::bibtex, "codefragment"), "software");
}

TEST(DataModel, GenericTypesAreCompatibleWithEverythingOthersOnlyWithinTheirFamily) {
  EXPECT_TRUE(types_compatible("article", "article"));
  EXPECT_TRUE(types_compatible("misc", "inproceedings"));
  EXPECT_TRUE(types_compatible("book", "unpublished"));
  EXPECT_TRUE(types_compatible("book", "collection"));
  EXPECT_FALSE(types_compatible("inproceedings", "article"));
  EXPECT_FALSE(types_compatible("book", "incollection"));
  EXPECT_FALSE(types_compatible("thesis", "report"));
}

TEST(DataModel, RoleNamesRoundTripAndUnknownNamesAreContributors) {
  for (Role r : {Role::author, Role::editor, Role::translator, Role::holder, Role::contributor})
    EXPECT_EQ(role_from_name(role_name(r)), r);
  EXPECT_EQ(role_name(Role::bookauthor), "bookauthor");
  EXPECT_EQ(role_from_name("illustrator"), Role::contributor);
}

TEST(DataModel, BibtexFieldsHaveBibersKindsAndTheirSlots) {
  EXPECT_EQ(field_kind("author"), FieldKind::name_list);
  EXPECT_EQ(field_kind("doi"), FieldKind::verbatim);
  EXPECT_EQ(field_kind("url"), FieldKind::uri);
  EXPECT_EQ(field_kind("pages"), FieldKind::range);
  EXPECT_EQ(field_kind("crossref"), FieldKind::key);
  EXPECT_EQ(field_kind("no-such-field"), FieldKind::literal);
  EXPECT_TRUE(is_verbatim_kind(field_kind("xdata")));
  const FieldSpec* journal = field_spec(FieldVocabulary::bibtex, "journal");
  ASSERT_NE(journal, nullptr);
  EXPECT_EQ(journal->slot, Slot::journaltitle);
  EXPECT_GT(journal->rank, field_spec(FieldVocabulary::bibtex, "journaltitle")->rank);
  EXPECT_EQ(field_spec(FieldVocabulary::bibtex, "editora")->role, Role::contributor);
  EXPECT_EQ(field_spec(FieldVocabulary::bibtex, "Journal"), nullptr);  // names are lower case
}

TEST(DataModel, BiblatexAliasesGoBothWays) {
  EXPECT_EQ(biblatex_field_for("journal"), "journaltitle");
  EXPECT_EQ(biblatex_field_for("annote"), "annotation");
  EXPECT_EQ(bibtex_field_for("location"), "address");
  EXPECT_FALSE(biblatex_field_for("title").has_value());
  const auto thesis = biblatex_type_for("mastersthesis");
  ASSERT_TRUE(thesis.has_value());
  EXPECT_EQ(thesis->biblatex_type, "thesis");
  EXPECT_EQ(thesis->type_field, "mathesis");
  EXPECT_FALSE(biblatex_type_for("journal").has_value());  // an exporter's invention, not biblatex's
}

TEST(DataModel, EachVocabularyHasItsOwnFields) {
  EXPECT_EQ(field_spec(FieldVocabulary::ris, "T2")->slot, Slot::secondary_title);
  EXPECT_EQ(field_spec(FieldVocabulary::wos, "AF")->role, Role::author);
  EXPECT_LT(field_spec(FieldVocabulary::wos, "AF")->rank, field_spec(FieldVocabulary::wos, "AU")->rank);
  EXPECT_EQ(field_spec(FieldVocabulary::scopus, "eid")->slot, Slot::eid);
  EXPECT_EQ(field_spec(FieldVocabulary::ris, "eid"), nullptr);
  EXPECT_EQ(field_for_slot(FieldVocabulary::ris, Slot::title), "TI");
  EXPECT_EQ(field_for_slot(FieldVocabulary::ris, Slot::journaltitle), "JF");
}

TEST(DataModel, TypesOfEveryVocabularyMapOntoTheStoresAndBack) {
  EXPECT_EQ(store_type_from(TypeVocabulary::ris, "jour"), "article");
  EXPECT_EQ(store_type_from(TypeVocabulary::ris, "CHAP"), "incollection");
  EXPECT_EQ(store_type_from(TypeVocabulary::ris, "NOPE"), "misc");
  EXPECT_FALSE(knows_type(TypeVocabulary::ris, "NOPE"));
  EXPECT_EQ(store_type_from(TypeVocabulary::wos, "Proceedings Paper"), "inproceedings");
  EXPECT_EQ(store_type_from(TypeVocabulary::scopus, "Book chapter"), "incollection");
  EXPECT_EQ(store_type_from(TypeVocabulary::hal, "couv"), "incollection");
  EXPECT_EQ(store_type_from(TypeVocabulary::openalex, "book-chapter"), "incollection");
  EXPECT_EQ(store_type_from(TypeVocabulary::openalex, "dissertation"), "thesis");
  EXPECT_EQ(store_type_from(TypeVocabulary::openalex, "preprint"), "unpublished");
  EXPECT_EQ(store_type_from(TypeVocabulary::openalex, "a-type-of-2027"), "misc");
  EXPECT_EQ(type_for_writer(TypeVocabulary::bibtex, "thesis"), "phdthesis");
  EXPECT_EQ(type_for_writer(TypeVocabulary::bibtex, "collection"), "book");
  EXPECT_EQ(type_for_writer(TypeVocabulary::bibtex, "no such type"), "misc");
  EXPECT_EQ(type_for_writer(TypeVocabulary::ris, "article"), "JOUR");
  EXPECT_EQ(type_for_writer(TypeVocabulary::ris, "no such type"), "GEN");
  // Every store type the RIS writer names comes back as a type of the same family.
  for (const auto t : {"article", "book", "collection", "incollection", "inproceedings", "thesis", "report",
                       "online", "dataset", "software", "patent", "standard", "unpublished", "misc", "inreference"})
    EXPECT_EQ(type_family(store_type_from(TypeVocabulary::ris, type_for_writer(TypeVocabulary::ris, t))),
              type_family(t))
        << t;
}

TEST(DataModel, CslTypesMapOntoTheStoresAndBack) {
  EXPECT_EQ(type_for_writer(TypeVocabulary::csl, "article"), "article-journal");
  EXPECT_EQ(type_for_writer(TypeVocabulary::csl, "incollection"), "chapter");
  EXPECT_EQ(type_for_writer(TypeVocabulary::csl, "no such type"), "document");
  EXPECT_EQ(store_type_from(TypeVocabulary::csl, "Paper-Conference"), "inproceedings");
  EXPECT_EQ(store_type_from(TypeVocabulary::csl, "post-weblog"), "online");
  EXPECT_FALSE(knows_type(TypeVocabulary::csl, "journal-article"));  // Crossref's, not CSL's
  // Every store type comes back from the type the CSL writer gives it as a type of its family
  // (a collection is written as a book, a periodical supplement as an article...). Not "manual"
  // nor "proceedings": CSL has no such types and they are written as books, as pandoc does.
  for (const auto t : {"article", "review", "suppperiodical", "periodical", "inproceedings", "book",
                       "mvbook", "collection", "reference", "booklet", "incollection", "inbook", "inreference",
                       "thesis", "report", "patent", "dataset", "software", "standard", "letter", "jurisdiction",
                       "legislation", "legal", "artwork", "audio", "image", "movie", "music", "video", "misc",
                       "online", "unpublished"}) {
    EXPECT_TRUE(knows_type(TypeVocabulary::csl, type_for_writer(TypeVocabulary::csl, t))) << t;
    EXPECT_EQ(type_family(store_type_from(TypeVocabulary::csl, type_for_writer(TypeVocabulary::csl, t))), type_family(t))
        << t;
  }
  EXPECT_EQ(field_spec(FieldVocabulary::csl, "container-author")->role, Role::bookauthor);
  EXPECT_EQ(field_spec(FieldVocabulary::csl, "title-short"), nullptr);  // kept in the source record
  EXPECT_EQ(field_for_slot(FieldVocabulary::csl, Slot::doi), "DOI");
}

}  // namespace
}  // namespace litrev
