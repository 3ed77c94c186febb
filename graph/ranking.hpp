#pragma once
// Ranking works and authors: pure functions of the corpus and the citation graph, returning
// every metric so that the caller picks the order and the columns.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graph/author_networks.hpp"
#include "graph/betweenness.hpp"
#include "graph/citation_graph.hpp"
#include "graph/pagerank.hpp"
#include "graph/people.hpp"
#include "src/core/citation_corpus.hpp"

namespace litrev {

struct RankingOptions {
  PageRankOptions pagerank;
  // Works: on the citation graph (directed by default). Authors: on the co-authorship network
  // (undirected; `directed` is ignored there).
  BetweennessOptions betweenness;
  AuthorNetworkOptions author_networks;
};

struct WorkMetrics {
  std::uint32_t work = 0;       // corpus.works index
  std::uint32_t citations = 0;  // by library works (local citation score)
  std::uint32_t references = 0; // works it cites (library works and externals)
  std::optional<std::int64_t> global_citations;
  double pagerank = 0.0;        // on the citation graph, externals included
  double betweenness = 0.0;
};

struct WorkRanking {
  std::vector<WorkMetrics> works;  // corpus order
  bool betweenness_sampled = false;
  std::uint32_t betweenness_sources = 0;
};

WorkRanking rank_works(const CitationCorpus& corpus, const CitationGraph& graph, const RankingOptions& options = {});

enum class WorkOrder { citations, global_citations, pagerank, betweenness };
// Indexes into ranking.works, best first (ties: more citations, higher PageRank, corpus
// order), leaving out works cited fewer than min_citations times by the library; top = 0 keeps
// all.
std::vector<std::uint32_t> order_works(const WorkRanking& ranking, WorkOrder order, std::size_t top = 0,
                                       std::uint32_t min_citations = 0);

// The default min_citations of an order: 2 for betweenness, else 0. Betweenness on the citation
// graph counts the shortest paths citing -> cited through a work, about (works reaching it) x
// (works it reaches): a recent review citing 150 library works and cited once ranks above every
// classic (which cites nothing in the library and has none), yet it bridges one work to what it
// cites. From two citing works on, it joins literatures.
std::uint32_t default_min_citations(WorkOrder order);

struct AuthorMetrics {
  std::uint32_t group = 0;  // AuthorGroups index
  std::string name;
  std::uint32_t works = 0;
  std::uint32_t citations = 0;        // local citations of their works, full counting
  double fractional_citations = 0.0;  // each work's citations divided by its number of authors
  double pagerank = 0.0;              // sum of their works' PageRank
  double citation_pagerank = 0.0;     // PageRank on the author citation network
  double betweenness = 0.0;           // on the co-authorship network
  std::uint32_t h_index = 0;          // from local citations
};

struct AuthorRanking {
  std::vector<AuthorMetrics> authors;  // AuthorGroups order
  bool betweenness_sampled = false;
  std::uint32_t betweenness_sources = 0;
};

AuthorRanking rank_authors(const CitationCorpus& corpus, const CitationGraph& graph, const AuthorGroups& groups,
                           const WorkRanking& works, const RankingOptions& options = {});

enum class AuthorOrder { citations, fractional_citations, pagerank, citation_pagerank, betweenness, h_index, works };
// Indexes into ranking.authors, best first (ties: more citations, then h-index, then order).
std::vector<std::uint32_t> order_authors(const AuthorRanking& ranking, AuthorOrder order, std::size_t top = 0);

// The largest h such that h of the values are >= h.
std::uint32_t h_index(std::vector<std::uint32_t> citations);

}  // namespace litrev
