// litrev export table: one row per work, the columns asked for, as CSV (RFC 4180) or TSV for
// spreadsheets and R (src/export/table_writer.hpp). The graph columns are computed here when
// asked: citations, pagerank and betweenness on the citation graph as `graph rank` computes
// them; cluster and cluster_label from the last saved clustering of works (`graph cluster`).
#include <fmt/format.h>

#include <optional>
#include <ostream>
#include <unordered_map>

#include "graph/betweenness.hpp"
#include "graph/pagerank.hpp"
#include "graph/clustering.hpp"
#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/graph_input.hpp"
#include "src/cli/output_file.hpp"
#include "src/core/text.hpp"
#include "src/export/table_writer.hpp"

namespace litrev::cli {
namespace {

bool wants(const std::vector<std::string>& columns, std::string_view c) {
  return std::find(columns.begin(), columns.end(), c) != columns.end();
}

class ExportTableCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    std::string all;
    for (const auto c : table_columns()) all += (all.empty() ? "" : ",") + std::string(c);
    sub.add_option("--columns", columns_, "Comma-separated columns, in order (default " + columns_ + "); any of: " + all);
    sub.add_option("--format", format_, "csv (RFC 4180, default) or tsv")->check(CLI::IsMember({"csv", "tsv"}));
    sub.add_option("--tag", tag_, "Only works with this tag");
    sub.add_option("-o,--out", out_, "Write to FILE instead of standard output; FILE is replaced only once the export is complete");
  }

  int run(Context& ctx) override {
    std::vector<std::string> columns;
    for (const auto part : split_list(columns_)) columns.emplace_back(part);
    if (columns.empty()) throw UsageError("export table: --columns names no column");
    if (auto error = check_table_columns(columns)) throw UsageError("export table: " + *error);

    const GraphValues graph = graph_values(ctx, columns);
    ListFilter filter;
    if (!tag_.empty()) filter.tag = tag_;
    std::size_t written = 0;
    auto write_all = [&](std::ostream& out) {
      TableWriter table(out, format_ == "tsv" ? TableFormat::tsv : TableFormat::csv, columns, graph);
      table.header();
      ctx.store().for_each_work(filter, [&](const StoredWork& work) {
        // Ctrl-C: stop here; an output file is left as it was (OutputFile removes its draft).
        if (interrupted())
          throw InterruptedError(out_.empty() || out_ == "-" ? "export interrupted"
                                                            : out_ + ": interrupted; the file was left as it was");
        table.row(work);
        ++written;
      });
    };
    write_output(out_, ctx.raw_out(), write_all);
    if (!ctx.quiet()) ctx.err() << fmt::format("{} works exported{}\n", written, out_.empty() ? "" : " to " + out_);
    return kOk;
  }

 private:
  static std::vector<std::string_view> split_list(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= s.size()) {
      std::size_t end = s.find(',', start);
      if (end == std::string_view::npos) end = s.size();
      if (const auto part = trim(s.substr(start, end - start)); !part.empty()) out.push_back(part);
      start = end + 1;
    }
    return out;
  }

  GraphValues graph_values(Context& ctx, const std::vector<std::string>& columns) {
    GraphValues values;
    const bool metrics = wants(columns, "citations") || wants(columns, "pagerank") || wants(columns, "betweenness");
    const bool clusters = wants(columns, "cluster") || wants(columns, "cluster_label");
    if (!metrics && !clusters) return values;
    if (metrics) {
      const GraphInput in = load_graph_input(ctx, false);
      const PageRankResult pr = wants(columns, "pagerank") ? pagerank(in.graph) : PageRankResult{};
      const BetweennessResult bc = wants(columns, "betweenness") ? betweenness(in.graph) : BetweennessResult{};
      for (std::uint32_t i = 0; i < in.corpus.works.size(); ++i) {
        const VertexId v = in.graph.vertex_of_work(i);
        const WorkId id = in.corpus.works[i].work_id;
        values["citations"][id] = std::to_string(in.graph.local_citations(v));
        if (v < pr.scores.size()) values["pagerank"][id] = fmt::format("{:.6g}", pr.scores[v]);
        if (v < bc.scores.size()) values["betweenness"][id] = fmt::format("{:.6g}", bc.scores[v]);
      }
    }
    if (clusters) {
      // The latest run of a network of works: an author co-citation run assigns authors.
      auto runs = ctx.store().cluster_runs();
      std::erase_if(runs, [](const ClusterRun& r) { return r.network == network_name(NetworkKind::author_cocitation); });
      if (runs.empty()) {
        if (!ctx.quiet())
          ctx.err() << "note: no saved clustering of works; the cluster columns are empty (run `litrev graph cluster`)\n";
        return values;
      }
      const auto run = ctx.store().cluster_run(runs.back().id);
      std::unordered_map<std::int64_t, std::string> label;
      for (const auto& c : run->clusters) label[c.cluster] = c.label;
      for (const auto& a : run->assignments) {
        if (!a.work) continue;
        values["cluster"][*a.work] = std::to_string(a.cluster);
        values["cluster_label"][*a.work] = label[a.cluster];
      }
    }
    return values;
  }

  std::string columns_ = "key,type,year,title,authors,container,doi";
  std::string format_ = "csv";
  std::string tag_;
  std::string out_;
};

}  // namespace

std::unique_ptr<Command> make_export_table_command() { return std::make_unique<ExportTableCommand>(); }

}  // namespace litrev::cli
