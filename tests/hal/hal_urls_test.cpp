#include "importers/hal/hal_urls.hpp"

#include <gtest/gtest.h>

namespace litrev {
namespace {

TEST(HalUrls, CursorSearchSortsOnDocid) {
  HalQuery q;
  q.q = "text:(responsabilité civile)";
  q.fq = {"domainAllCode_s:(\"shs.droit\")", "producedDateY_i:[2024 TO *]"};
  q.rows = 5;
  q.cursor_mark = "*";
  q.wt = "json";
  q.fl = "docid,halId_s,label_xml";
  EXPECT_EQ(hal_search_url("https://api.archives-ouvertes.fr", q),
            "https://api.archives-ouvertes.fr/search/?q=text:%28responsabilit%C3%A9%20civile%29"
            "&fq=domainAllCode_s:%28%22shs.droit%22%29&fq=producedDateY_i:%5B2024%20TO%20%2A%5D&rows=5"
            "&sort=docid%20asc&cursorMark=%2A&wt=json&fl=docid,halId_s,label_xml");
}

TEST(HalUrls, AUserSortGetsTheDocidTieBreak) {
  HalQuery q;
  q.cursor_mark = "AoE/xyz=";
  q.sort = "producedDate_tdate desc";
  const std::string url = hal_search_url("http://127.0.0.1:1/", q);
  EXPECT_EQ(url, "http://127.0.0.1:1/search/?q=%2A:%2A&sort=producedDate_tdate%20desc,%20docid%20asc&cursorMark=AoE/xyz%3D");
  q.sort = "docid desc";
  EXPECT_NE(hal_search_url("http://h", q).find("sort=docid%20desc&"), std::string::npos);
}

TEST(HalUrls, RowsAreCappedAtAThousand) {
  HalQuery q;
  q.rows = 5000;
  EXPECT_NE(hal_search_url("http://h", q).find("rows=1000"), std::string::npos);
}

TEST(HalUrls, CollectionIsAPathAndIdsAreQuotedQueries) {
  HalQuery q;
  q.collection = "UNIV-LILLE";
  EXPECT_EQ(hal_search_url("http://h", q), "http://h/search/UNIV-LILLE/?q=%2A:%2A");
  const std::vector<std::string> ids{"hal-02737739", "tel-04167418"};
  EXPECT_EQ(hal_ids_query(ids), R"(halId_s:("hal-02737739" OR "tel-04167418"))");
  EXPECT_EQ(hal_idhal_query("laurentromary"), R"(authIdHal_s:"laurentromary")");
  EXPECT_EQ(hal_collection_filter("SHS"), R"(collCode_s:"SHS")");
  EXPECT_EQ(solr_quote(R"(a"b\c)"), R"("a\"b\\c")");
}

}  // namespace
}  // namespace litrev
