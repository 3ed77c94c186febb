#include "graph/ranking.hpp"

#include <algorithm>
#include <functional>
#include <numeric>

namespace litrev {

WorkRanking rank_works(const CitationCorpus& corpus, const CitationGraph& graph, const RankingOptions& options) {
  const PageRankResult pr = pagerank(graph, options.pagerank);
  const BetweennessResult bt = betweenness(graph, options.betweenness);
  WorkRanking ranking;
  ranking.betweenness_sampled = bt.sampled;
  ranking.betweenness_sources = bt.sources;
  ranking.works.resize(corpus.works.size());
  for (std::uint32_t w = 0; w < corpus.works.size(); ++w) {
    WorkMetrics& m = ranking.works[w];
    m.work = w;
    m.global_citations = corpus.works[w].global_citations;
    const VertexId v = graph.vertex_of_work(w);
    if (v == kNoVertex) continue;
    m.citations = graph.local_citations(v);
    m.references = graph.out().degree(v);
    m.pagerank = pr.scores[v];
    m.betweenness = bt.scores[v];
  }
  return ranking;
}

namespace {

template <typename Item, typename Key, typename Tie>
std::vector<std::uint32_t> ordered(const std::vector<Item>& items, Key key, Tie tie, std::size_t top) {
  std::vector<std::uint32_t> idx(items.size());
  std::iota(idx.begin(), idx.end(), std::uint32_t{0});
  std::stable_sort(idx.begin(), idx.end(), [&](std::uint32_t a, std::uint32_t b) {
    const double ka = key(items[a]);
    const double kb = key(items[b]);
    if (ka != kb) return ka > kb;
    return tie(items[a], items[b]);
  });
  if (top > 0 && idx.size() > top) idx.resize(top);
  return idx;
}

}  // namespace

std::uint32_t default_min_citations(WorkOrder order) { return order == WorkOrder::betweenness ? 2 : 0; }

std::vector<std::uint32_t> order_works(const WorkRanking& ranking, WorkOrder order, std::size_t top,
                                       std::uint32_t min_citations) {
  const std::function<double(const WorkMetrics&)> key = [order](const WorkMetrics& m) -> double {
    switch (order) {
      case WorkOrder::citations: return m.citations;
      case WorkOrder::global_citations: return m.global_citations ? static_cast<double>(*m.global_citations) : -1.0;
      case WorkOrder::pagerank: return m.pagerank;
      case WorkOrder::betweenness: return m.betweenness;
    }
    return 0.0;
  };
  auto tie = [](const WorkMetrics& a, const WorkMetrics& b) {
    if (a.citations != b.citations) return a.citations > b.citations;
    return a.pagerank > b.pagerank;
  };
  std::vector<std::uint32_t> all = ordered(ranking.works, key, tie, 0);
  std::erase_if(all, [&](std::uint32_t i) { return ranking.works[i].citations < min_citations; });
  if (top > 0 && all.size() > top) all.resize(top);
  return all;
}

std::uint32_t h_index(std::vector<std::uint32_t> citations) {
  std::sort(citations.begin(), citations.end(), std::greater<>());
  std::uint32_t h = 0;
  while (h < citations.size() && citations[h] >= h + 1) ++h;
  return h;
}

AuthorRanking rank_authors(const CitationCorpus& corpus, const CitationGraph& graph, const AuthorGroups& groups,
                           const WorkRanking& works, const RankingOptions& options) {
  const auto num_groups = static_cast<std::uint32_t>(groups.groups.size());
  const auto authors = authors_by_work(corpus, groups);
  AuthorRanking ranking;
  ranking.authors.resize(num_groups);
  std::vector<std::vector<std::uint32_t>> citations_of(num_groups);
  for (std::uint32_t g = 0; g < num_groups; ++g) {
    ranking.authors[g].group = g;
    ranking.authors[g].name = groups.groups[g].name;
  }
  for (std::uint32_t w = 0; w < authors.size(); ++w) {
    if (authors[w].empty()) continue;
    const WorkMetrics& m = works.works[w];
    const double share = 1.0 / static_cast<double>(authors[w].size());
    for (std::uint32_t g : authors[w]) {
      AuthorMetrics& a = ranking.authors[g];
      ++a.works;
      a.citations += m.citations;
      a.fractional_citations += m.citations * share;
      a.pagerank += m.pagerank;
      citations_of[g].push_back(m.citations);
    }
  }
  for (std::uint32_t g = 0; g < num_groups; ++g) ranking.authors[g].h_index = h_index(std::move(citations_of[g]));

  const WeightedGraph cites = author_citation_network(graph, authors, num_groups, options.author_networks);
  const PageRankResult pr = pagerank(cites, options.pagerank);
  const WeightedGraph coauthors = coauthorship_network(authors, num_groups, options.author_networks);
  const BetweennessResult bt = betweenness(coauthors, options.betweenness);
  ranking.betweenness_sampled = bt.sampled;
  ranking.betweenness_sources = bt.sources;
  for (std::uint32_t g = 0; g < num_groups; ++g) {
    ranking.authors[g].citation_pagerank = pr.scores.empty() ? 0.0 : pr.scores[g];
    ranking.authors[g].betweenness = bt.scores.empty() ? 0.0 : bt.scores[g];
  }
  return ranking;
}

std::vector<std::uint32_t> order_authors(const AuthorRanking& ranking, AuthorOrder order, std::size_t top) {
  const std::function<double(const AuthorMetrics&)> key = [order](const AuthorMetrics& a) -> double {
    switch (order) {
      case AuthorOrder::citations: return a.citations;
      case AuthorOrder::fractional_citations: return a.fractional_citations;
      case AuthorOrder::pagerank: return a.pagerank;
      case AuthorOrder::citation_pagerank: return a.citation_pagerank;
      case AuthorOrder::betweenness: return a.betweenness;
      case AuthorOrder::h_index: return a.h_index;
      case AuthorOrder::works: return a.works;
    }
    return 0.0;
  };
  auto tie = [](const AuthorMetrics& a, const AuthorMetrics& b) {
    if (a.citations != b.citations) return a.citations > b.citations;
    return a.h_index > b.h_index;
  };
  return ordered(ranking.authors, key, tie, top);
}

}  // namespace litrev
