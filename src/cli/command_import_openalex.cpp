// litrev import openalex: works from OpenAlex by DOI (--doi, --doi-file), id (--id), search or
// filter (--search, --filter, --max); --enrich completes every library work that has a DOI with
// its OpenAlex id, reference list and citation count; --missing brings in the works the library
// cites most but lacks. --with-referenced-metadata also fetches, batched, the records of the
// works these reference lists name, so that references read "Latour, B. (1987). Science in
// Action." with a DOI instead of a bare OpenAlex id (those records describe references only:
// they are not added to the library). Records are stored a page (one transaction) at a time.
#include <fmt/format.h>

#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

#include "graph/missing.hpp"
#include "importers/crossref/doi_input.hpp"
#include "importers/openalex/openalex_fetch.hpp"
#include "importers/openalex/openalex_response.hpp"
#include "importers/openalex/openalex_work.hpp"
#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/online_import.hpp"
#include "src/cli/option_checks.hpp"
#include "src/core/identifiers.hpp"

namespace litrev::cli {
namespace {

constexpr const char* kKeySetting = "openalex.key";
constexpr std::size_t kStorePage = 100;  // records per transaction when stored after the fetch

std::string first_id(const Work& w, IdScheme scheme) {
  for (const auto& id : w.ids)
    if (id.scheme == scheme) return id.value;
  return {};
}

// What the library already holds, by OpenAlex id and DOI.
struct LibraryIds {
  std::unordered_set<std::string> openalex;
  std::vector<std::string> dois_to_enrich;  // works with a DOI and no OpenAlex id yet
};

LibraryIds library_ids(Context& ctx) {
  LibraryIds ids;
  ctx.store().for_each_work({}, [&](const StoredWork& w) {
    const std::string oa = first_id(w.work, IdScheme::openalex);
    if (!oa.empty()) ids.openalex.insert(oa);
    else if (auto doi = first_id(w.work, IdScheme::doi); !doi.empty()) ids.dois_to_enrich.push_back(doi);
  });
  return ids;
}

void merge_summaries(FetchSummary& into, FetchSummary&& more) {
  into.records += more.records;
  into.found.insert(into.found.end(), more.found.begin(), more.found.end());
  into.not_found.insert(into.not_found.end(), more.not_found.begin(), more.not_found.end());
  into.failed.insert(into.failed.end(), more.failed.begin(), more.failed.end());
  into.offline_unanswered.insert(into.offline_unanswered.end(), more.offline_unanswered.begin(),
                                 more.offline_unanswered.end());
  into.diagnostics.insert(into.diagnostics.end(), more.diagnostics.begin(), more.diagnostics.end());
  into.interrupted |= more.interrupted;
  into.requests += more.requests;
  into.responses_429 += more.responses_429;
  into.retries += more.retries;
  into.cache_hits += more.cache_hits;
}

class ImportOpenAlexCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("--doi", dois_, "DOIs to look up (bare, doi:..., or https://doi.org/... forms)")->expected(1, -1);
    sub.add_option("--doi-file", doi_files_, "File with one DOI per line (- = stdin)");
    sub.add_option("--id", ids_, "OpenAlex work ids (W2741809807 or https://openalex.org/W...)")->expected(1, -1);
    sub.add_option("--search", search_.search, "Full-text search (search=)");
    sub.add_option("--filter", search_.filter, "OpenAlex filter, e.g. 'publication_year:>2015,type:book'");
    max_option_ = sub.add_option("--max", max_, "Search: stop after N works (0 = every result; default 100)");
    sub.add_flag("--enrich", enrich_,
                 "Give every library work with a DOI and no OpenAlex id its OpenAlex id, references and citation "
                 "count (50 DOIs per request)");
    sub.add_flag("--missing", missing_,
                 "Bring in the works the library cites but does not hold (litrev graph missing) that have an "
                 "OpenAlex id or a DOI");
    sub.add_option("--min-citations", min_citations_, "With --missing: cited by at least K library works")
        ->check(at_least(1));
    sub.add_flag("--with-referenced-metadata", with_metadata_,
                 "Also fetch the works the reference lists name, so references show author, year, title and DOI");
    add_net_options(sub, net_);
    sub.footer(
        "API key (free, required by OpenAlex since February 2026): $LITREV_OPENALEX_KEY, else `litrev config set "
        "openalex.key KEY`; get one at https://openalex.org/settings/api. Endpoint: $LITREV_OPENALEX_API (default "
        "https://api.openalex.org). A 429 without Retry-After (daily allowance spent) stops the run; what was "
        "answered before is stored.\n\n" +
        sub.get_footer());
  }

