// litrev graph historiograph: Garfield's historiograph of the library (bibliometrix's
// histNetwork): its most locally cited works and the citations among them, by year. As a table,
// or drawn (SVG, or the HTML page's historiograph tab).
#include <fmt/format.h>

#include "graph/historiograph.hpp"
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

class GraphHistoriographCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("-n,--top", options_.top, "Most locally cited works shown")->default_val(30);
    sub.add_option("--min-citations", options_.min_citations, "Works cited fewer times by library works are left out")
        ->default_val(1);
    sub.add_option("-o,--out", out_, "Draw it: an SVG file (name ending in .svg, or --format svg) or an HTML page");
    sub.add_option("--format", format_, "svg or html (default: from the --out name)")->check(CLI::IsMember({"svg", "html"}));
    sub.add_flag("--json", json_, "Print {works: [{key, year, local_citations, global_citations, cites: [keys]}]}");
  }

  int run(Context& ctx) override {
    const GraphInput in = load_graph_input(ctx, false);
    MapViews views(ctx, in);
    if (!out_.empty()) {
      if (format_.empty()) format_ = out_.ends_with(".svg") || out_.ends_with(".SVG") ? "svg" : "html";
      map::HistoriographData data = views.historiograph(options_.top, options_.min_citations);
      if (data.nodes.empty()) throw UsageError("no library work is cited by another library work: nothing to draw");
      const std::size_t works = data.nodes.size(), arcs = data.arcs.size();
      if (format_ == "svg") {
        write_file_atomically(out_, [&](std::ostream& out) { out << map::historiograph_svg(data); });
      } else {
        map::MapDocument doc;
        doc.title = fmt::format("Historiograph: {}", ctx.db_path().filename().string());
        doc.generated = fmt::format("litrev {}, {}", LITREV_VERSION, ctx.db_path().string());
        doc.historiograph = std::move(data);
        write_file_atomically(out_, [&](std::ostream& out) { out << map::to_html(doc); });
      }
      if (!ctx.quiet()) ctx.err() << fmt::format("historiograph: {} works, {} citations written to {}\n", works, arcs, out_);
      return kOk;
    }
    const Historiograph h = historiograph(in.corpus, in.graph, options_);
    if (json_) {
      std::vector<std::vector<std::string>> cites(h.nodes.size());
      for (const auto& a : h.arcs) cites[a.citing].push_back(vertex_key(in, h.nodes[a.cited]));
      auto list = nlohmann::json::array();
      for (std::size_t i = 0; i < h.nodes.size(); ++i) {
        const CorpusWork& w = in.corpus.works[in.graph.node(h.nodes[i]).index];
        list.push_back({{"key", w.key}, {"year", *w.year}, {"title", w.title}, {"local_citations", h.local_citations[i]},
                        {"global_citations", w.global_citations ? nlohmann::json(*w.global_citations) : nlohmann::json(nullptr)},
                        {"cites", cites[i]}});
      }
      ctx.print_json({{"works", std::move(list)}, {"citations", h.arcs.size()}});
      return kOk;
    }
    // People read "DiMaggio 1983" and a title; keys such as ISI:A1985AUD6600002 say nothing (--json has them).
    std::vector<std::string> cites(h.nodes.size());
    for (const auto& a : h.arcs)
      cites[a.citing] += (cites[a.citing].empty() ? "" : ", ") + views.short_label(h.nodes[a.cited]);
    ctx.out() << fmt::format("Historiograph: {} most locally cited works, {} citations among them\n", h.nodes.size(),
                             h.arcs.size());
    ctx.out() << fmt::format("{:>4}  {:>5}  {:>6}  {:<22}  {:<50}  {}\n", "year", "local", "global", "work", "title",
                             "cites (within the historiograph)");
    for (std::size_t i = 0; i < h.nodes.size(); ++i) {
      const CorpusWork& w = in.corpus.works[in.graph.node(h.nodes[i]).index];
      ctx.out() << fmt::format("{:>4}  {:>5}  {:>6}  {:<22}  {:<50}  {}\n", *w.year, h.local_citations[i],
                               w.global_citations ? std::to_string(*w.global_citations) : "-",
                               clip_text(views.short_label(h.nodes[i]), 22), clip_text(w.title, 47), cites[i]);
    }
    return kOk;
  }

 private:
  HistoriographOptions options_;
  std::string out_;
  std::string format_;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_graph_historiograph_command() { return std::make_unique<GraphHistoriographCommand>(); }

}  // namespace litrev::cli
