// litrev graph authors: the key authors, by the citations their works receive (full and
// fractional counting), their works' PageRank, PageRank on the author citation network,
// betweenness on the co-authorship network, and h-index inside the library. With --cited: the
// authors the library cites (library works and external references alike), first-author or
// all-author counting (graph/cited_authors.hpp).
#include <fmt/format.h>

#include "graph/cited_authors.hpp"
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
    by_option_ = sub.add_option("--by", by_,
                                "Order: citations, fractional, pagerank (sum of their works'), citation-pagerank "
                                "(author citation network), betweenness (co-authorship network), h-index, works")
                     ->check(CLI::IsMember({"citations", "fractional", "pagerank", "citation-pagerank", "betweenness",
                                            "h-index", "works"}));
    sub.add_flag("--cited", cited_,
                 "The authors the library cites (of library works and external references alike), by the citations "
                 "their cited works receive from library works");
    sub.add_flag("--all-authors", all_authors_,
                 "With --cited: credit every author a cited reference names (Scopus names all, WoS only the first). "
                 "Default: first-author counting, the same for every source");
    sub.add_flag("--json", json_,
                 "Print a JSON array of {name, works, citations, pagerank, betweenness, h_index...}; with --cited "
                 "{id, name, citations, citing_works, cited_works, library_works, most_cited}");
    centrality_.add_to(sub);
  }

  int run(Context& ctx) override {
    if (all_authors_ && !cited_) throw UsageError("graph authors: --all-authors counts cited authors: add --cited");
    if (cited_) {
      if (by_option_->count() > 0 && by_ != "citations")
        throw UsageError("graph authors --cited: cited authors are ordered by citations (--by " + by_ + " is for library authors)");
      return run_cited(ctx);
    }
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
  int run_cited(Context& ctx) const {
    const GraphInput in = load_graph_input(ctx, false);
    const CitedAuthors authors = cited_authors(in.corpus, in.graph, load_people_overrides(ctx.store(), in.corpus));
    const auto counting = all_authors_ ? CitedAuthorCounting::all_authors : CitedAuthorCounting::first_author;
    auto ranking = rank_cited_authors(in.graph, authors, counting);
    const std::size_t cited_count = ranking.size();
    if (top_ > 0 && ranking.size() > top_) ranking.resize(top_);
    if (json_) {
      auto array = nlohmann::json::array();
      for (const auto& a : ranking) {
        const AuthorGroup& g = authors.groups.groups[a.group];
        array.push_back({{"id", g.key},
                         {"name", g.name},
                         {"citations", a.citations},
                         {"citing_works", a.citing_works},
                         {"cited_works", a.cited_works},
                         {"library_works", a.library_works},
                         {"most_cited", {{"key", vertex_key(in, a.most_cited)}, {"title", vertex_title(in, a.most_cited)},
                                         {"citations", in.graph.local_citations(a.most_cited)}}}});
      }
      ctx.print_json(array);
      return kOk;
    }
    ctx.out() << fmt::format("Cited authors by citations, {} counting ({} authors cited by {} library works)\n",
                             all_authors_ ? "all-author" : "first-author", cited_count, in.graph.num_works());
    ctx.out() << fmt::format("{:>4}  {:<32} {:>6} {:>6} {:>5} {:>6}  {}\n", "#", "author", "cited", "citing", "works",
                             "in-lib", "most cited work");
    std::size_t rank = 0;
    for (const auto& a : ranking) {
      ctx.out() << fmt::format("{:>4}  {:<32} {:>6} {:>6} {:>5} {:>6}  {}\n", ++rank, authors.groups.groups[a.group].name,
                               a.citations, a.citing_works, a.cited_works, a.library_works,
                               vertex_title(in, a.most_cited));
    }
    return kOk;
  }

  std::size_t top_ = 20;
  std::string by_ = "citations";
  bool json_ = false;
  bool cited_ = false;
  bool all_authors_ = false;
  CLI::Option* by_option_ = nullptr;
  CentralityOptions centrality_;
};

}  // namespace

std::unique_ptr<Command> make_graph_authors_command() { return std::make_unique<GraphAuthorsCommand>(); }

}  // namespace litrev::cli
