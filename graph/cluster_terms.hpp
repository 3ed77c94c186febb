#pragma once
// Cluster labels: each cluster named by the phrases that distinguish it from the rest of the
// library. Candidate phrases (label_phrases.hpp) come from the titles, author keywords and
// abstracts of the cluster's documents; each is scored by Dunning's log-likelihood ratio G2 of
// its document count in the cluster against the rest of the library (the other clusters'
// documents and the library works that describe no cluster); phrases contained in a better
// one are dropped.

#include <cstdint>
#include <string>
#include <vector>

#include "graph/citation_graph.hpp"
#include "graph/clustering.hpp"
#include "src/core/citation_corpus.hpp"

namespace litrev {

struct LabelDocument {
  std::string title;
  std::string abstract;               // its publisher's notice is left out when read
  std::vector<std::string> keywords;  // author keywords
};

// What labels are computed from: documents[c] describe cluster c; `rest` is the rest of the
// library (counted against every cluster, labelling none).
struct ClusterDocuments {
  std::vector<std::vector<LabelDocument>> clusters;
  std::vector<LabelDocument> rest;
};

struct TermOptions {
  std::size_t terms = 8;            // distinctive phrases kept per cluster
  std::size_t label_terms = 3;      // of which the label shows the first ones
  std::uint32_t min_documents = 2;  // a phrase must occur in that many of the cluster's documents
  double min_share = 0.05;          // ... and in that share of them: a label describes the cluster
  // A phrase found only in an abstract counts as this much of a document (in a title or a
  // keyword: one document). Abstracts are ten times longer than titles and mention in passing
  // what titles and keywords name on purpose.
  double abstract_weight = 0.5;
  std::size_t max_words = 3;
};

struct ScoredTerm {
  std::string term;               // as shown: "corporate social responsibility", "action publique"
  double score = 0.0;             // G2
  std::uint32_t documents = 0;    // documents of the cluster containing it
};

struct ClusterLabel {
  std::vector<ScoredTerm> terms;  // most distinctive first
  std::string label;              // "term1, term2, term3"
  std::size_t documents = 0;      // the documents it was read from (few documents, weak label)
};

// One label per documents.clusters entry. Deterministic: ties broken by the phrase.
std::vector<ClusterLabel> label_clusters(const ClusterDocuments& documents, const TermOptions& options = {});

// What a vertex contributes: a work's title, abstract and keywords; an external's label and raw
// reference (which holds the title in Scopus or Crossref forms).
LabelDocument vertex_document(const CitationCorpus& corpus, const CitationGraph& graph, VertexId v);

// The documents describing each cluster of a run (clusters[c] for run.clusters[c]) and the rest
// of the library. Clusters of library works (coupling, direct citation): their works' titles,
// abstracts and keywords. Co-citation clusters hold mostly cited works known only by a
// reference string ("POWER M, 1997, AUDIT SOC"), so, as CiteSpace labels clusters by their
// citing articles, each library work that cites cluster members describes the cluster it cites
// most (ties: the larger cluster), and member works that cite no cluster describe their own.
// Library works that describe no cluster are the rest.
ClusterDocuments cluster_documents(const CitationCorpus& corpus, const CitationGraph& graph, const Clustering& run);

}  // namespace litrev
