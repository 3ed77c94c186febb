#pragma once
// `litrev graph cluster --network author-cocitation`: Leiden clusters of the authors the library
// cites (graph/author_cocitation.hpp), each named by the library works citing its authors, with
// its most cited authors. Saved like the other runs; its assignments name authors
// ("author:<people list id>"), so `graph export` never reads them as works.

#include <cstddef>

#include "graph/cluster_terms.hpp"
#include "graph/clustering.hpp"
#include "src/cli/context.hpp"

namespace litrev::cli {

struct AuthorClusterRequest {
  ClusterOptions options;  // network_options, leiden, min_cluster_size, small_clusters
  TermOptions terms;
  std::size_t show = 5;     // authors listed per cluster in the text output
  bool all_authors = false;  // all-author counting (default: first author)
  bool save = true;
  bool json = false;
};

int run_author_cocitation_clusters(Context& ctx, const AuthorClusterRequest& request);

}  // namespace litrev::cli
