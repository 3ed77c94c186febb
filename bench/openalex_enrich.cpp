// OpenAlex enrichment benchmark: the DOIs of N library works looked up against a loopback
// OpenAlex that enforces R requests per second (429 with Retry-After past it) and answers the
// doi: filter with synthetic works, each with REFS referenced works. The records are then
// stored into a library that already holds the N works (as BibTeX would have left them), which
// is what `import openalex --enrich` does.
//
// Reports requests made (target: at most one per 50 works), 429s received, wall time of the
// fetch and of the store, and the ideal: the floor that R requests per second set on the ideal
// number of requests (ceil((requests - R) / R) seconds, plus one answer's latency). Exits 1 when a work
// is lost or the request target is missed.
//
//   bench_openalex_enrich [--works N] [--limit R] [--refs REFS] [--latency-ms L]

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "importers/net/net_config.hpp"
#include "importers/openalex/openalex_fetch.hpp"
#include "src/store/store.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

std::string bench_doi(std::size_t i) { return "10.5555/oa-bench." + std::to_string(i); }

json synthetic_work(std::size_t i, int refs) {
  json referenced = json::array();
  for (int r = 0; r < refs; ++r) referenced.push_back("https://openalex.org/W" + std::to_string(9000000 + (i * 31 + r * 17) % 50000));
  return {{"id", "https://openalex.org/W" + std::to_string(1000000 + i)},
          {"doi", "https://doi.org/" + bench_doi(i)},
          {"title", "Synthetic work " + std::to_string(i) + " on responsible AI labels"},
          {"publication_year", 2000 + static_cast<int>(i % 25)},
          {"type", "article"},
          {"authorships", {{{"author", {{"id", "https://openalex.org/A1"}, {"display_name", "Ada Lovelace"}}}}}},
          {"cited_by_count", static_cast<int>(i % 97)},
          {"referenced_works", referenced},
          {"abstract_inverted_index", {{"Labels", {0}}, {"travel", {1}}}}};
}

struct Config {
  std::size_t works = 1000;
  int limit = 10;
  int refs = 40;
  int latency_ms = 20;
};

class RateLimitedOpenAlex {
 public:
  explicit RateLimitedOpenAlex(const Config& c) : config_(c) {
    server_.new_task_queue = [] { return new httplib::ThreadPool(8); };
    server_.Get("/works", [this](const httplib::Request& req, httplib::Response& res) {
      ++requests_;
      {
        std::lock_guard lock(mutex_);
        const auto now = Clock::now();
        while (!arrivals_.empty() && now - arrivals_.front() > std::chrono::seconds(1)) arrivals_.pop_front();
        if (arrivals_.size() >= static_cast<std::size_t>(config_.limit)) {
          ++rejected_;
          res.status = 429;
          res.set_header("Retry-After", "1");
          return;
        }
        arrivals_.push_back(now);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(config_.latency_ms));
      json results = json::array();
      const std::string filter = req.get_param_value("filter");
      const std::string prefix = "https://doi.org/" + bench_doi(0).substr(0, bench_doi(0).size() - 1);
      std::size_t from = 4;  // after "doi:"
      while (from < filter.size()) {
        auto bar = filter.find('|', from);
        if (bar == std::string::npos) bar = filter.size();
        const std::string value = filter.substr(from, bar - from);
        from = bar + 1;
        if (value.starts_with(prefix)) results.push_back(synthetic_work(std::stoul(value.substr(prefix.size())), config_.refs));
      }
      res.set_content(json{{"meta", {{"count", results.size()}, {"next_cursor", "x"}}}, {"results", results}}.dump(),
                      "application/json; charset=utf-8");
    });
  }
  void start() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~RateLimitedOpenAlex() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::size_t requests() const { return requests_; }
  std::size_t rejected() const { return rejected_; }

 private:
  Config config_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mutex_;
  std::deque<Clock::time_point> arrivals_;
  std::atomic<std::size_t> requests_{0}, rejected_{0};
};

}  // namespace

