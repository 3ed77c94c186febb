// litrev graph timeline: the library's works per year, in total and per cluster of the saved
// run (co-citation clusters: each work counts in the cluster it cites most).
#include <fmt/format.h>

#include "graph/timeline.hpp"
#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/graph_input.hpp"
#include "src/cli/map_views.hpp"

namespace litrev::cli {
namespace {

// Clusters beyond this many get one "other" column in the text table (--json has them all).
constexpr std::size_t kTimelineColumns = 8;

class GraphTimelineCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("--network", request_.network, "Clusters of this network's saved run: cocitation, coupling or citation")
        ->check(CLI::IsMember({"cocitation", "coupling", "citation"}))
        ->default_str("cocitation");
    sub.add_option("--run", request_.run_id, "Clusters of this saved run (default: the latest of the network)");
    sub.add_flag("--no-clusters", no_clusters_, "Totals only (no clustering needed)");
    sub.add_flag("--json", json_, "Print {first_year, works: [...], undated, clusters: [{label, counts}]}");
  }

  int run(Context& ctx) override {
    const GraphInput in = load_graph_input(ctx, !no_clusters_);
    MapViews views(ctx, in);
    map::TimelineData t;
    if (no_clusters_) {
      const Timeline plain = works_timeline(in.corpus, in.graph);
      t.first_year = plain.first_year, t.totals = plain.works, t.undated = plain.undated;
    } else {
      t = views.timeline(request_);
    }
    if (json_) {
      auto clusters = nlohmann::json::array();
      for (const auto& s : t.clusters) clusters.push_back({{"label", s.label}, {"counts", s.counts}});
      ctx.print_json({{"first_year", t.first_year}, {"works", t.totals}, {"undated", t.undated}, {"clusters", clusters}});
      return kOk;
    }
    if (t.totals.empty()) {
      ctx.out() << "No work of the library has a year.\n";
      return kOk;
    }
    const std::size_t shown = std::min(t.clusters.size(), kTimelineColumns);
    std::uint32_t max = 1;
    for (auto v : t.totals) max = std::max(max, v);
    std::string head = fmt::format("{:>4}  {:>5}", "year", "works");
    for (std::size_t c = 0; c < shown; ++c) head += fmt::format(" {:>5}", fmt::format("c{}", c + 1));
    if (t.clusters.size() > shown) head += fmt::format(" {:>5}", "other");
    ctx.out() << head << "\n";
    for (std::size_t y = 0; y < t.totals.size(); ++y) {
      if (t.totals[y] == 0) continue;
      std::string line = fmt::format("{:>4}  {:>5}", t.first_year + static_cast<int>(y), t.totals[y]);
      std::uint32_t other = 0;
      for (std::size_t c = 0; c < t.clusters.size(); ++c) {
        if (c < shown) line += fmt::format(" {:>5}", t.clusters[c].counts[y] ? std::to_string(t.clusters[c].counts[y]) : "");
        else other += t.clusters[c].counts[y];
      }
      if (t.clusters.size() > shown) line += fmt::format(" {:>5}", other ? std::to_string(other) : "");
      std::string bar;
      for (std::uint32_t k = 0; k < (t.totals[y] * 40 + max - 1) / max; ++k) bar += "\u2587";
      ctx.out() << line << "  " << bar << "\n";
    }
    if (t.undated) ctx.out() << fmt::format("{} works without a year\n", t.undated);
    for (std::size_t c = 0; c < shown; ++c) ctx.out() << fmt::format("c{}: {}\n", c + 1, t.clusters[c].label);
    return kOk;
  }

 private:
  ViewRequest request_;
  bool no_clusters_ = false;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_graph_timeline_command() { return std::make_unique<GraphTimelineCommand>(); }

}  // namespace litrev::cli
