// Rate-limited Crossref import benchmark.
//
// A loopback server plays Crossref: it advertises R requests per interval and C in flight in
// Crossref's headers and enforces them (429 past R arrivals in any window of one interval, or
// past C requests in flight), and serves synthetic works for N registered DOIs (returned in
// upper case, as registered DOIs often are) through /works/{doi} and the batch form
// /works?filter=doi:...,doi:.... The Crossref importer then looks all N DOIs up.
//
// It must lose none, receive no 429 after the first answer, need far fewer than N requests, and
// finish within 1.2x the ideal time: requests / R * interval. Prints one report and exits 0 when
// every condition holds, 1 otherwise.
//
//   bench_crossref_rate [--dois N] [--limit R] [--interval-ms I] [--concurrency C]
//                       [--latency-ms L] [--unknown U]
//   bench_crossref_rate --serve [...]   only serve: prints the base URL, answers until stdin
//                                       closes, then prints the server's counters (bench/crossref.sh
//                                       uses it to time the litrev binary itself)

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <iostream>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "importers/crossref/crossref_fetch.hpp"
#include "importers/net/net_config.hpp"
#include "src/core/text.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

struct Config {
  std::size_t dois = 2000;
  int limit = 10;
  int interval_ms = 1000;
  int concurrency = 3;
  int latency_ms = 20;
  std::size_t unknown = 0;  // extra DOIs that are not registered (404 on the single route)
  bool serve = false;
};

std::string bench_doi(std::size_t i) { return "10.5555/litrev-bench." + std::to_string(i); }

// A synthetic but complete-looking work: what a real batch answer weighs, roughly.
json synthetic_work(std::size_t i) {
  std::string doi = bench_doi(i);
  for (auto& c : doi) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));  // registered case
  json refs = json::array();
  for (int r = 0; r < 5; ++r)
    refs.push_back({{"key", "ref" + std::to_string(r)},
                    {"DOI", bench_doi((i * 7 + static_cast<std::size_t>(r) * 13) % 100000)},
                    {"unstructured", "Author A, Other B. A cited title number " + std::to_string(r) + ". J Synth. 2010;1:1-10."}});
  return {{"DOI", doi},
          {"type", "journal-article"},
          {"title", {"Synthetic work number " + std::to_string(i) + " on rate-limited imports"}},
          {"author", {{{"given", "Ada"}, {"family", "Lovelace"}, {"sequence", "first"}, {"affiliation", json::array()}},
                      {{"given", "Alan"}, {"family", "Turing"}, {"sequence", "additional"}, {"affiliation", json::array()}}}},
          {"container-title", {"Journal of Synthetic Benchmarks"}},
          {"issued", {{"date-parts", {{2000 + static_cast<int>(i % 25), 1 + static_cast<int>(i % 12)}}}}},
          {"volume", std::to_string(1 + i % 40)},
          {"page", std::to_string(i) + "-" + std::to_string(i + 9)},
          {"ISSN", {"2049-3630"}},
          {"is-referenced-by-count", static_cast<int>(i % 97)},
          {"reference", refs}};
}

// Not "application/json" exactly: cpp-httplib would brotli-compress every answer at quality 11,
// which costs the server about a second per 100 works and would measure the server, not us.
constexpr const char* kJson = "application/json; charset=utf-8";

class RateLimitedCrossref {
 public:
  explicit RateLimitedCrossref(const Config& c) : config_(c) {
    server_.new_task_queue = [] { return new httplib::ThreadPool(16); };
    server_.Get(R"(/works/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
      handle(res, [&] {
        const std::string doi = litrev::ascii_lower(req.matches[1].str());
        const auto index = index_of(doi);
        if (!index) {
          res.status = 404;
          res.set_content("Resource not found.", "text/plain");
          return;
        }
        json body = {{"status", "ok"}, {"message-type", "work"}, {"message-version", "1.0.0"}, {"message", synthetic_work(*index)}};
        res.set_content(body.dump(), kJson);
      });
    });
    server_.Get("/works", [this](const httplib::Request& req, httplib::Response& res) {
      handle(res, [&] {
        json items = json::array();
        const std::string filter = req.get_param_value("filter");
        std::size_t from = 0;
        while (from < filter.size()) {
          auto comma = filter.find(',', from);
          if (comma == std::string::npos) comma = filter.size();
          const std::string term = filter.substr(from, comma - from);
          from = comma + 1;
          if (!term.starts_with("doi:")) continue;
          if (const auto index = index_of(litrev::ascii_lower(term.substr(4)))) items.push_back(synthetic_work(*index));
        }
        json body = {{"status", "ok"}, {"message-type", "work-list"}, {"message-version", "1.0.0"},
                     {"message", {{"facets", json::object()}, {"total-results", items.size()}, {"items", items}, {"items-per-page", items.size()}}}};
        res.set_content(body.dump(), kJson);
      });
    });
  }

  void start() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  void stop() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  std::size_t requests() const { return requests_; }
  std::size_t rejected() const { return rejected_; }
  int max_in_flight() const { return max_in_flight_; }

 private:
  std::optional<std::size_t> index_of(const std::string& doi) const {
    const std::string prefix = "10.5555/litrev-bench.";
    if (!doi.starts_with(prefix)) return std::nullopt;
    try {
      const std::size_t i = std::stoul(doi.substr(prefix.size()));
      if (i < config_.dois && bench_doi(i) == doi) return i;
    } catch (...) {
    }
    return std::nullopt;
  }

  template <class Serve>
  void handle(httplib::Response& res, Serve serve) {
    const auto now = Clock::now();
    bool too_many = false;
    {
      std::lock_guard lock(mutex_);
      ++requests_;
      const auto window = std::chrono::milliseconds(config_.interval_ms);
      while (!arrivals_.empty() && now - arrivals_.front() >= window) arrivals_.pop_front();
      too_many = static_cast<int>(arrivals_.size()) >= config_.limit;
      arrivals_.push_back(now);
    }
    const int n = ++in_flight_;
    for (int seen = max_in_flight_.load(); n > seen && !max_in_flight_.compare_exchange_weak(seen, n);) {}
    res.set_header("x-api-pool", "polite");
    res.set_header("x-rate-limit-limit", std::to_string(config_.limit));
    res.set_header("x-rate-limit-interval", std::to_string(config_.interval_ms / 1000) + "s");
    res.set_header("x-concurrency-limit", std::to_string(config_.concurrency));
    if (too_many || n > config_.concurrency) {
      ++rejected_;
      res.status = 429;
      res.set_header("Retry-After", "1");
      res.set_content("<html><body><h1>429 Too Many Requests</h1></body></html>", "text/html");
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(config_.latency_ms));
      serve();
    }
    --in_flight_;  // before the answer is written: the client cannot see it complete earlier
  }

  Config config_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mutex_;
  std::deque<Clock::time_point> arrivals_;
  std::atomic<std::size_t> requests_{0}, rejected_{0};
  std::atomic<int> in_flight_{0}, max_in_flight_{0};
};