  int run(Context& ctx) override {
    const bool by_id = !dois_.empty() || !doi_files_.empty() || !ids_.empty();
    const bool by_search = !search_.search.empty() || !search_.filter.empty();
    const int modes = by_id + by_search + enrich_ + missing_;
    if (modes == 0)
      throw UsageError("import openalex: give --doi, --doi-file, --id, --search, --filter, --enrich or --missing");
    if (modes > 1) throw UsageError("import openalex: identifiers, a search, --enrich and --missing are separate runs");

    std::vector<std::string> dois, ids;
    if (!dois_.empty() || !doi_files_.empty()) {
      std::vector<Diagnostic> errors;
      DoiInput args = read_doi_arguments(dois_);
      errors = std::move(args.errors);
      dois = std::move(args.dois);
      for (const auto& file : doi_files_) {
        DoiInput in = read_doi_lines(read_text_input(file, "DOI file"), file == "-" ? "<stdin>" : file);
        errors.insert(errors.end(), in.errors.begin(), in.errors.end());
        dois.insert(dois.end(), in.dois.begin(), in.dois.end());
      }
      for (const auto& raw : ids_)
        if (!normalize_openalex_work(raw))
          errors.push_back({Diagnostic::Severity::error, "--id", 0, 0, "id", "not an OpenAlex work id: " + raw});
      if (!errors.empty()) {
        for (const auto& e : errors) ctx.diagnostic(e);
        ctx.error(fmt::format("import openalex: {} invalid identifier{}; nothing was requested", errors.size(),
                              errors.size() > 1 ? "s" : ""));
        return kUsage;
      }
    }
    ids = ids_;
    LibraryIds library;
    if (enrich_ || with_metadata_ || missing_) library = library_ids(ctx);
    if (enrich_) dois = library.dois_to_enrich;
    if (missing_) collect_missing(ctx, dois, ids);

    OnlineSession session = open_session(ctx, net_);
    OpenAlexOptions options;
    options.base_url = session.base_url(kOpenAlexApi);
    options.api_key = api_key(ctx);
    OpenAlexImporter importer(*session.client, options);

    StoreTally tally;
    const RecordSink store = store_sink(ctx, tally);
    // With --with-referenced-metadata the records wait until their references are described:
    // each is stored once, complete.
    std::vector<ImportRecord> held;
    const RecordSink sink = with_metadata_ ? RecordSink([&](std::vector<ImportRecord>&& page) {
      for (auto& r : page) held.push_back(std::move(r));
    })
                                           : store;
    const auto progress = progress_printer(ctx, "openalex");

    FetchSummary summary;
    std::size_t requested = 0;
    if (by_search) {
      OpenAlexSearch search = search_;
      search.max = max_option_->count() > 0 ? max_ : 100;
      summary = importer.search(search, sink, progress);
      requested = 1;
    } else {
      if ((enrich_ || missing_) && dois.empty() && ids.empty()) {
        if (!ctx.quiet())
          ctx.err() << (enrich_ ? "openalex: no library work with a DOI lacks its OpenAlex id\n"
                                : "openalex: no missing work with an OpenAlex id or a DOI\n");
        return kOk;
      }
      if (!dois.empty()) summary = importer.by_dois(dois, sink, progress);
      if (!ids.empty() && !interrupted()) merge_summaries(summary, importer.by_ids(ids, sink, progress));
      requested = dois.size() + ids.size();
    }

    int extra_code = kOk;
    if (with_metadata_) {
      if (!interrupted()) extra_code = describe_references(ctx, importer, held, library, summary);
      for (std::size_t i = 0; i < held.size(); i += kStorePage) {
        const auto end = std::min(held.size(), i + kStorePage);
        store(std::vector<ImportRecord>(std::make_move_iterator(held.begin() + static_cast<std::ptrdiff_t>(i)),
                                        std::make_move_iterator(held.begin() + static_cast<std::ptrdiff_t>(end))));
      }
    }
    const int code = report_import(ctx, "openalex", requested, summary, tally, net_.json);
    return std::max(code, extra_code);
  }

