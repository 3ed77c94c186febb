#include "graph/citation_graph.hpp"

#include <algorithm>
#include <numeric>
#include <utility>

namespace litrev {

namespace {

constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);

// The corpus citations as rows per citing work, in a provisional id space: library work i is
// i, external e is num_works + (the first external with e's identity). Rows sorted, unique.
struct ProvisionalRows {
  std::vector<std::uint32_t> offsets;  // num_works + 1
  std::vector<std::uint32_t> targets;
};

ProvisionalRows provisional_rows(const CitationCorpus& corpus, const std::vector<std::uint32_t>& canonical,
                                 CitationGraphStats& stats) {
  const auto num_works = static_cast<std::uint32_t>(corpus.works.size());
  const auto num_externals = static_cast<std::uint32_t>(corpus.externals.size());
  // Resolves one citation to its provisional target, or kNone when it must be dropped.
  auto target_of = [&](const CorpusCitation& c) -> std::uint32_t {
    if (c.citing_work >= num_works || c.cited_work.has_value() == c.cited_external.has_value()) {
      ++stats.invalid_citations;
      return kNone;
    }
    if (c.cited_work) {
      if (*c.cited_work >= num_works) {
        ++stats.invalid_citations;
        return kNone;
      }
      if (*c.cited_work == c.citing_work) {
        ++stats.self_citations;
        return kNone;
      }
      return *c.cited_work;
    }
    if (*c.cited_external >= num_externals) {
      ++stats.invalid_citations;
      return kNone;
    }
    return num_works + canonical[*c.cited_external];
  };

  ProvisionalRows rows;
  rows.offsets.assign(static_cast<std::size_t>(num_works) + 1, 0);
  std::vector<std::uint32_t> resolved(corpus.citations.size());
  for (std::size_t i = 0; i < corpus.citations.size(); ++i) {
    resolved[i] = target_of(corpus.citations[i]);
    if (resolved[i] != kNone) ++rows.offsets[corpus.citations[i].citing_work + 1];
  }
  std::partial_sum(rows.offsets.begin(), rows.offsets.end(), rows.offsets.begin());
  rows.targets.resize(rows.offsets.back());
  std::vector<std::uint32_t> fill(rows.offsets.begin(), rows.offsets.end() - 1);
  for (std::size_t i = 0; i < corpus.citations.size(); ++i) {
    if (resolved[i] != kNone) rows.targets[fill[corpus.citations[i].citing_work]++] = resolved[i];
  }
  resolved = {};
  fill = {};
  // Sort and deduplicate each row in place (compacting as we go).
  std::uint32_t out = 0;
  for (std::uint32_t w = 0; w < num_works; ++w) {
    const auto b = rows.targets.begin() + rows.offsets[w];
    const auto e = rows.targets.begin() + rows.offsets[w + 1];
    std::sort(b, e);
    const auto u = std::unique(b, e);
    stats.duplicate_citations += static_cast<std::size_t>(e - u);
    rows.offsets[w] = out;
    for (auto it = b; it != u; ++it) rows.targets[out++] = *it;
  }
  rows.offsets[num_works] = out;
  rows.targets.resize(out);
  return rows;
}

}  // namespace

CitationGraph CitationGraph::build(const CitationCorpus& corpus, const CitationGraphOptions& options) {
  CitationGraph g;
  g.stats_.citations_read = corpus.citations.size();
  const auto num_works = static_cast<std::uint32_t>(corpus.works.size());
  const auto num_externals = static_cast<std::uint32_t>(corpus.externals.size());

  // One node per identity: later externals with a known identity fold into the first one.
  std::vector<std::uint32_t> canonical(num_externals);
  {
    std::unordered_map<std::string_view, std::uint32_t> first;
    first.reserve(num_externals);
    for (std::uint32_t e = 0; e < num_externals; ++e) {
      const std::string& id = corpus.externals[e].identity;
      if (id.empty()) {
        canonical[e] = e;
        continue;
      }
      const auto [it, inserted] = first.emplace(id, e);
      canonical[e] = it->second;
      if (!inserted) ++g.stats_.merged_externals;
    }
  }

  ProvisionalRows rows = provisional_rows(corpus, canonical, g.stats_);

  // Decide which externals become vertices: cited often enough, in corpus order.
  std::vector<std::uint32_t> external_citations(num_externals, 0);
  for (std::uint32_t t : rows.targets) {
    if (t >= num_works) ++external_citations[t - num_works];
  }
  std::vector<VertexId> canonical_vertex(num_externals, kNoVertex);
  g.nodes_.reserve(num_works);
  for (std::uint32_t w = 0; w < num_works; ++w) g.nodes_.push_back({NodeKind::work, w});
  g.num_works_ = num_works;
  if (options.include_externals) {
    const std::uint32_t min_citations = std::max<std::uint32_t>(options.min_external_citations, 1);
    for (std::uint32_t e = 0; e < num_externals; ++e) {
      if (canonical[e] != e || external_citations[e] < min_citations) continue;
      canonical_vertex[e] = static_cast<VertexId>(g.nodes_.size());
      g.nodes_.push_back({NodeKind::external, e});
      if (!corpus.externals[e].identity.empty()) {
        g.identity_vertex_.emplace(corpus.externals[e].identity, canonical_vertex[e]);
      }
    }
  }
  g.work_vertex_.resize(num_works);
  std::iota(g.work_vertex_.begin(), g.work_vertex_.end(), VertexId{0});
  g.external_vertex_.resize(num_externals);
  for (std::uint32_t e = 0; e < num_externals; ++e) g.external_vertex_[e] = canonical_vertex[canonical[e]];

  // Final arcs. The provisional -> vertex map is increasing, so rows stay sorted.
  std::vector<std::pair<VertexId, VertexId>> arcs;
  arcs.reserve(rows.targets.size());
  for (std::uint32_t w = 0; w < num_works; ++w) {
    for (std::uint32_t a = rows.offsets[w]; a < rows.offsets[w + 1]; ++a) {
      const std::uint32_t t = rows.targets[a];
      const VertexId v = t < num_works ? t : canonical_vertex[t - num_works];
      if (v == kNoVertex) {
        ++g.stats_.filtered_citations;
        continue;
      }
      arcs.emplace_back(w, v);
    }
  }
  rows = {};
  g.graph_ = make_digraph(g.num_vertices(), arcs);
  return g;
}

VertexId CitationGraph::vertex_of_work(std::uint32_t work_index) const {
  return work_index < work_vertex_.size() ? work_vertex_[work_index] : kNoVertex;
}

VertexId CitationGraph::vertex_of_external(std::uint32_t external_index) const {
  return external_index < external_vertex_.size() ? external_vertex_[external_index] : kNoVertex;
}

VertexId CitationGraph::vertex_of_identity(std::string_view identity) const {
  const auto it = identity_vertex_.find(std::string(identity));
  return it == identity_vertex_.end() ? kNoVertex : it->second;
}

}  // namespace litrev
