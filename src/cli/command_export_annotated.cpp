// litrev export annotated: the annotated bibliography a literature review hands in. Each
// work formatted in a CSL style, then the user's notes (Markdown), tags and, when a clustering
// run is saved, its cluster and ranks; grouped by cluster, tag, type or year; as HTML,
// Markdown, LaTeX, text, docx or odt.
#include <fmt/format.h>

#include <chrono>
#include <set>
#include <unordered_map>

#include "graph/ranking.hpp"
#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/csl_selection.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/graph_input.hpp"
#include "src/cli/output_file.hpp"
#include "src/csl/bibliography.hpp"
#include "src/csl/catalog.hpp"
#include "src/csl/csl_error.hpp"
#include "src/export/annotated.hpp"

namespace litrev::cli {
namespace {

const std::unordered_map<std::string, GroupBy> kGroupBy = {
    {"none", GroupBy::none}, {"cluster", GroupBy::cluster}, {"tag", GroupBy::tag}, {"type", GroupBy::type}, {"year", GroupBy::year}};
const std::unordered_map<std::string, EntryOrder> kOrders = {
    {"style", EntryOrder::style}, {"year", EntryOrder::year}, {"citations", EntryOrder::citations}, {"pagerank", EntryOrder::pagerank}};

// The format named, else the one --out's extension says, else text.
AnnotatedFormat choose_format(const std::string& name, const std::string& out) {
  AnnotatedFormat format = AnnotatedFormat::text;
  if (!name.empty()) {
    parse_annotated_format(name, format);
    return format;
  }
  const auto dot = out.rfind('.');
  if (dot != std::string::npos && parse_annotated_format(out.substr(dot + 1), format)) return format;
  if (out.ends_with(".htm")) return AnnotatedFormat::html;
  return AnnotatedFormat::text;
}

// The last saved clustering run of works (an author co-citation run groups authors, not works).
std::optional<ClusterRun> last_work_run(const Store& store) {
  const auto runs = store.cluster_runs();
  for (auto it = runs.rbegin(); it != runs.rend(); ++it)
    if (it->network != "author-cocitation") return store.cluster_run(it->id);
  return std::nullopt;
}

class ExportAnnotatedCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("keys", selection_.keys, "Only these works (library keys)");
    sub.add_option("-s,--style", style_, "Style name (apa, asa, chicago, rfs...; see litrev styles) or FILE.csl")->required();
    sub.add_option("--locale", locale_, "Locale for terms and dates (fr-FR, en-GB...; default: the style's)");
    sub.add_option("-f,--format", format_, "html, markdown, latex, docx, odt or text (default: from --out's extension, else text)")
        ->check(CLI::IsMember({"text", "html", "markdown", "md", "latex", "tex", "docx", "odt"}));
    sub.add_option("-o,--out", out_, "Write to FILE (atomically); needed for docx and odt");
    sub.add_option("--tag", selection_.tag, "Only works with this tag");
    sub.add_option("--search", search_, "Only works matching this full-text query (titles, abstracts, notes...)");
    sub.add_option("--cluster", cluster_, "Only works of this cluster of the last saved `graph cluster` run");
    sub.add_option("--group-by", group_by_, "cluster (of the last saved run), tag, type, year or none "
                                            "(default: cluster when a run is saved, else none)")
        ->check(CLI::IsMember({"cluster", "tag", "type", "year", "none"}));
    sub.add_option("--sort", sort_, "Order within groups: style (default), year (newest first), citations, pagerank")
        ->check(CLI::IsMember({"style", "year", "citations", "pagerank"}));
    sub.add_flag("--only-annotated", only_annotated_, "Leave out works without notes");
    sub.add_option("--title", title_, "The document's title (default: Annotated bibliography)");
  }

