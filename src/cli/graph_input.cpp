#include "src/cli/graph_input.hpp"

#include <fmt/format.h>

#include <chrono>

namespace litrev::cli {

GraphInput load_graph_input(Context& ctx, bool with_text, const CitationGraphOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  CitationCorpus corpus = ctx.store().load_citation_corpus(with_text);
  CitationGraph graph = CitationGraph::build(corpus, options);
  // The graph holds the citations now; at a million works their corpus copy is 200 MB that
  // the clustering's peak would otherwise carry.
  std::vector<CorpusCitation>().swap(corpus.citations);
  if (ctx.show_progress()) {
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    ctx.err() << fmt::format("graph: {} works, {} cited works outside the library, {} citation links ({:.1f} s)\n",
                             graph.num_works(), graph.num_vertices() - graph.num_works(), graph.num_arcs(), secs);
  }
  return {std::move(corpus), std::move(graph)};
}

std::string vertex_key(const GraphInput& in, VertexId v) {
  const NodeRef node = in.graph.node(v);
  return node.kind == NodeKind::work ? in.corpus.works[node.index].key : in.corpus.externals[node.index].identity;
}

std::string vertex_title(const GraphInput& in, VertexId v) {
  const NodeRef node = in.graph.node(v);
  if (node.kind == NodeKind::external) return in.corpus.externals[node.index].label;
  const CorpusWork& w = in.corpus.works[node.index];
  return fmt::format("{} ({}) {}", w.key, w.year ? std::to_string(*w.year) : "n.d.", w.title);
}

}  // namespace litrev::cli
