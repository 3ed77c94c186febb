#pragma once
// Gathers what `graph map`, `graph timeline` and `graph historiograph` draw: the network and
// its layout, the clusters of the saved run (or clusters computed now, said on stderr), ranks,
// citation bursts, and for library works their notes, tags and DOI or HAL page.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "graph/bursts.hpp"
#include "graph/layout.hpp"
#include "graph/networks.hpp"
#include "graph/pagerank.hpp"
#include "src/cli/context.hpp"
#include "src/cli/graph_input.hpp"
#include "src/map/map_document.hpp"

namespace litrev::cli {

// At most max_chars characters of text (UTF-8, cut between characters), "..." ending a cut.
std::string clip_text(std::string_view text, std::size_t max_chars);

struct ViewRequest {
  // cocitation, coupling, citation (networks of works); authors (author co-citation),
  // coauthorship (networks of people).
  std::string network = "cocitation";
  std::optional<std::uint32_t> top;            // most cited nodes kept; unset: the run's, else the default
  std::optional<std::uint32_t> min_citations;  // unset: the run's, else the default
  std::int64_t run_id = 0;                     // 0: the latest run of that network
  std::string color_by = "cluster";            // or "year"
  std::string size_by = "citations";           // or "pagerank"
  std::size_t max_links = 20000;               // strongest links drawn (the layout uses all)
  LayoutOptions layout;
};

class MapViews {
 public:
  MapViews(Context& ctx, const GraphInput& in);

  map::MapView works_view(const ViewRequest& request);
  map::MapView authors_view(const ViewRequest& request);
  // Works per year, per cluster of the works network's run (or clusters computed now).
  map::TimelineData timeline(const ViewRequest& request);
  map::HistoriographData historiograph(std::uint32_t top, std::uint32_t min_citations);

  const BurstAnalysis& bursts();
  // "DiMaggio 1983" for a vertex: first author's family name and year.
  std::string short_label(VertexId v) const;
  // Authors (year). Title. Container. DOI — or the external reference as read.
  std::string reference(VertexId v) const;
  // https://doi.org/..., the HAL page, or the work's URL; empty when none.
  std::string url(VertexId v);

 private:
  struct Clusters {
    std::vector<std::uint32_t> cluster_of;  // per citation-graph vertex
    std::vector<map::MapCluster> clusters;
    std::string source;                     // "run 3" or "computed now (not saved)"
    std::optional<std::uint32_t> run_top, run_min_citations;
  };
  // Once per network and run: the map and its timeline tab share them.
  const Clusters& work_clusters(const ViewRequest& request);
  const PageRankResult& pagerank_scores();
  const StoredWork* stored(VertexId v);

  Context& ctx_;
  const GraphInput& in_;
  std::vector<std::uint32_t> first_author_;  // per corpus work: corpus.people index or UINT32_MAX
  std::optional<PageRankResult> pagerank_;
  std::optional<BurstAnalysis> bursts_;
  std::vector<std::optional<Burst>> burst_of_;  // per vertex: the strongest
  std::vector<std::optional<StoredWork>> stored_;        // per work, read on demand
  std::vector<bool> stored_read_;
  std::map<std::string, Clusters> clusters_;  // by "network run"
};

}  // namespace litrev::cli