  int run(Context& ctx) override {
    const AnnotatedFormat format = choose_format(format_, out_);
    if ((format == AnnotatedFormat::docx || format == AnnotatedFormat::odt) && out_.empty())
      throw UsageError("export annotated: docx and odt need --out FILE");
    const auto run = last_work_run(ctx.store());
    if ((cluster_ || group_by_ == "cluster") && !run)
      throw UsageError("export annotated: no clustering run is saved; run `litrev graph cluster` first");
    try {
      const auto catalog = csl::StyleCatalog::from_environment();
      csl::Processor processor(catalog.load(style_, locale_));
      std::vector<StoredWork> works = select_works(ctx, run);
      std::vector<csl::Item> items;
      for (const auto& w : works) items.push_back(to_csl_item(w, CslItemOptions{}));
      auto bib = processor.bibliography(items);

      const bool ranked = run || sort_ == "citations" || sort_ == "pagerank";
      const auto ranks = ranked ? rank_library(ctx) : Ranks{};
      std::unordered_map<std::string, const ClusterRun::Cluster*> cluster_of;
      std::vector<ClusterHeading> headings;
      if (run) {
        std::unordered_map<std::int64_t, const ClusterRun::Cluster*> by_id;
        for (const auto& c : run->clusters) {
          by_id[c.cluster] = &c;
          headings.push_back({c.cluster, c.label, c.terms});
        }
        for (const auto& a : run->assignments)
          if (!a.key.empty() && by_id.contains(a.cluster)) cluster_of[a.key] = by_id[a.cluster];
      }
      std::vector<AnnotatedEntry> entries;
      for (std::size_t i = 0; i < bib.entries.size(); ++i) {
        const StoredWork& w = works[bib.entries[i].index];
        AnnotatedEntry e;
        e.key = w.work.key;
        e.reference = std::move(bib.entries[i].content);
        e.year = w.work.year;
        e.type = w.work.type;
        for (const auto& n : w.notes) e.notes.push_back(n.text);
        e.tags = w.tags;
        e.style_order = i;
        if (const auto it = cluster_of.find(e.key); it != cluster_of.end()) {
          e.cluster = it->second->cluster;
          e.cluster_label = it->second->label;
        }
        if (const auto it = ranks.find(e.key); it != ranks.end()) {
          e.citations = it->second.citations;
          e.pagerank = it->second.pagerank;
          e.pagerank_rank = it->second.pagerank_rank;
        }
        entries.push_back(std::move(e));
      }
      AnnotatedDocument doc;
      doc.title = title_;
      doc.lang = processor.style().locale.lang;
      doc.hanging_indent = true;
      doc.subtitle = subtitle(processor.style().info.title, entries.size());
      const std::string group_by = group_by_.empty() ? (run ? "cluster" : "none") : group_by_;
      doc.groups = group_entries(std::move(entries), kGroupBy.at(group_by), kOrders.at(sort_), headings);
      const std::string bytes = write_annotated(doc, format);
      if (out_.empty()) ctx.out() << bytes;
      else write_file_atomically(out_, [&](std::ostream& out) { out << bytes; });
      if (!ctx.quiet())
        ctx.err() << fmt::format("{} works in {} ({}), {} group{}{}\n", bib.entries.size(), processor.style().info.title,
                                 doc.lang, doc.groups.size(), doc.groups.size() == 1 ? "" : "s",
                                 out_.empty() ? "" : " written to " + out_);
    } catch (const csl::CslError& e) {
      rethrow_csl_error(e);
    }
    return kOk;
  }

 private:
  struct Rank {
    std::uint32_t citations = 0;
    double pagerank = 0;
    std::uint32_t pagerank_rank = 0;
  };
  using Ranks = std::unordered_map<std::string, Rank>;

  // Citations inside the library and PageRank rank of every library work.
  static Ranks rank_library(Context& ctx) {
    const GraphInput in = load_graph_input(ctx, false);
    const WorkRanking ranking = rank_works(in.corpus, in.graph);
    Ranks ranks;
    std::uint32_t place = 0;
    for (const auto i : order_works(ranking, WorkOrder::pagerank)) {
      const auto& m = ranking.works[i];
      ranks[in.corpus.works[m.work].key] = Rank{m.citations, m.pagerank, ++place};
    }
    return ranks;
  }

  std::vector<StoredWork> select_works(Context& ctx, const std::optional<ClusterRun>& run) const {
    std::vector<StoredWork> works;
    if (!selection_.keys.empty()) {
      for (const auto& key : selection_.keys) {
        auto w = ctx.store().find_work(key);
        if (!w) throw NotFoundError(fmt::format("no work with key \"{}\" in {}", key, ctx.db_path().string()));
        works.push_back(std::move(*w));
      }
    } else {
      ListFilter filter;
      if (!selection_.tag.empty()) filter.tag = selection_.tag;
      works = ctx.store().list_works(filter);
    }
    if (!search_.empty()) {
      std::set<std::string> hits;
      for (const auto& h : ctx.store().search(search_, 1'000'000)) hits.insert(h.key);
      std::erase_if(works, [&](const StoredWork& w) { return !hits.contains(w.work.key); });
    }
    if (cluster_) {
      std::set<std::string> members;
      for (const auto& a : run->assignments)
        if (a.cluster == *cluster_ && !a.key.empty()) members.insert(a.key);
      if (members.empty())
        throw UsageError(fmt::format("export annotated: cluster {} has no library work in the last saved run (#{})",
                                     *cluster_, run->id));
      std::erase_if(works, [&](const StoredWork& w) { return !members.contains(w.work.key); });
    }
    if (only_annotated_) std::erase_if(works, [](const StoredWork& w) { return w.notes.empty(); });
    return works;
  }

  std::string subtitle(const std::string& style_title, std::size_t count) const {
    const std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    std::string what = fmt::format("{} {} · {} · {:04}-{:02}-{:02}", count, count == 1 ? "work" : "works", style_title,
                                   static_cast<int>(today.year()), static_cast<unsigned>(today.month()),
                                   static_cast<unsigned>(today.day()));
    if (!selection_.tag.empty()) what += fmt::format(" · tag {}", selection_.tag);
    if (!search_.empty()) what += fmt::format(" · search \"{}\"", search_);
    if (cluster_) what += fmt::format(" · cluster {}", *cluster_);
    return what;
  }

  WorkSelection selection_;
  std::string style_, locale_, format_, out_, search_, group_by_, sort_ = "style";
  std::string title_ = "Annotated bibliography";
  std::optional<std::int64_t> cluster_;
  bool only_annotated_ = false;
};

}  // namespace

std::unique_ptr<Command> make_export_annotated_command() { return std::make_unique<ExportAnnotatedCommand>(); }

}  // namespace litrev::cli
