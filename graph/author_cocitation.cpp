#include "graph/author_cocitation.hpp"

#include <algorithm>

namespace litrev {

namespace {

// The authors library work w cites, sorted, each once.
void cited_author_row(const Adjacency& out, VertexId w, const CitedAuthors& authors, CitedAuthorCounting counting,
                      std::vector<VertexId>& row) {
  row.clear();
  for (VertexId u : out.neighbors(w))
    for (std::uint32_t g : credited_authors(authors, u, counting)) row.push_back(g);
  std::sort(row.begin(), row.end());
  row.erase(std::unique(row.begin(), row.end()), row.end());
}

}  // namespace

std::vector<std::uint32_t> author_citing_works(const CitationGraph& graph, const CitedAuthors& authors,
                                               CitedAuthorCounting counting) {
  std::vector<std::uint32_t> citing_works(authors.groups.groups.size(), 0);
  const Adjacency out = graph.out();
  std::vector<VertexId> row;
  for (VertexId w = 0; w < graph.num_works(); ++w) {
    cited_author_row(out, w, authors, counting, row);
    for (VertexId g : row) ++citing_works[g];
  }
  return citing_works;
}

Network author_cocitation_network(const CitationGraph& graph, const CitedAuthors& authors, CitedAuthorCounting counting,
                                  const NetworkOptions& options) {
  const auto num_authors = static_cast<VertexId>(authors.groups.groups.size());
  const VertexId num_works = graph.num_works();
  // Lists: per citing library work, the authors it cites (sorted, each once).
  const Adjacency out = graph.out();
  std::vector<ArcIndex> list_offsets(static_cast<std::size_t>(num_works) + 1, 0);
  std::vector<VertexId> list_members;
  std::vector<std::uint32_t> citing_works(num_authors, 0);
  std::vector<VertexId> row;
  for (VertexId w = 0; w < num_works; ++w) {
    cited_author_row(out, w, authors, counting, row);
    for (VertexId g : row) ++citing_works[g];
    list_members.insert(list_members.end(), row.begin(), row.end());
    list_offsets[w + 1] = static_cast<ArcIndex>(list_members.size());
  }
  // The transpose: per author, the works citing them (ascending, since works are visited in order).
  std::vector<ArcIndex> author_offsets(static_cast<std::size_t>(num_authors) + 1, 0);
  for (VertexId g = 0; g < num_authors; ++g) author_offsets[g + 1] = author_offsets[g] + citing_works[g];
  std::vector<VertexId> author_lists(list_members.size());
  std::vector<ArcIndex> fill(author_offsets.begin(), author_offsets.end() - 1);
  for (VertexId w = 0; w < num_works; ++w)
    for (ArcIndex a = list_offsets[w]; a < list_offsets[w + 1]; ++a) author_lists[fill[list_members[a]]++] = w;

  // Nodes: authors cited by at least min_citations (>= 1) library works, the top_n most cited.
  std::vector<VertexId> nodes;
  const std::uint32_t min_citations = std::max<std::uint32_t>(options.min_citations, 1);
  for (VertexId g = 0; g < num_authors; ++g)
    if (citing_works[g] >= min_citations) nodes.push_back(g);
  if (options.top_n > 0 && nodes.size() > options.top_n) {
    std::stable_sort(nodes.begin(), nodes.end(), [&](VertexId a, VertexId b) { return citing_works[a] > citing_works[b]; });
    nodes.resize(options.top_n);
    std::sort(nodes.begin(), nodes.end());
  }
  const Adjacency containing{author_offsets, author_lists, {}};
  const Adjacency members{list_offsets, list_members, {}};
  return co_occurrence_network(std::move(nodes), containing, members, options);
}

Clustering cluster_author_cocitation(const CitationGraph& graph, const CitedAuthors& authors,
                                     CitedAuthorCounting counting, const ClusterOptions& options) {
  std::vector<std::uint32_t> counts = author_citing_works(graph, authors, counting);
  std::erase(counts, 0u);  // the candidates: authors cited at least once
  // As for co-citation of works: about as many authors as library works citing something (the
  // clusters are named by them); an author cited by a single work is co-cited within one
  // reference list only.
  const NodeSelection selection = select_by_citations(options, counts, coupling_candidates(graph).size(), 2);
  Clustering run = cluster_network(author_cocitation_network(graph, authors, counting, selection.network_options),
                                   authors.groups.groups.size(), options, selection);
  run.network = NetworkKind::author_cocitation;
  return run;
}

ClusterDocuments author_cluster_documents(const CitationCorpus& corpus, const CitationGraph& graph,
                                          const CitedAuthors& authors, CitedAuthorCounting counting,
                                          const Clustering& run) {
  ClusterDocuments documents;
  documents.clusters.resize(run.clusters.size());
  const Adjacency out = graph.out();
  std::vector<std::uint32_t> cited(run.clusters.size(), 0);
  std::vector<std::uint32_t> touched;
  for (VertexId w = 0; w < graph.num_works(); ++w) {
    std::uint32_t best = kUnclustered;
    touched.clear();
    for (VertexId u : out.neighbors(w)) {
      for (std::uint32_t g : credited_authors(authors, u, counting)) {
        const std::uint32_t c = g < run.cluster_of.size() ? run.cluster_of[g] : kUnclustered;
        if (c == kUnclustered) continue;
        if (cited[c]++ == 0) touched.push_back(c);
        // Clusters are numbered largest first: on a tie the smaller id is the larger cluster.
        if (best == kUnclustered || cited[c] > cited[best] || (cited[c] == cited[best] && c < best)) best = c;
      }
    }
    for (std::uint32_t c : touched) cited[c] = 0;
    auto& describes = best != kUnclustered ? documents.clusters[best] : documents.rest;
    describes.push_back(vertex_document(corpus, graph, w));
  }
  return documents;
}

}  // namespace litrev
