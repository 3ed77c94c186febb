#pragma once
// What every `litrev graph ...` command starts from: the library read once as a
// CitationCorpus and built into the citation graph. Plus how a vertex is named in output.

#include <string>
#include <vector>

#include "graph/citation_graph.hpp"
#include "src/cli/context.hpp"
#include "src/core/citation_corpus.hpp"

namespace litrev::cli {

struct GraphInput {
  CitationCorpus corpus;  // without its citations, which are in the graph
  CitationGraph graph;
  std::vector<std::string> work_authors;  // per work: "Bowker & Star", "Dwivedi et al.", or empty
};

// with_text: abstracts and keywords too (cluster labels need them).
GraphInput load_graph_input(Context& ctx, bool with_text, const CitationGraphOptions& options = {});

// A work's library key, or an external cited work's identity ("doi:10.1086/226464").
std::string vertex_key(const GraphInput& in, VertexId v);
// "DiMaggio & Powell (1983) The Iron Cage Revisited..." (a work without authors: its title and
// year), or the external's label.
std::string vertex_title(const GraphInput& in, VertexId v);

}  // namespace litrev::cli
