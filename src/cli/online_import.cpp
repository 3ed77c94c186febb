#include "src/cli/online_import.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "importers/net/response_cache.hpp"
#include "src/cli/diagnostic_view.hpp"
#include "src/cli/exit_codes.hpp"

namespace litrev::cli {

std::string read_text_input(const std::string& path, const char* what) {
  std::ostringstream s;
  if (path == "-") {
    s << std::cin.rdbuf();
    return s.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UnreadableError(fmt::format("{}: cannot read the {}", path, what));
  s << in.rdbuf();
  return s.str();
}

void add_net_options(CLI::App& sub, NetOptions& options) {
  sub.add_option("--mailto", options.mailto,
                 "Contact address sent in the User-Agent (Crossref's polite pool); default $LITREV_MAILTO, "
                 "else the library's mailto setting");
  sub.add_flag("--offline", options.offline, "Answer from the response cache only; list what it cannot answer");
  sub.add_flag("--refresh", options.refresh, "Ignore cached answers (new answers are still cached)");
  sub.add_flag("--json", options.json, "Print a JSON summary on stdout");
  sub.get_option("--offline")->excludes("--refresh");
}

OnlineSession open_session(Context& ctx, const NetOptions& options) {
  OnlineSession session;
  session.config.mailto = options.mailto;
  apply_environment(session.config, [](const char* name) { return std::getenv(name); });
  // --mailto, else $LITREV_MAILTO, else the library's own setting.
  if (session.config.mailto.empty())
    if (auto stored = ctx.store().config("mailto")) session.config.mailto = *stored;
  if (!session.config.mailto.empty() && !is_plausible_mailto(session.config.mailto))
    throw UsageError("--mailto: not an e-mail address: " + session.config.mailto);
  session.config.cache_dir = default_cache_dir(ctx.db_path());
  session.config.cache_mode = options.offline ? CacheMode::offline : options.refresh ? CacheMode::refresh : CacheMode::normal;
  HttpClientOptions client = client_options(session.config, LITREV_VERSION);
  client.cancelled = [] { return interrupted(); };
  session.client = std::make_unique<HttpClient>(std::move(client));
  return session;
}

std::string OnlineSession::base_url(const ApiEndpoint& endpoint) {
  if (endpoint.documented.requests > 0) client->document_limits(std::string(endpoint.name), endpoint.documented);
  return api_base(endpoint, [](const char* name) { return std::getenv(name); });
}

RecordSink store_sink(Context& ctx, StoreTally& tally) {
  return [&ctx, &tally](std::vector<ImportRecord>&& page) {
    auto batch = ctx.store().begin_import();
    for (auto& record : page) {
      for (auto& w : record.warnings) tally.warnings.push_back(std::move(w));
      record.warnings.clear();
      tally.count(batch.add(record));
    }
    batch.commit();
    if (tally.keep)
      for (auto& record : page) tally.keep->push_back(std::move(record));
  };
}

ProgressCallback progress_printer(Context& ctx, std::string label) {
  if (!ctx.show_progress()) return {};
  auto last = std::make_shared<std::chrono::steady_clock::time_point>();
  return [&ctx, label = std::move(label), last](const Progress& p) {
    const auto now = std::chrono::steady_clock::now();
    if (now - *last < std::chrono::milliseconds(200) && p.done != p.total) return;
    *last = now;
    ctx.progress(label + ": " + format_progress(p));
  };
}

void clear_progress(Context& ctx) { ctx.end_progress(); }

int report_import(Context& ctx, const std::string& source, std::size_t requested, const FetchSummary& s,
                  const StoreTally& tally, bool json) {
  clear_progress(ctx);
  for (const auto& d : s.diagnostics) ctx.diagnostic(d);
  for (const auto& d : tally.warnings) ctx.diagnostic(d);
  // What was asked and did not come back is an error (exit 1), shown even with -q.
  for (const auto& id : s.not_found) ctx.error(fmt::format("{}: not found: {}", source, id));
  for (const auto& f : s.failed) ctx.error(fmt::format("{}: failed: {}", source, f.message));
  for (const auto& id : s.offline_unanswered) ctx.error(fmt::format("{}: not in the cache (offline): {}", source, id));

  if (json) {
    nlohmann::json failed = nlohmann::json::array();
    for (const auto& f : s.failed)
      failed.push_back({{"url", f.url}, {"status", f.status}, {"message", f.message}, {"items", f.items}});
    nlohmann::json out = {{"source", source},
                          {"requested", requested},
                          {"records", s.records},
                          {"found", s.found.size()},
                          {"new", tally.added},
                          {"merged", tally.merged},
                          {"merged_by_rule", tally.merged_by_rule},
                          {"not_found", s.not_found},
                          {"failed", failed},
                          {"offline_unanswered", s.offline_unanswered},
                          {"requests", s.requests},
                          {"responses_429", s.responses_429},
                          {"retries", s.retries},
                          {"cache_hits", s.cache_hits},
                          {"interrupted", s.interrupted}};
    if (s.total_available) out["total_available"] = *s.total_available;
    ctx.print_json(out);
  } else if (!ctx.quiet()) {
    std::string line = fmt::format("{}: {} records: {} new, {} updated/merged{}, {} not found, {} failed", source,
                                   s.records, tally.added, tally.merged, tally.merged_detail(), s.not_found.size(),
                                   s.failed.size());
    if (!s.offline_unanswered.empty()) line += fmt::format(", {} not in the cache", s.offline_unanswered.size());
    line += fmt::format(" ({} requests", s.requests);
    if (s.cache_hits) line += fmt::format(", {} from the cache", s.cache_hits);
    if (s.responses_429) line += fmt::format(", {} rate-limited", s.responses_429);
    line += ")";
    if (s.total_available && *s.total_available > s.records)
      line += fmt::format("; {} results in all", *s.total_available);
    ctx.err() << line << '\n';
  }

  if (s.interrupted) {
    // Cut short by Ctrl-C: the pages received before it are stored (one transaction each).
    ctx.error(fmt::format("{}: interrupted; the {} records received before were stored", source,
                          tally.added + tally.merged));
    return kInterrupted;
  }
  const bool nothing_answered = s.records == 0 && s.not_found.empty() && (!s.failed.empty() || !s.offline_unanswered.empty());
  if (nothing_answered && requested > 0) return kUnreadable;
  if (!s.complete() || !s.not_found.empty()) return kPartial;
  return kOk;
}

}  // namespace litrev::cli
