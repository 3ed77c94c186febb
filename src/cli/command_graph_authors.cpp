// litrev graph authors: the key authors, by the citations their works receive (full and
// fractional counting), their works' PageRank, PageRank on the author citation network,
// betweenness on the co-authorship network, and h-index inside the library.
#include <fmt/format.h>

#include "graph/people.hpp"
#include "graph/ranking.hpp"
#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/graph_input.hpp"
#include "src/cli/graph_options.hpp"
#include "src/cli/people_overrides.hpp"

namespace litrev::cli {
namespace {

const std::map<std::string, AuthorOrder> kAuthorOrders = {{"citations", AuthorOrder::citations},
                                                    {"fractional", AuthorOrder::fractional_citations},
                                                    {"pagerank", AuthorOrder::pagerank},
                                                    {"citation-pagerank", AuthorOrder::citation_pagerank},
                                                    {"betweenness", AuthorOrder::betweenness},
                                                    {"h-index", AuthorOrder::h_index},
                                                    {"works", AuthorOrder::works}};

class GraphAuthorsCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("-n,--top", top_, "How many authors (0: all)");
    sub.add_option("--by", by_,
                   "Order: citations, fractional, pagerank (sum of their works'), citation-pagerank (author "
                   "citation network), betweenness (co-authorship network), h-index, works")
        ->check(CLI::IsMember({"citations", "fractional", "pagerank", "citation-pagerank", "betweenness", "h-index", "works"}));
    sub.add_flag("--json", json_, "Print a JSON array of {name, works, citations, pagerank, betweenness, h_index...}");
    centrality_.add_to(sub);
  }

  int run(Context& ctx) override {
    const GraphInput in = load_graph_input(ctx, false);
    RankingOptions options;
    options.pagerank = centrality_.pagerank;
    options.betweenness = centrality_.betweenness;
    const AuthorGroups groups = group_authors(in.corpus, load_people_overrides(ctx.store(), in.corpus));
    const WorkRanking works = rank_works(in.corpus, in.graph, options);
    const AuthorRanking ranking = rank_authors(in.corpus, in.graph, groups, works, options);
    const auto order = order_authors(ranking, kAuthorOrders.at(by_), top_);

    if (json_) {
      auto array = nlohmann::json::array();
      for (auto i : order) {
        const AuthorMetrics& a = ranking.authors[i];
        array.push_back({{"name", a.name},
                         {"id", groups.groups[a.group].key},
                         {"works", a.works},
                         {"citations", a.citations},
                         {"fractional_citations", a.fractional_citations},
                         {"pagerank", a.pagerank},
                         {"citation_pagerank", a.citation_pagerank},
                         {"betweenness", a.betweenness},
                         {"h_index", a.h_index}});
      }
      ctx.print_json(array);
      return kOk;
    }
    ctx.out() << fmt::format("Key authors by {} ({} authors; co-authorship betweenness {})\n", by_,
                             groups.groups.size(),
                             betweenness_method(ranking.betweenness_sampled, ranking.betweenness_sources,
                                                options.betweenness.seed));
    ctx.out() << fmt::format("{:>4}  {:<32} {:>5} {:>6} {:>8} {:>9} {:>9} {:>11} {:>3}\n", "#", "author", "works",
                             "cited", "cited/n", "pagerank", "auth-PR", "betweenness", "h");
    std::size_t rank = 0;
    for (auto i : order) {
      const AuthorMetrics& a = ranking.authors[i];
      ctx.out() << fmt::format("{:>4}  {:<32} {:>5} {:>6} {:>8.2f} {:>9.5f} {:>9.5f} {:>11.1f} {:>3}\n", ++rank,
                               a.name, a.works, a.citations, a.fractional_citations, a.pagerank, a.citation_pagerank,
                               a.betweenness, a.h_index);
    }
    return kOk;
  }

 private:
  std::size_t top_ = 20;
  std::string by_ = "citations";
  bool json_ = false;
  CentralityOptions centrality_;
};

}  // namespace

std::unique_ptr<Command> make_graph_authors_command() { return std::make_unique<GraphAuthorsCommand>(); }

}  // namespace litrev::cli
