// One work from two sources: a HAL record and the Crossref record of its DOI, fetched the way
// `litrev import hal --with-crossref-references` does, end up as one work in the library with
// two provenance records, the HAL identifiers and the Crossref reference list.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "importers/crossref/crossref_fetch.hpp"
#include "importers/hal/hal_fetch.hpp"
#include "net/loopback_server.hpp"
#include "src/store/store.hpp"
#include "support/test_support.hpp"

namespace litrev {
namespace {

using nlohmann::json;

constexpr const char* kDoi = "10.1016/j.engfracmech.2017.05.006";

// SYNTHETIC Crossref answer (no recording exists for this DOI): written for this test after
// the shape of the recorded work answers, with the registered-case DOI Elsevier uses.
std::string synthetic_crossref_work() {
  json work = {{"DOI", "10.1016/J.ENGFRACMECH.2017.05.006"},
               {"type", "journal-article"},
               {"title", {"Influence of Fe content on the damage mechanism in A319 aluminum alloy: Tensile tests and digital image correlation"}},
               {"author", {{{"given", "Zaidao"}, {"family", "Li"}, {"sequence", "first"}, {"affiliation", json::array()}},
                           {{"given", "Nathalie"}, {"family", "Limodin"}, {"sequence", "additional"}, {"affiliation", json::array()},
                            {"ORCID", "http://orcid.org/0000-0003-0768-2676"}}}},
               {"container-title", {"Engineering Fracture Mechanics"}},
               {"issued", {{"date-parts", {{2017, 9}}}}},
               {"volume", "183"},
               {"page", "94-108"},
               {"publisher", "Elsevier BV"},
               {"ISSN", {"0013-7944"}},
               {"is-referenced-by-count", 42},
               {"reference", {{{"key", "b1"}, {"DOI", "10.1016/j.msea.2005.08.203"}},
                              {{"key", "b2"}, {"unstructured", "Wang QG. Microstructural effects on the tensile and fracture behavior of aluminum casting alloys A356/357. Metall Mater Trans A 2003;34:2887-99."}}}}};
  return json{{"status", "ok"}, {"message-type", "work"}, {"message-version", "1.0.0"}, {"message", work}}.dump();
}

TEST(HalWithCrossrefReferences, SameDoiFromBothSourcesIsOneWorkWithTwoProvenances) {
  LITREV_REQUIRE_SHARED(shared);
  const std::string tei = test::slurp(shared / "fixtures/hal/tei-doc-hal-02737739-ART-doi.xml");
  const std::string crossref = synthetic_crossref_work();
  test::LoopbackServer server;
  server.http().Get("/search/", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(tei, "text/xml; charset=utf-8");
  });
  server.http().Get(R"(/works/(.+))", [&](const httplib::Request& req, httplib::Response& res) {
    test::crossref_headers(res, "polite", 10, 3);
    if (req.matches[1] != kDoi) {
      res.status = 404;
      res.set_content("Resource not found.", "text/plain");
      return;
    }
    res.set_content(crossref, "application/json");
  });
  server.start();

  test::TempDir dir;
  Store store = Store::open(dir / "library.db");
  std::vector<ImportRecord> hal_records;
  std::vector<AddResult> results;
  auto sink = [&](std::vector<ImportRecord>&& page) {
    auto batch = store.begin_import();
    for (const auto& r : page) results.push_back(batch.add(r));
    batch.commit();
    for (auto& r : page) hal_records.push_back(std::move(r));
  };
  HttpClient client;
  HalOptions hal;
  hal.base_url = server.base_url();
  const std::vector<std::string> ids{"hal-02737739"};
  const auto hal_summary = HalImporter(client, hal).by_ids(ids, sink);
  ASSERT_EQ(hal_summary.found, ids);

  const auto dois = dois_of(hal_records);
  ASSERT_EQ(dois, (std::vector<std::string>{kDoi}));
  CrossrefOptions cr;
  cr.base_url = server.base_url();
  const auto cr_summary = CrossrefImporter(client, cr).by_dois(dois, sink);
  ASSERT_EQ(cr_summary.found, dois);

  ASSERT_EQ(results.size(), 2u);
  EXPECT_FALSE(results[0].merged);
  EXPECT_TRUE(results[1].merged);
  EXPECT_EQ(results[1].merged_rule, "doi");
  EXPECT_EQ(results[1].key, results[0].key);

  const auto works = store.list_works();
  ASSERT_EQ(works.size(), 1u);
  const auto stored = store.find_work(results[0].key);
  ASSERT_TRUE(stored.has_value());
  ASSERT_EQ(stored->sources.size(), 2u);
  EXPECT_EQ(stored->sources[0].source_kind, "hal");
  EXPECT_EQ(stored->sources[1].source_kind, "crossref");
  // HAL's identifiers and Crossref's reference list both belong to the work now.
  bool has_hal = false, has_doi = false;
  for (const auto& id : stored->work.ids) {
    has_hal |= id.scheme == IdScheme::hal && id.value == "hal-02737739";
    has_doi |= id.scheme == IdScheme::doi && id.value == kDoi;
  }
  EXPECT_TRUE(has_hal);
  EXPECT_TRUE(has_doi);
  EXPECT_EQ(stored->references.size(), 2u);
}

}  // namespace
}  // namespace litrev
