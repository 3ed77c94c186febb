// Who is who, end to end: `people list` with the reason of every grouping, `graph authors --cited`
// and the author co-citation clusters, on the sample library (bib/) and on a real WoS export
// from ../shared (skipped when it is absent).
#include <gtest/gtest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <regex>
#include <set>

#include "src/store/store.hpp"
#include "support/test_support.hpp"

namespace litrev::test {
namespace {

using nlohmann::json;

// A library imported once per suite from the given files.
class PeopleLibrary {
 public:
  explicit PeopleLibrary(const std::vector<std::string>& files) {
    for (const auto& f : files) {
      const auto r = run_litrev({"--db", db(), "import", "bibtex", f});
      EXPECT_EQ(r.exit_code, 0) << f << ": " << r.err;
    }
  }
  std::string db() const { return (dir_ / "people.db").string(); }
  RunResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", db()});
    return run_litrev(args);
  }
  json run_json(std::vector<std::string> args) const {
    const auto r = run(std::move(args));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  }

 private:
  TempDir dir_;
};

class PeopleSample : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { lib_ = new PeopleLibrary({std::string(LITREV_SOURCE_DIR) + "/bib/responsible-ai.bib"}); }
  static void TearDownTestSuite() { delete lib_; }
  static PeopleLibrary* lib_;
};
PeopleLibrary* PeopleSample::lib_ = nullptr;

const json* group_with(const json& groups, const std::string& id) {
  for (const auto& g : groups)
    if (g["id"] == id) return &g;
  return nullptr;
}

