// litrev graph bursts: the references whose citations by the library's works burst (Kleinberg's
// two-state automaton with CiteSpace's parameters), strongest first, with a year bar as
// CiteSpace draws it.
#include <fmt/format.h>

#include "graph/bursts.hpp"
#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/graph_input.hpp"
#include "src/cli/map_views.hpp"

namespace litrev::cli {
namespace {

// One character per year: blank before the work was published, '█' in the burst, '─' else.
std::string burst_bar(int first, int last, std::optional<int> published, const Burst& b) {
  std::string bar;
  for (int y = first; y <= last; ++y)
    bar += y >= b.begin && y <= b.end ? "\u2588" : published && y < *published ? " " : "\u2500";
  return bar;
}

class GraphBurstsCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("-n,--top", top_, "How many bursts (0: all)")->default_val(25);
    sub.add_option("--gamma", options_.gamma, "Cost of entering the burst state, times ln(years) (higher: fewer bursts)")
        ->check(CLI::NonNegativeNumber)
        ->default_val(1.0);
    sub.add_option("--ratio", options_.s, "Citation rate of the burst state over the reference's mean rate (s)")
        ->check(CLI::Range(1.0001, 1000.0))
        ->default_val(2.0);
    sub.add_option("--min-duration", options_.min_duration, "Shortest burst kept, in years")
        ->check(CLI::Range(1, 1000))
        ->default_val(2);
    sub.add_option("--min-citations", options_.min_citations, "References cited fewer times are not examined")
        ->default_val(2);
    sub.add_flag("--json", json_, "Print {first_year, last_year, citing_works_per_year, parameters, bursts: [...]}");
  }

  int run(Context& ctx) override {
    const GraphInput in = load_graph_input(ctx, false);
    MapViews views(ctx, in);
    const BurstAnalysis analysis = citation_bursts(in.corpus, in.graph, options_);
    struct Row {
      VertexId vertex;
      std::uint32_t citations;
      Burst burst;
    };
    std::vector<Row> rows;
    for (const auto& vb : analysis.vertices)
      for (const Burst& b : vb.bursts) rows.push_back({vb.vertex, vb.citations, b});
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.burst.strength > b.burst.strength; });
    if (top_ && rows.size() > top_) rows.resize(top_);
    auto year_of = [&](VertexId v) {
      return in.graph.is_work(v) ? in.corpus.works[in.graph.node(v).index].year : in.corpus.externals[in.graph.node(v).index].year;
    };

    if (json_) {
      auto list = nlohmann::json::array();
      for (const Row& r : rows) {
        const auto year = year_of(r.vertex);
        list.push_back({{"key", vertex_key(in, r.vertex)},
                        {"label", views.short_label(r.vertex)},
                        {"reference", views.reference(r.vertex)},
                        {"year", year ? nlohmann::json(*year) : nlohmann::json(nullptr)},
                        {"in_library", in.graph.is_work(r.vertex)},
                        {"citations", r.citations},
                        {"begin", r.burst.begin},
                        {"end", r.burst.end},
                        {"strength", r.burst.strength}});
      }
      ctx.print_json({{"first_year", analysis.first_year},
                      {"last_year", analysis.last_year},
                      {"citing_works_per_year", analysis.citing_per_year},
                      {"parameters", {{"gamma", options_.gamma}, {"ratio", options_.s}, {"states", 2},
                                      {"min_duration", options_.min_duration}, {"min_citations", options_.min_citations}}},
                      {"bursts", std::move(list)}});
      return kOk;
    }
    if (analysis.citing_per_year.empty()) {
      ctx.out() << "No library work with a year cites anything: no citation series to examine.\n";
      return kOk;
    }
    ctx.out() << fmt::format(
        "Top {} references with the strongest citation bursts, {}-{} (Kleinberg, 2 states, s = {}, gamma = {}, "
        "minimum duration {} years)\n",
        rows.size(), analysis.first_year, analysis.last_year, options_.s, options_.gamma, options_.min_duration);
    ctx.out() << fmt::format("{:>4}  {:>8}  {:>5}  {:>5}  {:>4}  {:>5}  {:<{}}  {}\n", "#", "strength", "begin", "end",
                             "year", "cited", "years", analysis.last_year - analysis.first_year + 1, "reference");
    std::size_t rank = 0;
    for (const Row& r : rows) {
      const auto year = year_of(r.vertex);
      ctx.out() << fmt::format("{:>4}  {:>8.2f}  {:>5}  {:>5}  {:>4}  {:>5}  {}  {}\n", ++rank, r.burst.strength,
                               r.burst.begin, r.burst.end, year ? std::to_string(*year) : "", r.citations,
                               burst_bar(analysis.first_year, analysis.last_year, year, r.burst), views.short_label(r.vertex) +
                                   "  " + views.reference(r.vertex));
    }
    return kOk;
  }

 private:
  std::size_t top_ = 25;
  BurstOptions options_;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_graph_bursts_command() { return std::make_unique<GraphBurstsCommand>(); }

}  // namespace litrev::cli
