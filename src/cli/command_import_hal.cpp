// litrev import hal: documents from the HAL API by search (--query, --filter), id (--id),
// collection (--collection) or author (--idhal), read from their full TEI. Each answered page is
// stored in its own transaction. --with-crossref-references then looks the DOIs of the HAL
// records up at Crossref, whose records carry the reference lists HAL lacks.
#include <fmt/format.h>

#include "importers/crossref/crossref_fetch.hpp"
#include "importers/hal/hal_fetch.hpp"
#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/online_import.hpp"

namespace litrev::cli {
namespace {

class ImportHalCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("--query", search_.q, "Solr query, e.g. 'title_t:(social movements)' (q=)");
    sub.add_option("--filter", search_.fq, "Filter query (fq=), repeatable, e.g. 'producedDateY_i:[2015 TO *]'");
    sub.add_option("--id", ids_, "HAL ids (hal-01234567, tel-..., halshs-..., or their URLs)")->expected(1, -1);
    sub.add_option("--collection", collection_, "A HAL collection code (all its documents)");
    sub.add_option("--idhal", idhal_, "An author's idHAL (all their documents)");
    max_option_ = sub.add_option("--max", max_, "Stop after N documents (0 = all; default: 100 for --query, all otherwise)");
    sub.add_flag("--with-crossref-references", with_crossref_,
                 "Then fetch the HAL records' DOIs from Crossref, for their reference lists");
    add_net_options(sub, net_);
  }

  int run(Context& ctx) override {
    const int modes = !search_.q.empty() + !ids_.empty() + !collection_.empty() + !idhal_.empty();
    if (modes == 0) throw UsageError("import hal: give --query, --id, --collection or --idhal");
    if (modes > 1 && !(modes == 2 && !search_.q.empty() && (!collection_.empty() || !idhal_.empty())))
      throw UsageError("import hal: --id cannot be combined with another selection");

    OnlineSession session = open_session(ctx, net_);
    HalOptions options;
    options.base_url = session.base_url(kHalApi);
    HalImporter importer(*session.client, options);
    StoreTally tally;
    std::vector<ImportRecord> stored;
    if (with_crossref_) tally.keep = &stored;
    const RecordSink sink = store_sink(ctx, tally);
    const auto progress = progress_printer(ctx, "hal");

    FetchSummary summary;
    std::size_t requested = 1;
    if (!ids_.empty()) {
      summary = importer.by_ids(ids_, sink, progress);
      requested = ids_.size();
    } else {
      HalSearch search = search_;
      if (search.q.empty()) search.q = "*:*";
      search.max = max_option_->count() > 0 ? max_ : (collection_.empty() && idhal_.empty() ? 100 : 0);
      if (!collection_.empty()) summary = importer.collection(collection_, search, sink, progress);
      else if (!idhal_.empty()) summary = importer.by_idhal(idhal_, search, sink, progress);
      else summary = importer.search(search, sink, progress);
    }
    int code = report_import(ctx, "hal", requested, summary, tally, net_.json);
    if (!with_crossref_ || interrupted()) return code;

    const std::vector<std::string> dois = dois_of(stored);
    if (dois.empty()) {
      if (!ctx.quiet()) ctx.err() << "crossref: none of these HAL records has a DOI\n";
      return code;
    }
    CrossrefOptions crossref;
    crossref.base_url = session.base_url(kCrossrefApi);
    CrossrefImporter references(*session.client, crossref);
    StoreTally crossref_tally;
    const FetchSummary cr = references.by_dois(dois, store_sink(ctx, crossref_tally), progress_printer(ctx, "crossref"));
    const int cr_code = report_import(ctx, "crossref", dois.size(), cr, crossref_tally, net_.json);
    return std::max(code, cr_code == kUnreadable ? kPartial : cr_code);
  }

 private:
  HalSearch search_{.q = {}, .fq = {}, .collection = {}, .max = 0};
  std::vector<std::string> ids_;
  std::string collection_;
  std::string idhal_;
  std::size_t max_ = 0;
  CLI::Option* max_option_ = nullptr;
  bool with_crossref_ = false;
  NetOptions net_;
};

}  // namespace

std::unique_ptr<Command> make_import_hal_command() { return std::make_unique<ImportHalCommand>(); }

}  // namespace litrev::cli
