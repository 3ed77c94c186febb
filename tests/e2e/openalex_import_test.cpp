// `import openalex` end to end against a loopback OpenAlex that answers the doi: and openalex:
// filters from hand-written works (ours, not recorded ones): enrichment of a BibTeX library,
// references by OpenAlex id, referenced works described, identifiers onto people, errors.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>

#include <nlohmann/json.hpp>

#include "net/loopback_server.hpp"
#include "support/test_support.hpp"

namespace litrev::test {
namespace {

using nlohmann::json;

json oa_work(const std::string& id, const std::string& doi, const std::string& title, int year,
             std::vector<std::tuple<std::string, std::string, std::string>> authors,  // name, ORCID, author id
             std::vector<std::string> refs) {
  json authorships = json::array();
  for (const auto& [name, orcid, aid] : authors)
    authorships.push_back({{"author", {{"id", "https://openalex.org/" + aid},
                                       {"display_name", name},
                                       {"orcid", orcid.empty() ? json(nullptr) : json("https://orcid.org/" + orcid)}}},
                           {"institutions", json::array({{{"display_name", "CNRS"}}})}});
  json referenced = json::array();
  for (const auto& r : refs) referenced.push_back("https://openalex.org/" + r);
  return {{"id", "https://openalex.org/" + id},
          {"doi", doi.empty() ? json(nullptr) : json("https://doi.org/" + doi)},
          {"title", title},
          {"publication_year", year},
          {"type", "article"},
          {"authorships", authorships},
          {"cited_by_count", 12},
          {"referenced_works", referenced},
          {"abstract_inverted_index", {{"Labels", {0}}, {"matter", {1}}}}};
}

class FakeOpenAlex {
 public:
  FakeOpenAlex() {
    add(oa_work("W100", "10.5555/oa-labels", "Labelling responsible AI", 2021,
                {{"Marie Dupont", "0000-0002-1825-0097", "A5000000501"}, {"Paul Martin", "", "A5000000502"}},
                {"W200", "W300", "W400"}));
    add(oa_work("W200", "10.5555/oa-audit", "Auditing algorithms in public action", 2019,
                {{"Paul Martin", "", "A5000000502"}}, {"W300"}));
    add(oa_work("W300", "10.5555/latour-1987", "Science in Action", 1987, {{"Bruno Latour", "", "A5000000503"}}, {}));
    server_.http().Get("/works", [this](const httplib::Request& req, httplib::Response& res) {
      ++requests;
      {
        std::lock_guard lock(mutex_);
        keys_seen.push_back(req.get_param_value("api_key"));
      }
      if (status != 200) {
        res.status = status;
        res.set_content(error_body, "application/json");
        return;
      }
      const std::string filter = req.get_param_value("filter");
      json results = json::array();
      for (const auto& [id, w] : works_) {
        const std::string doi = w["doi"].is_string() ? w["doi"].get<std::string>() : "";
        if ((filter.starts_with("openalex:") && filter.find(id) != std::string::npos) ||
            (filter.starts_with("doi:") && !doi.empty() && filter.find(doi) != std::string::npos))
          results.push_back(w);
      }
      res.set_content(json{{"meta", {{"count", results.size()}, {"next_cursor", "more"}}}, {"results", results}}.dump(),
                      "application/json");
    });
    server_.start();
  }
  void add(json w) {
    const std::string id = w["id"].get<std::string>().substr(21);  // after "https://openalex.org/"
    works_[id] = std::move(w);
  }
  std::string env() const { return "LITREV_OPENALEX_API=" + server_.base_url(); }

  std::atomic<int> requests{0};
  int status = 200;
  std::string error_body;
  std::vector<std::string> keys_seen;

 private:
  std::mutex mutex_;
  std::map<std::string, json> works_;
  LoopbackServer server_;
};

// Two works a researcher typed in BibTeX, with DOIs and short author names.
constexpr const char* kBib = R"(@article{dupont2021,
  author = {Dupont, M. and Martin, P.},
  title = {Labelling responsible {AI}},
  journal = {Revue française de sociologie},
  year = {2021},
  doi = {10.5555/OA-LABELS}
}
@article{martin2019,
  author = {Martin, Paul},
  title = {Auditing algorithms in public action},
  year = {2019},
  doi = {10.5555/oa-audit}
}
)";

