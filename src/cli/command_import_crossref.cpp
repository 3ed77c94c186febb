// litrev import crossref: works from the Crossref REST API by DOI (--doi, --doi-file, --enrich)
// or by search (--query, --author, --filter, --max). DOIs are checked before any request; each
// answered page is stored in its own transaction; the summary says what was new, merged, not
// found or failed.
#include <fmt/format.h>

#include <unordered_set>

#include "graph/missing.hpp"
#include "importers/crossref/crossref_fetch.hpp"
#include "importers/crossref/doi_input.hpp"
#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/diagnostic_view.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/online_import.hpp"
#include "src/cli/option_checks.hpp"
#include "src/core/text.hpp"

namespace litrev::cli {
namespace {

// A work is worth completing when it has a DOI, no Crossref record yet, and lacks a reference
// list or basic metadata.
bool needs_enrichment(const StoredWork& w) {
  for (const auto& s : w.sources)
    if (s.source_kind == "crossref") return false;
  return w.references.empty() || w.work.title.empty() || !w.work.year || w.work.contributors.empty() ||
         w.work.container.empty();
}

class ImportCrossrefCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("--doi", dois_, "DOIs to look up (bare, doi:..., or https://doi.org/... forms)")->expected(1, -1);
    sub.add_option("--doi-file", doi_files_, "File with one DOI per line (DOIs inside URLs or text are found; - = stdin)");
    sub.add_flag("--enrich", enrich_, "Look up every work of the library that has a DOI but no Crossref record and "
                                      "incomplete metadata or no reference list");
    sub.add_flag("--missing", missing_, "Look up the works the library cites but does not hold (see litrev graph "
                                        "missing) that have a DOI");
    sub.add_option("--min-citations", min_citations_, "With --missing: cited by at least K library works")
        ->check(at_least(1));
    sub.add_option("--query", query_.query.bibliographic, "Search: query.bibliographic (titles, authors, years, venues)");
    sub.add_option("--author", query_.query.author, "Search: query.author");
    sub.add_option("--filter", query_.query.filter, "Search filter, e.g. from-pub-date:2015,type:journal-article");
    sub.add_option("--max", max_, "Search: stop after N works (0 = every result)")->default_val(100);
    add_net_options(sub, net_);
  }

  int run(Context& ctx) override {
    const bool by_doi = !dois_.empty() || !doi_files_.empty() || enrich_ || missing_;
    const bool by_search = !query_.query.bibliographic.empty() || !query_.query.author.empty() || !query_.query.filter.empty();
    if (!by_doi && !by_search) throw UsageError("import crossref: give --doi, --doi-file, --enrich, --missing, or a search (--query, --author, --filter)");
    if (by_doi && by_search) throw UsageError("import crossref: DOIs and a search cannot be combined in one run");

    std::vector<std::string> dois;
    if (by_doi) {
      // Every DOI is checked before the first request: a typo costs nothing.
      std::vector<Diagnostic> errors;
      DoiInput args = read_doi_arguments(dois_);
      errors.insert(errors.end(), args.errors.begin(), args.errors.end());
      dois = std::move(args.dois);
      for (const auto& file : doi_files_) {
        DoiInput in = read_doi_lines(read_text_input(file, "DOI file"), file == "-" ? "<stdin>" : file);
        errors.insert(errors.end(), in.errors.begin(), in.errors.end());
        dois.insert(dois.end(), in.dois.begin(), in.dois.end());
      }
      if (!errors.empty()) {
        for (const auto& e : errors) ctx.diagnostic(e);
        ctx.error(fmt::format("import crossref: {} invalid DOI{}; nothing was requested", errors.size(), errors.size() > 1 ? "s" : ""));
        return kUsage;
      }
      if (enrich_) {
        ctx.store().for_each_work({}, [&](const StoredWork& w) {
          if (!needs_enrichment(w)) return;
          for (const auto& id : w.work.ids)
            if (id.scheme == IdScheme::doi) {
              dois.push_back(id.value);
              break;
            }
        });
      }
      if (missing_) {
        const CitationCorpus corpus = ctx.store().load_citation_corpus(false);
        CitationGraphOptions graph_options;
        graph_options.min_external_citations = min_citations_;
        const CitationGraph graph = CitationGraph::build(corpus, graph_options);
        for (const MissingWork& m : missing_works(corpus, graph, min_citations_))
          if (!m.doi.empty()) dois.push_back(m.doi);
      }
      std::unordered_set<std::string> seen;
      std::erase_if(dois, [&](const std::string& d) { return !seen.insert(d).second; });
    }

    OnlineSession session = open_session(ctx, net_);
    CrossrefOptions options;
    options.base_url = session.base_url(kCrossrefApi);
    CrossrefImporter importer(*session.client, options);
    StoreTally tally;
    const RecordSink sink = store_sink(ctx, tally);
    if (by_doi) {
      if (dois.empty()) {
        if (!ctx.quiet()) ctx.err() << "crossref: no DOI to look up\n";
        return kOk;
      }
      const FetchSummary summary = importer.by_dois(dois, sink, progress_printer(ctx, "crossref"));
      return report_import(ctx, "crossref", dois.size(), summary, tally, net_.json);
    }
    query_.max = max_;
    const FetchSummary summary = importer.search(query_, sink, progress_printer(ctx, "crossref"));
    return report_import(ctx, "crossref", 1, summary, tally, net_.json);
  }

 private:
  std::vector<std::string> dois_;
  std::vector<std::string> doi_files_;
  bool enrich_ = false;
  bool missing_ = false;
  std::uint32_t min_citations_ = 2;
  CrossrefSearch query_;
  std::size_t max_ = 100;
  NetOptions net_;
};

}  // namespace

std::unique_ptr<Command> make_import_crossref_command() { return std::make_unique<ImportCrossrefCommand>(); }

}  // namespace litrev::cli