 private:
  // $LITREV_OPENALEX_KEY, else the library's openalex.key; without one, say how to get one (a
  // mirror or a test server may not need it, so the run goes on).
  std::string api_key(Context& ctx) const {
    if (const char* env = std::getenv("LITREV_OPENALEX_KEY"); env && *env) return env;
    if (auto stored = ctx.store().config(kKeySetting); stored && !stored->empty()) return *stored;
    ctx.warn(fmt::format("openalex: no API key; {}", kOpenAlexKeyHelp));
    return {};
  }

  void collect_missing(Context& ctx, std::vector<std::string>& dois, std::vector<std::string>& ids) const {
    const CitationCorpus corpus = ctx.store().load_citation_corpus(false);
    CitationGraphOptions graph_options;
    graph_options.min_external_citations = min_citations_;
    const CitationGraph graph = CitationGraph::build(corpus, graph_options);
    for (const MissingWork& m : missing_works(corpus, graph, min_citations_)) {
      if (!m.doi.empty()) dois.push_back(m.doi);
      else if (m.identity.starts_with("openalex:")) ids.push_back(m.identity.substr(9));
    }
  }

  // Fetches the works the held records reference and that neither the library nor this run
  // holds, and describes each reference from its record. Returns kPartial when some could not
  // be fetched (the references keep their ids).
  int describe_references(Context& ctx, OpenAlexImporter& importer, std::vector<ImportRecord>& held,
                          const LibraryIds& library, FetchSummary& summary) const {
    std::unordered_map<std::string, Work> known;
    for (const auto& r : held)
      if (auto id = openalex_id_of(r); !id.empty()) known.emplace(id, r.work);
    std::vector<std::string> wanted;
    std::unordered_set<std::string> seen;
    for (const auto& r : held)
      for (const auto& ref : r.work.references)
        if (!ref.openalex.empty() && !known.contains(ref.openalex) && !library.openalex.contains(ref.openalex) &&
            seen.insert(ref.openalex).second)
          wanted.push_back(ref.openalex);
    if (!wanted.empty()) {
      const FetchSummary fetched = importer.by_ids(
          wanted,
          [&](std::vector<ImportRecord>&& page) {
            for (auto& r : page)
              if (auto id = openalex_id_of(r); !id.empty()) known.emplace(id, std::move(r.work));
          },
          progress_printer(ctx, "openalex references"));
      summary.requests += fetched.requests;
      summary.responses_429 += fetched.responses_429;
      summary.retries += fetched.retries;
      summary.cache_hits += fetched.cache_hits;
      summary.interrupted |= fetched.interrupted;
      for (const auto& f : fetched.failed)
        ctx.error(fmt::format("openalex: referenced works: failed: {}", f.message));
      if (!ctx.quiet())
        ctx.err() << fmt::format("openalex: referenced works: {} described, {} unknown to OpenAlex{}\n",
                                 fetched.found.size(), fetched.not_found.size(),
                                 fetched.offline_unanswered.empty()
                                     ? ""
                                     : fmt::format(", {} not in the cache", fetched.offline_unanswered.size()));
      if (!fetched.complete()) {
        for (auto& r : held) describe_all(r, known);
        return kPartial;
      }
    }
    for (auto& r : held) describe_all(r, known);
    return kOk;
  }

  static void describe_all(ImportRecord& record, const std::unordered_map<std::string, Work>& known) {
    for (auto& ref : record.work.references)
      if (!ref.openalex.empty())
        if (const auto it = known.find(ref.openalex); it != known.end()) describe_reference(ref, it->second);
  }

  std::vector<std::string> dois_;
  std::vector<std::string> doi_files_;
  std::vector<std::string> ids_;
  OpenAlexSearch search_;
  std::size_t max_ = 100;
  CLI::Option* max_option_ = nullptr;
  bool enrich_ = false;
  bool missing_ = false;
  bool with_metadata_ = false;
  std::uint32_t min_citations_ = 2;
  NetOptions net_;
};

}  // namespace

std::unique_ptr<Command> make_import_openalex_command() { return std::make_unique<ImportOpenAlexCommand>(); }

}  // namespace litrev::cli
