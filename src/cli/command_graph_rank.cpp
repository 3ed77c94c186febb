// litrev graph rank: the key works, by citations inside the library, global citations,
// PageRank or betweenness on the citation graph.
#include <fmt/format.h>

#include "graph/bursts.hpp"
#include "graph/ranking.hpp"
#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/graph_input.hpp"
#include "src/cli/graph_options.hpp"

namespace litrev::cli {
namespace {

const std::map<std::string, WorkOrder> kWorkOrders = {{"citations", WorkOrder::citations},
                                                  {"global", WorkOrder::global_citations},
                                                  {"pagerank", WorkOrder::pagerank},
                                                  {"betweenness", WorkOrder::betweenness}};

class GraphRankCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("-n,--top", top_, "How many works (0: all)")->capture_default_str();
    sub.add_option("--by", by_, "Order: citations (in the library), global, pagerank, betweenness")
        ->check(CLI::IsMember({"citations", "global", "pagerank", "betweenness"}))
        ->capture_default_str();
    min_citations_ = sub.add_option("--min-citations", min_citations_value_,
                                    "Leave out works cited fewer times by the library (default: 2 with --by "
                                    "betweenness, where a work cited once bridges one work to what it cites; else 0)");
    sub.add_flag("--json", json_,
                 "Print a JSON array of {key, doi, title, year, citations, references, pagerank, betweenness, burst...}");
    centrality_.add_to(sub);
  }

  int run(Context& ctx) override {
    const GraphInput in = load_graph_input(ctx, false);
    RankingOptions options;
    options.pagerank = centrality_.pagerank;
    options.betweenness = centrality_.betweenness;
    const WorkRanking ranking = rank_works(in.corpus, in.graph, options);
    const WorkOrder by = kWorkOrders.at(by_);
    const std::uint32_t min_citations = min_citations_->count() > 0 ? min_citations_value_ : default_min_citations(by);
    const auto order = order_works(ranking, by, top_, min_citations);
    const std::string method =
        betweenness_method(ranking.betweenness_sampled, ranking.betweenness_sources, options.betweenness.seed);
    const std::vector<std::optional<Burst>> bursts = strongest_bursts(citation_bursts(in.corpus, in.graph), in.graph);
    auto burst_of = [&](const WorkMetrics& m) { return bursts[in.graph.vertex_of_work(m.work)]; };

    if (json_) {
      auto array = nlohmann::json::array();
      for (auto i : order) {
        const WorkMetrics& m = ranking.works[i];
        const CorpusWork& w = in.corpus.works[m.work];
        array.push_back({{"key", w.key},
                         {"doi", w.doi.empty() ? nlohmann::json(nullptr) : nlohmann::json(w.doi)},
                         {"title", w.title},
                         {"year", w.year ? nlohmann::json(*w.year) : nlohmann::json(nullptr)},
                         {"citations", m.citations},
                         {"references", m.references},
                         {"global_citations", m.global_citations ? nlohmann::json(*m.global_citations) : nlohmann::json(nullptr)},
                         {"pagerank", m.pagerank},
                         {"betweenness", m.betweenness},
                         {"betweenness_method", ranking.betweenness_sampled ? "sampled" : "exact"},
                         {"burst", burst_of(m) ? nlohmann::json{{"begin", burst_of(m)->begin}, {"end", burst_of(m)->end},
                                                                {"strength", burst_of(m)->strength}}
                                               : nlohmann::json(nullptr)}});
      }
      ctx.print_json(array);
      return kOk;
    }
    ctx.out() << fmt::format("Key works by {} ({} works{}; betweenness {})\n", by_, in.corpus.works.size(),
                             min_citations > 0 ? fmt::format(", those cited at least {} times", min_citations) : "",
                             method);
    if (by == WorkOrder::betweenness) {
      ctx.out() << "Betweenness counts the shortest citation paths (citing -> cited) running through a work: high for\n"
                   "works that cite much of the library and are cited by it, bridges between what they cite and what\n"
                   "cites them (often reviews); classics citing nothing in the library have none.\n";
    }
    ctx.out() << fmt::format("{:>4}  {:<24} {:>5} {:>6} {:>5} {:>7} {:>9} {:>11} {:>9}  {}\n", "#", "key", "year", "cited",
                             "refs", "global", "pagerank", "betweenness", "burst", "title");
    std::size_t rank = 0;
    for (auto i : order) {
      const WorkMetrics& m = ranking.works[i];
      const CorpusWork& w = in.corpus.works[m.work];
      const auto burst = burst_of(m);
      ctx.out() << fmt::format("{:>4}  {:<24} {:>5} {:>6} {:>5} {:>7} {:>9.5f} {:>11.1f} {:>9}  {}\n", ++rank, w.key,
                               w.year ? std::to_string(*w.year) : "", m.citations, m.references,
                               m.global_citations ? std::to_string(*m.global_citations) : "-", m.pagerank,
                               m.betweenness, burst ? fmt::format("{}-{}", burst->begin, burst->end) : "", w.title);
    }
    return kOk;
  }

 private:
  std::size_t top_ = 20;
  CLI::Option* min_citations_ = nullptr;
  std::uint32_t min_citations_value_ = 0;
  std::string by_ = "citations";
  bool json_ = false;
  CentralityOptions centrality_;
};

}  // namespace

std::unique_ptr<Command> make_graph_rank_command() { return std::make_unique<GraphRankCommand>(); }

}  // namespace litrev::cli
