#pragma once
// Author co-citation (White & Griffith 1981; White & McCain 1998): two authors are co-cited when
// one library work cites works credited to both (cited_authors.hpp: first author, or all
// authors); the link weight is the number of such library works (full counting), or each citing
// work hands out weight 1 per author it co-cites, 1/(n-1) per pair (fractional). Normalization,
// thresholds and the cost bound are those of the other co-occurrence networks (networks.hpp):
// NetworkOptions::min_citations is the number of library works citing the author, top_n keeps
// the most cited authors.
//
// Clusters of it are named, as co-citation clusters of works are, by the library works citing
// them: each citing work describes the cluster whose authors it cites most.

#include <vector>

#include "graph/cited_authors.hpp"
#include "graph/cluster_terms.hpp"
#include "graph/clustering.hpp"
#include "graph/networks.hpp"

namespace litrev {

// How many library works cite each author group (indexes into authors.groups.groups).
std::vector<std::uint32_t> author_citing_works(const CitationGraph& graph, const CitedAuthors& authors,
                                               CitedAuthorCounting counting);

// Network::nodes are author groups (indexes into authors.groups.groups), not vertices.
Network author_cocitation_network(const CitationGraph& graph, const CitedAuthors& authors, CitedAuthorCounting counting,
                                  const NetworkOptions& options = {});

// Leiden on the author co-citation network. The result's cluster vertices and cluster_of are
// author groups; run.network is NetworkKind::author_cocitation. options.network is ignored;
// options.choose_min_citations chooses the threshold as for works (thresholds.hpp: about as many
// authors as library works citing something, up to the cap, each cited by 2 works or more).
Clustering cluster_author_cocitation(const CitationGraph& graph, const CitedAuthors& authors,
                                     CitedAuthorCounting counting, const ClusterOptions& options);

// The library works describing each author cluster (clusters[c] for run.clusters[c]): every
// library work citing clustered authors goes to the cluster it credits most citations to (ties:
// the larger cluster); the others are the rest of the library.
ClusterDocuments author_cluster_documents(const CitationCorpus& corpus, const CitationGraph& graph,
                                          const CitedAuthors& authors, CitedAuthorCounting counting,
                                          const Clustering& run);

}  // namespace litrev
