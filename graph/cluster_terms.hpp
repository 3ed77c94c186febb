#pragma once
// Cluster labels: each cluster named by its most distinctive terms, the ones over-represented
// in its works compared with the other clusters' (Dunning's log-likelihood ratio G2 on
// document counts), from titles, abstracts and keywords, with English and French stop words
// left out and two-word terms ("institutional theory") considered beside single words.

#include <cstdint>
#include <string>
#include <vector>

#include "graph/citation_graph.hpp"
#include "graph/clustering.hpp"
#include "src/core/citation_corpus.hpp"

namespace litrev {

struct LabelDocument {
  std::string text;                  // title, abstract... (free text)
  std::vector<std::string> phrases;  // author keywords: each is a term as a whole
};

struct TermOptions {
  std::size_t terms = 8;          // distinctive terms kept per cluster
  std::size_t label_terms = 3;    // of which the label shows the first ones
  std::uint32_t min_documents = 2;  // a term must occur in that many of the cluster's works
  bool bigrams = true;
};

struct ScoredTerm {
  std::string term;
  double score = 0.0;            // G2
  std::uint32_t documents = 0;   // works of the cluster containing it
};

struct ClusterLabel {
  std::vector<ScoredTerm> terms;  // most distinctive first
  std::string label;              // "term1, term2, term3"
};

// documents[c]: the works of cluster c. Deterministic: ties broken alphabetically.
std::vector<ClusterLabel> label_clusters(const std::vector<std::vector<LabelDocument>>& documents,
                                         const TermOptions& options = {});

// What a vertex contributes: a work's title, abstract and keywords; an external's label and raw
// reference (which holds the title in Scopus or Crossref forms).
LabelDocument vertex_document(const CitationCorpus& corpus, const CitationGraph& graph, VertexId v);

// The documents describing each cluster of a run (documents[c] for run.clusters[c]). Clusters
// of library works (coupling, direct citation): their works' titles, abstracts and keywords.
// Co-citation clusters hold mostly cited works known only by a reference string
// ("POWER M, 1997, AUDIT SOC"), so, as CiteSpace labels clusters by their citing articles,
// each library work that cites cluster members describes the cluster it cites most (ties: the
// larger cluster), and member works that cite no cluster describe their own.
std::vector<std::vector<LabelDocument>> cluster_documents(const CitationCorpus& corpus, const CitationGraph& graph,
                                                          const Clustering& run);

// True for the English and French stop words (and academic filler such as "paper", "study")
// that never make a label. Expects folded words (see core/text.hpp fold()).
bool is_stop_word(std::string_view folded_word);

}  // namespace litrev