Config parse(int argc, char** argv) {
  Config c;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&] {
      if (i + 1 >= argc) {
        std::cerr << "missing value after " << a << "\n";
        std::exit(2);
      }
      return std::string(argv[++i]);
    };
    if (a == "--dois") c.dois = std::stoul(next());
    else if (a == "--limit") c.limit = std::stoi(next());
    else if (a == "--interval-ms") c.interval_ms = std::stoi(next());
    else if (a == "--concurrency") c.concurrency = std::stoi(next());
    else if (a == "--latency-ms") c.latency_ms = std::stoi(next());
    else if (a == "--unknown") c.unknown = std::stoul(next());
    else if (a == "--serve") c.serve = true;
    else {
      std::cerr << "unknown argument " << a << "\n";
      std::exit(2);
    }
  }
  if (c.interval_ms < 1000 || c.interval_ms % 1000 != 0) {
    std::cerr << "--interval-ms must be whole seconds (Crossref writes the interval as \"Ns\")\n";
    std::exit(2);
  }
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  const Config config = parse(argc, argv);
  RateLimitedCrossref server(config);
  server.start();

  if (config.serve) {
    std::cout << server.base_url() << std::endl;
    std::string line;
    while (std::getline(std::cin, line)) {}
    server.stop();
    std::cout << "requests " << server.requests() << "\n429s " << server.rejected() << "\nmax_in_flight "
              << server.max_in_flight() << std::endl;
    return 0;
  }

  std::vector<std::string> dois;
  for (std::size_t i = 0; i < config.dois; ++i) dois.push_back(litrev::ascii_upper(bench_doi(i)));  // as users paste them
  for (std::size_t i = 0; i < config.unknown; ++i) dois.push_back("10.5555/litrev-unregistered." + std::to_string(i));

  litrev::NetConfig net;
  net.mailto = "bench@example.org";
  litrev::HttpClient client(litrev::client_options(net, "bench"));
  litrev::CrossrefOptions options;
  options.base_url = server.base_url();
  litrev::CrossrefImporter importer(client, options);

  std::size_t records = 0;
  std::set<std::string> seen;
  const auto t0 = Clock::now();
  const auto summary = importer.by_dois(dois, [&](std::vector<litrev::ImportRecord>&& page) {
    records += page.size();
    for (const auto& r : page) seen.insert(litrev::ascii_lower(r.source.original_key));
  });
  const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
  server.stop();

  const std::size_t requests = server.requests();
  const double interval = config.interval_ms / 1000.0;
  const double ideal = static_cast<double>(requests) / config.limit * interval;
  const std::size_t lost = config.dois - std::min(config.dois, summary.found.size());
  const bool ok = lost == 0 && summary.responses_429 == 0 && server.rejected() == 0 && requests * 10 < config.dois &&
                  wall <= 1.2 * ideal && summary.not_found.size() == config.unknown && summary.failed.empty();

  std::printf("crossref_rate: %zu DOIs (+%zu unregistered), server limit %d per %.0f s, %d in flight, %d ms per answer\n",
              config.dois, config.unknown, config.limit, interval, config.concurrency, config.latency_ms);
  std::printf("  records imported   %zu (distinct %zu), found %zu, not found %zu, failed %zu, lost %zu\n", records,
              seen.size(), summary.found.size(), summary.not_found.size(), summary.failed.size(), lost);
  std::printf("  requests made      %zu (server saw %zu, max %d in flight)\n", summary.requests, requests, server.max_in_flight());
  std::printf("  429s received      %zu (server sent %zu)\n", summary.responses_429, server.rejected());
  std::printf("  wall time          %.3f s\n", wall);
  std::printf("  ideal time         %.3f s  (%zu requests / %d per %.0f s)\n", ideal, requests, config.limit, interval);
  std::printf("  wall / ideal       %.3f  (must be <= 1.2)\n", ideal > 0 ? wall / ideal : 0.0);
  std::printf("  learned limits     %d per %lld ms, %d in flight, pool %s\n",
              client.limiter().limits(litrev::kCrossrefClass).requests,
              static_cast<long long>(client.limiter().limits(litrev::kCrossrefClass).interval.count()),
              client.limiter().limits(litrev::kCrossrefClass).concurrency,
              client.limiter().pool(litrev::kCrossrefClass).c_str());
  std::printf("  transport errors   %zu, retries %zu\n", client.stats().transport_errors, client.stats().retries);
  std::printf("  verdict            %s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
