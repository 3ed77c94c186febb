// The whole path the `graph` commands take: a real Web of Science export (BibTeX with
// Cited-References) imported through the BibTeX importer into a store, read back as a
// CitationCorpus, and analysed.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "graph/citation_graph.hpp"
#include "graph/cluster_terms.hpp"
#include "graph/clustering.hpp"
#include "graph/missing.hpp"
#include "graph/pagerank.hpp"
#include "graph/ranking.hpp"
#include "importers/bibtex/bibtex_import.hpp"
#include "src/core/text.hpp"
#include "src/store/store.hpp"
#include "support/test_support.hpp"

namespace litrev {
namespace {

class WosLibrary : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto shared = test::shared_dir();
    if (shared.empty()) return;
    bib_ = new std::string(test::read_file(shared / "corpus/citations/ai_generative_ai/savedrecs.bib"));
    std::string_view text = *bib_;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<Diagnostic> diagnostics;
    const auto records = bibtex::import_bibtex_records(text, "savedrecs.bib", diagnostics);
    dir_ = new test::TempDir();
    auto store = Store::open(*dir_ / "library.db");
    {
      auto batch = store.begin_import();
      for (const auto& r : records) batch.add(r);
      batch.commit();
    }
    corpus_ = new CitationCorpus(store.load_citation_corpus(true));
  }
  static void TearDownTestSuite() {
    delete corpus_;
    delete dir_;
    delete bib_;
    corpus_ = nullptr;
  }
  void SetUp() override {
    LITREV_REQUIRE_SHARED(shared);
    ASSERT_NE(corpus_, nullptr);
  }

  // Entries of the raw export whose cited references mention `needle` (case-insensitive):
  // an independent count of the works citing a DOI.
  static std::size_t entries_citing(const std::string& needle) {
    const std::string text = ascii_lower(*bib_);
    const std::string n = ascii_lower(needle);
    std::size_t count = 0;
    std::size_t entry = text.find("@article");
    while (entry != std::string::npos) {
      const std::size_t next = text.find("\n@", entry + 1);
      const std::size_t refs = text.find("\ncited-references = {", entry);  // not number-of-...
      if (refs != std::string::npos && (next == std::string::npos || refs < next)) {
        const std::size_t end = text.find("},\n", refs);
        const std::string_view block(text.data() + refs, std::min(end, next) - refs);
        // The DOI must end there, not continue (10.1/abc vs 10.1/abcd).
        std::size_t at = block.find(n);
        bool found = false;
        while (at != std::string_view::npos && !found) {
          const std::size_t after = at + n.size();
          found = after >= block.size() || std::string_view(".,;]} \n").find(block[after]) != std::string_view::npos;
          at = block.find(n, at + 1);
        }
        count += found;
      }
      entry = next == std::string::npos ? std::string::npos : next + 1;
    }
    return count;
  }

  static std::string* bib_;
  static test::TempDir* dir_;
  static CitationCorpus* corpus_;
};

std::string* WosLibrary::bib_ = nullptr;
test::TempDir* WosLibrary::dir_ = nullptr;
CitationCorpus* WosLibrary::corpus_ = nullptr;

TEST_F(WosLibrary, MissingWorksCountEveryWorkCitingThem) {
  const auto graph = CitationGraph::build(*corpus_);
  EXPECT_GE(graph.num_works(), 460u);
  EXPECT_GT(graph.num_vertices(), 10'000u);  // thousands of cited works outside the library
  const auto missing = missing_works(*corpus_, graph, 5);
  ASSERT_GE(missing.size(), 10u);
  for (std::size_t i = 1; i < missing.size(); ++i) EXPECT_GE(missing[i - 1].count, missing[i].count);
  std::size_t checked = 0;
  for (const auto& m : missing) {
    EXPECT_EQ(m.cited_by.size(), m.count);
    EXPECT_FALSE(m.label.empty());
    if (m.doi.empty() || checked >= 10) continue;
    // Every reference to that DOI is one node: at least as many citing works as entries naming
    // it (more when copies written without the DOI joined it: core/cited_works.hpp).
    EXPECT_GE(m.count, entries_citing(m.doi)) << m.label << " " << m.doi;
    EXPECT_LE(m.count, entries_citing(m.doi) + 2) << m.label << " " << m.doi;
    ++checked;
  }
  EXPECT_GE(checked, 5u);
}

TEST_F(WosLibrary, RankingsAndClustersOnRealData) {
  const auto graph = CitationGraph::build(*corpus_);
  const auto pr = pagerank(graph);
  EXPECT_NEAR(std::accumulate(pr.scores.begin(), pr.scores.end(), 0.0), 1.0, 1e-9);

  const auto works = rank_works(*corpus_, graph);
  const auto top = order_works(works, WorkOrder::citations, 5);
  ASSERT_EQ(top.size(), 5u);
  EXPECT_GT(works.works[top[0]].citations, 0u);

  const auto groups = group_authors(*corpus_);
  EXPECT_LT(groups.groups.size(), corpus_->people.size() + 1);
  const auto authors = rank_authors(*corpus_, graph, groups, works);
  const auto best = order_authors(authors, AuthorOrder::citations, 3);
  ASSERT_EQ(best.size(), 3u);
  EXPECT_GE(authors.authors[best[0]].h_index, 1u);

  ClusterOptions options;
  options.min_cluster_size = 5;
  const auto run = cluster_graph(graph, options);
  EXPECT_GT(run.modularity, 0.2);
  EXPECT_GE(run.clusters.size(), 2u);
  const auto labels = label_clusters(cluster_documents(*corpus_, graph, run));
  EXPECT_FALSE(labels[0].label.empty());
}

}  // namespace
}  // namespace litrev