TEST_F(PeopleSample, PeopleListSaysWhyVariantsAreJoined) {
  const auto groups = lib_->run_json({"people", "list", "--json", "--name", "floridi"});
  const json* floridi = group_with(groups, "name:floridi|luciano");
  ASSERT_NE(floridi, nullptr) << groups.dump();
  ASSERT_EQ((*floridi)["people"].size(), 2u);
  const auto& full = (*floridi)["people"][0];
  const auto& initials = (*floridi)["people"][1];
  EXPECT_EQ(full["name"], "Floridi, Luciano");
  EXPECT_EQ(full["reason"], "first");
  EXPECT_EQ(initials["name"], "Floridi, L.");
  EXPECT_EQ(initials["reason"], "initials-fit");
  EXPECT_EQ(initials["via"], full["person"]);
  EXPECT_EQ(initials["why"], "initials fit only #" + std::to_string(full["person"].get<int>()));

  const auto text = lib_->run({"people", "list", "--name", "floridi"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("(2 name variants)"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Floridi, L."), std::string::npos);
  EXPECT_NE(text.out.find("initials fit only #"), std::string::npos) << text.out;
}

TEST_F(PeopleSample, CitedAuthorsIncludeAuthorsTheLibraryDoesNotHold) {
  const auto first = lib_->run_json({"graph", "authors", "--cited", "--json", "--top", "0"});
  ASSERT_GE(first.size(), 20u);
  for (const char* field : {"id", "name", "citations", "citing_works", "cited_works", "library_works", "most_cited"})
    EXPECT_TRUE(first[0].contains(field)) << field;
  EXPECT_EQ(first[0]["name"], "Bowker, Geoffrey C.");
  EXPECT_EQ(first[0]["citations"], 25);
  // Latour is held by no work of the sample: cited only, through WoS-style references.
  std::map<std::string, json> by_id;
  for (const auto& a : first) by_id[a["id"]] = a;
  ASSERT_TRUE(by_id.contains("name:latour|b")) << first.dump();
  EXPECT_EQ(by_id["name:latour|b"]["library_works"], 0);
  EXPECT_EQ(by_id["name:latour|b"]["citations"], 17);
  EXPECT_EQ(by_id["name:latour|b"]["citing_works"], 14);
  for (std::size_t i = 1; i < first.size(); ++i) EXPECT_GE(first[i - 1]["citations"], first[i]["citations"]);

  // All-author counting credits co-authors too: never fewer citations, and Star (second author of
  // Sorting Things Out) gets the book's citations.
  const auto all = lib_->run_json({"graph", "authors", "--cited", "--all-authors", "--json", "--top", "0"});
  EXPECT_GT(all.size(), first.size());
  std::map<std::string, int> all_citations;
  for (const auto& a : all) all_citations[a["id"]] = a["citations"];
  for (const auto& a : first) EXPECT_GE(all_citations[a["id"]], a["citations"].get<int>()) << a["id"];
  EXPECT_EQ(all[0]["name"], "Star, Susan Leigh");

  const auto text = lib_->run({"graph", "authors", "--cited", "--top", "3"});
  EXPECT_NE(text.out.find("first-author counting"), std::string::npos) << text.out;
}

TEST_F(PeopleSample, CitedOptionsAreChecked) {
  EXPECT_EQ(lib_->run({"graph", "authors", "--all-authors"}).exit_code, 2);
  EXPECT_EQ(lib_->run({"graph", "authors", "--cited", "--by", "h-index"}).exit_code, 2);
  EXPECT_EQ(lib_->run({"graph", "cluster", "--all-authors", "--network", "coupling"}).exit_code, 2);
}

TEST_F(PeopleSample, AuthorCocitationClustersSeparateTheSchools) {
  const auto run = lib_->run_json({"graph", "cluster", "--network", "author-cocitation", "--json", "--seed", "42"});
  EXPECT_EQ(run["network"], "author-cocitation");
  EXPECT_EQ(run["authors"], "first-author");
  ASSERT_GE(run["clusters"].size(), 2u);
  auto cluster_of = [&](const std::string& id) {
    for (const auto& c : run["clusters"])
      for (const auto& a : c["authors"])
        if (a == id) return c["id"].get<int>();
    return -1;
  };
  EXPECT_NE(cluster_of("name:dimaggio|paul-j"), -1);
  EXPECT_EQ(cluster_of("name:dimaggio|paul-j"), cluster_of("name:meyer|john-w"));
  EXPECT_EQ(cluster_of("name:latour|b"), cluster_of("name:bowker|geoffrey-c"));
  EXPECT_NE(cluster_of("name:latour|b"), cluster_of("name:dimaggio|paul-j"));
  for (const auto& c : run["clusters"]) {
    for (const char* field : {"id", "size", "label", "terms", "authors", "top_authors"}) EXPECT_TRUE(c.contains(field)) << field;
    EXPECT_EQ(c["size"], c["authors"].size());
    EXPECT_FALSE(c["label"].get<std::string>().empty()) << c.dump();  // named by the works citing them
  }
  // A later graph export still uses the latest clustering of works (there is none here), not
  // the author run; asking for the author run by id is refused.
  const auto dir = TempDir();
  const auto out = (dir / "g.graphml").string();
  const auto exported = lib_->run({"graph", "export", "--format", "graphml", "--out", out});
  EXPECT_EQ(exported.exit_code, 0) << exported.err;
  const auto refused = lib_->run({"graph", "export", "--format", "graphml", "--out", out, "--run",
                                  std::to_string(run["run"].get<int>())});
  EXPECT_EQ(refused.exit_code, 2) << refused.err;
  EXPECT_NE(refused.err.find("clusters cited authors"), std::string::npos) << refused.err;
}

TEST_F(PeopleSample, AuthorCocitationThresholdsAreChosenShownAndSaved) {
  const auto run = lib_->run_json({"graph", "cluster", "--network", "author-cocitation", "--json"});
  const auto& t = run["thresholds"];
  EXPECT_TRUE(t["min_citations_chosen"].get<bool>()) << t;
  EXPECT_GE(t["min_citations"].get<int>(), 2) << t;  // an author cited by one work is co-cited within one list
  EXPECT_GT(t["candidate_nodes"].get<int>(), run["nodes"].get<int>()) << t;
  EXPECT_TRUE(t["min_size_chosen"].get<bool>()) << t;
  // The saved run carries the thresholds it used, as for the other networks.
  const Store store = Store::open(lib_->db());
  const auto saved = store.cluster_run(run["run"].get<std::int64_t>());
  ASSERT_TRUE(saved.has_value());
  const auto parameters = json::parse(saved->parameters_json);
  EXPECT_EQ(parameters["thresholds"], t);
  EXPECT_EQ(parameters["min_citations"], t["min_citations"]);
  EXPECT_EQ(parameters["authors"], "first");

  const auto text = lib_->run({"graph", "cluster", "--network", "author-cocitation", "--no-save"});
  EXPECT_NE(text.out.find(fmt::format("authors cited by at least {} library works (of {} cited authors; threshold chosen",
                                      t["min_citations"].get<int>(), t["candidate_nodes"].get<int>())),
            std::string::npos)
      << text.out;
}

// ---- a real WoS export --------------------------------------------------------------------

// Given-name tokens as the real-library check reads them, independently of litrev's rule:
// initials become one-letter tokens, words are folded to ASCII lower case.
std::vector<std::string> full_given_words(const std::string& name) {
  const auto comma = name.find(',');
  if (comma == std::string::npos) return {};
  std::vector<std::string> out;
  std::string given = name.substr(comma + 1);
  const bool run_of_initials = std::regex_match(given, std::regex(R"(\s*[A-Z]{2,3}\s*)"));
  if (run_of_initials) return {};
  std::string word;
  auto flush = [&] {
    if (word.size() > 1) out.push_back(word);
    word.clear();
  };
  for (unsigned char c : given) {
    if (std::isalpha(c)) word.push_back(static_cast<char>(std::tolower(c)));
    else if (c >= 0x80) word.push_back(static_cast<char>(c));
    else flush();
  }
  flush();
  return out;
}

bool same_person_possible(const std::string& a, const std::string& b) {
  const auto fa = full_given_words(a), fb = full_given_words(b);
  if (fa.empty() || fb.empty()) return true;
  for (const auto& x : fa)
    for (const auto& y : fb)
      if (x == y || x.starts_with(y) || y.starts_with(x)) return true;
  return false;
}

class PeopleWos : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto shared = shared_dir();
    if (shared.empty()) GTEST_SKIP() << "../shared is absent (set LITREV_SHARED_DIR): skipped";
    if (lib_ == nullptr)
      lib_ = new PeopleLibrary({(shared / "corpus/bibtex/bibliometrix/wos_bibliometric_in_management.bib").string()});
  }
  static void TearDownTestSuite() {
    delete lib_;
    lib_ = nullptr;
  }
  static PeopleLibrary* lib_;
};
PeopleLibrary* PeopleWos::lib_ = nullptr;

TEST_F(PeopleWos, NoAuthorJoinsDifferentFullGivenNamesWithoutAnIdentifier) {
  const auto groups = lib_->run_json({"people", "list", "--json"});
  ASSERT_GT(groups.size(), 400u);
  std::size_t with_variants = 0, with_orcid = 0;
  for (const auto& g : groups) {
    const std::string id = g["id"];
    with_orcid += id.starts_with("orcid:");
    std::set<std::string> names;
    for (const auto& p : g["people"]) names.insert(p["name"]);
    with_variants += names.size() > 1;
    if (!id.starts_with("name:")) continue;
    for (const auto& a : names)
      for (const auto& b : names) EXPECT_TRUE(same_person_possible(a, b)) << id << ": " << a << " / " << b;
  }
  EXPECT_GT(with_variants, 5u);
  EXPECT_GT(with_orcid, 50u);  // WoS ORCID-Numbers matched to their authors
}

TEST_F(PeopleWos, CitedAuthorsJoinWosReferenceNamesWithTheLibrarysAuthors) {
  const auto cited = lib_->run_json({"graph", "authors", "--cited", "--json", "--top", "30"});
  ASSERT_EQ(cited.size(), 30u);
  std::set<std::string> names;
  for (const auto& a : cited) names.insert(a["name"]);
  // Garfield is cited as "Garfield E" and held as an author; Small as "SMALL H" / "Small, H. G.".
  EXPECT_TRUE(names.contains("Garfield, E.")) << cited.dump();
  for (const auto& a : cited) EXPECT_GT(a["citing_works"].get<int>(), 0);

  const auto clusters = lib_->run_json(
      {"graph", "cluster", "--network", "author-cocitation", "--min-citations", "5", "--json", "--no-save"});
  EXPECT_GE(clusters["clusters"].size(), 2u);
  EXPECT_GT(clusters["nodes"].get<int>(), 50);
  for (const auto& c : clusters["clusters"]) EXPECT_FALSE(c["label"].get<std::string>().empty()) << c.dump();
}

}  // namespace
}  // namespace litrev::test
