// litrev graph map: the literature as a map in one self-contained HTML page (zoom, pan, hover,
// search, legend; a second view of the key authors, the timeline and the historiograph as
// tabs), or as a static SVG of the same layout for papers and slides.
#include <fmt/format.h>

#include <chrono>
#include <ctime>

#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/graph_input.hpp"
#include "src/cli/map_views.hpp"
#include "src/cli/output_file.hpp"
#include "src/map/html.hpp"
#include "src/map/svg.hpp"

namespace litrev::cli {
namespace {

bool is_author_network(const std::string& network) { return network == "authors" || network == "coauthorship"; }

std::string today() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

class GraphMapCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("-o,--out", out_, "Output file: an HTML page, or SVG (--format svg, or a name ending in .svg)")
        ->required();
    sub.add_option("--format", format_, "html (interactive page, the default) or svg (static map of the first view)")
        ->check(CLI::IsMember({"html", "svg"}));
    sub.add_option("--network", request_.network,
                   "First view: cocitation (cited works), coupling (library works sharing references), citation "
                   "(direct citation), authors (author co-citation of cited authors) or coauthorship. The page "
                   "always adds the other kind (authors for works, co-citation for authors)")
        ->check(CLI::IsMember({"cocitation", "coupling", "citation", "authors", "coauthorship"}))
        ->default_str("cocitation");
    sub.add_option("--top", top_, "Keep the N most cited nodes (default: the saved run's, else 1000 works / 300 authors)");
    sub.add_option("--min-citations", min_citations_,
                   "Leave out nodes cited fewer times (default: the saved run's, else 2 for co-citation and authors)");
    sub.add_option("--color", request_.color_by, "Colour circles by cluster (of the saved run) or by publication year")
        ->check(CLI::IsMember({"cluster", "year"}))
        ->default_str("cluster");
    sub.add_option("--size", request_.size_by, "Circle area shows citations from library works, or PageRank")
        ->check(CLI::IsMember({"citations", "pagerank"}))
        ->default_str("citations");
    sub.add_option("--run", request_.run_id,
                   "Clusters of this saved `graph cluster` run (default: the latest run of the network; none: "
                   "clusters are computed and not saved)");
    sub.add_option("--seed", request_.layout.seed, "Layout seed: same library and seed, same map")->default_val(42);
    sub.add_option("--max-links", request_.max_links, "Draw at most the N strongest links (the layout uses all)")
        ->default_val(20000);
    sub.add_option("--historiograph-top", historiograph_top_, "Works in the historiograph tab")->default_val(30);
    sub.add_flag("--no-authors", no_authors_, "Leave out the second view (authors, or works)");
  }

  int run(Context& ctx) override {
    const auto started = std::chrono::steady_clock::now();
    if (format_.empty()) format_ = out_.ends_with(".svg") || out_.ends_with(".SVG") ? "svg" : "html";
    request_.top = top_;
    request_.min_citations = min_citations_;
    if (request_.color_by == "year" && is_author_network(request_.network))
      throw UsageError("--color year: authors have no year; colour author maps by cluster");

    const GraphInput in = load_graph_input(ctx, true);
    if (in.corpus.works.empty()) throw UsageError("the library has no works yet: import some first");
    MapViews views(ctx, in);
    map::MapDocument doc;
    doc.title = fmt::format("Literature map: {}", ctx.db_path().filename().string());
    doc.generated = fmt::format("litrev {}, {}, {} ({} works)", LITREV_VERSION, today(), ctx.db_path().string(),
                                in.corpus.works.size());
    doc.views.push_back(is_author_network(request_.network) ? views.authors_view(request_) : views.works_view(request_));
    if (format_ == "svg") {
      write_file_atomically(out_, [&](std::ostream& out) { out << map::map_svg(doc.views[0]); });
      report(ctx, doc, started);
      return kOk;
    }
    if (!no_authors_) {
      ViewRequest other;
      other.network = is_author_network(request_.network) ? "cocitation" : "authors";
      other.layout = request_.layout;
      other.max_links = request_.max_links;
      map::MapView second = is_author_network(request_.network) ? views.works_view(other) : views.authors_view(other);
      if (!second.nodes.empty()) doc.views.push_back(std::move(second));
    }
    ViewRequest works = request_;
    if (is_author_network(works.network)) works = ViewRequest{};
    doc.timeline = views.timeline(works);
    auto hist = views.historiograph(historiograph_top_, 1);
    if (!hist.nodes.empty()) doc.historiograph = std::move(hist);
    write_file_atomically(out_, [&](std::ostream& out) { out << map::to_html(doc); });
    report(ctx, doc, started);
    return kOk;
  }

 private:
  void report(Context& ctx, const map::MapDocument& doc, std::chrono::steady_clock::time_point started) const {
    if (ctx.quiet()) return;
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::string views;
    for (const auto& v : doc.views)
      views += fmt::format("{}{}: {} nodes, {} links, {} clusters", views.empty() ? "" : "; ", v.title, v.nodes.size(),
                           v.links.size(), v.clusters.size());
    ctx.err() << fmt::format("{} written to {} ({:.1f} s)\n", views, out_, secs);
  }

  std::string out_;
  std::string format_;
  ViewRequest request_;
  std::optional<std::uint32_t> top_;
  std::optional<std::uint32_t> min_citations_;
  std::uint32_t historiograph_top_ = 30;
  bool no_authors_ = false;
};

}  // namespace

std::unique_ptr<Command> make_graph_map_command() { return std::make_unique<GraphMapCommand>(); }

}  // namespace litrev::cli