class OpenAlexImport : public ::testing::Test {
 protected:
  RunResult run(std::vector<std::string> args, const std::vector<std::string>& env = {}) {
    args.insert(args.begin(), {"--db", (tmp_ / "lib.db").string()});
    return run_litrev(args, {}, env);
  }
  void import_bib() {
    write_file(tmp_ / "lib.bib", kBib);
    const auto r = run({"import", "bibtex", (tmp_ / "lib.bib").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  TempDir tmp_;
};

TEST_F(OpenAlexImport, EnrichGivesIdsReferencesAndCountsInOneRequest) {
  import_bib();
  FakeOpenAlex oa;
  const auto r = run({"import", "openalex", "--enrich", "--json"}, {oa.env(), "LITREV_OPENALEX_KEY=k123"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(oa.requests, 1) << "two DOIs, one filter";
  const json summary = json::parse(r.out);
  EXPECT_EQ(summary["merged"], 2);
  EXPECT_EQ(summary["new"], 0);
  EXPECT_EQ(oa.keys_seen.at(0), "k123");

  const json work = json::parse(run({"show", "dupont2021", "--json"}).out);
  EXPECT_EQ(work["identifiers"]["openalex"][0], "W100");
  EXPECT_EQ(work["title"], "Labelling responsible AI");  // the BibTeX title stays
  ASSERT_EQ(work["references"].size(), 3u);
  EXPECT_EQ(work["references"][0]["openalex"], "W200");
  EXPECT_EQ(work["references"][0]["cited_key"], "martin2019") << "resolved by OpenAlex id";
  const auto stats = json::parse(run({"stats", "--json"}).out);
  EXPECT_EQ(stats["citations"], 1);

  // Enriched works are not asked again.
  const auto again = run({"import", "openalex", "--enrich"}, {oa.env(), "LITREV_OPENALEX_KEY=k123"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(oa.requests, 1);
}

TEST_F(OpenAlexImport, AuthorsGainOrcidAndOpenAlexIdWhenListsMatch) {
  import_bib();
  FakeOpenAlex oa;
  ASSERT_EQ(run({"import", "openalex", "--enrich"}, {oa.env()}).exit_code, 0);
  const auto r = run({"people", "show", "Dupont"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ORCID 0000-0002-1825-0097"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("OpenAlex A5000000501"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("dupont2021"), std::string::npos) << r.out;
  const json people = json::parse(run({"people", "show", "Martin", "--json"}).out);
  ASSERT_FALSE(people.empty());
  EXPECT_EQ(people[0]["identifiers"], json::array({"openalex:A5000000502"})) << people.dump();
}

TEST_F(OpenAlexImport, NoIdentifiersWhenTheAuthorListsDiffer) {
  write_file(tmp_ / "one.bib", "@article{solo, author = {Dupont, Marie}, title = {Labelling responsible AI}, "
                              "year = {2021}, doi = {10.5555/oa-labels}}\n");
  ASSERT_EQ(run({"import", "bibtex", (tmp_ / "one.bib").string()}).exit_code, 0);
  FakeOpenAlex oa;
  ASSERT_EQ(run({"import", "openalex", "--enrich"}, {oa.env()}).exit_code, 0);
  const auto r = run({"people", "show", "Dupont", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)[0]["identifiers"], json::array()) << r.out;
}

TEST_F(OpenAlexImport, ReferencedWorksAreDescribedForGraphMissing) {
  import_bib();
  FakeOpenAlex oa;
  const auto r = run({"import", "openalex", "--enrich", "--with-referenced-metadata"}, {oa.env()});
  ASSERT_EQ(r.exit_code, 0) << r.err;  // W400 is unknown to OpenAlex (ids do disappear): said, not a failure
  EXPECT_NE(r.err.find("1 described, 1 unknown"), std::string::npos) << r.err;
  EXPECT_EQ(oa.requests, 2) << "one batch of DOIs, one batch of referenced ids";
  const auto missing = run({"graph", "missing", "--min-citations", "1"});
  ASSERT_EQ(missing.exit_code, 0) << missing.err;
  EXPECT_NE(missing.out.find("Latour, B. (1987). Science in Action.  doi:10.5555/latour-1987"), std::string::npos)
      << missing.out;
  const json list = json::parse(run({"list", "--json"}).out);
  EXPECT_EQ(list.size(), 2u) << "referenced works describe references; they are not added";
}

// A WoS line to a book, "Latour B, 1987, SCI ACTION", is the described OpenAlex work: one
// missing work cited three times, shown by its description, its WoS form kept in --json.
TEST_F(OpenAlexImport, AWosBookReferenceJoinsItsDescriptionInGraphMissing) {
  import_bib();
  write_file(tmp_ / "wos.bib", "@article{roe2020, author = {Roe, Al}, title = {Certifying algorithms}, year = {2020},\n"
                               "  Cited-References = {Latour B, 1987, SCI ACTION.\nCallon M, 1986, SOCIOL REV MONOGR, V32, P196}}\n");
  ASSERT_EQ(run({"import", "bibtex", (tmp_ / "wos.bib").string()}).exit_code, 0);
  FakeOpenAlex oa;
  ASSERT_EQ(run({"import", "openalex", "--enrich", "--with-referenced-metadata"}, {oa.env()}).exit_code, 0);
  const auto missing = run({"graph", "missing", "--min-citations", "1"});
  ASSERT_EQ(missing.exit_code, 0) << missing.err;
  EXPECT_NE(missing.out.find("   3  Latour, B. (1987). Science in Action.  doi:10.5555/latour-1987"), std::string::npos)
      << missing.out;
  EXPECT_EQ(missing.out.find("Sci Action"), std::string::npos) << "one cited work, not two: " << missing.out;
  const json rows = json::parse(run({"graph", "missing", "--min-citations", "3", "--json"}).out);
  ASSERT_EQ(rows.size(), 1u) << rows.dump();
  EXPECT_EQ(rows[0]["reference"], "Latour B, 1987, Sci Action");
  EXPECT_EQ(rows[0]["label"], "Latour, B. (1987). Science in Action.");
  EXPECT_EQ(rows[0]["title"], "Science in Action");
  EXPECT_EQ(rows[0]["year"], 1987);
  EXPECT_EQ(rows[0]["authors"], json::parse(R"([{"family": "Latour", "initials": "B"}])"));
}

// A HAL record carries no reference list; OpenAlex gives it one through its DOI, and its authors
// (from HAL, same names in the same order) gain their ORCIDs.
TEST_F(OpenAlexImport, AHalRecordGetsItsReferencesThroughItsDoi) {
  LoopbackServer hal;
  const std::string body = read_file(test_data("hal/synthetic-search-label-xml.json"));
  hal.http().Get("/search/", [&](const httplib::Request&, httplib::Response& res) { res.set_content(body, "application/json"); });
  hal.start();
  ASSERT_EQ(run({"import", "hal", "--query", "title_t:label"}, {"LITREV_HAL_API=" + hal.base_url()}).exit_code, 0);
  FakeOpenAlex oa;
  oa.add(oa_work("W900", "10.5555/litrev-e2e-1", "Labelling responsible AI: certification as public action", 2021,
                 {{"Claire Martin", "0000-0002-1825-0097", "A5000000901"}, {"Hugo Bernard", "", "A5000000902"}},
                 {"W300", "W200"}));
  const auto r = run({"import", "openalex", "--enrich", "--json"}, {oa.env()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["merged_by_rule"]["doi"], 1) << r.out;
  const json list = json::parse(run({"list", "--json"}).out);
  ASSERT_EQ(list.size(), 1u);
  const json work = json::parse(run({"show", list[0]["key"], "--json"}).out);
  ASSERT_EQ(work["references"].size(), 2u) << work.dump();
  EXPECT_EQ(work["references"][0]["openalex"], "W300");
  const json people = json::parse(run({"people", "show", "Claire Martin", "--json"}).out);
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(people[0]["identifiers"][0], "orcid:0000-0002-1825-0097") << people.dump();
}

TEST_F(OpenAlexImport, ByIdStoresAWorkWithItsAbstract) {
  FakeOpenAlex oa;
  const auto r = run({"import", "openalex", "--id", "W300", "https://openalex.org/W200"}, {oa.env()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json list = json::parse(run({"list", "--json"}).out);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(oa.requests, 1);
  const auto stats = json::parse(run({"stats", "--json"}).out);
  EXPECT_EQ(stats["citations"], 1) << "W200 cites W300 by id";
}

TEST_F(OpenAlexImport, MissingBringsInTheWorksCitedMost) {
  FakeOpenAlex oa;
  ASSERT_EQ(run({"import", "openalex", "--id", "W100", "W200"}, {oa.env()}).exit_code, 0);
  const auto hint = run({"graph", "missing"});
  EXPECT_NE(hint.out.find("litrev import openalex --missing --min-citations 2"), std::string::npos) << hint.out;
  const auto r = run({"import", "openalex", "--missing", "--min-citations", "2", "--json"}, {oa.env()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["new"], 1) << "W300, cited by both; W400 once only";
  const auto stats = json::parse(run({"stats", "--json"}).out);
  EXPECT_EQ(stats["works"], 3);
  EXPECT_EQ(stats["citations"], 3) << "W100 -> W200, W300; W200 -> W300";
}

TEST_F(OpenAlexImport, MissingKeySaysHowToGetOne) {
  FakeOpenAlex oa;
  const auto r = run({"import", "openalex", "--id", "W300"}, {oa.env()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("https://openalex.org/settings/api"), std::string::npos) << r.err;
}

TEST_F(OpenAlexImport, KeyFromTheLibrarySettings) {
  FakeOpenAlex oa;
  ASSERT_EQ(run({"config", "set", "openalex.key", "from-settings"}).exit_code, 0);
  const auto listed = run({"config"});
  EXPECT_EQ(listed.out.find("from-settings"), std::string::npos) << "keys are shown masked: " << listed.out;
  const auto r = run({"import", "openalex", "--id", "W300"}, {oa.env()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("settings/api"), std::string::npos) << r.err;
  EXPECT_EQ(oa.keys_seen.at(0), "from-settings");
  EXPECT_EQ(run({"config", "set", "openalex.kee", "x"}).exit_code, 2);
}

TEST_F(OpenAlexImport, BadFilterIsExitThreeWithOpenAlexMessageAndNothingStored) {
  FakeOpenAlex oa;
  oa.status = 400;
  oa.error_body = R"({"error": "Invalid query parameters error.", "message": "bogus is not a valid field."})";
  const auto r = run({"import", "openalex", "--filter", "bogus:1"}, {oa.env()});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("bogus is not a valid field"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("HTTP 400"), std::string::npos) << r.err;
  EXPECT_EQ(json::parse(run({"list", "--json"}).out).size(), 0u);
}

TEST_F(OpenAlexImport, RefusedKeyIsReportedWithoutShowingIt) {
  FakeOpenAlex oa;
  oa.status = 401;
  oa.error_body = R"({"error":"Invalid or missing API key","message":"API key not found"})";
  const auto r = run({"import", "openalex", "--doi", "10.5555/oa-audit"}, {oa.env(), "LITREV_OPENALEX_KEY=s3cr3t"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("API key not found"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("LITREV_OPENALEX_KEY"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("s3cr3t"), std::string::npos) << r.err;
}

TEST_F(OpenAlexImport, OfflineAnswersFromTheCache) {
  FakeOpenAlex oa;
  ASSERT_EQ(run({"import", "openalex", "--id", "W300"}, {oa.env()}).exit_code, 0);
  const auto r = run({"import", "openalex", "--id", "W300", "--offline"}, {oa.env()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(oa.requests, 1);
  const auto miss = run({"import", "openalex", "--id", "W200", "--offline"}, {oa.env()});
  EXPECT_EQ(miss.exit_code, 3) << miss.err;
  EXPECT_NE(miss.err.find("not in the cache"), std::string::npos) << miss.err;
}

}  // namespace
}  // namespace litrev::test
