#pragma once
// What the online imports share: the network options, the HTTP client built from them (the one
// place that reads the environment: $LITREV_MAILTO and each API's $LITREV_<API>_API),
// a record sink that stores each page in its own transaction, progress on stderr, and the
// final summary and exit code.

#include <CLI/CLI.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "importers/net/fetch_summary.hpp"
#include "importers/net/http_client.hpp"
#include "importers/net/net_config.hpp"
#include "importers/net/progress.hpp"
#include "src/cli/context.hpp"
#include "src/cli/import_tally.hpp"

namespace litrev::cli {

struct NetOptions {
  std::string mailto;
  bool offline = false;
  bool refresh = false;
  bool json = false;
};

// The whole text of a file, or of stdin for "-" (a DOI list); UnreadableError naming the file
// and `what` when it cannot be read.
std::string read_text_input(const std::string& path, const char* what);

// --mailto, --offline, --refresh, --json
void add_net_options(CLI::App& sub, NetOptions& options);

struct OnlineSession {
  NetConfig config;
  std::unique_ptr<HttpClient> client;
  // The API's base URL: its $LITREV_<API>_API, else its default. Also gives the client the
  // rate limits the API documents.
  std::string base_url(const ApiEndpoint& endpoint);
};

// Base URLs from the environment; the contact address from --mailto, else $LITREV_MAILTO, else
// the library's "mailto" setting; the response cache beside the library (<library>.cache/http);
// Ctrl-C wired to the client's cancellation.
OnlineSession open_session(Context& ctx, const NetOptions& options);

// What the sink did with the records.
struct StoreTally : ImportTally {
  std::vector<Diagnostic> warnings;
  std::vector<ImportRecord>* keep = nullptr;  // when set, stored records are also copied here
};

// Stores each page in one transaction (an interrupted import keeps the pages received).
RecordSink store_sink(Context& ctx, StoreTally& tally);

// "\rcrossref: 1200/2000 DOIs  350.2/s  ETA 0:03" on stderr, at most five times a second, when
// stderr is a terminal; nothing otherwise.
ProgressCallback progress_printer(Context& ctx, std::string label);
void clear_progress(Context& ctx);

// Prints what happened (stderr lines, or one JSON object on stdout with --json) and returns the
// exit code: 0 all answered, 1 some not found / failed / not in the cache, 3 nothing answered.
int report_import(Context& ctx, const std::string& source, std::size_t requested, const FetchSummary& summary,
                  const StoreTally& tally, bool json);

}  // namespace litrev::cli