int main(int argc, char** argv) {
  Config c;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    const long v = std::stol(argv[i + 1]);
    if (a == "--works") c.works = static_cast<std::size_t>(v);
    else if (a == "--limit") c.limit = static_cast<int>(v);
    else if (a == "--refs") c.refs = static_cast<int>(v);
    else if (a == "--latency-ms") c.latency_ms = static_cast<int>(v);
  }
  RateLimitedOpenAlex server(c);
  server.start();

  // The library before enrichment: N works with their DOIs, titles and authors.
  const auto db = std::filesystem::temp_directory_path() / ("bench_openalex_" + std::to_string(::getpid()) + ".db");
  auto store = litrev::Store::open(db);
  {
    auto batch = store.begin_import();
    for (std::size_t i = 0; i < c.works; ++i) {
      litrev::ImportRecord r;
      r.work.key = "w" + std::to_string(i);
      r.work.type = "article";
      r.work.title = "Synthetic work " + std::to_string(i) + " on responsible AI labels";
      r.work.year = 2000 + static_cast<int>(i % 25);
      litrev::Person ada;
      ada.family = "Lovelace";
      ada.given = "A.";
      r.work.contributors.push_back({litrev::Role::author, ada});
      r.work.ids.push_back({litrev::IdScheme::doi, bench_doi(i)});
      r.source.source_kind = "bibtex";
      r.source.origin = "bench.bib";
      r.source.original_key = r.work.key;
      batch.add(r);
    }
    batch.commit();
  }
  std::vector<std::string> dois;
  for (std::size_t i = 0; i < c.works; ++i) dois.push_back(bench_doi(i));

  litrev::HttpClientOptions options;
  options.user_agent = litrev::make_user_agent("bench", "");
  litrev::HttpClient client(options);
  // As the CLI does (OnlineSession::base_url): OpenAlex's documented pace.
  client.document_limits(litrev::kOpenAlexClass, litrev::kOpenAlexApi.documented);
  litrev::OpenAlexOptions oa;
  oa.base_url = server.base_url();
  litrev::OpenAlexImporter importer(client, oa);
  std::size_t stored = 0, merged = 0;
  double store_seconds = 0;
  const auto t0 = Clock::now();
  const auto summary = importer.by_dois(dois, [&](std::vector<litrev::ImportRecord>&& page) {
    const auto s0 = Clock::now();
    auto batch = store.begin_import();
    for (const auto& r : page) merged += batch.add(r).merged;
    batch.commit();
    stored += page.size();
    store_seconds += std::chrono::duration<double>(Clock::now() - s0).count();
  });
  const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
  const auto stats = store.stats();
  std::filesystem::remove(db);
  std::filesystem::remove(db.string() + "-wal");
  std::filesystem::remove(db.string() + "-shm");

  const std::size_t ideal_requests = (c.works + 49) / 50;
  // The floor a limit of R requests in any one-second window sets: the first R start at once,
  // every later one waits a second after the one R before it; plus one answer's latency.
  auto floor_at = [&](int rate) {
    const double waits = ideal_requests > static_cast<std::size_t>(rate)
                             ? std::ceil(static_cast<double>(ideal_requests - static_cast<std::size_t>(rate)) / rate)
                             : 0.0;
    return waits + c.latency_ms / 1000.0;
  };
  const double ideal = floor_at(c.limit);
  std::printf("works %zu, %d referenced works each, server limit %d req/s, latency %d ms\n", c.works, c.refs, c.limit,
              c.latency_ms);
  std::printf("found %zu, merged into the library %zu, not found %zu, failed %zu\n", summary.found.size(), merged,
              summary.not_found.size(), summary.failed.size());
  std::printf("requests made %zu (ideal %zu, %.1f works per request), answered 429: %zu\n", server.requests(),
              ideal_requests, static_cast<double>(c.works) / static_cast<double>(server.requests()), server.rejected());
  const auto pace = litrev::kOpenAlexApi.documented;
  std::printf("wall %.2f s (of which storing %.2f s); ideal %.2f s at the server's limit, %.2f s at litrev's pace for "
              "OpenAlex (%d req/s, %d in flight)\n",
              wall, store_seconds, ideal, floor_at(std::min(pace.requests, c.limit)), pace.requests,
              pace.concurrency);
  std::printf("library: %lld works, %lld references\n", static_cast<long long>(stats.works),
              static_cast<long long>(stats.references));
  const bool ok = summary.found.size() == c.works && merged == c.works && server.requests() - server.rejected() <= ideal_requests;
  return ok ? 0 : 1;
}
