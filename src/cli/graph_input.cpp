#include "src/cli/graph_input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <utility>

#include "src/core/reference_keys.hpp"

namespace litrev::cli {

namespace {

// How people cite a work in running text: family names, "et al." from three authors on.
std::vector<std::string> short_author_lists(const CitationCorpus& corpus) {
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> by_work(corpus.works.size());
  for (const auto& a : corpus.authorships) by_work[a.work].emplace_back(a.position, a.person);
  std::vector<std::string> out(corpus.works.size());
  for (std::size_t w = 0; w < by_work.size(); ++w) {
    auto& authors = by_work[w];
    if (authors.empty()) continue;
    std::sort(authors.begin(), authors.end());
    auto family = [&](std::size_t i) {
      const CorpusPerson& p = corpus.people[authors[i].second];
      return readable_case(p.family.empty() ? p.name : p.family);
    };
    out[w] = authors.size() == 1   ? family(0)
             : authors.size() == 2 ? family(0) + " & " + family(1)
                                   : family(0) + " et al.";
  }
  return out;
}

}  // namespace

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
  std::vector<std::string> work_authors = short_author_lists(corpus);
  return {std::move(corpus), std::move(graph), std::move(work_authors)};
}

std::string vertex_key(const GraphInput& in, VertexId v) {
  const NodeRef node = in.graph.node(v);
  return node.kind == NodeKind::work ? in.corpus.works[node.index].key : in.corpus.externals[node.index].identity;
}

std::string vertex_title(const GraphInput& in, VertexId v) {
  const NodeRef node = in.graph.node(v);
  if (node.kind == NodeKind::external) return in.corpus.externals[node.index].label;
  const CorpusWork& w = in.corpus.works[node.index];
  const std::string year = w.year ? std::to_string(*w.year) : "n.d.";
  const std::string& authors = in.work_authors[node.index];
  if (authors.empty()) return fmt::format("{} ({})", w.title.empty() ? w.key : w.title, year);
  return fmt::format("{} ({}) {}", authors, year, w.title);
}

}  // namespace litrev::cli
