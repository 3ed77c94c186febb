// The graph commands' contract on the sample library in bib/ (real works, documented links).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

#include "support/test_support.hpp"

namespace litrev::test {
namespace {

using nlohmann::json;

class SampleLibrary : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const auto r = run_litrev({"--db", db(), "import", "bibtex", std::string(LITREV_SOURCE_DIR) + "/bib/responsible-ai.bib"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string db() { return (*dir_ / "sample.db").string(); }
  static json run_json(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db()});
    const auto r = run_litrev(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  }
  static TempDir* dir_;
};
TempDir* SampleLibrary::dir_ = nullptr;

TEST_F(SampleLibrary, RankPutsTheMostCitedClassicsFirst) {
  const auto works = run_json({"graph", "rank", "--json", "--top", "5"});
  ASSERT_EQ(works.size(), 5u);
  for (const char* field : {"key", "doi", "title", "year", "citations", "pagerank", "betweenness"})
    EXPECT_TRUE(works[0].contains(field)) << field;
  // Bowker & Star 1999 is cited by 21 works of the sample library, Porter 1995 by 15.
  EXPECT_EQ(works[0]["key"], "bowker1999");
  EXPECT_EQ(works[0]["citations"], 21);
  EXPECT_EQ(works[1]["key"], "porter1995");
  EXPECT_EQ(works[2]["key"], "dimaggio1983");
  EXPECT_EQ(works[2]["doi"], "10.2307/2095101");
  for (std::size_t i = 1; i < works.size(); ++i) EXPECT_GE(works[i - 1]["citations"], works[i]["citations"]);
}

TEST_F(SampleLibrary, RankByBetweennessLeavesOutWorksCitedOnceAndSaysWhy) {
  const auto works = run_json({"graph", "rank", "--json", "--top", "0", "--by", "betweenness"});
  ASSERT_FALSE(works.empty());
  for (const auto& w : works) EXPECT_GE(w["citations"].get<int>(), 2) << w["key"];
  EXPECT_TRUE(works[0].contains("references"));
  // berman2008 (cited once, betweenness 7) ranked second before; asked for, it comes back.
  const auto all = run_json({"graph", "rank", "--json", "--top", "3", "--by", "betweenness", "--min-citations", "0"});
  EXPECT_EQ(all[1]["key"], "berman2008");
  const auto r = run_litrev({"--db", db(), "graph", "rank", "--by", "betweenness"});
  EXPECT_NE(r.out.find("those cited at least 2 times"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("shortest citation paths"), std::string::npos) << r.out;
}

TEST_F(SampleLibrary, RankByPagerankIsOrderedAndSumsBelowOne) {
  const auto works = run_json({"graph", "rank", "--json", "--top", "0", "--by", "pagerank"});
  EXPECT_EQ(works.size(), 115u);
  double sum = 0;
  for (std::size_t i = 0; i < works.size(); ++i) {
    sum += works[i]["pagerank"].get<double>();
    if (i) {
      EXPECT_GE(works[i - 1]["pagerank"].get<double>(), works[i]["pagerank"].get<double>());
    }
  }
  EXPECT_GT(sum, 0.2);  // the rest of the mass sits on cited works outside the library
  EXPECT_LE(sum, 1.0 + 1e-9);
}

TEST_F(SampleLibrary, AuthorsHaveTheContractFields) {
  const auto authors = run_json({"graph", "authors", "--json", "--top", "10"});
  ASSERT_EQ(authors.size(), 10u);
  for (const char* field : {"name", "works", "citations", "pagerank", "betweenness", "h_index"})
    EXPECT_TRUE(authors[0].contains(field)) << field;
  std::set<std::string> names;
  for (const auto& a : authors) names.insert(a["name"]);
  EXPECT_TRUE(names.contains("Bowker, Geoffrey C.") || names.contains("Star, Susan Leigh"));
}

TEST_F(SampleLibrary, CoCitationClustersSeparateTheLiteratures) {
  const auto result = run_json({"graph", "cluster", "--json", "--network", "cocitation", "--seed", "42"});
  EXPECT_EQ(result["network"], "cocitation");
  EXPECT_EQ(result["quality_function"], "modularity");
  EXPECT_GT(result["modularity"].get<double>(), 0.3);
  ASSERT_GE(result["clusters"].size(), 3u);
  // The institutional-theory classics and the AI-ethics works land in different clusters.
  auto cluster_of = [&](const std::string& key) {
    for (const auto& c : result["clusters"])
      for (const auto& w : c["works"])
        if (w == key) return c["id"].get<int>();
    return -1;
  };
  EXPECT_EQ(cluster_of("dimaggio1983"), cluster_of("meyer1977"));
  EXPECT_NE(cluster_of("dimaggio1983"), -1);
  EXPECT_NE(cluster_of("jobin2019"), -1);
  EXPECT_NE(cluster_of("dimaggio1983"), cluster_of("jobin2019"));
  EXPECT_NE(cluster_of("bowker1999"), cluster_of("jobin2019"));
  for (const auto& c : result["clusters"]) {
    for (const char* field : {"id", "size", "label", "terms", "works"}) EXPECT_TRUE(c.contains(field)) << field;
    EXPECT_EQ(c["size"], c["works"].size());
  }
}

// The words a researcher would call empty in a cluster label (the real-library check's list).
const std::set<std::string> kGenericWords = {
    "primarily", "followed", "highly", "various", "provided", "rise", "ways", "needs", "actors", "using",
    "based", "new", "study", "analysis", "paper", "results", "approach", "research", "different", "also",
    "however", "within", "among", "well", "may", "one", "two", "first", "many", "number"};

// 3 to 30 clusters, each with a label of phrases, none of them generic.
void expect_readable_map(const json& result) {
  EXPECT_GE(result["clusters"].size(), 3u);
  EXPECT_LE(result["clusters"].size(), 30u);
  for (const auto& c : result["clusters"]) {
    const std::string label = c["label"];
    EXPECT_FALSE(label.empty()) << "cluster " << c["id"];
    for (const auto& t : c["terms"]) EXPECT_FALSE(kGenericWords.contains(t.get<std::string>())) << label;
  }
}

bool some_label_has(const json& result, const std::string& phrase) {
  for (const auto& c : result["clusters"])
    if (c["label"].get<std::string>().find(phrase) != std::string::npos) return true;
  return false;
}

TEST_F(SampleLibrary, DefaultClustersAreNamedByTheirSubjects) {
  const auto result = run_json({"graph", "cluster", "--json", "--no-save"});
  EXPECT_EQ(result["network"], "cocitation");
  // Works cited once are co-cited within one reference list only: the default leaves them out
  // and says so.
  const auto& t = result["thresholds"];
  EXPECT_TRUE(t["min_citations_chosen"].get<bool>());
  EXPECT_EQ(t["min_citations"], 2);
  EXPECT_EQ(t["top_nodes"], 0);
  EXPECT_GT(t["candidate_nodes"].get<int>(), result["nodes"].get<int>());
  EXPECT_TRUE(t["min_size_chosen"].get<bool>());
  expect_readable_map(result);
  // The sample's three literatures (bib/README.md), each named.
  EXPECT_TRUE(some_label_has(result, "corporate social responsibility")) << result["clusters"];
  EXPECT_TRUE(some_label_has(result, "AI ethics")) << result["clusters"];
  EXPECT_TRUE(some_label_has(result, "standards") || some_label_has(result, "quantification")) << result["clusters"];

  const auto r = run_litrev({"--db", db(), "graph", "cluster", "--no-save"});
  EXPECT_NE(r.out.find("the 45 works cited at least 2 times by library works (of 83 cited works; threshold chosen"),
            std::string::npos)
      << r.out;
}

TEST_F(SampleLibrary, ClusterTopWorksAreNamedByAuthorsNotKeys) {
  // A reader scans "Bowker & Star (1999)", not the BibTeX key "bowker1999".
  const auto r = run_litrev({"--db", db(), "graph", "cluster", "--no-save"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("  Bowker & Star (1999) Sorting Things Out"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  DiMaggio & Powell (1983) The Iron Cage Revisited"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  Jobin et al. (2019) The global landscape of AI ethics guidelines"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("bowker1999"), std::string::npos) << r.out;
}

TEST_F(SampleLibrary, ClusterHelpShowsEveryDefault) {
  const auto r = run_litrev({"graph", "cluster", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* text : {"=cocitation", "=modularity", "=42", "=none", "=8", "default: chosen", "default: 1%"}) {
    EXPECT_NE(r.out.find(text), std::string::npos) << text << "\n" << r.out;
  }
}

TEST(WosLibrary, DefaultClustersOfAGenerativeAiExportAreFewAndNamed) {
  LITREV_REQUIRE_SHARED(shared);
  const auto bib = shared / "corpus/citations/ai_generative_ai/savedrecs.bib";
  if (!std::filesystem::exists(bib)) GTEST_SKIP() << bib << " is absent";
  TempDir dir;
  const auto db = (dir / "genai.db").string();
  ASSERT_EQ(run_litrev({"--db", db, "-q", "import", "bibtex", bib.string()}).exit_code, 0);
  const auto r = run_litrev({"--db", db, "graph", "cluster", "--json", "--no-save"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto result = json::parse(r.out);
  // 469 works citing 15,330 works: the map keeps those cited 3+ times.
  EXPECT_LE(result["nodes"].get<int>(), 1000);
  EXPECT_GE(result["thresholds"]["min_citations"].get<int>(), 2);
  expect_readable_map(result);
  EXPECT_TRUE(some_label_has(result, "education")) << result["clusters"];
  EXPECT_TRUE(some_label_has(result, "copyright")) << result["clusters"];
}

TEST_F(SampleLibrary, SameSeedSameClusters) {
  const auto a = run_json({"graph", "cluster", "--json", "--network", "coupling", "--seed", "7", "--no-save"});
  const auto b = run_json({"graph", "cluster", "--json", "--network", "coupling", "--seed", "7", "--no-save"});
  EXPECT_EQ(a["clusters"], b["clusters"]);
  EXPECT_EQ(a["network"], "coupling");
}

TEST_F(SampleLibrary, MissingWorksAreCountedOncePerCitedWork) {
  const auto missing = run_json({"graph", "missing", "--json", "--min-citations", "4"});
  ASSERT_GE(missing.size(), 10u);
  // Latour's Science in Action: 11 works of the sample cite it (WoS CR lines).
  EXPECT_NE(missing[0]["reference"].get<std::string>().find("Latour"), std::string::npos) << missing[0];
  EXPECT_NE(missing[0]["reference"].get<std::string>().find("1987"), std::string::npos) << missing[0];
  EXPECT_EQ(missing[0]["count"], 11);
  EXPECT_EQ(missing[0]["cited_by"].size(), 11u);
  for (std::size_t i = 0; i < missing.size(); ++i) {
    EXPECT_GE(missing[i]["count"].get<int>(), 4);
    if (i) {
      EXPECT_GE(missing[i - 1]["count"], missing[i]["count"]);
    }
  }
}

TEST_F(SampleLibrary, ExportsEveryFormat) {
  run_json({"graph", "cluster", "--json", "--network", "citation"});
  for (std::string format : {"graphml", "gexf", "dot", "vosviewer", "pajek", "csv"}) {
    const auto out = (*dir_ / ("net." + format)).string();
    const auto r = run_litrev({"--db", db(), "graph", "export", "--format", format, "--out", out});
    ASSERT_EQ(r.exit_code, 0) << format << ": " << r.err;
    const std::string text = read_file(out);
    EXPECT_FALSE(text.empty()) << format;
    if (format == "graphml") {
      EXPECT_NE(text.find("<graphml"), std::string::npos);
    }
    if (format == "gexf") {
      EXPECT_NE(text.find("<gexf"), std::string::npos);
    }
    if (format == "dot") {
      EXPECT_NE(text.find("digraph"), std::string::npos);
    }
    if (format == "pajek") {
      EXPECT_NE(text.find("*Vertices"), std::string::npos);
    }
    if (format == "vosviewer") {
      EXPECT_TRUE(std::filesystem::exists(out + ".network.txt"));
    }
  }
}

}  // namespace
}  // namespace litrev::test
